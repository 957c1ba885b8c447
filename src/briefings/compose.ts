import { DERIVED_NOTE, show, sourcesOf } from '../commands/figures.js';
import type { Reply } from '../commands/reply.js';
import { COLORS, type ChartSpec } from '../charts/spec.js';
import type { Dataset } from '../dataset/types.js';
import { formatKt, formatMt, formatPct } from '../format/numbers.js';
import { regionalBalance } from '../metrics/balance.js';
import { efficiencyStructure } from '../metrics/efficiency.js';
import { exportRanking, latestExportYear } from '../metrics/exports.js';
import type { Figure } from '../metrics/figure.js';
import { bilingualName, type NameIndex } from '../metrics/names.js';
import { nationalOverview } from '../metrics/national.js';
import { rankProvinces } from '../metrics/rank.js';

export const BRIEFING_KINDS = ['utilization', 'mismatch', 'exports', 'full'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

interface Section {
  title: string;
  lines: string[];
  figures: (Figure | undefined)[];
  chart: ChartSpec;
}

function utilizationSection(ds: Dataset, names: NameIndex): Section {
  const o = nationalOverview(ds);
  const s = efficiencyStructure(ds);
  const ranked = rankProvinces(ds, 'utilization').entries;
  const best = ranked.slice(0, 2);
  const worst = ranked.slice(-2).reverse();
  return {
    title: 'Utilization',
    lines: [
      `National utilization ${show(o.utilization)} on ${show(o.capacity)} of capacity (${show(o.output)} output).`,
      `High-efficiency (> ${s.thresholds.highAbovePct} %) ${show(s.high.share)}, medium ${show(s.medium.share)}, low and idle ${show(s.lowAndIdle.share)}${s.idle ? `; ${show(s.idle.capacity)} idle all year` : ''}.`,
      `Best: ${best.map((e) => `${e.name} ${show(e.figure)}`).join(', ')}. Lowest: ${worst.map((e) => `${e.name} ${show(e.figure)}`).join(', ')}.`,
    ],
    figures: [o.utilization, o.capacity, o.output, s.high.share, s.lowAndIdle.share, ...ranked.map((e) => e.figure)],
    chart: {
      kind: 'horizontal-bar',
      title: `Utilization by province, ${ds.edition.year} (%)`,
      labels: ranked.map((e) => bilingualName(names, 'province', e.name)),
      series: [{ label: 'Utilization', values: ranked.map((e) => e.figure.value), color: COLORS.output }],
      unit: '%',
      caption: `Source: ${o.utilization.source.ref}`,
      alt: `Utilization by province: ${ranked.map((e) => `${e.name} ${formatPct(e.figure.value)}`).join(', ')}.`,
      max: 100,
    },
  };
}

function mismatchSection(ds: Dataset, names: NameIndex): Section {
  const r = regionalBalance(ds);
  const top = r.surplus[0];
  const deficits = r.deficit.slice(0, 3);
  const shortfall = r.deficit.reduce((sum, e) => sum + e.netBalance.value, 0);
  const ordered = [...r.surplus, ...r.deficit];
  return {
    title: 'Regional mismatch',
    lines: [
      top ? `${top.name} produces ${show(top.domesticBalance, { signed: true })} more than it uses (${show(top.netBalance, { signed: true })} after exports).` : 'No surplus province.',
      `Largest gaps: ${deficits.map((e) => `${e.name} ${show(e.netBalance, { signed: true })}`).join(', ')}.`,
      `Deficit provinces need ${formatMt(-shortfall)} from other provinces: anodes flow from ${r.surplus.map((e) => e.name).join(' and ')} to the smelting regions in the west and north.`,
    ],
    figures: ordered.flatMap((e) => [e.domesticBalance, e.netBalance]),
    chart: {
      kind: 'diverging-bar',
      title: `Net anode balance by province, ${ds.edition.year} (Mt)`,
      labels: ordered.map((e) => bilingualName(names, 'province', e.name)),
      series: [{ label: 'Net balance', values: ordered.map((e) => e.netBalance.value), color: COLORS.surplus }],
      unit: 'Mt (surplus + / deficit −)',
      caption: `Source: ${r.total.netBalance.source.ref}`,
      alt: `Net balance: ${ordered.map((e) => `${e.name} ${formatMt(e.netBalance.value, true)}`).join(', ')}.`,
    },
  };
}

function exportsSection(ds: Dataset, names: NameIndex): Section {
  const year = latestExportYear(ds);
  const r = exportRanking(ds, year, 25);
  const top = r.entries.slice(0, 3);
  const movers = r.entries.filter((e) => e.change).sort((a, b) => Math.abs(b.change!.deltaKt.value) - Math.abs(a.change!.deltaKt.value)).slice(0, 3);
  return {
    title: 'Exports',
    lines: [
      `${show(r.total.volume)} exported in ${year}${r.total.change?.deltaPct ? ` (${show(r.total.change.deltaPct, { signed: true })} on ${r.previousYear})` : ''}.`,
      `Top destinations: ${top.map((e) => `${e.name} ${formatKt(e.volume.value)} (${formatPct(e.share.value)})`).join(', ')}.`,
      ...(movers.length ? [`Biggest movers: ${movers.map((e) => `${e.name} ${show(e.change!.deltaKt, { signed: true })}`).join(', ')}.`] : []),
    ],
    figures: [r.total.volume, ...top.map((e) => e.volume), ...movers.map((e) => e.change?.deltaKt)],
    chart: {
      kind: 'horizontal-bar',
      title: `Anode exports by destination, ${year} (kt)`,
      labels: r.entries.slice(0, 8).map((e) => bilingualName(names, 'country', e.name)),
      series: [{ label: String(year), values: r.entries.slice(0, 8).map((e) => e.volume.value), color: COLORS.current }],
      unit: 'kt',
      caption: `Source: ${r.total.volume.source.ref}`,
      alt: `Exports ${year}: ${r.entries.slice(0, 8).map((e) => `${e.name} ${formatKt(e.volume.value)}`).join(', ')}.`,
    },
  };
}

const TITLES: Record<BriefingKind, string> = {
  utilization: 'Utilization briefing',
  mismatch: 'Regional mismatch briefing',
  exports: 'Exports briefing',
  full: 'Anode industry briefing',
};

/** A briefing: short, readable in a minute, one chart, every figure sourced. Pure, like a command. */
export function composeBriefing(ds: Dataset, names: NameIndex, kind: BriefingKind): Reply {
  const sections =
    kind === 'full'
      ? [utilizationSection(ds, names), mismatchSection(ds, names), exportsSection(ds, names)]
      : [{ utilization: utilizationSection, mismatch: mismatchSection, exports: exportsSection }[kind](ds, names)];
  const figures = sections.flatMap((s) => s.figures);
  return {
    tone: 'info',
    title: `${TITLES[kind]} · China prebaked anodes ${ds.edition.year}`,
    summary: sections.length === 1 ? sections[0]!.lines.join(' ') : undefined,
    fields: sections.length > 1 ? sections.map((s) => ({ label: s.title, value: s.lines.join(' ') })) : undefined,
    // Full briefings stay compact: the mismatch chart, the one that changes decisions.
    charts: [sections.length > 1 ? sections[1]!.chart : sections[0]!.chart],
    notes: figures.some((f) => f?.source.derived) ? [DERIVED_NOTE] : [],
    sources: sourcesOf(ds, figures),
  };
}
