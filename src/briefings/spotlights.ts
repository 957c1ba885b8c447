import { findingNotes, show, sourceLabel } from '../framework/figure-text.js';
import { mixValue, nameFor } from '../framework/reply-charts.js';
import type { Presenter } from '../framework/figure-text.js';
import type { FollowUp } from '../framework/reply.js';
import type { Finding } from '../metrics/cross-checks.js';
import { regionalBalance } from '../metrics/balance.js';
import { efficiencyStructure } from '../metrics/efficiency.js';
import { exportRanking, latestExportYear } from '../metrics/exports.js';
import type { Figure } from '../metrics/figure.js';
import { provinceProfile } from '../metrics/provinces.js';
import { rankProvinces } from '../metrics/rank.js';
import { rowsOfKind } from '../metrics/tables.js';
import { NATIONAL, statementsAbout } from '../metrics/text-figures.js';

/** One spotlight: a few lines on one subject, every figure sourced. */
export interface SpotlightView {
  title: string;
  lines: string[];
  figures: Figure[];
  followUp?: FollowUp;
}

export interface Spotlight {
  /** Stable within an edition: "province-utilization:Henan". */
  id: string;
  build(p: Presenter): SpotlightView;
}

const ref = (p: Presenter, f: Figure) => sourceLabel(f, p.m);

export function utilizationSpotlights(p: Presenter): Spotlight[] {
  const ds = p.edition.data;
  const ranking = rankProvinces(ds, 'utilization');
  const provinces = ranking.entries.map((e) => e.name);
  const s = efficiencyStructure(ds);
  const th = s.thresholds;
  const byProvince: Spotlight[] = provinces.map((name) => ({
    id: `province-utilization:${name}`,
    build(pp) {
      const { m } = pp;
      const pr = provinceProfile(ds, name);
      const display = nameFor(pp, 'province', name);
      const quote = statementsAbout(ds, name, 'efficiency')[0];
      const figures = [pr.utilization, pr.capacity, pr.mix?.high, pr.mix?.medium, pr.mix?.low, pr.mix?.shutdown].filter((f): f is Figure => Boolean(f));
      return {
        title: display,
        lines: [
          m.spotlight.utilization(
            display,
            pr.utilization ? show(pr.utilization, m) : m.common.notAvailable,
            pr.ranks.utilization ? m.common.rank(pr.ranks.utilization.rank, pr.ranks.utilization.of, pr.ranks.utilization.tied).trim() : '',
            pr.capacity ? show(pr.capacity, m) : m.common.notAvailable,
            pr.capacity ? ref(pp, pr.capacity) : '',
          ),
          ...(pr.mix ? [m.spotlight.mix(mixValue(pr.mix, m), ref(pp, pr.mix.high))] : []),
          ...(quote ? [m.marks.quote(quote.quote, m.ref(quote.source))] : []),
        ],
        figures,
        followUp: { label: display, line: `/utilization ${name}` },
      };
    },
  }));
  const classes: Spotlight[] = (['high', 'medium', 'lowAndIdle'] as const).map((c) => ({
    id: `class:${c}`,
    build(pp) {
      const { m } = pp;
      const x = s[c];
      return {
        title: m.spotlight.classTitle(c, th.highAbovePct, th.lowBelowPct),
        lines: [m.spotlight.classLine(show(x.enterprises, m), show(x.capacity, m), show(x.share, m), ref(pp, x.capacity))],
        figures: [x.enterprises, x.capacity, x.share],
        followUp: { label: pp.m.follow.utilization, line: '/utilization' },
      };
    },
  }));
  if (s.idle) {
    const idle = s.idle;
    classes.push({
      id: 'class:idle',
      build(pp) {
        const { m } = pp;
        return {
          title: m.utilization.idle,
          lines: [m.spotlight.idleLine(show(idle.enterprises, m), show(idle.capacity, m), ref(pp, idle.capacity))],
          figures: [idle.enterprises, idle.capacity],
        };
      },
    });
  }
  const sizeSection = ds.textFigures.find((t) => t.subject === NATIONAL && t.metric === 'large_enterprise_capacity_mt')?.source;
  const quotes = quoteSpotlights(
    p,
    // The paper's section on plant size: wherever the edition's text figures put its large-plant statement.
    statementsAbout(ds, NATIONAL, 'efficiency').filter((t) => t.source === sizeSection),
    'size',
  );
  const findings = findingSpotlights(
    p,
    p.edition.findings.filter(
      (f) => f.severity !== 'rounding' && (f.row.endsWith('utilization_pct') || f.row.includes('enterprise') || f.check.includes('utilization vs high share')),
    ),
  );
  return interleave([byProvince, classes, quotes, findings]);
}

