import type { Dataset, RowKind, TableKey } from '../dataset/types.js';

/** Row lookups shared by the metrics; the tables are small, so a scan is the fastest honest index. */
export function rowOf<R extends { name: string }>(rows: readonly R[], name: string): R | undefined {
  return rows.find((r) => r.name === name);
}

export function rowsOfKind<R extends { kind: RowKind }>(rows: readonly R[], kind: RowKind): R[] {
  return rows.filter((r) => r.kind === kind);
}

export function totalOf<R extends { kind: RowKind }>(rows: readonly R[]): R {
  const total = rows.find((r) => r.kind === 'total');
  // The loader guarantees exactly one total row per table.
  if (!total) throw new Error('table without a total row');
  return total;
}

/** "Table 2" etc. for a dataset table. */
export function sourceOf(ds: Dataset, table: TableKey): string {
  return ds.edition.tables[table].source;
}

export function exportYears(ds: Dataset): number[] {
  return [...new Set(ds.exports.map((r) => r.year))].sort((a, b) => a - b);
}

export function exportRowsOf(ds: Dataset, year: number) {
  return ds.exports.filter((r) => r.year === year);
}
