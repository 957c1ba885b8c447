import type { Qualifier, Source, Unit } from '../dataset/types.js';

/** A number with its unit, its printed precision and where it came from. Every figure a reply shows is one. */
export interface Figure {
  value: number;
  unit: Unit;
  /** Decimal places: as the paper printed it, or a sensible precision for a figure the bot computed. */
  decimals: number;
  source: Source;
  /** For prose figures: "about", "over", "under". */
  qualifier?: Qualifier;
  /**
   * For a computed figure the paper could have stated in its prose (a subject's metric, as in
   * text-figures.csv): which one. It stays derived (†) only because the paper states none.
   */
  about?: { subject: string; metric: string };
}

/** Precision for computed figures: what a chart or a sentence can use without false precision. */
export const DERIVED_DECIMALS: Record<Unit, number> = { Mt: 2, kt: 1, '%': 1, pp: 1, 'kg/t': 0, enterprises: 0 };

/** A figure the paper prints (a table cell or a prose figure). */
export function reported(value: number, unit: Unit, decimals: number, ref: string, qualifier?: Qualifier): Figure {
  const f: Figure = { value, unit, decimals, source: { ref } };
  if (qualifier && qualifier !== 'exact') f.qualifier = qualifier;
  return f;
}

/** A figure the bot computes and the paper prints nowhere: always marked †. */
export function derived(value: number, unit: Unit, ref: string, how: string, decimals = DERIVED_DECIMALS[unit]): Figure {
  return { value, unit, decimals, source: { ref, derived: how } };
}

/** Reads one cell of a table row as a reported figure, with the precision it was printed with. */
export function cell<R extends { dp: Readonly<Record<string, number>> }, K extends keyof R['dp'] & keyof R & string>(
  row: R,
  field: K,
  unit: Unit,
  ref: string,
): Figure {
  return reported(row[field] as number, unit, row.dp[field] ?? 0, ref);
}

/** Share of a part in a whole, in percent; 0 for an empty whole. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}

/** Half a unit of the last printed digit: the largest error printing can hide. */
export function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}
