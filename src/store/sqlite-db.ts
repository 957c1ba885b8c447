import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { StoreError, type Db } from './db.js';

/** `$1 … $1 … $2` → `? … ? … ?` with the values repeated to match: better-sqlite3 has no numbered `?NNN` binding. */
function positional(sql: string, params: readonly unknown[]): { sql: string; values: unknown[] } {
  const values: unknown[] = [];
  const text = sql.replace(/\$(\d+)/g, (_m, n: string) => {
    values.push(params[Number(n) - 1]);
    return '?';
  });
  return { sql: text, values };
}

/**
 * One queue per database file in this process. better-sqlite3 is synchronous: a second connection
 * that waited for the first one's write lock would block the very thread that must release it.
 * Connections of other processes wait with busy_timeout as usual.
 */
const queues = new Map<string, { tail: Promise<unknown> }>();

/** How long processes starting together on one new file may keep each other from opening it. */
const OPEN_PATIENCE_MS = 15_000;

/**
 * Opens the file and switches it to WAL. Processes starting together on a new file can find it locked
 * in ways SQLite's busy handler does not wait for (switching the journal mode, recovering the WAL
 * index): those are retried for a while; anything else (not a database, no permission) fails at once.
 */
function openWithRetry(path: string): Database.Database {
  const deadline = Date.now() + OPEN_PATIENCE_MS;
  for (let attempt = 0; ; attempt++) {
    let db: Database.Database | undefined;
    try {
      db = new Database(path);
      // Waiting for another process's short transaction comes first: everything after may need a lock.
      db.pragma('busy_timeout = 10000');
      // Reading the schema touches the header: a file that is not SQLite fails here, before any write.
      db.pragma('schema_version');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      return db;
    } catch (err) {
      db?.close();
      const code = (err as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_BUSY') && Date.now() < deadline) {
        // Synchronous on purpose: this runs once, at start-up, before anything else is served.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(50 * 2 ** attempt, 500));
        continue;
      }
      throw new StoreError(`${path}: not a usable SQLite database (${(err as Error).message}); the file was left as it is`);
    }
  }
}

/**
 * SQLite through better-sqlite3. Calls are synchronous underneath; a promise queue keeps a transaction's
 * statements together when other requests arrive while it awaits.
 */
export function openSqliteDb(path: string): Db {
  if (path !== ':memory:') {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new StoreError(`${path}: cannot create its folder (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (existsSync(path)) {
      try {
        accessSync(path, constants.R_OK | constants.W_OK);
      } catch {
        throw new StoreError(`${path}: the file cannot be written (read-only); briefings need a writable database`);
      }
    }
  }
  const db = openWithRetry(path);
  const statements = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let st = statements.get(sql);
    if (!st) {
      st = db.prepare(sql);
      statements.set(sql, st);
    }
    return st;
  };
  const exec = {
    all<T>(sql: string, params: readonly unknown[] = []): T[] {
      const p = positional(sql, params);
      const st = prepare(p.sql);
      return (st.reader ? st.all(...p.values) : (st.run(...p.values), [])) as T[];
    },
    run(sql: string, params: readonly unknown[] = []): number {
      const p = positional(sql, params);
      const st = prepare(p.sql);
      if (st.reader) return st.all(...p.values).length;
      return st.run(...p.values).changes;
    },
  };
  const key = path === ':memory:' ? Symbol('memory').toString() : resolve(path);
  const queue = queues.get(key) ?? { tail: Promise.resolve() };
  queues.set(key, queue);
  const serial = <T>(fn: () => Promise<T> | T): Promise<T> => {
    const next = queue.tail.then(fn, fn);
    queue.tail = next.catch(() => undefined);
    return next;
  };
  const inner: Db = {
    dialect: 'sqlite',
    where: path,
    all: async (sql, params) => exec.all(sql, params),
    run: async (sql, params) => exec.run(sql, params),
    transaction: async (fn) => fn(inner),
    close: async () => {},
  };
  return {
    dialect: 'sqlite',
    where: path,
    all: (sql, params) => serial(() => exec.all(sql, params)),
    run: (sql, params) => serial(() => exec.run(sql, params)),
    transaction: (fn) =>
      serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(inner);
          db.exec('COMMIT');
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw err;
        }
      }),
    close: () =>
      serial(() => {
        db.close();
      }),
  };
}
