/** `npm run data:check`: loads the dataset and prints every cross-check finding. Exit 1 only if the data cannot load. */
import { loadDataset } from '../dataset/load.js';
import { DatasetError } from '../dataset/errors.js';
import { crossCheck, summarizeFindings, type Finding } from '../metrics/cross-checks.js';
import { formatNumber } from '../format/numbers.js';

const dataDir = process.env.DATA_DIR ?? 'data';
try {
  const ds = loadDataset(dataDir);
  const findings = crossCheck(ds);
  const { inconsistencies, rounding } = summarizeFindings(findings);
  console.log(`Dataset ${ds.edition.year} (version ${ds.edition.datasetVersion}) from ${dataDir}/${ds.edition.year}: loaded.`);
  console.log(`${findings.length} findings: ${inconsistencies} beyond rounding, ${rounding} within rounding. Nothing is corrected.\n`);
  const line = (f: Finding) =>
    `  ${f.table} · ${f.row} · ${f.check}: off by ${formatNumber(f.difference, 3, true)} ${f.unit}. ${f.detail}`;
  for (const [title, severity] of [['Beyond rounding (real inconsistencies)', 'inconsistency'], ['Within rounding', 'rounding']] as const) {
    const group = findings.filter((f) => f.severity === severity);
    console.log(`${title}: ${group.length}`);
    for (const f of group) console.log(`WARN ${line(f)}`);
    console.log('');
  }
} catch (err) {
  if (err instanceof DatasetError) {
    console.error(`Cannot load the dataset: ${err.message}`);
    process.exit(1);
  }
  throw err;
}
