import type { Dataset, TextFigure } from '../dataset/types.js';
import { balanceEntry, provincesInBalanceOthers, type BalanceEntry } from './balance.js';
import { efficiencyMix, type EfficiencyMix } from './efficiency.js';
import { cell, derived, percentOf, type Figure } from './figure.js';
import { rankOf } from './rank.js';
import { rowOf, sourceOf, totalOf } from './tables.js';
import { asFigure, NATIONAL, printedOr, statedValue, statementsAbout } from './text-figures.js';

export interface Rank {
  rank: number;
  of: number;
  tied: boolean;
}

export interface ProvinceProfile {
  name: string;
  capacity: Figure | undefined;
  output: Figure | undefined;
  utilization: Figure | undefined;
  capacityShare: Figure | undefined;
  mix: EfficiencyMix | undefined;
  /** Undefined when Table 3 folds the province into "Others": the paper gives no balance for it. */
  balance: BalanceEntry | undefined;
  inBalanceOthers: boolean;
  ranks: { capacity?: Rank; output?: Rank; utilization?: Rank; netBalance?: Rank };
  /** Electrolytic aluminium output, where the text gives it, and the anode demand it implies. */
  aluminium?: Figure;
  impliedDemand?: Figure;
  anodeFactor?: Figure;
  /** Every statement of the paper's prose about the province, with its section and quote. */
  statements: TextFigure[];
}

export function provinceProfile(ds: Dataset, name: string): ProvinceProfile {
  const t2 = sourceOf(ds, 'production-by-province');
  const production = rowOf(ds.production, name);
  const national = totalOf(ds.production);
  const efficiency = rowOf(ds.efficiency, name);
  const balance = rowOf(ds.balance, name);
  const aluminium = statedValue(ds, name, 'aluminium_mt');
  const factor = statedValue(ds, NATIONAL, 'anode_factor_kg_per_t');
  const profile: ProvinceProfile = {
    name,
    capacity: production && cell(production, 'capacityMt', 'Mt', t2),
    output: production && cell(production, 'outputMt', 'Mt', t2),
    utilization: production && cell(production, 'utilizationPct', '%', t2),
    capacityShare: production && derived(percentOf(production.capacityMt, national.capacityMt), '%', t2, 'share of national capacity'),
    mix: efficiency && efficiencyMix(ds, efficiency),
    balance: balance && balanceEntry(ds, balance),
    inBalanceOthers: !balance && provincesInBalanceOthers(ds).includes(name),
    ranks: {
      capacity: rankOf(ds, name, 'capacity'),
      output: rankOf(ds, name, 'output'),
      utilization: rankOf(ds, name, 'utilization'),
      netBalance: rankOf(ds, name, 'balance'),
    },
    statements: statementsAbout(ds, name),
  };
  if (aluminium && factor) {
    profile.aluminium = asFigure(aluminium);
    profile.anodeFactor = asFigure(factor);
    const computed = derived(
      (aluminium.value * factor.value) / 1000,
      'Mt',
      `${aluminium.source}; ${factor.source}`,
      `aluminium output × ${factor.value} kg/t`,
      4,
    );
    profile.impliedDemand = printedOr(ds, name, 'demand_mt', computed);
  }
  return profile;
}
