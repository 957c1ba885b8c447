import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/dataset/errors.js';
import { listEditions, loadDataset } from '../../src/dataset/load.js';

/** A scratch copy of data/ whose one file is edited by `edit`. */
function withEdited(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'anode-data-'));
  cpSync('data', dir, { recursive: true });
  const path = join(dir, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

function loadError(dir: string): string {
  try {
    loadDataset(dir);
  } catch (err) {
    expect(err).toBeInstanceOf(DatasetError);
    return (err as Error).message;
  }
  throw new Error('expected the load to fail');
}

describe('loading the dataset', () => {
  it('loads every table of the 2024 edition', () => {
    const ds = loadDataset('data');
    expect(ds.edition.year).toBe(2024);
    expect(ds.efficiency).toHaveLength(13);
    expect(ds.production).toHaveLength(13);
    expect(ds.balance).toHaveLength(11);
    expect(ds.exports.filter((r) => r.year === 2024)).toHaveLength(12);
    expect(ds.exports.filter((r) => r.year === 2023)).toHaveLength(12);
    expect(ds.classes.map((c) => c.class)).toEqual(['high', 'medium', 'low_and_idle', 'idle']);
    expect(ds.textFigures.length).toBeGreaterThan(30);
  });

  it('finds editions by folder name, so 2025 is a new folder and no code', () => {
    expect(listEditions('data')).toEqual([2024]);
    const dir = mkdtempSync(join(tmpdir(), 'anode-data-'));
    cpSync('data', dir, { recursive: true });
    cpSync(join(dir, '2024'), join(dir, '2025'), { recursive: true });
    const edition = join(dir, '2025', 'edition.json');
    writeFileSync(edition, readFileSync(edition, 'utf8').replace('"year": 2024', '"year": 2025'));
    expect(listEditions(dir)).toEqual([2024, 2025]);
    expect(loadDataset(dir).edition.year).toBe(2025);
    expect(loadDataset(dir, 2024).edition.year).toBe(2024);
  });

  it('names the file, row, field and expectation for a bad number', () => {
    const dir = withEdited('2024/production-by-province.csv', (t) => t.replace('Henan,province,3.45,1.76', 'Henan,province,3.45,abc'));
    const message = loadError(dir);
    expect(message).toContain('production-by-province.csv');
    expect(message).toContain('row 4 (Henan)');
    expect(message).toContain('field output_mt');
    expect(message).toContain('expected a number');
    expect(message).toContain('"abc"');
  });

  it('rejects a share above 100 %', () => {
    const message = loadError(withEdited('2024/efficiency-by-province.csv', (t) => t.replace('Yunnan,province,1.7,100', 'Yunnan,province,1.7,180')));
    expect(message).toMatch(/row 6 \(Yunnan\), field high_pct: expected a percentage/);
  });

  it('rejects a missing column', () => {
    const message = loadError(withEdited('2024/balance-by-province.csv', (t) => t.replace('demand_mt', 'demand')));
    expect(message).toMatch(/balance-by-province\.csv: header row: missing column "demand_mt"/);
  });

  it('rejects a duplicated row and a missing Total', () => {
    expect(loadError(withEdited('2024/balance-by-province.csv', (t) => `${t}Yunnan,province,1,1,0,0\n`))).toMatch(/"Yunnan" appears twice/);
    expect(loadError(withEdited('2024/balance-by-province.csv', (t) => t.replace(/Total,total.*\n/, '')))).toMatch(/exactly one row of kind "total"/);
  });

  it('rejects an unknown row kind and a blank cell', () => {
    expect(loadError(withEdited('2024/exports-by-country.csv', (t) => t.replace('Oman,country,2024', 'Oman,nation,2024')))).toMatch(/row 9 \(Oman\), field kind/);
    expect(loadError(withEdited('2024/exports-by-country.csv', (t) => t.replace('Oman,country,2024,66.3', 'Oman,country,2024,')))).toMatch(/field exports_kt: expected a number/);
  });

  it('names the key of a bad edition.json', () => {
    const message = loadError(withEdited('2024/edition.json', (t) => t.replace('"https://doi.org/10.71659/icsoba2025-kn006"', '"not a url"')));
    expect(message).toMatch(/edition\.json: key paper\.doi/);
    expect(loadError(withEdited('2024/edition.json', () => '{ broken'))).toMatch(/edition\.json: not valid JSON/);
  });

  it('says which folder is missing', () => {
    expect(() => loadDataset('no-such-dir')).toThrow(/no-such-dir: data folder not found/);
  });
});
