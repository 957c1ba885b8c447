import { describe, expect, inject, it } from 'vitest';
import { runChaos } from '../support/chaos.js';
import { freshDatabase } from '../support/postgres.js';

/**
 * The delivery guarantee, tested as the README states it: however often a process is killed with
 * SIGKILL, every slot of every subscription is delivered exactly once.
 */
describe('chaos: replicas killed with SIGKILL at random moments', () => {
  it('3 processes on one PostgreSQL database: every slot delivered exactly once', async () => {
    const r = await runChaos({ replicas: 3, databaseUrl: await freshDatabase(inject('postgresUrl')), slack: 150, discord: 100, slotSeconds: 5, chaosSeconds: 25 });
    expect(r.kills).toBeGreaterThanOrEqual(4);
    expect(r.expected).toBeGreaterThan(1000);
    expect({ lost: r.lost, duplicates: r.duplicates }).toEqual({ lost: 0, duplicates: 0 });
  }, 180_000);

  it('2 processes on one SQLite file: every slot delivered exactly once', async () => {
    const r = await runChaos({ replicas: 2, slack: 150, discord: 100, slotSeconds: 5, chaosSeconds: 25 });
    expect(r.kills).toBeGreaterThanOrEqual(4);
    expect(r.expected).toBeGreaterThan(1000);
    expect({ lost: r.lost, duplicates: r.duplicates }).toEqual({ lost: 0, duplicates: 0 });
  }, 180_000);
});
