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

/** PostgreSQL through node-postgres: a pool shared by the process; transactions take a client of their own. */
export async function openPostgresDb(url: string): Promise<Db> {
  const where = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 8, connectionTimeoutMillis: 10_000, idleTimeoutMillis: 30_000 });
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
        const tx: Db = { dialect: 'postgres', where, ...on(client as unknown as { query: pg.Pool['query'] }), transaction: (f) => f(tx), close: async () => {} };
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
