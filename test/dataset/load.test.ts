import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEdition, loadEditions, loadNames } from '../../src/dataset/load.js';
import { DatasetError } from '../../src/dataset/errors.js';
import { PAPER_YEAR, pinnedDataDir } from '../support/core.js';

/** A copy of the pinned data folder with one file changed. */
function broken(file: string, edit: (text: string) => string): string {
  const dir = pinnedDataDir();
  const path = join(dir, String(PAPER_YEAR), file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

const load = (dir: string) => () => loadEditions(dir);

describe('loading an edition', () => {
  it('reads the 2024 edition: every table, the classes, the prose figures, the names', () => {
    const ds = loadEdition('data', PAPER_YEAR, loadNames('data'));
    expect(ds.production).toHaveLength(13);
    expect(ds.efficiency).toHaveLength(13);
    expect(ds.balance).toHaveLength(11);
    expect(ds.exports).toHaveLength(24);
    expect(ds.classes).toHaveLength(4);
    expect(ds.textFigures.length).toBeGreaterThanOrEqual(55);
    expect(ds.claims.length).toBeGreaterThan(0);
    expect(ds.names.some((n) => n.aliases.includes('云南'))).toBe(true);
  });

  it('keeps the precision each cell was printed with (1.70 is not 1.7)', () => {
    const ds = loadEdition('data', PAPER_YEAR, loadNames('data'));
    const t2 = ds.production.find((r) => r.name === 'Yunnan')!;
    const t1 = ds.efficiency.find((r) => r.name === 'Yunnan')!;
    expect([t2.capacityMt, t2.dp.capacityMt]).toEqual([1.7, 2]);
    expect([t1.capacityMt, t1.dp.capacityMt]).toEqual([1.7, 1]);
    expect(ds.production.find((r) => r.name === 'Inner Mongolia')!.dp.utilizationPct).toBe(2);
    expect(ds.balance.find((r) => r.name === 'Xinjiang')!.dp.balanceMt).toBe(3);
    expect(ds.exports.find((r) => r.name === 'Oman' && r.year === 2023)!.dp.exportsKt).toBe(0);
  });

  it.each([
    [
      'balance-by-province.csv',
      (t: string) => t.replace('Yunnan,province,1.69,2.46', 'Yunnan,province,1.69,lots'),
      /balance-by-province\.csv: row 5 \(Yunnan\), field demand_mt: expected a number like 1\.23, got "lots"/,
    ],
    [
      'production-by-province.csv',
      (t: string) => t.replace('Henan,province,3.45,1.76,51.05', 'Henan,province,3.45,1.76,451.05'),
      /production-by-province\.csv: row 4 \(Henan\), field utilization_pct: expected a utilization from 0 to 150 %/,
    ],
    ['efficiency-by-province.csv', (t: string) => t.replace('shutdown_pct', 'shut'), /efficiency-by-province\.csv: header row: missing column "shutdown_pct"/],
    [
      'exports-by-country.csv',
      (t: string) => t.replace('Malaysia,country,2024', 'Malaysia,country,24'),
      /exports-by-country\.csv: row 2 \(Malaysia\), field year: expected a four-digit year/,
    ],
    [
      'text-figures.csv',
      (t: string) => t.replace('National,capacity_mt,30.366,Mt', 'National,capacity_mt,30.366,tonnes'),
      /text-figures\.csv: row 2 \(National\), field unit/,
    ],
    ['edition.json', (t: string) => t.replace('"year": 2024', '"year": 2023'), /edition\.json: key year: expected 2024/],
    ['edition.json', () => '{ not json', /edition\.json: not valid JSON/],
    [
      'production-by-province.csv',
      (t: string) => t.replace('Xinjiang,province', 'Shandong,province'),
      /production-by-province\.csv: row 3 \(Shandong\), field name: "Shandong" appears twice/,
    ],
    [
      'balance-by-province.csv',
      (t: string) => t.replace('Total,total', 'Everything,province'),
      /balance-by-province\.csv: expected exactly one row of kind "total", found 0/,
    ],
    ['claims.csv', (t: string) => t.replace('output_over_demand', 'vibes'), /claims\.csv: row 2 \(Yunnan\), field check/],
  ])('a bad %s stops start-up naming the file, row and field', (file, edit, message) => {
    expect(load(broken(file, edit))).toThrow(DatasetError);
    expect(load(broken(file, edit))).toThrow(message);
  });

  it('a missing folder or an empty one says so', () => {
    expect(load('no/such/folder')).toThrow(/no\/such\/folder: data folder not found/);
    expect(load(mkdtempSync(join(tmpdir(), 'anode-empty-')))).toThrow(/no edition folder/);
  });

  it('a data folder may hold several editions; every one is validated', () => {
    const dir = pinnedDataDir();
    cpSync(join(dir, '2024'), join(dir, '2025'), { recursive: true });
    expect(load(dir)).toThrow(/2025\/edition\.json: key year: expected 2025/);
    const meta = join(dir, '2025', 'edition.json');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('"year": 2024', '"year": 2025'));
    expect(loadEditions(dir).map((d) => d.edition.year)).toEqual([2024, 2025]);
  });
});
