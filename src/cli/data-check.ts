/** `npm run data:check`: loads every edition and prints the cross-checks. Exit 1 only if the data cannot load. */
import { loadDotEnv, withoutEmpty } from '../config/env.js';
import { readBaseConfig } from '../config/config.js';
import { loadEditions } from '../dataset/load.js';
import { formatNumber } from '../format/numbers.js';
import { crossCheck, summarizeFindings, type Finding } from '../metrics/cross-checks.js';
import { parseArgs } from 'node:util';
import { parseCli, quietOnClosedPipe } from './failure.js';

export const DATA_CHECK_USAGE =
  "usage: npm run data:check\n  Loads every edition in DATA_DIR and prints where the paper's figures disagree with its own totals; nothing is corrected.";

export async function dataCheck(argv: string[] = []): Promise<void> {
  quietOnClosedPipe();
  await parseCli(() => parseArgs({ args: argv, options: {}, strict: true }), DATA_CHECK_USAGE, argv);
  loadDotEnv();
  const config = readBaseConfig(withoutEmpty(process.env));
  const datasets = loadEditions(config.DATA_DIR);
  for (const ds of datasets) {
    const findings = crossCheck(ds);
    const { inconsistencies, rounding, notes } = summarizeFindings(findings);
    console.log(`Edition ${ds.edition.year} (dataset ${ds.edition.datasetVersion}) from ${config.DATA_DIR}/${ds.edition.year}: loaded.`);
    console.log(
      `${findings.length} findings: ${inconsistencies} beyond rounding, ${notes} soft ${notes === 1 ? 'tension (note)' : 'tensions (notes)'}, ${rounding} within rounding. Nothing is corrected.\n`,
    );
    const line = (f: Finding) =>
      `${f.table} · ${f.row} · ${f.check}: ${f.severity === 'note' ? '' : `off by ${formatNumber(f.difference, 3, true)} ${f.unit === '%' ? 'pp' : f.unit}. `}${f.detail}`;
    const groups: [string, Finding['severity'], string][] = [
      ['Beyond rounding (real inconsistencies of the paper)', 'inconsistency', 'WARN'],
      ['Soft tensions (a claim of the prose set against the tables)', 'note', 'NOTE'],
      ['Within rounding (explained by the printed precision)', 'rounding', 'rounding'],
    ];
    for (const [title, severity, label] of groups) {
      const group = findings.filter((f) => f.severity === severity);
      console.log(`${title}: ${group.length}`);
      for (const f of group) console.log(`  ${label}  ${line(f)}`);
      console.log('');
    }
  }
}
