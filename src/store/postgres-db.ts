import pg from 'pg';
import { StoreError, type Db } from './db.js';

/** "postgres://bot:***@db:5432/anode" → "db:5432/anode": where, without credentials. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/**
 * PostgreSQL through node-postgres: a pool shared by the process; transactions take a client of their
 * own. Nothing waits forever: the server abandons a statement after `timeoutMs`, the client gives up a
 * little later even when the server (or the network) says nothing at all, and a connection that timed
 * out is destroyed rather than reused; TCP keep-alive finds connections dropped by the network.
 */
export async function openPostgresDb(url: string, o: { timeoutMs?: number } = {}): Promise<Db> {
  const where = redactUrl(url);
  const timeoutMs = o.timeoutMs ?? 15_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: Math.min(10_000, timeoutMs),
    idleTimeoutMillis: 30_000,
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1000,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
  });
  // A connection dropped by the server must not crash the process: the next query reconnects.
  pool.on('error', () => {});
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw new StoreError(`PostgreSQL at ${where}: cannot connect (${(err as Error).message})`);
  }
  const on = (q: { query: pg.Pool['query'] }): Pick<Db, 'all' | 'run'> => ({
    all: async <T>(sql: string, params: readonly unknown[] = []) => (await q.query(sql, params as unknown[])).rows as T[],
    run: async (sql: string, params: readonly unknown[] = []) => (await q.query(sql, params as unknown[])).rowCount ?? 0,
  });
  return {
    dialect: 'postgres',
    where,
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Db = {
          dialect: 'postgres',
          where,
          ...on(client as unknown as { query: pg.Pool['query'] }),
          transaction: (f) => f(tx),
          close: async () => {},
        };
        const result = await fn(tx);
        await client.query('COMMIT');
        client.release();
        return result;
      } catch (err) {
        // A connection that timed out is in an unknown state: destroyed, never handed out again.
        const broken = await client.query('ROLLBACK').then(
          () => false,
          () => true,
        );
        client.release(broken ? (err as Error) : undefined);
        throw err;
      }
    },
    close: () => pool.end(),
  };
}
