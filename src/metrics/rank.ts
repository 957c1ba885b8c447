import type { Dataset, RowKind } from '../dataset/types.js';
import { cell, derived, type Figure } from './figure.js';
import { rowsOfKind, sourceOf } from './tables.js';
import { provincesInBalanceOthers } from './balance.js';
import { competitionRanks } from './exports.js';
import { printedOr } from './text-figures.js';
import { memoOn } from '../memo.js';

/** Metrics a province can be ranked by; the keys are what users type. */
export const RANK_METRICS = ['capacity', 'output', 'utilization', 'demand', 'balance', 'domestic-balance', 'exports', 'high-share', 'shutdown-share'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

export const RANK_UNITS: Record<RankMetric, 'Mt' | '%'> = {
  capacity: 'Mt',
  output: 'Mt',
  utilization: '%',
  demand: 'Mt',
  balance: 'Mt',
  'domestic-balance': 'Mt',
  exports: 'Mt',
  'high-share': '%',
  'shutdown-share': '%',
};

/** Metrics whose values can be negative: shown with a sign and as diverging bars. */
export const SIGNED_METRICS: ReadonlySet<RankMetric> = new Set(['balance', 'domestic-balance']);

export interface RankedEntry {
  name: string;
  figure: Figure;
  /** Equal values share a rank (1, 2, 2, 4); entries with equal values are ordered by name. */
  rank: number;
}

export interface Ranking {
  metric: RankMetric;
  entries: RankedEntry[];
  /** Provinces the metric's table does not list on their own. */
  missing: string[];
  /** The table's "Others" and "Total" rows for the metric, shown after the ranking, never ranked. */
  others?: Figure;
  total?: Figure;
}

function figuresFor(ds: Dataset, metric: RankMetric, kind: RowKind): { name: string; figure: Figure }[] {
  const t1 = sourceOf(ds, 'efficiency-by-province');
  const t2 = sourceOf(ds, 'production-by-province');
  const t3 = sourceOf(ds, 'balance-by-province');
  const production = rowsOfKind(ds.production, kind);
  const balance = rowsOfKind(ds.balance, kind);
  const efficiency = rowsOfKind(ds.efficiency, kind);
  switch (metric) {
    case 'capacity':
      return production.map((r) => ({ name: r.name, figure: cell(r, 'capacityMt', 'Mt', t2) }));
    case 'output':
      return production.map((r) => ({ name: r.name, figure: cell(r, 'outputMt', 'Mt', t2) }));
    case 'utilization':
      return production.map((r) => ({ name: r.name, figure: cell(r, 'utilizationPct', '%', t2) }));
    case 'demand':
      return balance.map((r) => ({ name: r.name, figure: cell(r, 'demandMt', 'Mt', t3) }));
    case 'balance':
      return balance.map((r) => ({ name: r.name, figure: cell(r, 'balanceMt', 'Mt', t3) }));
    case 'domestic-balance':
      return balance.map((r) => ({
        name: r.name,
        figure: printedOr(
          ds,
          r.name,
          'domestic_balance_mt',
          derived(r.outputMt - r.demandMt, 'Mt', t3, 'output − in-province demand', Math.max(r.dp.outputMt, r.dp.demandMt)),
        ),
      }));
    case 'exports':
      return balance.map((r) => ({ name: r.name, figure: cell(r, 'exportsMt', 'Mt', t3) }));
    case 'high-share':
      return efficiency.map((r) => ({ name: r.name, figure: cell(r, 'highPct', '%', t1) }));
    case 'shutdown-share':
      return efficiency.map((r) => ({ name: r.name, figure: cell(r, 'shutdownPct', '%', t1) }));
  }
}

/**
 * Rankings of a dataset, computed once per metric: a province profile asks for four ranks, a
 * comparison for four per province, and ranking all provinces each time was a third of a reply's cost.
 * Datasets never change, so this is a memo, not a cache that can go stale.
 */
const rankings = new WeakMap<Dataset, Map<RankMetric, Ranking>>();

/** Provinces ranked by a metric, highest first; ties share a rank and are ordered by name. Shared: do not mutate. */
export function rankProvinces(ds: Dataset, metric: RankMetric): Ranking {
  return memoOn(rankings, ds, metric, () => computeRanking(ds, metric));
}

function computeRanking(ds: Dataset, metric: RankMetric): Ranking {
  // The value the table prints decides ties: 1.70 and 1.7 are the same, −0.0261 and −0.026 are not read apart.
  const sorted = figuresFor(ds, metric, 'province').sort((a, b) => b.figure.value - a.figure.value || a.name.localeCompare(b.name));
  const ranks = competitionRanks(sorted.map((e) => e.figure.value));
  const fromBalance = metric === 'demand' || metric === 'balance' || metric === 'domestic-balance' || metric === 'exports';
  const others = figuresFor(ds, metric, 'others')[0]?.figure;
  const total = figuresFor(ds, metric, 'total')[0]?.figure;
  return {
    metric,
    entries: sorted.map((e, i) => ({ ...e, rank: ranks[i]! })),
    missing: fromBalance ? provincesInBalanceOthers(ds) : [],
    ...(others ? { others } : {}),
    ...(total ? { total } : {}),
  };
}

/** The rank of one province by a metric, e.g. #2 of 11 (shared with another when tied). */
export function rankOf(ds: Dataset, name: string, metric: RankMetric): { rank: number; of: number; tied: boolean } | undefined {
  const entries = rankProvinces(ds, metric).entries;
  const e = entries.find((x) => x.name === name);
  return e && { rank: e.rank, of: entries.length, tied: entries.filter((x) => x.rank === e.rank).length > 1 };
}
