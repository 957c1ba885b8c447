import { show } from '../framework/figure-text.js';
import type { Presenter } from '../framework/figure-text.js';
import type { FollowUp } from '../framework/reply.js';
import type { ChartSpec } from '../charts/spec.js';
import { balanceChart, exportsChart, nameFor, rankingChart } from '../framework/reply-charts.js';
import { regionalBalance } from '../metrics/balance.js';
import { efficiencyStructure } from '../metrics/efficiency.js';
import { exportRanking, latestExportYear } from '../metrics/exports.js';
import type { Figure } from '../metrics/figure.js';
import { nationalOverview } from '../metrics/national.js';
import { rankProvinces } from '../metrics/rank.js';

/** A briefing's headline for its kind: two or three sentences, every figure from the paper or marked. */
export interface Section {
  /** Which part of the paper it sums up: a kind that shows several names the one whose chart it keeps. */
  id: 'utilization' | 'mismatch' | 'exports';
  lines: string[];
  figures: Figure[];
  chart: ChartSpec;
  followUps: FollowUp[];
}

export function utilizationSection(p: Presenter): Section {
  const { m, edition } = p;
  const ds = edition.data;
  const o = nationalOverview(ds);
  const s = efficiencyStructure(ds);
  const ranked = rankProvinces(ds, 'utilization').entries;
  const best = ranked.slice(0, 2);
  const worst = ranked.slice(-2).reverse();
  const list = (es: typeof ranked) => es.map((e) => `${nameFor(p, 'province', e.name)} ${show(e.figure, m)}`);
  return {
    id: 'utilization',
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

export function mismatchSection(p: Presenter): Section {
  const { m } = p;
  const r = regionalBalance(p.edition.data);
  const top = r.surplus[0];
  const gaps = r.deficit.slice(0, 3);
  return {
    id: 'mismatch',
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

export function exportsSection(p: Presenter): Section {
  const { m, edition } = p;
  const ds = edition.data;
  const year = latestExportYear(ds);
  const r = exportRanking(ds, year);
  const top = r.entries.slice(0, 3);
  const change = r.total.change?.pct;
  return {
    id: 'exports',
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
