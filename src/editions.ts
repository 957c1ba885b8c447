import type { Dataset } from './dataset/types.js';
import { crossCheck, type Finding } from './metrics/cross-checks.js';
import { NameIndex } from './metrics/names.js';
import type { YearsHeld } from './i18n/en.js';
import { exportYears } from './metrics/tables.js';

/** One edition of the dataset with what is built from it once: its names and its cross-check findings. */
export interface Edition {
  year: number;
  data: Dataset;
  names: NameIndex;
  findings: readonly Finding[];
  exportYears: readonly number[];
}

/** Every edition loaded, and the one commands answer from unless a year is asked for. */
export interface Library {
  /** Oldest first. */
  readonly years: readonly number[];
  readonly current: Edition;
  get(year: number): Edition | undefined;
  /** The newest edition older than `year`. */
  previousOf(year: number): Edition | undefined;
  /** The newest edition whose export table covers `year` (an edition's export table covers the year before it too). */
  forExportYear(year: number): Edition | undefined;
}

export function editionOf(data: Dataset): Edition {
  // The findings on first use: a one-shot `ask` about exports never needs the province checks.
  let findings: readonly Finding[] | undefined;
  return {
    year: data.edition.year,
    data,
    names: new NameIndex(data),
    get findings() {
      findings ??= crossCheck(data);
      return findings;
    },
    exportYears: exportYears(data),
  };
}

/** A bad DATASET_EDITION: the message names the editions there are. */
export class EditionChoiceError extends Error {
  override name = 'EditionChoiceError';
}

/** Builds the library; `selected` (DATASET_EDITION) picks the current edition, the newest by default. */
export function buildLibrary(datasets: readonly Dataset[], selected?: number): Library {
  const editions = datasets.map(editionOf).sort((a, b) => a.year - b.year);
  const years = editions.map((e) => e.year);
  const current = selected === undefined ? editions.at(-1) : editions.find((e) => e.year === selected);
  if (!current) {
    throw new EditionChoiceError(`DATASET_EDITION=${selected}: no such edition (editions found: ${years.join(', ') || 'none'})`);
  }
  const byYear = new Map(editions.map((e) => [e.year, e]));
  return {
    years,
    current,
    get: (year) => byYear.get(year),
    previousOf: (year) => editions.filter((e) => e.year < year).at(-1),
    forExportYear: (year) => [...editions].reverse().find((e) => e.exportYears.includes(year)),
  };
}

/** What each loaded edition holds, worded by the catalogue ("Editions loaded: <year> (…also for <year before>)"). */
export function yearsHeld(library: Library, ref: (source: string) => string): YearsHeld[] {
  return library.years.flatMap((year) => {
    const e = library.get(year);
    return e ? [{ year, alsoExports: e.exportYears.filter((y) => y !== year), exportsRef: ref(e.data.edition.tables['exports-by-country'].source) }] : [];
  });
}

/** The edition holding `year` as a column of its export table, when no edition is that year. */
export function editionWithExportYear(library: Library, year: number): Edition | undefined {
  return library.years.map((y) => library.get(y)).find((e) => e !== undefined && e.exportYears.includes(year));
}
