/**
 * The little SQL both databases are spoken to in: `$1`-style parameters, rows as plain objects.
 * SQLite (better-sqlite3) is the embedded default; PostgreSQL (node-postgres) serves several replicas.
 */
export interface Db {
  readonly dialect: 'sqlite' | 'postgres';
  /** Where it is, for messages: a file path, or host/database (never a password). */
  readonly where: string;
  all<T>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Rows affected. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs `fn` in one transaction that takes the write lock at once (SQLite BEGIN IMMEDIATE). */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A database the bot cannot use or write: the message names it and says why; nothing is changed. */
export class StoreError extends Error {
  override name = 'StoreError';
}

/** A write that failed while running (disk full, database gone): logged and retried, never fatal. */
export function describeDbError(err: unknown): string {
  const e = err as { code?: string; message?: string };
  return [e.code, e.message].filter(Boolean).join(': ') || String(err);
}
