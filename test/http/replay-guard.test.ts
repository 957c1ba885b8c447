import { describe, expect, it } from 'vitest';
import { ReplayGuard, signatureKey, type SeenRequests } from '../../src/http/server.js';

describe('the replay guard', () => {
  it('refuses a key seen within the window, and accepts it again once the window has passed', async () => {
    const g = new ReplayGuard(1000);
    expect(await g.fresh('a', 0)).toBe(true);
    expect(await g.fresh('a', 999)).toBe(false);
    expect(await g.fresh('a', 1001)).toBe(true);
  });

  it('expires from the front: memory stays within the window times the rate, however long it runs', async () => {
    const windowMs = 1000;
    const g = new ReplayGuard(windowMs);
    // 100 requests a second for 100 seconds: 10,000 keys, at most about 100 remembered at any time.
    let max = 0;
    for (let i = 0; i < 10_000; i++) {
      await g.fresh(`k${i}`, i * 10);
      max = Math.max(max, g.size);
    }
    expect(max).toBeLessThanOrEqual(windowMs / 10 + 1);
    // Past the window of the last key, one more request leaves only itself.
    await g.fresh('last', 10_000 * 10 + windowMs + 1);
    expect(g.size).toBe(1);
  });

  it('a signature is one key whatever the letter case of its hex', async () => {
    const g = new ReplayGuard();
    const sig = 'ab'.repeat(64);
    expect(await g.fresh(signatureKey('discord', sig))).toBe(true);
    expect(await g.fresh(signatureKey('discord', sig.toUpperCase()))).toBe(false);
    expect(await g.fresh(signatureKey('discord', 'aB'.repeat(64)))).toBe(false);
  });

  it('with a shared record, a request one replica saw is refused by another; a failing record does not stop requests', async () => {
    const seen = new Map<string, number>();
    const shared: SeenRequests = {
      async firstSeen(key, until, now) {
        const t = seen.get(key);
        if (t !== undefined && t >= now.getTime()) return false;
        seen.set(key, until.getTime());
        return true;
      },
    };
    const a = new ReplayGuard(60_000, shared);
    const b = new ReplayGuard(60_000, shared);
    expect(await a.fresh('slack:v0=abc')).toBe(true);
    expect(await b.fresh('slack:v0=abc')).toBe(false);
    const broken = new ReplayGuard(60_000, { firstSeen: async () => Promise.reject(new Error('database down')) });
    expect(await broken.fresh('x')).toBe(true);
    expect(await broken.fresh('x')).toBe(false);
  });
});
