import type { Dataset, ExportRow } from '../dataset/types.js';
import { derived, percentOf, reported, type Figure } from './figure.js';
import { exportYears, rowsOfKind, sourceOf, totalOf } from './tables.js';

export interface ExportEntry {
  name: string;
  rank: number;
  volume: Figure;
  /** Share as the paper prints it (whole percent). */
  share: Figure;
  /** Change against the previous year, when that year is in the data. */
  change?: { previous: Figure; deltaKt: Figure; deltaPct: Figure | null };
}

export interface ExportRanking {
  year: number;
  previousYear: number | null;
  entries: ExportEntry[];
  /** How many countries the table names for the year (before the top-N cut). */
  countries: number;
  others: ExportEntry | undefined;
  total: ExportEntry;
}

function entryFor(ds: Dataset, row: ExportRow, rank: number, previous: ExportRow | undefined): ExportEntry {
  const t4 = sourceOf(ds, 'exports-by-country');
  const entry: ExportEntry = {
    name: row.name,
    rank,
    volume: reported(row.exportsKt, 'kt', t4),
    share: reported(row.sharePct, '%', t4),
  };
  if (previous) {
    const delta = row.exportsKt - previous.exportsKt;
    entry.change = {
      previous: reported(previous.exportsKt, 'kt', t4),
      deltaKt: derived(delta, 'kt', t4, `${row.year} − ${previous.year} volume`),
      deltaPct: previous.exportsKt > 0 ? derived(percentOf(delta, previous.exportsKt), '%', t4, 'year-over-year change') : null,
    };
  }
  return entry;
}

export function latestExportYear(ds: Dataset): number {
  return exportYears(ds).at(-1) ?? ds.edition.year;
}

/** Destinations ranked by volume for a year, with shares and year-over-year change. */
export function exportRanking(ds: Dataset, year: number, top: number): ExportRanking {
  const years = exportYears(ds);
  const previousYear = years.filter((y) => y < year).at(-1) ?? null;
  const rowsFor = (y: number | null) => (y === null ? [] : ds.exports.filter((r) => r.year === y));
  const current = rowsFor(year);
  const previous = rowsFor(previousYear);
  const prev = (name: string) => previous.find((r) => r.name === name);
  const countries = rowsOfKind(current, 'country').sort((a, b) => b.exportsKt - a.exportsKt);
  const others = rowsOfKind(current, 'others')[0];
  const total = totalOf(current);
  return {
    year,
    previousYear,
    countries: countries.length,
    entries: countries.slice(0, top).map((r, i) => entryFor(ds, r, i + 1, prev(r.name))),
    others: others ? entryFor(ds, others, 0, prev(others.name)) : undefined,
    total: entryFor(ds, total, 0, prev(total.name)),
  };
}

export interface CountryExports {
  name: string;
  years: { year: number; volume: Figure; share: Figure; rank: number; of: number }[];
  change: ExportEntry['change'];
}

/** One destination across every year in the data. */
export function countryExports(ds: Dataset, name: string): CountryExports {
  const years = exportYears(ds);
  const perYear = years.flatMap((year) => {
    const ranking = exportRanking(ds, year, Number.MAX_SAFE_INTEGER);
    const entry = ranking.entries.find((e) => e.name === name);
    return entry ? [{ year, volume: entry.volume, share: entry.share, rank: entry.rank, of: ranking.countries, change: entry.change }] : [];
  });
  const latest = perYear.at(-1);
  return {
    name,
    years: perYear.map(({ change: _change, ...rest }) => rest),
    change: latest?.change,
  };
}

/** Export totals by year, with the derived year-over-year change. */
export function exportTotals(ds: Dataset): { year: number; total: Figure; change: Figure | null }[] {
  const t4 = sourceOf(ds, 'exports-by-country');
  const years = exportYears(ds);
  return years.map((year, i) => {
    const total = totalOf(ds.exports.filter((r) => r.year === year)).exportsKt;
    const prevYear = years[i - 1];
    const prevTotal = prevYear === undefined ? undefined : totalOf(ds.exports.filter((r) => r.year === prevYear)).exportsKt;
    return {
      year,
      total: reported(total, 'kt', t4),
      change: prevTotal ? derived(percentOf(total - prevTotal, prevTotal), '%', t4, `${year} vs ${prevYear} total`) : null,
    };
  });
}
