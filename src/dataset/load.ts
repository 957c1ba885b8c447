import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listEditions } from './edition-folders.js';
import { DatasetError } from './errors.js';
import { decimalsIn, readCsv, type Located } from './read-csv.js';
import {
  balanceRowSchema,
  claimSchema,
  classRowSchema,
  editionSchema,
  efficiencyRowSchema,
  exportRowSchema,
  nameRowSchema,
  productionRowSchema,
  textFigureSchema,
} from './schema.js';
import type { Dataset, EditionMeta, NameEntry, TableKey } from './types.js';

const TABLES: readonly TableKey[] = [
  'efficiency-by-province',
  'production-by-province',
  'balance-by-province',
  'exports-by-country',
  'efficiency-classes',
  'text-figures',
];

function readMeta(file: string): EditionMeta {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new DatasetError(code ? `${file}: cannot read the file (${code})` : `${file}: not valid JSON: ${(err as Error).message}`);
  }
  const result = editionSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DatasetError(`${file}: key ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** Printed decimals of the given columns of one row, under the row's field names. */
function printed<K extends string>(r: Located<unknown>, columns: Record<K, string>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const [field, column] of Object.entries(columns) as [K, string][]) out[field] = decimalsIn(r.raw[column]);
  return out;
}

export function loadNames(dataDir: string): NameEntry[] {
  const file = join(dataDir, 'names.csv');
  return existsSync(file) ? readCsv(file, nameRowSchema, 'name').map(({ row }) => ({ name: row.name, kind: row.kind, aliases: row.aliases })) : [];
}

/** Loads and validates one edition folder. Throws DatasetError on the first bad cell. */
export function loadEdition(dataDir: string, year: number, names: readonly NameEntry[] = loadNames(dataDir)): Dataset {
  const dir = join(dataDir, String(year));
  const metaFile = join(dir, 'edition.json');
  const edition = readMeta(metaFile);
  if (edition.year !== year) throw new DatasetError(`${metaFile}: key year: expected ${year} (the folder's name), got ${edition.year}`);
  const files = Object.fromEntries(TABLES.map((k) => [k, join(dir, `${k}.csv`)])) as Record<TableKey, string>;

  const efficiency = readCsv(files['efficiency-by-province'], efficiencyRowSchema, 'province').map((r) => ({
    name: r.row.province,
    kind: r.row.kind,
    capacityMt: r.row.capacity_mt,
    highPct: r.row.high_pct,
    mediumPct: r.row.medium_pct,
    lowPct: r.row.low_pct,
    shutdownPct: r.row.shutdown_pct,
    dp: printed(r, { capacityMt: 'capacity_mt', highPct: 'high_pct', mediumPct: 'medium_pct', lowPct: 'low_pct', shutdownPct: 'shutdown_pct' }),
    line: r.line,
  }));
  const production = readCsv(files['production-by-province'], productionRowSchema, 'province').map((r) => ({
    name: r.row.province,
    kind: r.row.kind,
    capacityMt: r.row.capacity_mt,
    outputMt: r.row.output_mt,
    utilizationPct: r.row.utilization_pct,
    dp: printed(r, { capacityMt: 'capacity_mt', outputMt: 'output_mt', utilizationPct: 'utilization_pct' }),
    line: r.line,
  }));
  const balance = readCsv(files['balance-by-province'], balanceRowSchema, 'province').map((r) => ({
    name: r.row.province,
    kind: r.row.kind,
    outputMt: r.row.output_mt,
    demandMt: r.row.demand_mt,
    exportsMt: r.row.exports_mt,
    balanceMt: r.row.balance_mt,
    dp: printed(r, { outputMt: 'output_mt', demandMt: 'demand_mt', exportsMt: 'exports_mt', balanceMt: 'balance_mt' }),
    line: r.line,
  }));
  const exports = readCsv(files['exports-by-country'], exportRowSchema, 'country').map((r) => ({
    name: r.row.country,
    kind: r.row.kind,
    year: r.row.year,
    exportsKt: r.row.exports_kt,
    sharePct: r.row.share_pct,
    dp: printed(r, { exportsKt: 'exports_kt', sharePct: 'share_pct' }),
    line: r.line,
  }));
  const classes = readCsv(files['efficiency-classes'], classRowSchema, 'class').map((r) => ({
    class: r.row.class,
    enterprises: r.row.enterprises,
    capacityMt: r.row.capacity_mt,
    sharePct: r.row.share_pct,
    dp: printed(r, { capacityMt: 'capacity_mt', sharePct: 'share_pct' }),
    line: r.line,
  }));
  const textFigures = readCsv(files['text-figures'], textFigureSchema, 'subject').map((r) => ({
    ...r.row,
    decimals: decimalsIn(r.raw.value),
    line: r.line,
  }));
  const claimsFile = join(dir, 'claims.csv');
  const claims = existsSync(claimsFile) ? readCsv(claimsFile, claimSchema, 'subjects').map((r) => ({ ...r.row, line: r.line })) : [];
  const dataset: Dataset = { edition, files, efficiency, production, balance, exports, classes, textFigures, claims, names };
  checkStructure(dataset);
  return dataset;
}

/** Every edition folder, oldest first; the first bad file stops with a DatasetError naming it. */
export function loadEditions(dataDir: string): Dataset[] {
  const years = listEditions(dataDir);
  if (years.length === 0) throw new DatasetError(`${dataDir}: no edition folder (expected e.g. ${dataDir}/<year>/ with edition.json and the tables)`);
  const names = loadNames(dataDir);
  return years.map((y) => loadEdition(dataDir, y, names));
}

/** Structural rules the metrics rely on; a breach is an error, unlike the paper's own inconsistencies. */
function checkStructure(ds: Dataset): void {
  const tables: [TableKey, readonly { name: string; kind: string; line: number }[]][] = [
    ['efficiency-by-province', ds.efficiency],
    ['production-by-province', ds.production],
    ['balance-by-province', ds.balance],
  ];
  for (const [key, rows] of tables) requireUniqueAndOneTotal(ds.files[key], rows);
  const years = [...new Set(ds.exports.map((r) => r.year))];
  for (const year of years)
    requireUniqueAndOneTotal(
      ds.files['exports-by-country'],
      ds.exports.filter((r) => r.year === year),
      ` for ${year}`,
    );
  const classes = new Set<string>();
  for (const row of ds.classes) {
    if (classes.has(row.class)) throw new DatasetError(`${ds.files['efficiency-classes']}: row ${row.line} (${row.class}), field class: appears twice`);
    classes.add(row.class);
  }
  for (const needed of ['high', 'medium', 'low_and_idle'] as const) {
    if (!classes.has(needed)) throw new DatasetError(`${ds.files['efficiency-classes']}: missing the row for class "${needed}"`);
  }
}

function requireUniqueAndOneTotal(file: string, rows: readonly { name: string; kind: string; line: number }[], scope = ''): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const key = row.name.toLowerCase();
    if (seen.has(key)) throw new DatasetError(`${file}: row ${row.line} (${row.name}), field name: "${row.name}" appears twice${scope}`);
    seen.add(key);
  }
  const totals = rows.filter((r) => r.kind === 'total').length;
  if (totals !== 1) throw new DatasetError(`${file}: expected exactly one row of kind "total"${scope}, found ${totals}`);
}