// Long on purpose: the catalogue of this kind's spotlights, one small builder each, in the order the
// cycle visits them.
export function mismatchSpotlights(p: Presenter): Spotlight[] {
  const ds = p.edition.data;
  const r = regionalBalance(ds);
  const entries = [...r.surplus, ...r.deficit];
  const byProvince: Spotlight[] = entries.map((e) => ({
    id: `province-balance:${e.name}`,
    build(pp) {
      const { m } = pp;
      const display = nameFor(pp, 'province', e.name);
      return {
        title: display,
        lines: [
          m.spotlight.balance(
            display,
            show(e.output, m),
            show(e.demand, m),
            show(e.exports, m),
            show(e.netBalance, m, { signed: true }),
            ref(pp, e.netBalance),
          ),
        ],
        figures: [e.output, e.demand, e.exports, e.netBalance],
        followUp: { label: display, line: `/province ${e.name}` },
      };
    },
  }));
  const views: Spotlight[] = entries
    .filter((e) => e.exports.value > 0 || !e.domesticBalance.source.derived)
    .map((e) => ({
      id: `two-views:${e.name}`,
      build(pp) {
        const { m } = pp;
        const display = nameFor(pp, 'province', e.name);
        return {
          title: m.spotlight.twoViewsTitle(display),
          lines: [
            m.spotlight.twoViews(
              display,
              show(e.domesticBalance, m, { signed: true }),
              ref(pp, e.domesticBalance),
              show(e.netBalance, m, { signed: true }),
              ref(pp, e.netBalance),
            ),
          ],
          figures: [e.domesticBalance, e.netBalance],
        };
      },
    }));
  const short: Spotlight[] = entries.flatMap((e) => {
    const pr = provinceProfile(ds, e.name);
    if (!pr.capacity || pr.capacity.value >= e.demand.value) return [];
    const capacity = pr.capacity;
    return [
      {
        id: `capacity-below-demand:${e.name}`,
        build(pp: Presenter) {
          const { m } = pp;
          const display = nameFor(pp, 'province', e.name);
          return {
            title: display,
            lines: [m.spotlight.capacityBelowDemand(display, show(capacity, m), ref(pp, capacity), show(e.demand, m), ref(pp, e.demand))],
            figures: [capacity, e.demand],
          };
        },
      },
    ];
  });
  const implied: Spotlight[] = rowsOfKind(ds.production, 'province').flatMap((row) => {
    const pr = provinceProfile(ds, row.name);
    if (!pr.aluminium || !pr.impliedDemand || !pr.anodeFactor) return [];
    const { aluminium, impliedDemand, anodeFactor } = pr;
    return [
      {
        id: `implied-demand:${row.name}`,
        build(pp: Presenter) {
          const { m } = pp;
          const display = nameFor(pp, 'province', row.name);
          return {
            title: display,
            lines: [m.spotlight.implied(display, show(aluminium, m), show(anodeFactor, m), show(impliedDemand, m), ref(pp, impliedDemand))],
            figures: [aluminium, anodeFactor, impliedDemand],
          };
        },
      },
    ];
  });
  const extremes: Spotlight[] = [];
  const top = r.surplus[0];
  const gap = r.deficit[0];
  if (top && gap) {
    extremes.push({
      id: 'surplus-vs-deficit',
      build(pp) {
        const { m } = pp;
        return {
          title: m.spotlight.extremesTitle,
          lines: [
            m.spotlight.extremes(
              nameFor(pp, 'province', top.name),
              show(top.netBalance, m, { signed: true }),
              nameFor(pp, 'province', gap.name),
              show(gap.netBalance, m, { signed: true }),
              ref(pp, top.netBalance),
            ),
          ],
          figures: [top.netBalance, gap.netBalance],
        };
      },
    });
  }
  extremes.push({
    id: 'national-balance',
    build(pp) {
      const { m } = pp;
      const t = r.total;
      return {
        title: m.charts.china,
        lines: [
          m.spotlight.balance(
            m.charts.china,
            show(t.output, m),
            show(t.demand, m),
            show(t.exports, m),
            show(t.netBalance, m, { signed: true }),
            ref(pp, t.netBalance),
          ),
        ],
        figures: [t.output, t.demand, t.exports, t.netBalance],
      };
    },
  });
  const others = r.others;
  if (others) {
    extremes.push({
      id: 'balance-others',
      build(pp) {
        const { m } = pp;
        return {
          title: m.aggregateName('Others'),
          lines: [
            m.spotlight.balance(
              m.aggregateName('Others'),
              show(others.output, m),
              show(others.demand, m),
              show(others.exports, m),
              show(others.netBalance, m, { signed: true }),
              ref(pp, others.netBalance),
            ),
            ...(r.inOthers.length > 0 ? [m.mismatch.inOthers(r.inOthers.map((n) => nameFor(pp, 'province', n)))] : []),
          ],
          figures: [others.output, others.demand, others.exports, others.netBalance],
        };
      },
    });
  }
  const quotes = quoteSpotlights(
    p,
    entries.flatMap((e) => statementsAbout(ds, e.name, 'balance')),
    'balance-quote',
  );
  const findings = findingSpotlights(
    p,
    p.edition.findings.filter((f) => f.severity === 'note' && f.check.includes('output over demand')),
  );
  return interleave([byProvince, views, short, implied, extremes, quotes, findings]);
}

