import { sourceOf } from '../metrics/tables.js';
import { derivedNote, show, shown, sourcesOf } from '../framework/figure-text.js';
import { balanceChart, exportsChart, nameFor, rankingChart } from '../framework/reply-charts.js';
import type { Presenter } from '../framework/figure-text.js';
import type { FollowUp, Reply, ReplyField } from '../framework/reply.js';
import type { ChartSpec } from '../charts/spec.js';
import type { Edition } from '../editions.js';
import { regionalBalance } from '../metrics/balance.js';
import { editionChanges, type EditionChanges } from '../metrics/changes.js';
import { efficiencyStructure } from '../metrics/efficiency.js';
import { exportRanking, latestExportYear } from '../metrics/exports.js';
import type { Figure } from '../metrics/figure.js';
import { nationalOverview } from '../metrics/national.js';
import { rankProvinces } from '../metrics/rank.js';
import type { BriefingKind } from './kinds.js';
import type { Lang } from '../i18n/lang.js';
import { spotlightCycle, spotlightPosition, type SpotlightView } from './spotlights.js';

/** A briefing's headline for its kind: two or three sentences, every figure from the paper or marked. */
interface Section {
  lines: string[];
  figures: Figure[];
  chart: ChartSpec;
  followUps: FollowUp[];
}

function utilizationSection(p: Presenter): Section {
  const { m, edition } = p;
  const ds = edition.data;
  const o = nationalOverview(ds);
  const s = efficiencyStructure(ds);
  const ranked = rankProvinces(ds, 'utilization').entries;
  const best = ranked.slice(0, 2);
  const worst = ranked.slice(-2).reverse();
  const list = (es: typeof ranked) => es.map((e) => `${nameFor(p, 'province', e.name)} ${show(e.figure, m)}`);
  return {
    lines: [
      m.briefing.utilizationLine(show(o.utilization, m), show(o.capacity, m), show(o.output, m), m.ref(o.utilization.source.ref)),
      m.briefing.classesLine(
        s.thresholds.highAbovePct,
        show(s.high.share, m),
        show(s.medium.share, m),
        show(s.lowAndIdle.share, m),
        m.ref(s.high.share.source.ref),
      ),
      m.briefing.bestWorst(list(best), list(worst), m.ref(o.utilization.source.ref)),
    ],
    figures: [
      o.utilization,
      o.capacity,
      o.output,
      s.high.share,
      s.medium.share,
      s.lowAndIdle.share,
      ...best.map((e) => e.figure),
      ...worst.map((e) => e.figure),
    ],
    chart: rankingChart(p, {
      title: m.charts.utilizationTitle(edition.year),
      unit: m.units.axis('%'),
      entries: ranked,
      signed: false,
      caption: m.charts.source(m.ref(o.utilization.source.ref)),
      max: 100,
    }),
    followUps: [{ label: m.follow.utilization, line: '/utilization' }],
  };
}

function mismatchSection(p: Presenter): Section {
  const { m } = p;
  const r = regionalBalance(p.edition.data);
  const top = r.surplus[0];
  const gaps = r.deficit.slice(0, 3);
  return {
    lines: [
      ...(top
        ? [
            m.briefing.surplusLine(
              nameFor(p, 'province', top.name),
              show(top.netBalance, m, { signed: true }),
              m.ref(top.netBalance.source.ref),
              show(top.domesticBalance, m, { signed: true }),
              m.ref(top.domesticBalance.source.ref),
            ),
          ]
        : []),
      m.briefing.gapsLine(
        gaps.map((e) => `${nameFor(p, 'province', e.name)} ${show(e.netBalance, m, { signed: true })}`),
        m.ref(r.total.netBalance.source.ref),
      ),
      m.briefing.deficitSumLine(r.deficit.length, show(r.deficitSum, m, { signed: true })),
    ],
    figures: [...(top ? [top.netBalance, top.domesticBalance] : []), ...gaps.map((e) => e.netBalance), r.deficitSum],
    chart: balanceChart(p, r),
    followUps: [{ label: m.follow.balance, line: '/mismatch' }],
  };
}

function exportsSection(p: Presenter): Section {
  const { m, edition } = p;
  const ds = edition.data;
  const year = latestExportYear(ds);
  const r = exportRanking(ds, year);
  const top = r.entries.slice(0, 3);
  const change = r.total.change?.pct;
  return {
    lines: [
      m.briefing.exportsLine(
        show(r.total.volume, m),
        year,
        change ? show(change, m, { signed: true }) : undefined,
        r.total.change?.previousYear,
        // The volume is Table 4's; the change may be the prose's (Section 4.1): each cites its own.
        m.ref(r.total.volume.source.ref),
        m.ref((change ?? r.total.volume).source.ref),
      ),
      m.briefing.topLine(
        top.map((e) => m.briefing.destination(nameFor(p, 'country', e.name), show(e.volume, m), show(e.share, m))),
        m.ref(r.total.volume.source.ref),
      ),
    ],
    figures: [r.total.volume, ...(change ? [change] : []), ...top.flatMap((e) => [e.volume, e.share])],
    chart: exportsChart(p, r, 8),
    followUps: [{ label: m.follow.exports, line: '/exports' }],
  };
}

