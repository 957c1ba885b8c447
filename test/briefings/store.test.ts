import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSqliteStore, SCHEMA_VERSION, StoreError } from '../../src/briefings/sqlite-store.js';
import type { NewSubscription } from '../../src/briefings/store.js';

const dbPath = () => join(mkdtempSync(join(tmpdir(), 'anode-db-')), 'bot.db');
const SUB: NewSubscription = { platform: 'slack', channelId: 'C1', kind: 'mismatch', cron: '0 9 * * *', label: 'daily 09:00', tz: 'UTC', createdBy: 'U1', source: 'chat' };

describe('SQLite subscription store', () => {
  it('creates the schema in WAL mode and keeps subscriptions across reopening', () => {
    const path = dbPath();
    const a = openSqliteStore(path);
    const sub = a.add(SUB);
    a.close();
    const raw = new Database(path);
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    raw.close();
    const b = openSqliteStore(path);
    expect(b.listChannel('slack', 'C1')).toEqual([sub]);
    b.close();
  });

  it('lets exactly one of two connections claim a slot', () => {
    const path = dbPath();
    const a = openSqliteStore(path);
    const b = openSqliteStore(path);
    const sub = a.add(SUB);
    const slot = '2026-11-28T09:00:00.000Z';
    expect([a.claim(sub.id, slot, 'a'), b.claim(sub.id, slot, 'b')]).toEqual([true, false]);
    expect(b.hasSlot(sub.id, slot)).toBe(true);
    a.close();
    b.close();
  });

  it('pauses a subscription after three permanent failures in a row, not after transient ones', () => {
    const store = openSqliteStore(':memory:');
    const sub = store.add(SUB);
    for (let i = 1; i <= 5; i++) {
      store.claim(sub.id, `t${i}`, 'x');
      store.finish(sub.id, `t${i}`, 'failed', 'timeout', false);
    }
    expect(store.get(sub.id)!.paused).toBe(false);
    for (let i = 1; i <= 3; i++) {
      store.claim(sub.id, `p${i}`, 'x');
      const after = store.finish(sub.id, `p${i}`, 'failed', 'channel_not_found', true)!;
      expect(after.paused).toBe(i === 3);
    }
    expect(store.listActive()).toEqual([]);
    expect(store.get(sub.id)!.lastError).toBe('channel_not_found');
  });

  it('a success resets the failure count', () => {
    const store = openSqliteStore(':memory:');
    const sub = store.add(SUB);
    store.claim(sub.id, 'a', 'x');
    store.finish(sub.id, 'a', 'failed', 'channel_not_found', true);
    store.claim(sub.id, 'b', 'x');
    store.finish(sub.id, 'b', 'sent', null, false);
    expect(store.get(sub.id)!.consecutiveFailures).toBe(0);
  });

  it('declared subscriptions are added once, however often start-up runs', () => {
    const store = openSqliteStore(':memory:');
    const first = store.ensure({ ...SUB, source: 'config' });
    const second = store.ensure({ ...SUB, source: 'config' });
    expect(second.id).toBe(first.id);
    expect(store.listChannel('slack', 'C1')).toHaveLength(1);
  });

  it('refuses a corrupt file with a clear error and leaves it untouched', () => {
    const path = dbPath();
    writeFileSync(path, 'this is not a database, but somebody\'s notes'.repeat(100));
    const before = readFileSync(path);
    expect(() => openSqliteStore(path)).toThrow(StoreError);
    expect(() => openSqliteStore(path)).toThrow(/not a usable SQLite database.*left as it is/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a file from a newer version and leaves it untouched', () => {
    const path = dbPath();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    const before = readFileSync(path);
    expect(() => openSqliteStore(path)).toThrow(`schema version ${SCHEMA_VERSION + 1} is newer than this bot understands (${SCHEMA_VERSION})`);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
