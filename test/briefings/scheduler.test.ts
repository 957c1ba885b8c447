import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { BriefingMessage } from '../../src/briefings/compose.js';
import { createComposer } from '../../src/briefings/briefing-cache.js';
import { BriefingScheduler, DeliveryError, type Deliverer, type DeliveryTarget } from '../../src/briefings/scheduler.js';
import type { NewSubscription } from '../../src/briefings/subscriptions.js';
import { newSubscription } from '../support/subscriptions.js';
import type { Library } from '../../src/editions.js';
import { createLogger } from '../../src/log.js';
import { openStore } from '../../src/store/open.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { fixtureLibrary } from '../support/core.js';
import { LogCapture } from '../support/local-server.js';

const MINUTE = 60_000;

/** A deliverer that records what it was given; `fail` decides per call. */
function recorder(fail: (t: DeliveryTarget, n: number) => DeliveryError | undefined = () => undefined, hang = false) {
  const delivered: { target: DeliveryTarget; message: BriefingMessage }[] = [];
  let calls = 0;
  const deliverer: Deliverer = {
    async deliver(target, message) {
      calls++;
      if (hang) await new Promise(() => {});
      const err = fail(target, calls);
      if (err) throw err;
      delivered.push({ target, message });
      return { messageRef: String(calls) };
    },
  };
  return { deliverer, delivered, calls: () => calls };
}

interface Harness {
  store: SqlStore;
  scheduler: BriefingScheduler;
  clock: { now: Date };
  library: { current: Library };
  logs: LogCapture;
}

async function harness(o: {
  path?: string;
  deliverer: Deliverer;
  library?: Library;
  start?: Date;
  grace?: number;
  attempts?: number;
  drainMs?: number;
  platforms?: string[];
  claimBatch?: number;
  concurrency?: number;
  holdDuringLargeSlot?: () => () => void;
}): Promise<Harness> {
  const store = await openStore({ DATABASE_PATH: o.path ?? join(mkdtempSync(join(tmpdir(), 'anode-sched-')), 'bot.db') });
  const clock = { now: o.start ?? new Date(Math.ceil(Date.now() / MINUTE) * MINUTE + 5 * MINUTE) };
  const library = { current: o.library ?? fixtureLibrary(2030) };
  const logs = new LogCapture();
  const composer = createComposer(store);
  const scheduler = new BriefingScheduler({
    store,
    deliverers: new Map((o.platforms ?? ['slack']).map((p) => [p, o.deliverer])),
    library: () => library.current,
    compose: (sub, edition, since) => composer.forSubscription(sub, edition, since),
    log: createLogger('info', logs),
    owner: `test-${Math.random().toString(36).slice(2, 8)}`,
    graceMinutes: o.grace ?? 60,
    leaseMs: 30_000,
    tickSeconds: 60,
    attempts: o.attempts ?? 3,
    backoffMs: 1,
    retryAfterMs: 2 * MINUTE,
    concurrency: o.concurrency ?? 8,
    perChannelGapMs: 0,
    drainMs: o.drainMs ?? 2000,
    ...(o.claimBatch ? { claimBatch: o.claimBatch } : {}),
    ...(o.holdDuringLargeSlot ? { holdDuringLargeSlot: o.holdDuringLargeSlot } : {}),
    clock: () => clock.now,
  });
  return { store, scheduler, clock, library, logs };
}

const sub = (o: Partial<NewSubscription> = {}): NewSubscription =>
  newSubscription({ kind: 'full', cron: '* * * * *', label: 'every minute', lastEdition: 2030, ...o });

async function tickAt(h: Harness, at: Date) {
  h.clock.now = at;
  const report = await h.scheduler.tick(at);
  await h.scheduler.idle();
  return report;
}

