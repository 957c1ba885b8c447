import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { NewSubscription } from '../../src/briefings/subscriptions.js';
import { newSubscription } from '../support/subscriptions.js';
import { StoreError } from '../../src/store/db.js';
import { SCHEMA_VERSION } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open.js';
import type { SqlStore } from '../../src/store/sql-store.js';
import { sealer } from '../../src/adapters/slack/installations.js';
import { freshDatabase } from '../support/postgres.js';

const sub = (o: Partial<NewSubscription> = {}): NewSubscription => newSubscription({ workspaceId: 'T1', ...o });

const sqlite = async () => openStore({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'anode-store-')), 'bot.db') });

interface Backend {
  name: string;
  /** Two stores on one database, as two processes or replicas would have. */
  pair(): Promise<[SqlStore, SqlStore]>;
}

const backends: Backend[] = [
  {
    name: 'SQLite',
    async pair() {
      const path = join(mkdtempSync(join(tmpdir(), 'anode-store-')), 'bot.db');
      return [await openStore({ DATABASE_PATH: path }), await openStore({ DATABASE_PATH: path })];
    },
  },
  {
    name: 'PostgreSQL',
    async pair() {
      const url = await freshDatabase(inject('postgresUrl'));
      return [await openStore({ DATABASE_PATH: '', DATABASE_URL: url }), await openStore({ DATABASE_PATH: '', DATABASE_URL: url })];
    },
  },
];

const SLOT = '2030-01-01T09:00:00.000Z';
const SLOT_12 = '2030-01-01T09:12:00.000Z';
const at = (s: string) => new Date(s);

