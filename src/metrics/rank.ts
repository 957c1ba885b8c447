import type { Dataset, RowKind } from '../dataset/types.js';
import { derived, reported, type Figure } from './figure.js';
import { rowsOfKind, sourceOf } from './tables.js';
import { provincesInBalanceOthers } from './balance.js';

/** Metrics a province can be ranked by; the names are what users type. */
export const RANK_METRICS = {
  capacity: { label: 'Capacity', unit: 'Mt' },
  output: { label: 'Output', unit: 'Mt' },
  utilization: { label: 'Utilization', unit: '%' },
  demand: { label: 'In-province demand', unit: 'Mt' },
  balance: { label: 'Net balance (after exports)', unit: 'Mt' },
  'domestic-balance': { label: 'Output − in-province demand', unit: 'Mt' },
  exports: { label: 'Exports', unit: 'Mt' },
  'high-share': { label: 'High-efficiency share', unit: '%' },
  'shutdown-share': { label: 'Shut-down share', unit: '%' },
} as const;

export type RankMetric = keyof typeof RANK_METRICS;

export interface Ranking {
  metric: RankMetric;
  entries: { name: string; figure: Figure }[];
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
      return production.map((r) => ({ name: r.name, figure: reported(r.capacityMt, 'Mt', t2) }));
    case 'output':
      return production.map((r) => ({ name: r.name, figure: reported(r.outputMt, 'Mt', t2) }));
    case 'utilization':
      return production.map((r) => ({ name: r.name, figure: reported(r.utilizationPct, '%', t2) }));
    case 'demand':
      return balance.map((r) => ({ name: r.name, figure: reported(r.demandMt, 'Mt', t3) }));
    case 'balance':
      return balance.map((r) => ({ name: r.name, figure: reported(r.balanceMt, 'Mt', t3) }));
    case 'domestic-balance':
      return balance.map((r) => ({ name: r.name, figure: derived(r.outputMt - r.demandMt, 'Mt', t3, 'output − in-province demand') }));
    case 'exports':
      return balance.map((r) => ({ name: r.name, figure: reported(r.exportsMt, 'Mt', t3) }));
    case 'high-share':
      return efficiency.map((r) => ({ name: r.name, figure: reported(r.highPct, '%', t1) }));
    case 'shutdown-share':
      return efficiency.map((r) => ({ name: r.name, figure: reported(r.shutdownPct, '%', t1) }));
  }
}

/** Provinces ranked by a metric, highest first; ties keep the table's order. */
export function rankProvinces(ds: Dataset, metric: RankMetric): Ranking {
  const entries = figuresFor(ds, metric, 'province').sort((a, b) => b.figure.value - a.figure.value);
  const fromBalance = metric === 'demand' || metric === 'balance' || metric === 'domestic-balance' || metric === 'exports';
  const others = figuresFor(ds, metric, 'others')[0]?.figure;
  const total = figuresFor(ds, metric, 'total')[0]?.figure;
  return { metric, entries, missing: fromBalance ? provincesInBalanceOthers(ds) : [], ...(others ? { others } : {}), ...(total ? { total } : {}) };
}
