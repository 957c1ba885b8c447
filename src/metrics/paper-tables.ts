import type { Dataset, TableKey } from '../dataset/types.js';
import { formatNumber } from '../format/numbers.js';
import { exportRowsOf, exportYears } from './tables.js';

/** A column of one of the paper's tables: what it holds and its unit. */
export interface PaperColumn {
  key: string;
  unit: 'Mt' | 'kt' | '%' | null;
}

/** One of the paper's numbered tables, as printed: every row, Others and Total included, values as printed. */
export interface PaperTable {
  number: number;
  key: TableKey;
  ref: string;
  caption: string;
  captionZh?: string | undefined;
  columns: PaperColumn[];
  /** First cell the row's name, then each value as the paper prints it ("1.70", "-0.026", "0"). */
  rows: { name: string; kind: string; cells: string[] }[];
  /** For Table 4: the years of its column pairs, newest first. */
  years?: number[];
}

const printed = (value: number, decimals: number) => value.toFixed(decimals);

/** The numbered tables an edition has ("Table 1"…"Table 4"), by number. */
export function tableNumbers(ds: Dataset): number[] {
  return Object.values(ds.edition.tables)
    .map((t) => /^Table (\d+)$/.exec(t.source)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

// Long on purpose: the four tables as the paper prints them, one declaration each, side by side.
export function paperTable(ds: Dataset, number: number): PaperTable | undefined {
  const entry = (Object.entries(ds.edition.tables) as [TableKey, { source: string; caption: string; captionZh?: string | undefined }][]).find(
    ([, t]) => t.source === `Table ${number}`,
  );
  if (!entry) return undefined;
  const [key, meta] = entry;
  const base = { number, key, ref: meta.source, caption: meta.caption, captionZh: meta.captionZh };
  switch (key) {
    case 'efficiency-by-province':
      return {
        ...base,
        columns: [
          { key: 'capacity', unit: 'Mt' },
          { key: 'high', unit: '%' },
          { key: 'medium', unit: '%' },
          { key: 'low', unit: '%' },
          { key: 'shutdown', unit: '%' },
        ],
        rows: ds.efficiency.map((r) => ({
          name: r.name,
          kind: r.kind,
          cells: [
            printed(r.capacityMt, r.dp.capacityMt),
            printed(r.highPct, r.dp.highPct),
            printed(r.mediumPct, r.dp.mediumPct),
            printed(r.lowPct, r.dp.lowPct),
            printed(r.shutdownPct, r.dp.shutdownPct),
          ],
        })),
      };
    case 'production-by-province':
      return {
        ...base,
        columns: [
          { key: 'capacity', unit: 'Mt' },
          { key: 'output', unit: 'Mt' },
          { key: 'utilization', unit: '%' },
        ],
        rows: ds.production.map((r) => ({
          name: r.name,
          kind: r.kind,
          cells: [printed(r.capacityMt, r.dp.capacityMt), printed(r.outputMt, r.dp.outputMt), printed(r.utilizationPct, r.dp.utilizationPct)],
        })),
      };
    case 'balance-by-province':
      return {
        ...base,
        columns: [
          { key: 'output', unit: 'Mt' },
          { key: 'demand', unit: 'Mt' },
          { key: 'exports', unit: 'Mt' },
          { key: 'balance', unit: 'Mt' },
        ],
        rows: ds.balance.map((r) => ({
          name: r.name,
          kind: r.kind,
          cells: [
            printed(r.outputMt, r.dp.outputMt),
            printed(r.demandMt, r.dp.demandMt),
            printed(r.exportsMt, r.dp.exportsMt),
            printed(r.balanceMt, r.dp.balanceMt),
          ],
        })),
      };
    case 'exports-by-country': {
      const years = exportYears(ds).reverse();
      const names = [...new Set(ds.exports.map((r) => r.name))];
      return {
        ...base,
        years,
        columns: years.flatMap((y) => [
          { key: `exports ${y}`, unit: 'kt' as const },
          { key: `share ${y}`, unit: '%' as const },
        ]),
        rows: names.map((name) => {
          const cells = years.flatMap((y) => {
            const r = exportRowsOf(ds, y).find((x) => x.name === name);
            return r ? [printed(r.exportsKt, r.dp.exportsKt), printed(r.sharePct, r.dp.sharePct)] : ['', ''];
          });
          return { name, kind: ds.exports.find((r) => r.name === name)!.kind, cells };
        }),
      };
    }
    default:
      return undefined;
  }
}

/** A printed cell for reading: typographic minus and thousands separators, decimals untouched. */
export function readableCell(cell: string): string {
  if (cell === '') return '';
  const decimals = cell.includes('.') ? cell.length - cell.indexOf('.') - 1 : 0;
  return formatNumber(Number(cell), decimals);
}

/** RFC 4180 CSV: a header row, then the rows; values exactly as the dataset holds them. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const quote = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${[header, ...rows].map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`;
}
