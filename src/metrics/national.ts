import type { Dataset } from '../dataset/types.js';
import { balanceEntry, type BalanceEntry } from './balance.js';
import { efficiencyMix, type EfficiencyMix } from './efficiency.js';
import { exportTotals } from './exports.js';
import { derived, percentOf, reported, type Figure } from './figure.js';
import { rowsOfKind, sourceOf, totalOf } from './tables.js';
import { textFiguresAbout } from './text-figures.js';

export interface NationalOverview {
  capacity: Figure;
  output: Figure;
  utilization: Figure;
  /** The abstract's unrounded totals, where the text gives them. */
  capacityText?: Figure;
  outputText?: Figure;
  mix: EfficiencyMix;
  balance: BalanceEntry;
  exports: { year: number; total: Figure; change: Figure | null }[];
  largest: { name: string; capacityShare: Figure };
  provinces: number;
  anodeFactor?: Figure;
}

export function nationalOverview(ds: Dataset): NationalOverview {
  const t2 = sourceOf(ds, 'production-by-province');
  const total = totalOf(ds.production);
  const provinces = rowsOfKind(ds.production, 'province');
  const largest = [...provinces].sort((a, b) => b.capacityMt - a.capacityMt)[0]!;
  const text = textFiguresAbout(ds, 'National');
  return {
    capacity: reported(total.capacityMt, 'Mt', t2),
    output: reported(total.outputMt, 'Mt', t2),
    utilization: reported(total.utilizationPct, '%', t2),
    capacityText: text.get('capacity_mt'),
    outputText: text.get('output_mt'),
    mix: efficiencyMix(ds, totalOf(ds.efficiency)),
    balance: balanceEntry(ds, totalOf(ds.balance)),
    exports: exportTotals(ds),
    largest: {
      name: largest.name,
      capacityShare: derived(percentOf(largest.capacityMt, total.capacityMt), '%', t2, 'province capacity ÷ national capacity'),
    },
    provinces: provinces.length,
    anodeFactor: text.get('anode_factor_kg_per_t'),
  };
}