// Long on purpose: the catalogue of this kind's spotlights, one small builder each.
export function exportSpotlights(p: Presenter): Spotlight[] {
  const ds = p.edition.data;
  const year = latestExportYear(ds);
  const r = exportRanking(ds, year);
  const byCountry: Spotlight[] = [...r.entries, ...(r.others ? [r.others] : [])].map((e) => ({
    id: `destination:${e.name}`,
    build(pp) {
      const { m } = pp;
      const display = nameFor(pp, 'country', e.name);
      const c = e.change;
      const quote = statementsAbout(ds, e.name)[0];
      const change = !c
        ? ''
        : c.basis === 'new'
          ? m.exports.isNew
          : c.basis === 'tiny-base' || !c.pct
            ? m.exports.fromTinyBase(show(c.previous, m))
            : show(c.pct, m, { signed: true });
      return {
        title: display,
        lines: [
          m.spotlight.destination(
            display,
            show(e.volume, m),
            year,
            show(e.share, m),
            c ? show(c.previous, m) : undefined,
            c?.previousYear,
            change,
            ref(pp, e.volume),
          ),
          ...(quote ? [m.marks.quote(quote.quote, m.ref(quote.source))] : []),
        ],
        figures: [e.volume, e.share, ...(c ? [c.previous, ...(c.pct ? [c.pct] : [])] : [])],
        ...(e.rank > 0 ? { followUp: { label: display, line: `/exports country ${e.name}` } } : {}),
      };
    },
  }));
  const provinceExports: Spotlight[] = ds.balance
    .filter((b) => b.kind !== 'total' && b.exportsMt > 0)
    .map((b) => ({
      id: `province-exports:${b.name}`,
      build(pp) {
        const { m } = pp;
        const t3 = regionalBalance(ds);
        const e = [...t3.surplus, ...t3.deficit, ...(t3.others ? [t3.others] : [])].find((x) => x.name === b.name)!;
        const display = b.kind === 'others' ? m.aggregateName('Others') : nameFor(pp, 'province', b.name);
        return {
          title: display,
          lines: [m.spotlight.provinceExports(display, show(e.exports, m), show(t3.total.exports, m), ref(pp, e.exports))],
          figures: [e.exports, t3.total.exports],
        };
      },
    }));
  const movers: Spotlight[] = [];
  const moved = r.entries
    .filter((e) => e.change)
    .sort((a, b) => Math.abs(b.change!.deltaKt.value) - Math.abs(a.change!.deltaKt.value))
    .slice(0, 3);
  if (moved.length > 0) {
    movers.push({
      id: 'movers',
      build(pp) {
        const { m } = pp;
        return {
          title: m.spotlight.moversTitle,
          lines: [
            m.spotlight.movers(
              moved.map((e) => `${nameFor(pp, 'country', e.name)} ${show(e.change!.deltaKt, m, { signed: true })}`),
              ref(pp, moved[0]!.change!.deltaKt),
            ),
          ],
          figures: moved.map((e) => e.change!.deltaKt),
        };
      },
    });
  }
  const quotes = quoteSpotlights(p, statementsAbout(ds, NATIONAL, 'exports'), 'exports-quote');
  const findings = findingSpotlights(
    p,
    p.edition.findings.filter((f) => f.severity === 'note' && f.check.includes('export share')),
  );
  return interleave([byCountry, provinceExports, movers, quotes, findings]);
}

