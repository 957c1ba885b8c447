import type { Dataset } from '../dataset/types.js';
import { reported, type Figure } from './figure.js';

/** Figures the paper states in its text about one subject, by metric (the first statement wins). */
export function textFiguresAbout(ds: Dataset, subject: string): Map<string, Figure> {
  const out = new Map<string, Figure>();
  for (const t of ds.textFigures) {
    if (t.subject === subject && !out.has(t.metric)) out.set(t.metric, reported(t.value, t.unit, t.source, t.qualifier));
  }
  return out;
}
