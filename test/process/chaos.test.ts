import { describe, expect, inject, it } from 'vitest';
import { runChaos, type ChaosResult } from '../support/chaos.js';
import { freshDatabase } from '../support/postgres.js';

/**
 * The delivery guarantee, tested as the README states it: however often a process is killed with
 * SIGKILL, every slot a replica claimed is delivered exactly once. The assertions are on what happened
 * (the kills that were made, the slots that were claimed), so a busy machine that manages fewer kills
 * or starts replicas late still checks the same rule; heavier and longer runs are `npm run bench`.
 */
function expectExactlyOnce(r: ChaosResult): void {
  expect(r.kills).toBeGreaterThanOrEqual(1);
  // At least one whole slot of every subscription went out while replicas were being killed.
  expect(r.delivered).toBeGreaterThanOrEqual(r.subscriptions);
  expect(r.delivered + r.lost + r.superseded).toBe(r.expected);
  expect({ lost: r.lost, duplicates: r.duplicates, unfinished: r.unfinished }).toEqual({ lost: 0, duplicates: 0, unfinished: [] });
}

describe('chaos: replicas killed with SIGKILL at random moments', () => {
  it('3 processes on one PostgreSQL database: every claimed slot delivered exactly once', async () => {
    expectExactlyOnce(
      await runChaos({
        replicas: 3,
        databaseUrl: await freshDatabase(inject('postgresUrl')),
        slack: 120,
        discord: 80,
        feishu: 50,
        slotSeconds: 5,
        chaosSeconds: 20,
      }),
    );
  }, 240_000);

  it('2 processes on one SQLite file: every claimed slot delivered exactly once', async () => {
    expectExactlyOnce(await runChaos({ replicas: 2, slack: 120, discord: 80, feishu: 50, slotSeconds: 5, chaosSeconds: 20 }));
  }, 240_000);
});