/** A sentence of the paper, as a spotlight of its own. */
function quoteSpotlights(p: Presenter, statements: ReturnType<typeof statementsAbout>, prefix: string): Spotlight[] {
  const seen = new Set<string>();
  return statements.flatMap((t) => {
    if (seen.has(t.quote)) return [];
    seen.add(t.quote);
    return [
      {
        id: `${prefix}:${t.source}:${t.quote.slice(0, 40)}`,
        build: (pp: Presenter) => ({
          title: pp.m.spotlight.inThePaper(pp.m.ref(t.source)),
          lines: [pp.m.marks.quote(t.quote, pp.m.ref(t.source))],
          figures: [],
        }),
      },
    ];
  });
}

/** An inconsistency of the paper or a soft tension, as a spotlight. */
function findingSpotlights(p: Presenter, findings: readonly Finding[]): Spotlight[] {
  void p;
  return findings.map((f) => ({
    id: `finding:${f.check}:${f.row}`,
    build: (pp: Presenter) => ({
      title: f.severity === 'inconsistency' ? pp.m.spotlight.inconsistencyTitle : pp.m.spotlight.tensionTitle,
      lines: findingNotes([f], pp),
      figures: [],
    }),
  }));
}

/** Round-robin over the groups, so consecutive spotlights change subject and type. */
export function interleave(groups: Spotlight[][]): Spotlight[] {
  const out: Spotlight[] = [];
  const seen = new Set<string>();
  for (let i = 0; groups.some((g) => i < g.length); i++) {
    for (const g of groups) {
      const s = g[i];
      if (s && !seen.has(s.id)) {
        seen.add(s.id);
        out.push(s);
      }
    }
  }
  return out;
}

/**
 * Where in the cycle a subscription's delivery falls: its own starting point (so channels do not all
 * show the same spotlight on the same day) plus how many deliveries it has had.
 */
export function spotlightPosition(subscriptionId: number, cursor: number, length: number): number {
  if (length === 0) return 0;
  const offset = Math.imul(subscriptionId, 2654435761) >>> 0;
  return (offset + cursor) % length;
}
