import type { Dataset, TextFigure, Topic } from '../dataset/types.js';
import { halfUnit, reported, type Figure } from './figure.js';

export const NATIONAL = 'National';

/** The paper's prose figures about one subject (National, a province, a country), in the paper's order. */
export function statementsAbout(ds: Dataset, subject: string, topic?: Topic): TextFigure[] {
  return ds.textFigures.filter((t) => t.subject === subject && (topic === undefined || t.topic === topic));
}

/** The quotes of some statements, each once, in order (several figures may share one sentence). */
export function quotesOf(statements: readonly TextFigure[]): { quote: string; source: string }[] {
  const seen = new Set<string>();
  const out: { quote: string; source: string }[] = [];
  for (const t of statements) {
    const key = `${t.source}|${t.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ quote: t.quote, source: t.source });
  }
  return out;
}

export function asFigure(t: TextFigure): Figure {
  return reported(t.value, t.unit, t.decimals, t.source, t.qualifier);
}

/** A prose figure stated as a value (exact or "about"), not as a bound ("over 4 Mt"). */
export function statedValue(ds: Dataset, subject: string, metric: string): TextFigure | undefined {
  return ds.textFigures.find((t) => t.subject === subject && t.metric === metric && (t.qualifier === 'exact' || t.qualifier === 'approx'));
}

/**
 * The rule for marks: a figure the paper prints in its prose is cited to its section (with the bot's
 * own computation attached, so the reply can say whether they agree); only a figure the paper prints
 * nowhere stays derived (†).
 */
export function printedOr(ds: Dataset, subject: string, metric: string, computed: Figure): Figure {
  const t = statedValue(ds, subject, metric);
  if (!t || t.unit !== computed.unit) return { ...computed, about: { subject, metric } };
  const printed = asFigure(t);
  const agrees = Math.abs(computed.value - t.value) <= halfUnit(t.decimals) + 1e-9;
  printed.source.check = {
    value: computed.value,
    decimals: computed.decimals,
    ref: computed.source.ref,
    agrees,
  };
  return printed;
}
