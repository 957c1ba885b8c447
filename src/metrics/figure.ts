import type { Qualifier, Source, Unit } from '../dataset/types.js';

/** A number with its unit and where it came from. Every figure a reply shows is one of these. */
export interface Figure {
  value: number;
  unit: Unit;
  source: Source;
  /** For text figures: "about", "over", "under". */
  qualifier?: Qualifier;
}

export function reported(value: number, unit: Unit, ref: string, qualifier?: Qualifier): Figure {
  return qualifier && qualifier !== 'exact' ? { value, unit, source: { ref }, qualifier } : { value, unit, source: { ref } };
}

export function derived(value: number, unit: Unit, ref: string, how: string): Figure {
  return { value, unit, source: { ref, derived: how } };
}

/** Share of a part in a whole, in percent; NaN-safe for an empty whole. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : (part / whole) * 100;
}
