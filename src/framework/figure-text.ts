import type { Edition } from '../editions.js';
import type { Messages } from '../i18n/messages.js';
import { formatNumber } from '../format/numbers.js';
import type { Figure } from '../metrics/figure.js';
import { type Finding, PART_DECIMALS, type RoundingGap } from '../metrics/cross-checks.js';
import type { TextFigure, Unit } from '../dataset/types.js';
import { quotesOf } from '../metrics/text-figures.js';
import type { ReplyField } from './reply.js';

/** A province's, country's or aggregate row's name as the cross-check notes write it: Chinese in Chinese, the paper's English otherwise. */
function readerName(p: Presenter): (name: string) => string {
  const { m } = p;
  const names = p.edition.names;
  return (n) => (m.lang === 'zh-CN' ? (names.chinese('province', n) ?? names.chinese('country', n) ?? m.aggregateName(n)) : n);
}

/** What a reply is written for: the reader's catalogue and the edition it answers from. */
export interface Presenter {
  m: Messages;
  edition: Edition;
}

export interface ShowOptions {
  /** "+0.87" for surpluses and changes. */
  signed?: boolean;
  /** Without the unit, for table columns that name it in the header. */
  unit?: boolean;
  /** Without the † mark, where a column header carries it. */
  mark?: boolean;
}

const QUALIFIER: Record<string, string> = { approx: '≈', over: '>', under: '<' };

/**
 * A figure as a reader sees it: printed precision kept ("1.70 Mt", "87.70 %"), the paper's hedge
 * ("≈76 %", ">4 Mt"), and † on figures the paper prints nowhere.
 */
export function show(f: Figure, m: Messages, o: ShowOptions = {}): string {
  const n = formatNumber(f.value, f.decimals, o.signed);
  const withUnit = o.unit === false ? m.units.number(n, f.unit) : m.units.withUnit(n, f.unit, f.value);
  const prefix = f.qualifier ? (QUALIFIER[f.qualifier] ?? '') : '';
  return `${prefix}${withUnit}${f.source.derived && o.mark !== false ? m.marks.dagger : ''}`;
}

/** Where a figure comes from, in the reader's language: "Table 2", "Section 4.1 (Table 4 gives +19.31 %: agrees)". */
export function sourceLabel(f: Figure, m: Messages, o: { signed?: boolean } = {}): string {
  const ref = m.ref(f.source.ref);
  if (f.source.derived) return m.marks.derivedFrom(ref, m.how(f.source.derived));
  const check = f.source.check;
  if (!check) return ref;
  const computed = m.units.withUnit(formatNumber(check.value, check.decimals, o.signed), f.unit, check.value);
  return m.marks.alsoComputed(
    ref,
    check.ref
      .split(';')
      .map((r) => m.ref(r.trim()))
      .join('; '),
    computed,
    check.agrees,
  );
}

export function field(label: string, f: Figure | undefined, m: Messages, o: ShowOptions & { key?: boolean } = {}): ReplyField[] {
  return f ? [{ label, value: show(f, m, o), source: sourceLabel(f, m, o), ...(o.key ? { key: true } : {}) }] : [];
}

/** The sources list of a reply: each table or section once, with its caption, in the paper's order. */
export function sourcesOf(edition: Edition, figures: readonly (Figure | undefined)[], m: Messages, extra: readonly string[] = []): string[] {
  const refs = new Set<string>(extra);
  for (const f of figures) {
    if (!f) continue;
    for (const ref of f.source.ref.split(';')) refs.add(ref.trim());
    if (f.source.check) for (const ref of f.source.check.ref.split(';')) refs.add(ref.trim());
  }
  const captions = new Map(Object.values(edition.data.edition.tables).map((t) => [t.source, t]));
  const order = (r: string) => (r.startsWith('Table') ? 0 : r.startsWith('Abstract') ? 1 : 2);
  const key = (r: string) => r.replace(/\d+/g, (d) => d.padStart(4, '0'));
  return [...refs]
    .sort((a, b) => order(a) - order(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
    .map((r) => {
      const t = r.startsWith('Table') ? captions.get(r) : undefined;
      return t ? m.captionOf(r, t.caption, t.captionZh) : m.ref(r);
    });
}

/** The paper's own words about the subject, quoted briefly with their section. */
export function quoteNotes(statements: readonly TextFigure[], m: Messages): string[] {
  return quotesOf(statements).map((q) => m.marks.quote(q.quote, m.ref(q.source)));
}

/** What the cross-checks found about the subject: inconsistencies (⚠) and soft tensions. */
export function findingNotes(findings: readonly Finding[], p: Presenter): string[] {
  const { m } = p;
  const name = readerName(p);
  return findings.map((f) =>
    f.severity === 'inconsistency' ? m.marks.inconsistency(m.ref(f.table), m.finding(f, name)) : m.marks.tension(m.finding(f, name)),
  );
}

/** A figure read back from the data keeps at least its column's printed decimals (23.10, not 23.1). */
const printedDecimals = (v: number, atLeast: number) => Math.max(atLeast, (String(v).split('.')[1] ?? '').length);

/**
 * One short line naming the rounding gaps a reply puts in plain view (Henan: 1.76 − 0.88 − 0.02 = 0.86
 * beside the printed +0.87), so a reader who adds the rows up is not left wondering. Nothing is corrected.
 */
export function roundingNote(gaps: readonly Finding[], p: Presenter, where?: string): string[] {
  if (gaps.length === 0) return [];
  const { m } = p;
  const name = readerName(p);
  const items = gaps.map((f): RoundingGap => {
    const dp = PART_DECIMALS[f.unit] ?? 2;
    // Tonnages in the reader's unit (万吨 in Chinese), digits as printed; other units as they are.
    const inUnit = (n: string) => m.units.number(n, f.unit as Unit);
    if (f.check.startsWith('balance'))
      return {
        kind: 'net',
        name: name(f.row),
        printed: inUnit(formatNumber(f.found, printedDecimals(f.found, dp), true)),
        computed: inUnit(formatNumber(f.expected, dp, true)),
      };
    if (f.check.startsWith('column'))
      return {
        kind: 'column',
        name: f.column ?? f.row,
        printed: inUnit(formatNumber(f.found, printedDecimals(f.found, dp))),
        computed: inUnit(formatNumber(f.expected, dp)),
      };
    const kind = f.check.startsWith('shares of a row') ? 'row-shares' : 'year-shares';
    return { kind, name: kind === 'row-shares' ? name(f.row) : f.row, printed: '100', computed: formatNumber(f.found, 0) };
  });
  return [
    m.marks.rounding(
      items.map((g) => m.marks.roundingGap(g)),
      where,
    ),
  ];
}

/** The † footnote, when some figure of the reply is the bot's own computation. */
export function derivedNote(figures: readonly (Figure | undefined)[], m: Messages): string[] {
  return figures.some((f) => f?.source.derived) ? [m.marks.derivedNote] : [];
}

/** Every figure shown, without the gaps of optional ones: what a Reply's `figures` holds. */
export function shown(figures: readonly (Figure | undefined | null)[]): Figure[] {
  return figures.filter((f): f is Figure => Boolean(f));
}
