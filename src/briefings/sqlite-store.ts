import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BriefingKind } from './compose.js';
import { PAUSE_AFTER_FAILURES, type DeliveryStatus, type NewSubscription, type Platform, type Subscription, type SubscriptionStore } from './store.js';

/** A database file the bot will not use: it names the file and says why; the file is left untouched. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** Schema migrations, in order; index + 1 is the version recorded in PRAGMA user_version. */
const MIGRATIONS: string[] = [
  `CREATE TABLE subscriptions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     platform TEXT NOT NULL,
     channel_id TEXT NOT NULL,
     kind TEXT NOT NULL,
     cron TEXT NOT NULL,
     label TEXT NOT NULL,
     tz TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('chat', 'config')),
     paused INTEGER NOT NULL DEFAULT 0,
     consecutive_failures INTEGER NOT NULL DEFAULT 0,
     last_error TEXT
   );
   CREATE INDEX subscriptions_channel ON subscriptions (platform, channel_id);
   CREATE TABLE deliveries (
     subscription_id INTEGER NOT NULL,
     slot TEXT NOT NULL,
     owner TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     status TEXT NOT NULL DEFAULT 'claimed',
     detail TEXT,
     finished_at TEXT,
     PRIMARY KEY (subscription_id, slot)
   );`,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

interface Row {
  id: number;
  platform: Platform;
  channel_id: string;
  kind: BriefingKind;
  cron: string;
  label: string;
  tz: string;
  created_by: string;
  source: 'chat' | 'config';
  paused: number;
  consecutive_failures: number;
  last_error: string | null;
}

const toSubscription = (r: Row): Subscription => ({
  id: r.id,
  platform: r.platform,
  channelId: r.channel_id,
  kind: r.kind,
  cron: r.cron,
  label: r.label,
  tz: r.tz,
  createdBy: r.created_by,
  source: r.source,
  paused: r.paused === 1,
  consecutiveFailures: r.consecutive_failures,
  lastError: r.last_error,
});

/** Opens (or creates) the store: WAL mode, migrations applied; refuses corrupt or newer files. */
export function openSqliteStore(path: string): SubscriptionStore {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const existed = path !== ':memory:' && existsSync(path);
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: false });
    // Reading the schema touches the header: a file that is not SQLite fails here, before any write.
    db.pragma('schema_version');
  } catch (err) {
    throw new StoreError(`${path}: not a usable SQLite database (${(err as Error).message}); the file was left as it is`);
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new StoreError(`${path}: database schema version ${version} is newer than this bot understands (${SCHEMA_VERSION}); upgrade the bot, the file was left as it is`);
  }
  try {
    db.pragma('journal_mode = WAL');
    // Two bot processes may share the file: wait for each other's short transactions.
    db.pragma('busy_timeout = 5000');
    const migrate = db.transaction(() => {
      for (let v = version; v < SCHEMA_VERSION; v++) {
        db.exec(MIGRATIONS[v]!);
        db.pragma(`user_version = ${v + 1}`);
      }
    });
    migrate.immediate();
  } catch (err) {
    db.close();
    throw new StoreError(`${path}: cannot prepare the database${existed ? ' (existing file left as it is)' : ''}: ${(err as Error).message}`);
  }

  const now = () => new Date().toISOString();
  const st = {
    insert: db.prepare(`INSERT INTO subscriptions (platform, channel_id, kind, cron, label, tz, created_by, created_at, source) VALUES (@platform, @channelId, @kind, @cron, @label, @tz, @createdBy, @createdAt, @source)`),
    byId: db.prepare<[number], Row>('SELECT * FROM subscriptions WHERE id = ?'),
    same: db.prepare<[string, string, string, string, string], Row>('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? AND kind = ? AND cron = ? AND tz = ?'),
    channel: db.prepare<[string, string], Row>('SELECT * FROM subscriptions WHERE platform = ? AND channel_id = ? ORDER BY id'),
    active: db.prepare<[], Row>('SELECT * FROM subscriptions WHERE paused = 0 ORDER BY id'),
    remove: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ? AND id = ?'),
    removeChannel: db.prepare('DELETE FROM subscriptions WHERE platform = ? AND channel_id = ?'),
    claim: db.prepare(`INSERT OR IGNORE INTO deliveries (subscription_id, slot, owner, claimed_at) VALUES (?, ?, ?, ?)`),
    hasSlot: db.prepare('SELECT 1 FROM deliveries WHERE subscription_id = ? AND slot = ?'),
    finish: db.prepare(`UPDATE deliveries SET status = ?, detail = ?, finished_at = ? WHERE subscription_id = ? AND slot = ?`),
    succeeded: db.prepare('UPDATE subscriptions SET consecutive_failures = 0, last_error = NULL WHERE id = ?'),
    failed: db.prepare(`UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1, last_error = ?, paused = CASE WHEN consecutive_failures + 1 >= ${PAUSE_AFTER_FAILURES} THEN 1 ELSE paused END WHERE id = ?`),
    transient: db.prepare('UPDATE subscriptions SET last_error = ? WHERE id = ?'),
  };

  const get = (id: number) => {
    const row = st.byId.get(id);
    return row ? toSubscription(row) : undefined;
  };
  const add = (sub: NewSubscription): Subscription => {
    const info = st.insert.run({ ...sub, createdAt: now() });
    return get(Number(info.lastInsertRowid))!;
  };

  return {
    add,
    ensure: db.transaction((sub: NewSubscription): Subscription => {
      const existing = st.same.get(sub.platform, sub.channelId, sub.kind, sub.cron, sub.tz);
      return existing ? toSubscription(existing) : add(sub);
    }),
    get,
    listChannel: (platform, channelId) => st.channel.all(platform, channelId).map(toSubscription),
    listActive: () => st.active.all().map(toSubscription),
    remove: (platform, channelId, id) => st.remove.run(platform, channelId, id).changes === 1,
    removeChannel: (platform, channelId) => st.removeChannel.run(platform, channelId).changes,
    claim: (id, slot, owner) => st.claim.run(id, slot, owner, now()).changes === 1,
    hasSlot: (id, slot) => st.hasSlot.get(id, slot) !== undefined,
    finish: db.transaction((id: number, slot: string, status: DeliveryStatus, detail: string | null, permanent: boolean) => {
      st.finish.run(status, detail, now(), id, slot);
      if (status === 'sent') st.succeeded.run(id);
      else if (permanent) st.failed.run(detail, id);
      else st.transient.run(detail, id);
      return get(id);
    }),
    close: () => db.close(),
  };
}
