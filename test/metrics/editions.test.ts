import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { consoleInvocation, createCore } from '../../src/core.js';
import { loadEditions } from '../../src/dataset/load.js';
import { buildLibrary, EditionChoiceError } from '../../src/editions.js';
import { editionChanges } from '../../src/metrics/changes.js';
import { fixtureLibrary, pinnedDataDir } from '../support/core.js';

/** A second edition made from the first in a temporary folder: year moved on, one figure changed. */
function withSecondEdition(): string {
  const dir = pinnedDataDir();
  cpSync(join(dir, '2024'), join(dir, '2025'), { recursive: true });
  const meta = join(dir, '2025', 'edition.json');
  writeFileSync(meta, readFileSync(meta, 'utf8').replace('"year": 2024', '"year": 2025'));
  const t2 = join(dir, '2025', 'production-by-province.csv');
  writeFileSync(t2, readFileSync(t2, 'utf8').replace('Yunnan,province,1.70,1.69,99.24', 'Yunnan,province,1.90,1.80,94.74'));
  return dir;
}

describe('editions', () => {
  it('answers from the newest edition, or from DATASET_EDITION, and replies follow it', async () => {
    const dir = withSecondEdition();
    const newest = createCore({ library: buildLibrary(loadEditions(dir)) });
    const yunnan = (await newest.ask('/province Yunnan', consoleInvocation())).reply;
    expect(yunnan.title).toBe('Yunnan · prebaked anodes 2025');
    expect(yunnan.fields?.find((f) => f.label === 'Capacity')?.value).toBe('1.90 Mt (+0.20 Mt † on the 2024 edition)');
    const pinned = createCore({ library: buildLibrary(loadEditions(dir), 2024) });
    const old = (await pinned.ask('/province Yunnan', consoleInvocation())).reply;
    expect(old.title).toBe('Yunnan · prebaked anodes 2024');
    expect(old.fields?.find((f) => f.label === 'Capacity')?.value).toBe('1.70 Mt');
    // A year on the line picks the edition for one reply.
    expect((await newest.ask('/province Yunnan 2024', consoleInvocation())).reply.title).toBe('Yunnan · prebaked anodes 2024');
    expect((await newest.ask('/overview 2024', consoleInvocation())).reply.title).toContain('2024');
    expect((await newest.ask('/province Yunnan 2019', consoleInvocation())).reply.summary).toContain(
      'Editions loaded: 2024 (every table for 2024; exports by destination, Table 4, also for 2023); 2025 (',
    );
  });

  it('a DATASET_EDITION that does not exist names the editions found', () => {
    expect(() => buildLibrary(loadEditions(withSecondEdition()), 2023)).toThrow(EditionChoiceError);
    expect(() => buildLibrary(loadEditions(withSecondEdition()), 2023)).toThrow('DATASET_EDITION=2023: no such edition (editions found: 2024, 2025)');
  });

  it('lists what changed between two editions, largest first, all derived', () => {
    const lib = fixtureLibrary();
    const c = editionChanges(lib.get(2030)!.data, lib.get(2031)!.data);
    expect(c.byMetric.capacity[0]).toMatchObject({ name: 'Yunnan', before: 2, after: 2.6 });
    expect(c.byMetric.capacity[0]!.delta.value).toBeCloseTo(0.6, 9);
    expect(c.byMetric.capacity[0]!.delta.source.derived).toBeDefined();
    expect(c.byMetric.exports[0]).toMatchObject({ name: 'Indonesia', before: 180, after: 260 });
    expect(c.totals.find((t) => t.metric === 'capacity')!.delta.value).toBeCloseTo(0.8, 9);
  });
});