describe.each(backends)('the subscription store on $name', (backend) => {
  let a: SqlStore;
  let b: SqlStore;
  beforeAll(async () => {
    [a, b] = await backend.pair();
  });
  afterAll(async () => {
    await a.close();
    await b.close();
  });

  it('adds a subscription once: the same channel, kind, schedule and zone is found, not doubled', async () => {
    const first = await a.add(sub({ channelId: 'C-dup' }));
    const again = await b.add(sub({ channelId: 'C-dup', label: 'again' }));
    expect(first.created).toBe(true);
    expect(again).toEqual({ subscription: first.subscription, created: false });
    expect(await a.listChannel('slack', 'C-dup')).toHaveLength(1);
    const concurrent = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? a : b).add(sub({ channelId: 'C-race' }))));
    expect(concurrent.filter((r) => r.created)).toHaveLength(1);
  });

  it('claims each due slot for exactly one of two stores', async () => {
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push((await a.add(sub({ channelId: `C-claim-${i}`, cron: '5 9 * * *' }))).subscription.id);
    const claim = (s: SqlStore, owner: string) =>
      s.claimDue({ cron: '5 9 * * *', tz: 'UTC', slot: SLOT, now: at('2030-01-01T09:05:01Z'), owner, leaseMs: 60_000, platforms: ['slack'] });
    const [x, y] = await Promise.all([claim(a, 'A'), claim(b, 'B')]);
    const claimed = [...x, ...y].map((c) => c.subscription.id).sort((p, q) => p - q);
    expect(claimed).toEqual(ids);
    expect(await claim(a, 'A')).toEqual([]);
    // Only this process's platforms: a Discord-only replica leaves Slack subscriptions alone.
    expect(
      await a.claimDue({
        cron: '5 9 * * *',
        tz: 'UTC',
        slot: '2030-01-02T09:05:00.000Z',
        now: at('2030-01-02T09:05:01Z'),
        owner: 'D',
        leaseMs: 60_000,
        platforms: ['discord'],
      }),
    ).toEqual([]);
  });

  it('claims in shares: two stores asking together take disjoint batches of at most the limit, and every due slot in the end', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 25; i++) ids.push((await a.add(sub({ channelId: `C-share-${i}`, cron: '6 9 * * *' }))).subscription.id);
    const claim = (s: SqlStore, owner: string) =>
      s.claimDue({
        cron: '6 9 * * *',
        tz: 'UTC',
        slot: '2030-01-01T09:06:00.000Z',
        now: at('2030-01-01T09:06:01Z'),
        owner,
        leaseMs: 60_000,
        platforms: ['slack'],
        limit: 4,
      });
    const seen: number[] = [];
    let rounds = 0;
    for (;;) {
      const [x, y] = await Promise.all([claim(a, 'A'), claim(b, 'B')]);
      expect(x.length).toBeLessThanOrEqual(4);
      expect(y.length).toBeLessThanOrEqual(4);
      seen.push(...[...x, ...y].map((c) => c.subscription.id));
      rounds++;
      if (x.length + y.length === 0) break;
    }
    // Each claimed once, by one of the two, and all of them: the limit shares the slot, it loses nothing.
    expect([...seen].sort((p, q) => p - q)).toEqual(ids);
    expect(rounds).toBeGreaterThan(3);
  });

  it('a drain claims from where its last batch ended; a lower id come due again waits for the whole-slot claim', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 10; i++) ids.push((await a.add(sub({ channelId: `C-after-${i}`, cron: '7 9 * * *' }))).subscription.id);
    const args = { cron: '7 9 * * *', tz: 'UTC', slot: '2030-01-01T09:07:00.000Z', owner: 'A', leaseMs: 60_000, platforms: ['slack'], limit: 4 };
    const now = at('2030-01-01T09:07:01Z');
    const first = await a.claimDue({ ...args, now });
    expect(first.map((c) => c.subscription.id)).toEqual(ids.slice(0, 4));
    // The first of them fails and is due again at once.
    await a.finish(ids[0]!, args.slot, 'A', { status: 'retry', detail: '500', nextAttempt: now });
    const next = await a.claimDue({ ...args, now, after: ids[3]! });
    expect(next.map((c) => c.subscription.id)).toEqual(ids.slice(4, 8));
    expect((await a.claimDue({ ...args, now, after: ids[7]! })).map((c) => c.subscription.id)).toEqual(ids.slice(8));
    // The next tick reads the whole slot: the retry is claimed there, and nothing else is left.
    expect((await b.claimDue({ ...args, owner: 'B', now })).map((c) => c.subscription.id)).toEqual([ids[0]]);
  });

  it('a slot never goes to a subscription made after it', async () => {
    await a.add(sub({ channelId: 'C-late', cron: '7 9 * * *' }));
    expect(
      await a.claimDue({
        cron: '7 9 * * *',
        tz: 'UTC',
        slot: '2000-01-01T09:07:00.000Z',
        now: at('2000-01-01T09:07:01Z'),
        owner: 'A',
        leaseMs: 1000,
        platforms: ['slack'],
      }),
    ).toEqual([]);
  });

  it('a dead owner’s claim is taken over after its lease, once, and marked resumed', async () => {
    const { subscription } = await a.add(sub({ channelId: 'C-lease', cron: '10 9 * * *' }));
    const args = { cron: '10 9 * * *', tz: 'UTC', slot: SLOT, platforms: ['slack'] };
    const [first] = await a.claimDue({ ...args, now: at('2030-01-01T09:10:00Z'), owner: 'dead', leaseMs: 5_000 });
    expect(first).toMatchObject({ attempt: 1, resumed: false });
    expect(await b.claimDue({ ...args, now: at('2030-01-01T09:10:04Z'), owner: 'B', leaseMs: 5_000 })).toEqual([]);
    const both = await Promise.all([
      a.claimDue({ ...args, now: at('2030-01-01T09:10:06Z'), owner: 'A', leaseMs: 5_000 }),
      b.claimDue({ ...args, now: at('2030-01-01T09:10:06Z'), owner: 'B', leaseMs: 5_000 }),
    ]);
    const taken = both.flat();
    expect(taken).toHaveLength(1);
    expect(taken[0]).toMatchObject({ attempt: 2, resumed: true });
    // The dead owner cannot record an outcome any more; the new holder can.
    expect(await a.finish(subscription.id, SLOT, 'dead', { status: 'sent', edition: 2024, advanceCursor: true })).toBeUndefined();
    const owner = both[0].length ? 'A' : 'B';
    const after = await a.finish(subscription.id, SLOT, owner, { status: 'sent', messageRef: '1.2', edition: 2024, advanceCursor: true });
    expect(after).toMatchObject({ cursor: 1, lastEdition: 2024, consecutiveFailures: 0 });
    expect(await a.delivery(subscription.id, SLOT)).toMatchObject({ status: 'sent', attempts: 2, owner });
  });

  it('a claim its owner is still delivering ("busy") is neither taken again nor counted as another attempt, whatever its lease says', async () => {
    const { subscription } = await a.add(sub({ channelId: 'C-busy', cron: '12 9 * * *' }));
    const args = { cron: '12 9 * * *', tz: 'UTC', slot: SLOT_12, platforms: ['slack'], owner: 'A', leaseMs: 5_000 };
    expect(await a.claimDue({ ...args, now: at('2030-01-01T09:12:00Z') })).toHaveLength(1);
    const busy = [`${subscription.id}|${SLOT_12}`];
    // Its lease looks long gone by this clock, yet the owner says it is busy with it.
    expect(await a.claimDue({ ...args, now: at('2030-01-01T09:20:00Z'), busy })).toEqual([]);
    expect(await a.claimStale({ since: SLOT_12, now: at('2030-01-01T09:20:00Z'), owner: 'A', leaseMs: 5_000, platforms: ['slack'], busy })).toEqual([]);
    expect(await a.delivery(subscription.id, SLOT_12)).toMatchObject({ attempts: 1 });
    // Not busy any more (a process that lost track of it): taken back, as a second attempt.
    expect(await a.claimStale({ since: SLOT_12, now: at('2030-01-01T09:20:00Z'), owner: 'A', leaseMs: 5_000, platforms: ['slack'] })).toHaveLength(1);
    expect(await a.delivery(subscription.id, SLOT_12)).toMatchObject({ attempts: 2 });
  });

  it('a retry is claimed again only when its time has come; a release gives claims back at once', async () => {
    const { subscription } = await a.add(sub({ channelId: 'C-retry', cron: '15 9 * * *' }));
    const args = { cron: '15 9 * * *', tz: 'UTC', slot: SLOT, owner: 'A-retry', leaseMs: 60_000, platforms: ['slack'] };
    await a.claimDue({ ...args, now: at('2030-01-01T09:15:00Z') });
    await a.finish(subscription.id, SLOT, 'A-retry', { status: 'retry', detail: '500', nextAttempt: at('2030-01-01T09:17:00Z') });
    expect(await a.claimDue({ ...args, now: at('2030-01-01T09:16:00Z') })).toEqual([]);
    expect(await b.claimDue({ ...args, owner: 'B-retry', now: at('2030-01-01T09:17:00Z') })).toHaveLength(1);
    expect(await b.release('B-retry')).toBe(1);
    expect(await a.claimDue({ ...args, now: at('2030-01-01T09:17:01Z') })).toHaveLength(1);
    expect((await a.get(subscription.id))?.lastError).toBe('500');
  });

  it('three permanent failures in a row pause a subscription; resume and workspace pauses work', async () => {
    const { subscription } = await a.add(sub({ channelId: 'C-fail', cron: '20 9 * * *' }));
    for (let day = 1; day <= 3; day++) {
      const slot = `2030-01-0${day}T09:20:00.000Z`;
      await a.claimDue({ cron: '20 9 * * *', tz: 'UTC', slot, now: at(slot), owner: 'A', leaseMs: 1000, platforms: ['slack'] });
      await a.finish(subscription.id, slot, 'A', { status: 'failed', detail: 'channel_not_found' });
    }
    expect(await a.get(subscription.id)).toMatchObject({ paused: true, consecutiveFailures: 3, lastError: 'channel_not_found' });
    expect((await a.schedules()).some((s) => s.cron === '20 9 * * *')).toBe(false);
    expect(await a.resume('slack', 'C-fail', subscription.id)).toBe(true);
    expect(await a.get(subscription.id)).toMatchObject({ paused: false, consecutiveFailures: 0 });
    await a.add(sub({ channelId: 'C-ws', workspaceId: 'T-gone' }));
    expect(await a.pauseWorkspace('slack', 'T-gone', 'app uninstalled')).toBe(1);
    const declared = await a.add(sub({ channelId: 'C-decl', source: 'config' }));
    await a.pauseWorkspace('slack', 'T1', 'x');
    expect(await a.resumeDeclared()).toBeGreaterThanOrEqual(1);
    expect((await a.get(declared.subscription.id))?.paused).toBe(false);
  });

  it('a new edition is announced once per channel, to the delivery that claimed it (and its retries)', async () => {
    expect(await a.claimAnnouncement('slack', 'C-ann', 2031, 7, SLOT)).toBe(true);
    expect(await a.claimAnnouncement('slack', 'C-ann', 2031, 7, SLOT)).toBe(true);
    expect(await b.claimAnnouncement('slack', 'C-ann', 2031, 8, SLOT)).toBe(false);
    expect(await b.claimAnnouncement('slack', 'C-ann', 2032, 8, SLOT)).toBe(true);
  });

  it('keeps channel languages and sealed installations', async () => {
    expect(await a.language('slack', 'C-lang')).toBeUndefined();
    await a.setLanguage('slack', 'C-lang', 'zh-CN');
    await b.setLanguage('slack', 'C-lang', 'auto');
    expect(await a.language('slack', 'C-lang')).toBe('auto');
    await a.saveInstallation({ key: 'T:T9', teamId: 'T9', enterpriseId: null, isEnterpriseInstall: false, sealed: 'v1:x' });
    expect(await b.findInstallation('T:T9')).toMatchObject({ teamId: 'T9', sealed: 'v1:x' });
    expect(await b.deleteInstallation('T:T9')).toBe(1);
  });
});

