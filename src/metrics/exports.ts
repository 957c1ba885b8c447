import type { Dataset, ExportRow } from '../dataset/types.js';
import { cell, derived, percentOf, type Figure } from './figure.js';
import { exportRowsOf, exportYears, rowsOfKind, sourceOf, totalOf } from './tables.js';
import { NATIONAL, printedOr } from './text-figures.js';

/**
 * A change against the year before. `pct` is null when a percentage would mislead: the destination is
 * new (nothing the year before), or the base is so small (under a twentieth of the new volume) that the
 * percentage says more about rounding than about trade.
 */
export interface ExportChange {
  previousYear: number;
  previous: Figure;
  deltaKt: Figure;
  pct: Figure | null;
  basis: 'normal' | 'new' | 'tiny-base';
}

export interface ExportEntry {
  name: string;
  /** Competition rank among named countries (ties share a rank); 0 for Others and Total. */
  rank: number;
  volume: Figure;
  /** Share as the paper prints it (whole percent). */
  share: Figure;
  change?: ExportChange;
}

export interface ExportRanking {
  year: number;
  previousYear: number | null;
  entries: ExportEntry[];
  /** How many countries the table names for the year (before the top-N cut). */
  countries: number;
  /** The named destinations below the cut, added up (computed †): so that the rows shown add up to Total. */
  otherNamed: OtherNamed | undefined;
  others: ExportEntry | undefined;
  total: ExportEntry;
}

export interface OtherNamed {
  countries: number;
  volume: Figure;
  share: Figure;
  /** Their change on the year before, as a group: the same countries' volumes added up both years. */
  pct: Figure | null;
}

/** Smaller bases than this fraction of the new volume give no percentage (South Korea: 0.6 → 53.4 kt). */
const TINY_BASE = 1 / 20;

function changeOf(ds: Dataset, row: ExportRow, previous: ExportRow, national: boolean): ExportChange {
  const t4 = sourceOf(ds, 'exports-by-country');
  const delta = row.exportsKt - previous.exportsKt;
  const basis = previous.exportsKt === 0 ? 'new' : previous.exportsKt < row.exportsKt * TINY_BASE ? 'tiny-base' : 'normal';
  // Two decimals: enough to show how a printed "19.3 %" was rounded, and a chart needs no more.
  const computed = derived(percentOf(delta, previous.exportsKt), '%', t4, `${row.year} vs ${previous.year} volume`, national ? 2 : 1);
  const pct = basis !== 'normal' ? null : national && row.year === ds.edition.year ? printedOr(ds, NATIONAL, 'exports_yoy_pct', computed) : computed;
  return {
    previousYear: previous.year,
    previous: cell(previous, 'exportsKt', 'kt', t4),
    deltaKt: derived(delta, 'kt', t4, `${row.year} − ${previous.year} volume`, Math.max(row.dp.exportsKt, previous.dp.exportsKt)),
    pct,
    basis,
  };
}

function entryFor(ds: Dataset, row: ExportRow, rank: number, previous: ExportRow | undefined): ExportEntry {
  const t4 = sourceOf(ds, 'exports-by-country');
  const entry: ExportEntry = { name: row.name, rank, volume: cell(row, 'exportsKt', 'kt', t4), share: cell(row, 'sharePct', '%', t4) };
  if (previous) entry.change = changeOf(ds, row, previous, row.kind === 'total');
  return entry;
}

export function latestExportYear(ds: Dataset): number {
  return exportYears(ds).at(-1) ?? ds.edition.year;
}

/** Destinations ranked by volume for a year (ties share a rank, by name), with year-over-year change. */
export function exportRanking(ds: Dataset, year: number, top = Number.MAX_SAFE_INTEGER): ExportRanking {
  const years = exportYears(ds);
  const previousYear = years.filter((y) => y < year).at(-1) ?? null;
  const current = exportRowsOf(ds, year);
  const previous = previousYear === null ? [] : exportRowsOf(ds, previousYear);
  const prev = (name: string) => previous.find((r) => r.name === name);
  const countries = rowsOfKind(current, 'country').sort((a, b) => b.exportsKt - a.exportsKt || a.name.localeCompare(b.name));
  const ranks = competitionRanks(countries.map((r) => r.exportsKt));
  const others = rowsOfKind(current, 'others')[0];
  const below = countries.slice(top);
  const t4 = sourceOf(ds, 'exports-by-country');
  const sum = (rows: readonly ExportRow[]) => rows.reduce((s, r) => s + r.exportsKt, 0);
  const before = previousYear === null || below.some((r) => !prev(r.name)) ? null : sum(below.map((r) => prev(r.name)!));
  const decimals = Math.max(0, ...below.map((r) => r.dp.exportsKt));
  const otherNamed: OtherNamed | undefined =
    below.length === 0
      ? undefined
      : {
          countries: below.length,
          volume: derived(sum(below), 'kt', t4, `sum of the ${below.length} named destinations not shown`, decimals),
          share: derived(percentOf(sum(below), totalOf(current).exportsKt), '%', t4, 'their volume over the total', 0),
          pct: before ? derived(percentOf(sum(below) - before, before), '%', t4, `${year} vs ${previousYear} volume of the same destinations`) : null,
        };
  return {
    otherNamed,
    year,
    previousYear,
    countries: countries.length,
    entries: countries.slice(0, top).map((r, i) => entryFor(ds, r, ranks[i]!, prev(r.name))),
    others: others ? entryFor(ds, others, 0, prev(others.name)) : undefined,
    total: entryFor(ds, totalOf(current), 0, prev(totalOf(current).name)),
  };
}

/** 1, 2, 2, 4: equal values share a rank (values already sorted, largest first). */
export function competitionRanks(values: readonly number[]): number[] {
  return values.map((v) => values.indexOf(v) + 1);
}

export interface CountryExports {
  name: string;
  years: { year: number; volume: Figure; share: Figure; rank: number; of: number }[];
  change: ExportChange | undefined;
}

/** One destination across every year in the data. */
export function countryExports(ds: Dataset, name: string): CountryExports {
  const perYear = exportYears(ds).flatMap((year) => {
    const ranking = exportRanking(ds, year);
    const entry = ranking.entries.find((e) => e.name === name);
    return entry ? [{ year, volume: entry.volume, share: entry.share, rank: entry.rank, of: ranking.countries, change: entry.change }] : [];
  });
  return { name, years: perYear.map(({ change: _change, ...rest }) => rest), change: perYear.at(-1)?.change };
}

/** Export totals by year (Table 4), each with its change on the year before. */
export function exportTotals(ds: Dataset): { year: number; total: Figure; change: ExportChange | undefined }[] {
  return exportYears(ds).map((year) => {
    const r = exportRanking(ds, year, 0);
    return { year, total: r.total.volume, change: r.total.change };
  });
}
