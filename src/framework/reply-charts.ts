import type { Messages } from '../i18n/messages.js';
import { CLASS_COLORS, COLORS, type ChartSpec } from '../charts/spec.js';
import type { BalanceEntry, RegionalBalance } from '../metrics/balance.js';
import type { EfficiencyMix } from '../metrics/efficiency.js';
import type { ExportRanking } from '../metrics/exports.js';
import type { EntityKind } from '../metrics/names.js';
import type { Figure } from '../metrics/figure.js';
import type { RankedEntry } from '../metrics/rank.js';
import { type Presenter, show, sourceLabel } from './figure-text.js';
import type { ReplyField } from './reply.js';

/**
 * Builders shared by commands and briefings: the efficiency mix as a field and a chart, the balance
 * chart, the exports chart and the ranking chart are built once, here.
 */
/** A name for a reader: English with the Chinese name beside it on charts, Chinese alone in Chinese. */
export function nameFor(p: Presenter, kind: EntityKind, name: string, o: { bilingual?: boolean } = {}): string {
  const han = p.edition.names.chinese(kind, name);
  if (p.m.lang === 'zh-CN') return han ?? p.m.aggregateName(name);
  return o.bilingual && han ? `${name} ${han}` : p.m.aggregateName(name);
}

export function mixValue(mix: EfficiencyMix, m: Messages): string {
  const pct = (f: EfficiencyMix['high']) => show(f, m);
  return m.mix.value(pct(mix.high), pct(mix.medium), pct(mix.low), pct(mix.shutdown));
}

/** A figure's bar length on a chart whose axis is in the reader's unit (170 for 1.70 Mt in 万吨). */
export function drawn(f: Figure, m: Messages): number {
  return f.value * m.units.scale(f.unit);
}

export function mixField(mix: EfficiencyMix, m: Messages): ReplyField {
  return { label: m.labels.efficiencyMix, value: mixValue(mix, m), source: sourceLabel(mix.high, m) };
}

export function mixChart(p: Presenter, mix: EfficiencyMix, title: string): ChartSpec {
  const { m } = p;
  const th = p.edition.data.edition.efficiencyThresholds;
  const figures = [mix.high, mix.medium, mix.low, mix.shutdown];
  return {
    kind: 'bar',
    title,
    labels: m.mix.classLabels(th.highAbovePct, th.lowBelowPct),
    series: [
      {
        label: m.units.percentOfCapacity,
        values: figures.map((f) => f.value),
        shown: figures.map((f) => show(f, m)),
        color: COLORS.output,
        colors: CLASS_COLORS,
      },
    ],
    unit: m.units.percentOfCapacity,
    caption: m.charts.source(m.ref(mix.high.source.ref)),
    alt: m.mix.alt(mix.name === 'Total' ? m.charts.china : nameFor(p, 'province', mix.name), mixValue(mix, m)),
    max: 100,
  };
}

/**
 * Net balance by province as diverging bars. Rows the paper gives no balance for are left out, and the
 * caption says which, so nobody reads a missing bar as zero.
 */
export function balanceChart(p: Presenter, r: RegionalBalance): ChartSpec {
  const { m } = p;
  const ordered: BalanceEntry[] = [...r.surplus, ...r.deficit];
  const ref = m.ref(r.total.netBalance.source.ref);
  const missing = r.inOthers.map((n) => nameFor(p, 'province', n));
  const left = [
    ...(r.others ? [m.charts.aggregateRow(m.aggregateName('Others'), show(r.others.netBalance, m, { signed: true }))] : []),
    ...(missing.length > 0 ? [m.charts.noRow(missing, ref)] : []),
  ];
  return {
    kind: 'diverging-bar',
    title: m.charts.balanceTitle(p.edition.year),
    labels: ordered.map((e) => nameFor(p, 'province', e.name)),
    series: [
      {
        label: m.labels.netBalance,
        values: ordered.map((e) => drawn(e.netBalance, m)),
        shown: ordered.map((e) => show(e.netBalance, m, { signed: true })),
        color: COLORS.surplus,
      },
    ],
    unit: m.charts.balanceUnit,
    caption: [m.charts.source(ref), left.length > 0 ? m.charts.notDrawn(left) : ''].filter(Boolean).join(' · '),
    alt: m.charts.balanceAlt(
      ordered.map((e) => `${nameFor(p, 'province', e.name)} ${show(e.netBalance, m, { signed: true })}`),
      left,
    ),
  };
}

/** Export volumes by destination, the year before beside when the table has it. */
export function exportsChart(p: Presenter, r: ExportRanking, count: number): ChartSpec {
  const { m } = p;
  const entries = r.entries.slice(0, count);
  const names = entries.map((e) => nameFor(p, 'country', e.name));
  const previous = r.previousYear;
  return {
    kind: 'horizontal-bar',
    title: m.charts.exportsTitle(r.year),
    labels: names,
    series: [
      ...(previous
        ? [
            {
              label: String(previous),
              values: entries.map((e) => (e.change ? drawn(e.change.previous, m) : null)),
              shown: entries.map((e) => (e.change ? show(e.change.previous, m, { unit: false }) : m.common.notAvailable)),
              color: COLORS.previous,
            },
          ]
        : []),
      {
        label: String(r.year),
        values: entries.map((e) => drawn(e.volume, m)),
        shown: entries.map((e) => show(e.volume, m, { unit: false })),
        color: COLORS.current,
      },
    ],
    unit: m.units.axis('kt'),
    caption: [
      m.charts.source(m.ref(r.total.volume.source.ref)),
      r.countries > entries.length || r.others ? m.charts.topOf(entries.length, r.countries, Boolean(r.others)) : '',
    ]
      .filter(Boolean)
      .join(' · '),
    alt: m.charts.exportsAlt(
      r.year,
      entries.map((e, i) => `${names[i]} ${show(e.volume, m)}`),
    ),
  };
}

/** Provinces ranked by one metric, as bars (diverging for balances). */
export function rankingChart(
  p: Presenter,
  o: { title: string; unit: string; entries: readonly RankedEntry[]; signed: boolean; caption: string; max?: number },
): ChartSpec {
  const { m } = p;
  const names = o.entries.map((e) => nameFor(p, 'province', e.name));
  return {
    kind: o.signed ? 'diverging-bar' : 'horizontal-bar',
    title: o.title,
    labels: names,
    series: [
      {
        label: o.unit,
        values: o.entries.map((e) => drawn(e.figure, m)),
        shown: o.entries.map((e) => show(e.figure, m, { signed: o.signed })),
        color: COLORS.output,
      },
    ],
    unit: o.unit,
    caption: o.caption,
    alt: `${o.title}: ${o.entries.map((e, i) => `${names[i]} ${show(e.figure, m, { signed: o.signed })}`).join(', ')}.`,
    ...(o.max !== undefined ? { max: o.max } : {}),
  };
}