describe('the briefing scheduler', () => {
  it('claims a large slot batch by batch, and two schedulers on one database share it, each slot posted once', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'anode-sched-')), 'bot.db');
    const ra = recorder();
    const rb = recorder();
    const a = await harness({ path, deliverer: ra.deliverer, claimBatch: 4 });
    const b = await harness({ path, deliverer: rb.deliverer, claimBatch: 4 });
    for (let i = 0; i < 30; i++) await a.store.add(sub({ channelId: `C-batch-${i}` }));
    const at = a.clock.now;
    b.clock.now = at;
    // The first tick of each takes one batch of 4; their drain loops take the rest as batches finish.
    const [ta, tb] = await Promise.all([a.scheduler.tick(at), b.scheduler.tick(at)]);
    expect([ta.claimed, tb.claimed].every((n) => n <= 4)).toBe(true);
    await Promise.all([a.scheduler.idle(), b.scheduler.idle()]);
    const channels = [...ra.delivered, ...rb.delivered].map((d) => d.target.subscription.channelId);
    expect(channels).toHaveLength(30);
    expect(new Set(channels).size).toBe(30);
    // Both took a share.
    expect(ra.delivered.length).toBeGreaterThan(0);
    expect(rb.delivered.length).toBeGreaterThan(0);
    await a.scheduler.stop();
    await b.scheduler.stop();
  });

  it('a large slot holds the lean heap until its last post, once; a slot within one batch does not', async () => {
    const events: string[] = [];
    const r = recorder();
    const hold = () => {
      events.push('hold');
      return () => events.push(`release after ${r.delivered.length} posts`);
    };
    const large = await harness({ deliverer: r.deliverer, claimBatch: 4, holdDuringLargeSlot: hold });
    for (let i = 0; i < 10; i++) await large.store.add(sub({ channelId: `C-lean-${i}` }));
    await tickAt(large, large.clock.now);
    await vi.waitFor(() => expect(events).toEqual(['hold', 'release after 10 posts']));
    await large.scheduler.stop();

    events.length = 0;
    const small = await harness({ deliverer: recorder().deliverer, claimBatch: 4, holdDuringLargeSlot: hold });
    for (let i = 0; i < 3; i++) await small.store.add(sub({ channelId: `C-small-${i}` }));
    expect((await tickAt(small, small.clock.now)).claimed).toBe(3);
    expect(events).toEqual([]);
    await small.scheduler.stop();
  });

  it('a claim another process took over is never posted by its old owner', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'anode-sched-')), 'bot.db');
    const oldOwner = recorder();
    const a = await harness({ path, deliverer: oldOwner.deliverer });
    const b = await harness({ path, deliverer: recorder().deliverer });
    await a.store.add(sub());
    const at = a.clock.now;
    const slot = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE).toISOString();
    // a claims the slot, then stalls past its lease before posting; b takes it over meanwhile.
    const claims = await a.store.claimDue({ cron: '* * * * *', tz: 'UTC', slot, now: at, owner: 'a', leaseMs: 30_000, platforms: ['slack'] });
    expect(claims).toHaveLength(1);
    const later = new Date(at.getTime() + 31_000);
    expect(await b.store.claimStale({ since: slot, now: later, owner: 'b', leaseMs: 30_000, platforms: ['slack'] })).toHaveLength(1);
    expect(await a.store.holds(1, slot, 'a', 30_000, later)).toBe(false);
    expect(await b.store.holds(1, slot, 'b', 30_000, later)).toBe(true);
    // The scheduler's own path: a claim it no longer holds is dropped before the post.
    const sched = (a.scheduler as unknown as { run(c: (typeof claims)[0]): Promise<void> }).run.bind(a.scheduler);
    await sched(claims[0]!);
    expect(oldOwner.calls()).toBe(0);
    expect(a.logs.text).toContain('the claim was taken over by another process; not posting it here');
  });

  it('a claim this process is already delivering is never run twice, even when a tick hands it back to it', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const calls: string[] = [];
    const slow: Deliverer = {
      async deliver(target) {
        calls.push(target.slot);
        await gate;
        return {};
      },
    };
    const h = await harness({ deliverer: slow });
    await h.store.add(sub());
    const at = h.clock.now;
    await h.scheduler.tick(at);
    // Much later by the clock: the lease looks expired, and the stale-claim pass finds the row again.
    await h.scheduler.tick(new Date(at.getTime() + 45_000));
    release();
    await h.scheduler.idle();
    expect(calls).toHaveLength(1);
  });

  it('a live owner renews its leases while it works, so a slow platform is not taken over', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'anode-sched-')), 'bot.db');
    const a = await harness({ path, deliverer: recorder().deliverer });
    await a.store.add(sub());
    const at = a.clock.now;
    const slot = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE).toISOString();
    await a.store.claimDue({ cron: '* * * * *', tz: 'UTC', slot, now: at, owner: 'a', leaseMs: 30_000, platforms: ['slack'] });
    expect(await a.store.renew('a', 30_000, new Date(at.getTime() + 25_000))).toBe(1);
    // 40 s after the claim the renewed lease still holds: nobody may take it over.
    expect(await a.store.claimStale({ since: slot, now: new Date(at.getTime() + 40_000), owner: 'b', leaseMs: 30_000, platforms: ['slack'] })).toHaveLength(0);
    expect(await a.store.claimStale({ since: slot, now: new Date(at.getTime() + 56_000), owner: 'b', leaseMs: 30_000, platforms: ['slack'] })).toHaveLength(1);
  });

  it('a slot is never claimed, so never posted, before its time, at any tick', async () => {
    const r = recorder();
    const h = await harness({ deliverer: r.deliverer });
    await h.store.add(sub({ cron: '*/10 * * * * *', label: 'every 10 s' }));
    const fire = Math.ceil(h.clock.now.getTime() / 10_000) * 10_000 + 10_000;
    for (const early of [999, 500, 1]) {
      await tickAt(h, new Date(fire - early));
      expect(
        r.delivered.map((d) => d.target.slot),
        `${early} ms early`,
      ).not.toContain(new Date(fire).toISOString());
    }
    await tickAt(h, new Date(fire));
    expect(r.delivered.map((d) => d.target.slot)).toContain(new Date(fire).toISOString());
  });

  it('a slot whose owner died is taken over even after a newer slot of its schedule fired', async () => {
    const r = recorder();
    const h = await harness({ deliverer: r.deliverer });
    await h.store.add(sub());
    const at = h.clock.now;
    const first = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE);
    // A process that died holding the first slot.
    await h.store.claimDue({ cron: '* * * * *', tz: 'UTC', slot: first.toISOString(), now: at, owner: 'dead', leaseMs: 30_000, platforms: ['slack'] });
    await tickAt(h, new Date(first.getTime() + MINUTE + 5_000));
    expect(r.delivered.map((d) => d.target.slot).sort()).toEqual([first.toISOString(), new Date(first.getTime() + MINUTE).toISOString()]);
    expect(r.delivered.find((d) => d.target.slot === first.toISOString())!.target.resumed).toBe(true);
  });

  it('delivers each due slot once, across ticks and across two schedulers on one database', async () => {
    const r = recorder();
    const path = join(mkdtempSync(join(tmpdir(), 'anode-sched-')), 'bot.db');
    const a = await harness({ path, deliverer: r.deliverer });
    const b = await harness({ path, deliverer: r.deliverer });
    for (let i = 0; i < 5; i++) await a.store.add(sub({ channelId: `C${i}` }));
    const at = a.clock.now;
    await Promise.all([tickAt(a, at), tickAt(b, at)]);
    await tickAt(a, new Date(at.getTime() + 20_000));
    expect(r.delivered).toHaveLength(5);
    expect(new Set(r.delivered.map((d) => d.target.subscription.channelId)).size).toBe(5);
    await tickAt(b, new Date(at.getTime() + MINUTE));
    expect(r.delivered).toHaveLength(10);
  });

  it('after downtime, delivers the latest missed slot within the grace window, and only that one', async () => {
    const r = recorder();
    const h = await harness({ deliverer: r.deliverer, grace: 60 });
    const day = new Date(h.clock.now);
    const nine = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1, 9, 0);
    await h.store.add(sub({ cron: '0 9 * * *', label: 'daily 09:00' }));
    await tickAt(h, new Date(nine + 30 * MINUTE));
    expect(r.delivered.map((d) => d.target.slot)).toEqual([new Date(nine).toISOString()]);
    await tickAt(h, new Date(nine + 31 * MINUTE));
    expect(r.delivered).toHaveLength(1);
    await tickAt(h, new Date(nine + 24 * 60 * MINUTE + 90 * MINUTE));
    expect(r.delivered).toHaveLength(1);
  });

  it('a 429 pauses its own scope until Retry-After, without using an attempt, while other scopes post', async () => {
    const RETRY_AFTER = 1000;
    const postedAt = new Map<string, number>();
    // Like Slack: the first post to workspace A opens a window in which every post to A is refused.
    let windowEnds = 0;
    let refused = 0;
    const deliverer: Deliverer = {
      rateScopes: (s) => [`ws:${s.workspaceId}`],
      async deliver(t) {
        const { workspaceId, channelId } = t.subscription;
        if (workspaceId === 'A' && (windowEnds === 0 || Date.now() < windowEnds)) {
          refused++;
          windowEnds ||= Date.now() + RETRY_AFTER;
          throw new DeliveryError('rate limited', false, Math.max(1, windowEnds - Date.now()));
        }
        postedAt.set(channelId, Date.now());
        return { messageRef: channelId };
      },
    };
    // One delivery at a time, so A's later posts reach their permit while A is paused; one attempt,
    // so a 429 that used it would leave the slot to a later tick.
    const h = await harness({ deliverer, attempts: 1, concurrency: 1 });
    for (let i = 0; i < 4; i++) {
      await h.store.add(sub({ workspaceId: 'A', channelId: `CA${i}` }));
      await h.store.add(sub({ workspaceId: 'B', channelId: `CB${i}` }));
    }
    await tickAt(h, h.clock.now);
    expect(postedAt.size).toBe(8);
    const opened = windowEnds - RETRY_AFTER;
    // A's other posts waited out the pause instead of drawing 429s of their own…
    expect(refused).toBe(1);
    for (let i = 0; i < 4; i++) expect(postedAt.get(`CA${i}`)!).toBeGreaterThanOrEqual(windowEnds);
    // …and workspace B did not wait for it.
    for (let i = 0; i < 4; i++) expect(postedAt.get(`CB${i}`)! - opened).toBeLessThan(RETRY_AFTER);
    expect(h.logs.text).not.toContain('delivery attempt failed');
    await h.scheduler.stop();
  });

  it('a 429 for a wide scope (a Feishu tenant) holds every chat under it, and no chat of another tenant', async () => {
    const RETRY_AFTER = 1000;
    const postedAt = new Map<string, number>();
    let windowEnds = 0;
    const deliverer: Deliverer = {
      // The chat first: the 429 must be taken to name its own scope, not the first one.
      rateScopes: (s) => [`chat:${s.channelId}`, `tenant:${s.workspaceId}`],
      async deliver(t) {
        const { workspaceId, channelId } = t.subscription;
        if (workspaceId === 'T' && windowEnds === 0) {
          windowEnds = Date.now() + RETRY_AFTER;
          throw new DeliveryError('rate limited', false, RETRY_AFTER, 'tenant:T');
        }
        if (workspaceId === 'T' && Date.now() < windowEnds) throw new Error(`posted into the tenant's pause: ${channelId}`);
        postedAt.set(channelId, Date.now());
        return { messageRef: channelId };
      },
    };
    const h = await harness({ deliverer, attempts: 1, concurrency: 1, platforms: ['feishu'] });
    for (const [workspaceId, channelId] of [
      ['T', 'chat-1'],
      ['U', 'chat-2'],
      ['T', 'chat-3'],
      ['U', 'chat-4'],
    ] as const)
      await h.store.add(sub({ platform: 'feishu', workspaceId, channelId }));
    await tickAt(h, h.clock.now);
    expect(postedAt.size).toBe(4);
    const opened = windowEnds - RETRY_AFTER;
    for (const c of ['chat-1', 'chat-3']) expect(postedAt.get(c)!).toBeGreaterThanOrEqual(windowEnds);
    for (const c of ['chat-2', 'chat-4']) expect(postedAt.get(c)! - opened).toBeLessThan(RETRY_AFTER);
    await h.scheduler.stop();
  });

  it('a slot of one rate-limited workspace is not claimed whole into waiting: at most four batches are held', async () => {
    const PAUSE = 1000;
    let until = 0;
    const deliverer: Deliverer = {
      rateScopes: () => ['one workspace'],
      async deliver(t) {
        until ||= Date.now() + PAUSE;
        if (Date.now() < until) throw new DeliveryError('rate limited', false, until - Date.now());
        return { messageRef: t.subscription.channelId };
      },
    };
    const h = await harness({ deliverer, claimBatch: 4 });
    for (let i = 0; i < 40; i++) await h.store.add(sub({ workspaceId: 'W', channelId: `CW${i}` }));
    const ticked = h.scheduler.tick(h.clock.now);
    await new Promise((r) => setTimeout(r, PAUSE / 2));
    const held = await h.store.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'claimed'");
    expect(Number(held[0]!.n)).toBeGreaterThan(4);
    expect(Number(held[0]!.n)).toBeLessThanOrEqual(16);
    await ticked;
    await h.scheduler.idle();
    const sent = await h.store.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'sent'");
    expect(Number(sent[0]!.n)).toBe(40);
    await h.scheduler.stop();
  });

  it('retries transient failures within the claim, then records the slot and delivers it at a later tick', async () => {
    const flaky = recorder((_t, n) => (n <= 2 ? new DeliveryError('500 internal_error', false) : undefined));
    const h = await harness({ deliverer: flaky.deliverer });
    const { subscription } = await h.store.add(sub());
    await tickAt(h, h.clock.now);
    expect(flaky.delivered).toHaveLength(1);
    expect(flaky.delivered[0]!.target.resumed).toBe(true);
    expect(h.logs.text).toMatch(/"subscription":1.*"attempt":1.*delivery attempt failed/);

    const down = recorder(() => new DeliveryError('503 service_unavailable', false));
    const h2 = await harness({ deliverer: down.deliverer });
    await h2.store.add(sub());
    const at = h2.clock.now;
    await tickAt(h2, at);
    expect(down.calls()).toBe(3);
    const slot = new Date(Math.floor(at.getTime() / MINUTE) * MINUTE).toISOString();
    expect(await h2.store.delivery(1, slot)).toMatchObject({ status: 'retry', attempts: 1 });
    expect(h2.logs.text).toContain('tried again at a later tick within the grace window');
    void subscription;
  });

  it('a slot that outlasted its attempts is delivered once the platform answers again', async () => {
    let up = false;
    const r = recorder(() => (up ? undefined : new DeliveryError('500', false)));
    const h = await harness({ deliverer: r.deliverer });
    await h.store.add(sub({ cron: '0 * * * *', label: 'hourly' }));
    const hour = Math.floor(h.clock.now.getTime() / (60 * MINUTE)) * 60 * MINUTE + 60 * MINUTE;
    await tickAt(h, new Date(hour + 1000));
    expect(r.delivered).toHaveLength(0);
    up = true;
    await tickAt(h, new Date(hour + MINUTE));
    expect(r.delivered).toHaveLength(0);
    await tickAt(h, new Date(hour + 3 * MINUTE));
    expect(r.delivered).toHaveLength(1);
    expect(r.delivered[0]!.target).toMatchObject({ slot: new Date(hour).toISOString(), resumed: true });
  });

  it('permanent failures are not retried; three in a row pause the subscription', async () => {
    const r = recorder(() => new DeliveryError('channel_not_found', true));
    const h = await harness({ deliverer: r.deliverer });
    const { subscription } = await h.store.add(sub());
    for (let i = 0; i < 4; i++) await tickAt(h, new Date(h.clock.now.getTime() + MINUTE));
    expect(r.calls()).toBe(3);
    expect(await h.store.get(subscription.id)).toMatchObject({ paused: true, lastError: 'channel_not_found' });
  });

  it('the spotlight rotates: deliveries 1–20 all differ, and a restart keeps the position', async () => {
    const r = recorder();
    const path = join(mkdtempSync(join(tmpdir(), 'anode-sched-')), 'bot.db');
    const h = await harness({ path, deliverer: r.deliverer });
    await h.store.add(sub());
    const start = h.clock.now.getTime();
    for (let i = 0; i < 10; i++) await tickAt(h, new Date(start + i * MINUTE));
    await h.store.close();
    const restarted = await harness({ path, deliverer: r.deliverer });
    for (let i = 10; i < 20; i++) await tickAt(restarted, new Date(start + i * MINUTE));
    const ids = r.delivered.map((d) => d.message.spotlight.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect((await restarted.store.get(1))?.cursor).toBe(20);
  });

  it('a new edition leads one briefing per channel with what changed; quiet mode waits for it', async () => {
    const r = recorder();
    const h = await harness({ deliverer: r.deliverer, library: fixtureLibrary(2030) });
    await h.store.add(sub({ channelId: 'C-a', kind: 'utilization' }));
    await h.store.add(sub({ channelId: 'C-a', kind: 'exports' }));
    await h.store.add(sub({ channelId: 'C-b' }));
    await h.store.add(sub({ channelId: 'C-quiet', onlyNewData: true }));
    const start = h.clock.now.getTime();
    await tickAt(h, new Date(start));
    expect(r.delivered.map((d) => d.target.subscription.channelId).sort()).toEqual(['C-a', 'C-a', 'C-b']);
    expect(r.delivered.some((d) => d.message.reply.fields?.some((f) => f.label.startsWith('What changed')))).toBe(false);

    h.library.current = fixtureLibrary(2031);
    r.delivered.length = 0;
    await tickAt(h, new Date(start + MINUTE));
    const changed = r.delivered.filter((d) => d.message.reply.fields?.[0]?.label === 'What changed since the 2030 edition');
    expect(changed.map((d) => d.target.subscription.channelId).sort()).toEqual(['C-a', 'C-b', 'C-quiet']);
    expect(changed[0]!.message.reply.fields![0]!.value).toContain('Capacity: +0.80 Mt nationally; largest: Yunnan +0.60 Mt.');
    expect(changed[0]!.message.reply.fields![0]!.value.endsWith('†')).toBe(true);
    expect(r.delivered.map((d) => d.target.subscription.channelId).sort()).toEqual(['C-a', 'C-a', 'C-b', 'C-quiet']);

    r.delivered.length = 0;
    await tickAt(h, new Date(start + 2 * MINUTE));
    expect(r.delivered.some((d) => d.message.reply.fields?.some((f) => f.label.startsWith('What changed')))).toBe(false);
    expect(r.delivered.map((d) => d.target.subscription.channelId)).not.toContain('C-quiet');
  });

  it('SIGTERM: in-flight deliveries get drainMs, then their claims are given back', async () => {
    const r = recorder(undefined, true);
    const h = await harness({ deliverer: r.deliverer, drainMs: 200 });
    await h.store.add(sub());
    h.clock.now = new Date(h.clock.now.getTime());
    await h.scheduler.tick(h.clock.now);
    const started = Date.now();
    await h.scheduler.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    const slot = new Date(Math.floor(h.clock.now.getTime() / MINUTE) * MINUTE).toISOString();
    expect(await h.store.delivery(1, slot)).toMatchObject({ status: 'retry', detail: 'released at shutdown' });
  });

  it('a database that fails while running is logged per slot, and the slot delivered once it works again', async () => {
    const r = recorder();
    const h = await harness({ deliverer: r.deliverer });
    await h.store.add(sub());
    const real = h.store.claimDue.bind(h.store);
    let full = true;
    h.store.claimDue = async (o) => {
      if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      return real(o);
    };
    await tickAt(h, h.clock.now);
    expect(r.delivered).toHaveLength(0);
    expect(h.logs.text).toContain('SQLITE_FULL: database or disk is full');
    full = false;
    await tickAt(h, new Date(h.clock.now.getTime() + 10_000));
    expect(r.delivered).toHaveLength(1);
  });

  it('leaves other platforms’ subscriptions to the processes that serve them', async () => {
    const r = recorder();
    const h = await harness({ deliverer: r.deliverer, platforms: ['discord'] });
    await h.store.add(sub({ platform: 'slack' }));
    await h.store.add(sub({ platform: 'discord', channelId: '300' }));
    await tickAt(h, h.clock.now);
    expect(r.delivered.map((d) => d.target.subscription.platform)).toEqual(['discord']);
  });
});
