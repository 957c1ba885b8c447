import type { Dataset } from '../dataset/types.js';
import { formatKt, formatMt, formatNumber, formatPct } from '../format/numbers.js';
import type { Figure } from '../metrics/figure.js';
import type { ReplyField } from './reply.js';

const QUALIFIER: Record<string, string> = { approx: '≈', over: '>', under: '<' };

/** "9.15 Mt", "≈76 %", "39 enterprises". Derived figures carry a † so they are never taken for the paper's. */
export function show(f: Figure, o: { signed?: boolean } = {}): string {
  const prefix = f.qualifier ? (QUALIFIER[f.qualifier] ?? '') : '';
  let text: string;
  switch (f.unit) {
    case 'Mt': text = formatMt(f.value, o.signed); break;
    case 'kt': text = formatKt(f.value, o.signed); break;
    // A derived percentage has no printed precision to honour: one decimal reads best.
    case '%': text = f.source.derived ? `${formatNumber(f.value, 1, o.signed)} %` : formatPct(f.value, o.signed); break;
    case 'pp': text = `${formatNumber(f.value, 1, true)} pp`; break;
    case 'kg/t': text = `${formatNumber(f.value, 0)} kg/t`; break;
    case 'enterprises': text = `${formatNumber(f.value, 0)} enterprises`; break;
  }
  return `${prefix}${text}${f.source.derived ? ' †' : ''}`;
}

export function sourceLabel(f: Figure): string {
  return f.source.derived ? `derived from ${f.source.ref}: ${f.source.derived}` : f.source.ref;
}

export function field(label: string, f: Figure | undefined, o: { signed?: boolean } = {}): ReplyField[] {
  return f ? [{ label, value: show(f, o), source: sourceLabel(f) }] : [];
}

export const DERIVED_NOTE = '† derived: computed by the bot from the paper\'s figures, not printed in the paper.';

// One collator for the process: localeCompare with options builds a new one per call (~20 µs each).
const byNumber = new Intl.Collator('en', { numeric: true });

/** The sources list of a reply: each table or section once, with its caption, in the paper's order. */
export function sourcesOf(ds: Dataset, figures: readonly (Figure | undefined)[], extra: string[] = []): string[] {
  const refs = new Set<string>(extra);
  for (const f of figures) {
    if (!f) continue;
    for (const ref of f.source.ref.split(';')) refs.add(ref.trim());
  }
  const captions = new Map(Object.values(ds.edition.tables).map((t) => [t.source, t.caption]));
  const order = (r: string) => (r.startsWith('Table') ? 0 : r.startsWith('Abstract') ? 1 : 2);
  return [...refs]
    .sort((a, b) => order(a) - order(b) || byNumber.compare(a, b))
    .map((r) => (captions.has(r) && r.startsWith('Table') ? `${r}: ${captions.get(r)}` : r));
}

export function hasDerived(figures: readonly (Figure | undefined)[]): boolean {
  return figures.some((f) => f?.source.derived);
}
