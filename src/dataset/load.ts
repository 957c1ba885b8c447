import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatasetError } from './errors.js';
import { readCsv } from './read-csv.js';
import {
  balanceRowSchema,
  classRowSchema,
  editionSchema,
  efficiencyRowSchema,
  exportRowSchema,
  nameRowSchema,
  productionRowSchema,
  textFigureSchema,
} from './schema.js';
import type { Dataset, Edition, TableKey } from './types.js';

/** Edition folders are named by year (data/2024/), so a new edition is a new folder and no code. */
export function listEditions(dataDir: string): number[] {
  if (!existsSync(dataDir)) throw new DatasetError(`${dataDir}: data folder not found`);
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^\d{4}$/.test(d.name))
    .map((d) => Number(d.name))
    .sort((a, b) => a - b);
}

function readEdition(file: string): Edition {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new DatasetError(`${file}: not valid JSON: ${(err as Error).message}`);
  }
  const result = editionSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new DatasetError(`${file}: key ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return result.data;
}

/** Loads and validates one edition (the latest by default). Throws DatasetError on the first bad cell. */
export function loadDataset(dataDir: string, year?: number): Dataset {
  const editions = listEditions(dataDir);
  const chosen = year ?? editions.at(-1);
  if (chosen === undefined) throw new DatasetError(`${dataDir}: no edition folder (expected e.g. ${dataDir}/2024/)`);
  if (!editions.includes(chosen)) {
    throw new DatasetError(`${dataDir}: no edition ${chosen} (editions found: ${editions.join(', ') || 'none'})`);
  }
  const dir = join(dataDir, String(chosen));
  const editionFile = join(dir, 'edition.json');
  const edition = readEdition(editionFile);
  if (edition.year !== chosen) {
    throw new DatasetError(`${editionFile}: key year: expected ${chosen} (the folder's name), got ${edition.year}`);
  }
  const keys: TableKey[] = [
    'efficiency-by-province',
    'production-by-province',
    'balance-by-province',
    'exports-by-country',
    'efficiency-classes',
    'text-figures',
  ];
  const files = Object.fromEntries(keys.map((k) => [k, join(dir, `${k}.csv`)])) as Record<TableKey, string>;

  const efficiency = readCsv(files['efficiency-by-province'], efficiencyRowSchema, 'province').map(({ row, line }) => ({
    name: row.province,
    kind: row.kind,
    capacityMt: row.capacity_mt,
    highPct: row.high_pct,
    mediumPct: row.medium_pct,
    lowPct: row.low_pct,
    shutdownPct: row.shutdown_pct,
    line,
  }));
  const production = readCsv(files['production-by-province'], productionRowSchema, 'province').map(({ row, line }) => ({
    name: row.province,
    kind: row.kind,
    capacityMt: row.capacity_mt,
    outputMt: row.output_mt,
    utilizationPct: row.utilization_pct,
    line,
  }));
  const balance = readCsv(files['balance-by-province'], balanceRowSchema, 'province').map(({ row, line }) => ({
    name: row.province,
    kind: row.kind,
    outputMt: row.output_mt,
    demandMt: row.demand_mt,
    exportsMt: row.exports_mt,
    balanceMt: row.balance_mt,
    line,
  }));
  const exports = readCsv(files['exports-by-country'], exportRowSchema, 'country').map(({ row, line }) => ({
    name: row.country,
    kind: row.kind,
    year: row.year,
    exportsKt: row.exports_kt,
    sharePct: row.share_pct,
    line,
  }));
  const classes = readCsv(files['efficiency-classes'], classRowSchema, 'class').map(({ row, line }) => ({
    class: row.class,
    enterprises: row.enterprises,
    capacityMt: row.capacity_mt,
    sharePct: row.share_pct,
    line,
  }));
  const textFigures = readCsv(files['text-figures'], textFigureSchema, 'subject').map(({ row, line }) => ({
    ...row,
    line,
  }));
  const namesFile = join(dataDir, 'names.csv');
  const names = existsSync(namesFile)
    ? readCsv(namesFile, nameRowSchema, 'name').map(({ row }) => ({ name: row.name, kind: row.kind, aliases: row.aliases }))
    : [];

  const dataset: Dataset = { edition, files, efficiency, production, balance, exports, classes, textFigures, names };
  checkStructure(dataset);
  return dataset;
}

/** Structural rules the metrics rely on; a breach is an error, unlike the paper's own inconsistencies. */
function checkStructure(ds: Dataset): void {
  const tables: [TableKey, readonly { name: string; kind: string; line: number; year?: number }[]][] = [
    ['efficiency-by-province', ds.efficiency],
    ['production-by-province', ds.production],
    ['balance-by-province', ds.balance],
  ];
  for (const [key, rows] of tables) requireUniqueAndOneTotal(ds.files[key], rows);
  const years = [...new Set(ds.exports.map((r) => r.year))];
  for (const year of years) requireUniqueAndOneTotal(ds.files['exports-by-country'], ds.exports.filter((r) => r.year === year), ` for ${year}`);
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
