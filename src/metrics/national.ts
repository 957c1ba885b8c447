import type { Dataset } from '../dataset/types.js';
import { balanceEntry, type BalanceEntry } from './balance.js';
import { efficiencyMix, type EfficiencyMix } from './efficiency.js';
import { exportTotals, type ExportChange } from './exports.js';
import { cell, derived, percentOf, type Figure } from './figure.js';
import { rowsOfKind, sourceOf, totalOf } from './tables.js';
import { asFigure, NATIONAL, statedValue } from './text-figures.js';

export interface NationalOverview {
  capacity: Figure;
  output: Figure;
  utilization: Figure;
  /** The abstract's unrounded totals, where the text gives them. */
  capacityText?: Figure;
  outputText?: Figure;
  mix: EfficiencyMix;
  balance: BalanceEntry;
  exports: { year: number; total: Figure; change: ExportChange | undefined }[];
  largest: { name: string; capacityShare: Figure };
  provinces: number;
  anodeFactor?: Figure;
}

export function nationalOverview(ds: Dataset): NationalOverview {
  const t2 = sourceOf(ds, 'production-by-province');
  const total = totalOf(ds.production);
  const provinces = rowsOfKind(ds.production, 'province');
  const largest = [...provinces].sort((a, b) => b.capacityMt - a.capacityMt || a.name.localeCompare(b.name))[0]!;
  const text = (metric: string) => {
    const t = statedValue(ds, NATIONAL, metric);
    return t && asFigure(t);
  };
  return {
    capacity: cell(total, 'capacityMt', 'Mt', t2),
    output: cell(total, 'outputMt', 'Mt', t2),
    utilization: cell(total, 'utilizationPct', '%', t2),
    capacityText: text('capacity_mt'),
    outputText: text('output_mt'),
    mix: efficiencyMix(ds, totalOf(ds.efficiency)),
    balance: balanceEntry(ds, totalOf(ds.balance)),
    exports: exportTotals(ds),
    largest: {
      name: largest.name,
      capacityShare: derived(percentOf(largest.capacityMt, total.capacityMt), '%', t2, 'province capacity ÷ national capacity'),
    },
    provinces: provinces.length,
    anodeFactor: text('anode_factor_kg_per_t'),
  };
}
