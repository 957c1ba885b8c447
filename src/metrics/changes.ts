import type { Dataset } from '../dataset/types.js';
import { derived, type Figure } from './figure.js';
import { exportRowsOf, rowOf, rowsOfKind, sourceOf, totalOf } from './tables.js';

export const CHANGE_METRICS = ['capacity', 'output', 'utilization', 'balance', 'exports'] as const;
export type ChangeMetric = (typeof CHANGE_METRICS)[number];

export interface Change {
  metric: ChangeMetric;
  /** A province, a country, or "Total". */
  name: string;
  before: number;
  after: number;
  /** after − before: derived, in Mt, kt or percentage points. */
  delta: Figure;
}

export interface EditionChanges {
  from: number;
  to: number;
  /** Every change, largest first within each metric (by size, then name). */
  byMetric: Record<ChangeMetric, Change[]>;
  /** National totals, one per metric. */
  totals: Change[];
}

/**
 * What changed between two editions: capacity, output and utilization by province (Table 2), net
 * balance by province (Table 3), exports by destination in each edition's own latest year (Table 4).
 * Rows only one edition has are left out of the province and country lists. All derived.
 */
export function editionChanges(before: Dataset, after: Dataset): EditionChanges {
  const from = before.edition.year;
  const to = after.edition.year;
  const how = `${to} edition − ${from} edition`;
  const change = (metric: ChangeMetric, name: string, b: number, a: number, unit: 'Mt' | 'kt' | 'pp', decimals: number, ref: string): Change => ({
    metric,
    name,
    before: b,
    after: a,
    delta: derived(a - b, unit, `${ref} (${from}, ${to})`, how, decimals),
  });
  const t2 = sourceOf(after, 'production-by-province');
  const t3 = sourceOf(after, 'balance-by-province');
  const t4 = sourceOf(after, 'exports-by-country');
  const byMetric = {} as Record<ChangeMetric, Change[]>;
  const provinces = rowsOfKind(after.production, 'province');
  const pairs = provinces.flatMap((a) => {
    const b = rowOf(before.production, a.name);
    return b && b.kind === 'province' ? [[b, a] as const] : [];
  });
  byMetric.capacity = pairs.map(([b, a]) => change('capacity', a.name, b.capacityMt, a.capacityMt, 'Mt', Math.max(a.dp.capacityMt, b.dp.capacityMt), t2));
  byMetric.output = pairs.map(([b, a]) => change('output', a.name, b.outputMt, a.outputMt, 'Mt', Math.max(a.dp.outputMt, b.dp.outputMt), t2));
  byMetric.utilization = pairs.map(([b, a]) =>
    change('utilization', a.name, b.utilizationPct, a.utilizationPct, 'pp', Math.max(a.dp.utilizationPct, b.dp.utilizationPct), t2),
  );
  byMetric.balance = rowsOfKind(after.balance, 'province').flatMap((a) => {
    const b = rowOf(before.balance, a.name);
    return b && b.kind === 'province' ? [change('balance', a.name, b.balanceMt, a.balanceMt, 'Mt', Math.max(a.dp.balanceMt, b.dp.balanceMt), t3)] : [];
  });
  const latest = (ds: Dataset) => Math.max(...ds.exports.map((r) => r.year));
  const exportsAfter = exportRowsOf(after, latest(after));
  const exportsBefore = exportRowsOf(before, latest(before));
  byMetric.exports = rowsOfKind(exportsAfter, 'country').flatMap((a) => {
    const b = exportsBefore.find((r) => r.name === a.name && r.kind === 'country');
    return b ? [change('exports', a.name, b.exportsKt, a.exportsKt, 'kt', Math.max(a.dp.exportsKt, b.dp.exportsKt), t4)] : [];
  });
  for (const metric of Object.keys(byMetric) as ChangeMetric[]) {
    byMetric[metric].sort((x, y) => Math.abs(y.delta.value) - Math.abs(x.delta.value) || x.name.localeCompare(y.name));
  }
  const pa = totalOf(after.production);
  const pb = totalOf(before.production);
  const ba = totalOf(after.balance);
  const bb = totalOf(before.balance);
  const ea = totalOf(exportsAfter);
  const eb = totalOf(exportsBefore);
  return {
    from,
    to,
    byMetric,
    totals: [
      change('capacity', 'Total', pb.capacityMt, pa.capacityMt, 'Mt', Math.max(pa.dp.capacityMt, pb.dp.capacityMt), t2),
      change('output', 'Total', pb.outputMt, pa.outputMt, 'Mt', Math.max(pa.dp.outputMt, pb.dp.outputMt), t2),
      change('utilization', 'Total', pb.utilizationPct, pa.utilizationPct, 'pp', Math.max(pa.dp.utilizationPct, pb.dp.utilizationPct), t2),
      change('balance', 'Total', bb.balanceMt, ba.balanceMt, 'Mt', Math.max(ba.dp.balanceMt, bb.dp.balanceMt), t3),
      change('exports', 'Total', eb.exportsKt, ea.exportsKt, 'kt', Math.max(ea.dp.exportsKt, eb.dp.exportsKt), t4),
    ],
  };
}