describe('opening a database', () => {
  it('SQLite: a corrupt file, a newer schema or a read-only file stops start-up, the file untouched', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anode-bad-'));
    const corrupt = join(dir, 'corrupt.db');
    writeFileSync(corrupt, 'this is not a database'.repeat(100));
    await expect(openStore({ DATABASE_PATH: corrupt })).rejects.toThrow(StoreError);
    expect(readFileSync(corrupt, 'utf8')).toBe('this is not a database'.repeat(100));
    const newer = join(dir, 'newer.db');
    const db = new Database(newer);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    await expect(openStore({ DATABASE_PATH: newer })).rejects.toThrow(/newer than this bot understands/);
    // A read-only file is refused too; root writes anything, so the process tests run the bot as
    // another user for that (test/process/faults.test.ts). Here, when not root:
    if (process.getuid?.() !== 0) {
      const ro = join(dir, 'ro.db');
      await (await openStore({ DATABASE_PATH: ro })).close();
      chmodSync(ro, 0o444);
      await expect(openStore({ DATABASE_PATH: ro })).rejects.toThrow(/cannot be written \(read-only\)/);
    }
  });

  it('SQLite: a database of the first release is migrated, its subscriptions kept', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'anode-v1-')), 'bot.db');
    const db = new Database(path);
    db.exec(`CREATE TABLE subscriptions (id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, channel_id TEXT NOT NULL, kind TEXT NOT NULL, cron TEXT NOT NULL, label TEXT NOT NULL, tz TEXT NOT NULL, created_by TEXT NOT NULL, created_at TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('chat', 'config')), paused INTEGER NOT NULL DEFAULT 0, consecutive_failures INTEGER NOT NULL DEFAULT 0, last_error TEXT);
      CREATE INDEX subscriptions_channel ON subscriptions (platform, channel_id);
      CREATE TABLE deliveries (subscription_id INTEGER NOT NULL, slot TEXT NOT NULL, owner TEXT NOT NULL, claimed_at TEXT NOT NULL, status TEXT NOT NULL DEFAULT 'claimed', detail TEXT, finished_at TEXT, PRIMARY KEY (subscription_id, slot));
      INSERT INTO subscriptions (platform, channel_id, kind, cron, label, tz, created_by, created_at, source) VALUES ('slack', 'C1', 'full', '0 9 * * 1-5', 'weekdays 09:00', 'UTC', 'U1', '2024-12-01T00:00:00.000Z', 'chat');`);
    db.pragma('user_version = 1');
    db.close();
    const store = await openStore({ DATABASE_PATH: path });
    expect(await store.listChannel('slack', 'C1')).toMatchObject([{ kind: 'full', layout: 'compact', cursor: 0, workspaceId: null }]);
    await store.close();
  });

  it('PostgreSQL: a newer schema is refused; an unreachable server names where, never the password', async () => {
    const url = await freshDatabase(inject('postgresUrl'));
    await (await openStore({ DATABASE_PATH: '', DATABASE_URL: url })).close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`UPDATE schema_version SET version = ${SCHEMA_VERSION + 1}`);
    await c.end();
    await expect(openStore({ DATABASE_PATH: '', DATABASE_URL: url })).rejects.toThrow(/newer than this bot understands/);
    const err = await openStore({ DATABASE_PATH: '', DATABASE_URL: 'postgres://bot:hunter2-secret@127.0.0.1:1/anode' }).catch((e: Error) => e);
    expect(String(err)).toMatch(/PostgreSQL at 127\.0\.0\.1:1\/anode: cannot connect/);
    expect(String(err)).not.toContain('hunter2');
  });

  it('tokens are sealed: a database copied without the key reveals nothing', () => {
    const box = sealer('a long passphrase for the tests');
    const sealed = box.seal(JSON.stringify({ bot: { token: 'xoxb-very-secret' } }), 'T:TA');
    expect(sealed).not.toContain('xoxb');
    expect(JSON.parse(box.open(sealed, 'T:TA').text).bot.token).toBe('xoxb-very-secret');
    expect(() => sealer('another passphrase entirely').open(sealed, 'T:TA')).toThrow();
  });

  it('keys rotate: sealed values name their key and are bound to their row; older keys still open until dropped', () => {
    const old = sealer('the old passphrase of the tests');
    const sealed = old.seal('{"t":"xoxb-1"}', 'T:TA');
    expect(sealed).toMatch(/^v2:[0-9a-f]{12}:/);
    // Moved to another row, it does not open.
    expect(() => old.open(sealed, 'T:TB')).toThrow(/row/);
    // With the new key first and the old one after it, it opens, and says it was not the current key.
    const rotating = sealer('the new passphrase of the tests,the old passphrase of the tests');
    expect(rotating.open(sealed, 'T:TA')).toEqual({ text: '{"t":"xoxb-1"}', current: false });
    expect(rotating.open(rotating.seal('{"t":"xoxb-1"}', 'T:TA'), 'T:TA').current).toBe(true);
    // The old key dropped too early: a clear error naming the key id, never a crash.
    expect(() => sealer('the new passphrase of the tests').open(sealed, 'T:TA')).toThrow(/SLACK_TOKEN_KEY does not list/);
  });

  it('SQLite opens in WAL mode with a busy timeout', async () => {
    const store = await sqlite();
    const file = store.db.where;
    expect(existsSync(file)).toBe(true);
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await store.close();
  });
});
