import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../../src/dataset/errors.js';
import { loadEditions } from '../../src/dataset/load.js';
import { loadEditionsFast, writePrevalidated } from '../../src/dataset/prevalidated.js';
import { FIXTURES, PAPER_YEAR, pinnedDataDir } from '../support/core.js';

/** A data folder and a prevalidated file written from it, as the build does. */
async function prevalidated(): Promise<{ dir: string; file: URL }> {
  const dir = pinnedDataDir();
  const file = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'anode-prevalidated-')), 'validated-dataset.json'));
  await writePrevalidated(dir, file);
  return { dir, file };
}

const table = (dir: string) => join(dir, String(PAPER_YEAR), 'production-by-province.csv');

describe('the dataset as the build validated it', () => {
  it('is used when every file is unchanged, and equals what validating now gives, field for field', async () => {
    const { dir, file } = await prevalidated();
    const fast = await loadEditionsFast(dir, file);
    expect(fast.validated).toBe('build');
    expect(fast.editions).toStrictEqual(loadEditions(dir));
    // The test fixtures too: two editions in one folder.
    const fixtures = mkdtempSync(join(tmpdir(), 'anode-fixtures-'));
    cpSync(FIXTURES, fixtures, { recursive: true });
    const fixturesFile = pathToFileURL(join(fixtures, 'validated-dataset.json'));
    await writePrevalidated(fixtures, fixturesFile);
    const both = await loadEditionsFast(fixtures, fixturesFile);
    expect(both.validated).toBe('build');
    expect(both.editions).toStrictEqual(loadEditions(fixtures));
    expect(both.editions.length).toBe(2);
  });

  it('is not used once a file changes: a bad cell is still named by file, row and field', async () => {
    const { dir, file } = await prevalidated();
    writeFileSync(table(dir), readFileSync(table(dir), 'utf8').replace(/^Yunnan,province,1\.70,/m, 'Yunnan,province,lots,'));
    await expect(loadEditionsFast(dir, file)).rejects.toThrow(DatasetError);
    await expect(loadEditionsFast(dir, file)).rejects.toThrow(/production-by-province\.csv: row \d+ \(Yunnan\), field capacity_mt/);
  });

  it('is not used when a change keeps the data valid, nor for an added file or another folder name', async () => {
    const { dir, file } = await prevalidated();
    const copy = mkdtempSync(join(tmpdir(), 'anode-data-copy-'));
    cpSync(dir, copy, { recursive: true });
    expect((await loadEditionsFast(copy, file)).validated).toBe('now');

    appendFileSync(table(dir), '\n');
    expect((await loadEditionsFast(dir, file)).validated).toBe('now');

    const again = await prevalidated();
    writeFileSync(join(again.dir, String(PAPER_YEAR), 'notes.txt'), 'an extra file');
    expect((await loadEditionsFast(again.dir, again.file)).validated).toBe('now');
    const third = await prevalidated();
    mkdirSync(join(third.dir, String(PAPER_YEAR), 'drafts'));
    expect((await loadEditionsFast(third.dir, third.file)).validated).toBe('now');
  });

  it('follows a linked data file, as the loader does: an edit to the file it points at is a change', async () => {
    const dir = pinnedDataDir();
    const elsewhere = join(mkdtempSync(join(tmpdir(), 'anode-linked-')), 'production.csv');
    renameSync(table(dir), elsewhere);
    symlinkSync(elsewhere, table(dir));
    const file = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'anode-prevalidated-')), 'validated-dataset.json'));
    await writePrevalidated(dir, file);
    expect((await loadEditionsFast(dir, file)).validated).toBe('build');
    writeFileSync(elsewhere, readFileSync(elsewhere, 'utf8').replace(/^Yunnan,province,1\.70,/m, 'Yunnan,province,lots,'));
    await expect(loadEditionsFast(dir, file)).rejects.toThrow(/field capacity_mt/);
  });

  it('is not used when it is damaged, or when there is none (the sources run directly)', async () => {
    const { dir, file } = await prevalidated();
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 1000));
    expect((await loadEditionsFast(dir, file)).validated).toBe('now');
    expect((await loadEditionsFast(dir, undefined)).validated).toBe('now');
    expect((await loadEditionsFast(dir)).validated).toBe('now');
  });

  it('is never written for data that does not validate', async () => {
    const dir = pinnedDataDir();
    writeFileSync(table(dir), readFileSync(table(dir), 'utf8').replace(/^Yunnan,province,1\.70,/m, 'Yunnan,province,lots,'));
    const file = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'anode-prevalidated-')), 'validated-dataset.json'));
    await expect(writePrevalidated(dir, file)).rejects.toThrow(DatasetError);
    expect(existsSync(file)).toBe(false);
  });
});
