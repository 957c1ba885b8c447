import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { composeBriefing } from '../../src/briefings/compose.js';
import { BriefingScheduler, DeliveryError, type Deliverer } from '../../src/briefings/scheduler.js';
import { openSqliteStore } from '../../src/briefings/sqlite-store.js';
import type { NewSubscription, SubscriptionStore } from '../../src/briefings/store.js';
import type { Reply } from '../../src/commands/reply.js';
import { createLogger } from '../../src/log.js';
import { core } from '../support/core.js';

const log = createLogger('silent');
const dbPath = () => join(mkdtempSync(join(tmpdir(), 'anode-sched-')), 'bot.db');

class Recorder implements Deliverer {
  sent: { channelId: string; title: string; at: string }[] = [];
  failWith: DeliveryError[] = [];
  async deliver(channelId: string, reply: Reply): Promise<void> {
    const failure = this.failWith.shift();
    if (failure) throw failure;
    this.sent.push({ channelId, title: reply.title, at: new Date().toISOString() });
  }
}

function scheduler(store: SubscriptionStore, deliverer: Deliverer, o: { owner?: string; grace?: number } = {}): BriefingScheduler {
  return new BriefingScheduler({
    store,
    deliverers: { slack: deliverer },
    compose: (kind) => composeBriefing(core().data, core().names, kind),
    log,
    owner: o.owner ?? 'test',
    graceMinutes: o.grace ?? 60,
    perChannelGapMs: 0,
    backoffMs: 10,
  });
}

const sub = (o: Partial<NewSubscription> = {}): NewSubscription => ({
  platform: 'slack', channelId: 'C1', kind: 'utilization', cron: '0 9 * * *', label: 'daily 09:00', tz: 'Asia/Shanghai', createdBy: 'U1', source: 'chat', ...o,
});

describe('briefing scheduler (fake timers)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('delivers at the subscription\'s local time (Asia/Shanghai 09:00 = 01:00 UTC), once', async () => {
    vi.setSystemTime(new Date('2026-11-28T00:58:00Z'));
    const store = openSqliteStore(':memory:');
    const out = new Recorder();
    const s = scheduler(store, out);
    s.start();
    const { next } = s.subscribe(sub());
    expect(next[0]!.toISOString()).toBe('2026-11-28T01:00:00.000Z');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(out.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(61_000);
    await s.drained();
    expect(out.sent).toHaveLength(1);
    expect(out.sent[0]).toMatchObject({ channelId: 'C1', title: 'Utilization briefing · China prebaked anodes 2024' });
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    await s.drained();
    expect(out.sent.map((x) => x.at.slice(0, 16))).toEqual(['2026-11-28T01:00', '2026-11-29T01:00']);
    await s.stop();
  });

  it('follows New York local time across the March change', async () => {
    vi.setSystemTime(new Date('2026-03-07T12:00:00Z'));
    const store = openSqliteStore(':memory:');
    const out = new Recorder();
    const s = scheduler(store, out);
    s.subscribe(sub({ tz: 'America/New_York' }));
    await vi.advanceTimersByTimeAsync(3 * 24 * 3600_000);
    await s.drained();
    expect(out.sent.map((x) => x.at.slice(0, 16))).toEqual(['2026-03-07T14:00', '2026-03-08T13:00', '2026-03-09T13:00']);
    await s.stop();
  });

  it('follows Berlin local time across the October change', async () => {
    vi.setSystemTime(new Date('2026-10-24T12:00:00Z'));
    const store = openSqliteStore(':memory:');
    const out = new Recorder();
    const s = scheduler(store, out);
    s.subscribe(sub({ tz: 'Europe/Berlin', cron: '0 8 * * *', label: 'daily 08:00' }));
    await vi.advanceTimersByTimeAsync(3 * 24 * 3600_000);
    await s.drained();
    expect(out.sent.map((x) => x.at.slice(0, 16))).toEqual(['2026-10-25T07:00', '2026-10-26T07:00', '2026-10-27T07:00']);
    await s.stop();
  });

  it('loses nothing and posts nothing twice across a restart', async () => {
    vi.setSystemTime(new Date('2026-11-28T00:00:00Z'));
    const path = dbPath();
    const out = new Recorder();
    let store = openSqliteStore(path);
    let s = scheduler(store, out);
    s.subscribe(sub());
    await vi.advanceTimersByTimeAsync(3600_000 + 1000);
    await s.drained();
    expect(out.sent).toHaveLength(1);
    await s.stop();
    store.close();
    // Restart a minute after the slot: the slot is inside the grace window but already delivered.
    store = openSqliteStore(path);
    s = scheduler(store, out);
    s.start();
    await s.drained();
    expect(out.sent).toHaveLength(1);
    expect(store.listActive()).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(24 * 3600_000);
    await s.drained();
    expect(out.sent).toHaveLength(2);
    await s.stop();
    store.close();
  });

  it('two schedulers on one database file deliver each slot exactly once', async () => {
    vi.setSystemTime(new Date('2026-11-28T00:59:00Z'));
    const path = dbPath();
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    const outA = new Recorder();
    const outB = new Recorder();
    const sa = scheduler(a, outA, { owner: 'a' });
    const sb = scheduler(b, outB, { owner: 'b' });
    for (let i = 0; i < 20; i++) a.add(sub({ channelId: `C${i}` }));
    sa.start();
    sb.start();
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await Promise.all([sa.drained(), sb.drained()]);
    const all = [...outA.sent, ...outB.sent].map((x) => x.channelId).sort();
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => `C${i}`).sort());
    await sa.stop();
    await sb.stop();
  });

  it('catches up the latest missed slot within the grace window, and not outside it', async () => {
    const path = dbPath();
    const store = openSqliteStore(path);
    store.add(sub());
    const within = new Recorder();
    vi.setSystemTime(new Date('2026-11-28T01:40:00Z'));
    const s1 = scheduler(store, within, { grace: 60 });
    s1.start();
    await s1.drained();
    expect(within.sent).toHaveLength(1);
    await s1.stop();

    const other = openSqliteStore(dbPath());
    other.add(sub());
    const outside = new Recorder();
    vi.setSystemTime(new Date('2026-11-28T03:00:00Z'));
    const s2 = scheduler(other, outside, { grace: 60 });
    s2.start();
    await s2.drained();
    expect(outside.sent).toHaveLength(0);
    await s2.stop();
  });

  it('retries transient failures, and pauses after three permanent ones', async () => {
    vi.setSystemTime(new Date('2026-11-28T00:59:00Z'));
    const store = openSqliteStore(':memory:');
    const out = new Recorder();
    const s = scheduler(store, out);
    const { subscription } = s.subscribe(sub());
    out.failWith.push(new DeliveryError('ETIMEDOUT', false));
    await vi.advanceTimersByTimeAsync(61_000);
    await s.drained();
    expect(out.sent).toHaveLength(1);
    for (let day = 0; day < 3; day++) out.failWith.push(new DeliveryError('channel_not_found', true));
    await vi.advanceTimersByTimeAsync(3 * 24 * 3600_000);
    await s.drained();
    expect(store.get(subscription.id)!.paused).toBe(true);
    expect(s.list('slack', 'C1')[0]!.subscription.lastError).toBe('channel_not_found');
    await vi.advanceTimersByTimeAsync(2 * 24 * 3600_000);
    await s.drained();
    expect(out.sent).toHaveLength(1);
    await s.stop();
  });
});