/** The "what changed since the previous edition" lead: the largest change of each metric. */
function changesField(p: Presenter, c: EditionChanges): { field: ReplyField; figures: Figure[] } {
  const { m } = p;
  const lines = (['capacity', 'output', 'utilization', 'balance', 'exports'] as const).flatMap((metric) => {
    const total = c.totals.find((t) => t.metric === metric)!;
    const biggest = c.byMetric[metric][0];
    const name = (n: string) => nameFor(p, metric === 'exports' ? 'country' : 'province', n);
    return [
      m.changes.line(
        metric,
        show(total.delta, m, { signed: true, mark: false }),
        biggest ? `${name(biggest.name)} ${show(biggest.delta, m, { signed: true, mark: false })}` : undefined,
      ),
    ];
  });
  const figures = [
    ...c.totals.map((t) => t.delta),
    ...(['capacity', 'output', 'utilization', 'balance', 'exports'] as const).flatMap((k) => (c.byMetric[k][0] ? [c.byMetric[k][0]!.delta] : [])),
  ];
  // Every figure here is a difference between editions: derived, marked once for the whole field.
  return {
    field: {
      label: m.changes.since(c.from),
      value: `${lines.join('\n')} †`,
      source: m.marks.derivedFrom(
        (['production-by-province', 'balance-by-province', 'exports-by-country'] as const).map((t) => m.ref(sourceOf(p.edition.data, t))).join(', '),
        m.how(`${c.to} edition − ${c.from} edition`),
      ),
      key: true,
    },
    figures,
  };
}

export interface BriefingMessage {
  /** Identifies the content: equal keys, equal messages (platform payloads are built once per key). */
  key: string;
  /** The whole briefing, one message (layout compact). */
  reply: Reply;
  /** Layout thread: the channel post, then the reply in its thread. */
  headline: Reply;
  details: Reply;
  spotlight: { position: number; of: number; id: string };
  lang: Lang;
  /** The command whose full reply the briefing's More button opens, privately. */
  more: string;
}

const MORE: Record<BriefingKind, string> = { utilization: '/utilization', mismatch: '/mismatch', exports: '/exports', full: '/overview' };

export interface ComposeOptions {
  /** The subscription's id and cursor place its spotlight; previews and `npm run briefing` pass their own. */
  subscriptionId: number;
  cursor: number;
  /** Lead with what changed since this edition (once per channel per new edition). */
  announceSince?: Edition;
}

/** A briefing: short, readable in a minute, one chart, one rotating spotlight, every figure sourced. Pure. */
export function composeBriefing(p: Presenter, kind: BriefingKind, o: ComposeOptions): BriefingMessage {
  const { m, edition } = p;
  const sections =
    kind === 'full'
      ? [utilizationSection(p), mismatchSection(p), exportsSection(p)]
      : [{ utilization: utilizationSection, mismatch: mismatchSection, exports: exportsSection }[kind](p)];
  const cycle = spotlightCycle(p, kind);
  const position = spotlightPosition(o.subscriptionId, o.cursor, cycle.length);
  const spot: SpotlightView | undefined = cycle[position]?.build(p);
  const changes = o.announceSince ? changesField(p, editionChanges(o.announceSince.data, edition.data)) : undefined;
  const spotField: ReplyField[] = spot ? [{ label: m.briefing.spotlight(spot.title), value: spot.lines.join('\n'), key: true }] : [];
  const figures = shown([...sections.flatMap((s) => s.figures), ...(spot?.figures ?? []), ...(changes?.figures ?? [])]);
  // A full briefing keeps one chart: the balance, the one that changes decisions.
  const chart = sections.length > 1 ? sections[1]!.chart : sections[0]!.chart;
  // Chinese sentences follow each other with no space: the catalogue joins them.
  const summary = kind === 'full' ? m.common.sentences(...sections.map((s) => s.lines[0])) : m.common.sentences(...sections[0]!.lines);
  const followUps = [...sections.flatMap((s) => s.followUps), ...(spot?.followUp ? [spot.followUp] : [])].slice(0, 4);
  const title = m.briefing.title(kind, edition.year);
  const sources = sourcesOf(edition, figures, m);
  const notes = derivedNote(figures, m);
  const reply: Reply = {
    tone: 'info',
    title,
    summary,
    fields: [...(changes ? [changes.field] : []), ...spotField],
    charts: [chart],
    notes,
    sources,
    figures,
    followUps,
  };
  const headline: Reply = { tone: 'info', title, summary, fields: changes ? [changes.field] : [], figures, notes: [m.briefing.inThread] };
  const details: Reply = {
    tone: 'info',
    title: spot ? m.briefing.spotlight(spot.title) : title,
    summary: spot?.lines.join('\n') ?? '',
    charts: [chart],
    notes,
    sources,
    figures,
    followUps,
  };
  const id = cycle[position]?.id ?? 'none';
  return {
    key: `${kind}|${edition.year}|${m.lang}|${id}|${o.announceSince?.year ?? '-'}`,
    reply,
    headline,
    details,
    more: MORE[kind],
    spotlight: { position, of: cycle.length, id },
    lang: m.lang,
  };
}
