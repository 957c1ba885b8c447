import type { BaseConfig } from '../config/config.js';
import { migrate } from './migrations.js';
import { openSqliteDb } from './sqlite-db.js';
import { SqlStore } from './sql-store.js';

/** The bot's database: PostgreSQL when DATABASE_URL is set (several replicas), SQLite at DATABASE_PATH otherwise. */
export async function openStore(c: Pick<BaseConfig, 'DATABASE_URL' | 'DATABASE_PATH'> & { DATABASE_TIMEOUT_SECONDS?: number }): Promise<SqlStore> {
  const db = c.DATABASE_URL
    ? await (await import('./postgres-db.js')).openPostgresDb(c.DATABASE_URL, { timeoutMs: (c.DATABASE_TIMEOUT_SECONDS ?? 15) * 1000 })
    : openSqliteDb(c.DATABASE_PATH);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return new SqlStore(db);
}
