import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import { DatasetError } from './errors.js';

export interface Located<T> {
  row: T;
  /** The cells as written, for the printed precision of numbers ("1.70" keeps its zero). */
  raw: Readonly<Record<string, string>>;
  /** 1-based line in the file (the header is line 1). */
  line: number;
}

/** Decimal places of a number as written: "1.70" → 2, "0" → 0, "" → 0. */
export function decimalsIn(text: string | undefined): number {
  const i = (text ?? '').trim().indexOf('.');
  return i < 0 ? 0 : (text ?? '').trim().length - i - 1;
}

/** Reads one CSV file and validates every row; the first bad cell stops with a DatasetError. */
export function readCsv<S extends z.ZodType<Record<string, unknown>>>(
  file: string,
  schema: S,
  /** The column whose value names a row in messages ("row 4 (Henan)"). */
  keyColumn: string,
): Located<z.output<S>>[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new DatasetError(`${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { columns: true, info: true, skip_empty_lines: true, bom: true, trim: true });
  } catch (err) {
    throw new DatasetError(`${file}: not valid CSV: ${(err as Error).message}`);
  }
  const shape = (schema as unknown as z.ZodObject).shape as Record<string, unknown> | undefined;
  const header =
    text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/, 1)[0]
      ?.split(',')
      .map((h) => h.trim()) ?? [];
  for (const column of Object.keys(shape ?? {})) {
    if (!header.includes(column)) {
      throw new DatasetError(`${file}: header row: missing column "${column}" (columns found: ${header.join(', ')})`);
    }
  }
  return records.map(({ record, info }) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      const field = issue.path.join('.') || '(row)';
      const key = record[keyColumn] ? ` (${record[keyColumn]})` : '';
      const got = typeof record[field] === 'string' ? `, got "${record[field]}"` : '';
      throw new DatasetError(`${file}: row ${info.lines}${key}, field ${field}: ${issue.message}${got}`);
    }
    return { row: result.data, raw: record, line: info.lines };
  });
}
