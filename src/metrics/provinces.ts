import type { Dataset } from '../dataset/types.js';
import { balanceEntry, provincesInBalanceOthers, type BalanceEntry } from './balance.js';
import { efficiencyMix, type EfficiencyMix } from './efficiency.js';
import { derived, percentOf, reported, type Figure } from './figure.js';
import { rankProvinces } from './rank.js';
import { rowOf, sourceOf, totalOf } from './tables.js';
import { textFiguresAbout } from './text-figures.js';

export interface Rank {
  rank: number;
  of: number;
}

export interface ProvinceProfile {
  name: string;
  capacity: Figure | undefined;
  output: Figure | undefined;
  utilization: Figure | undefined;
  capacityShare: Figure | undefined;
  outputShare: Figure | undefined;
  mix: EfficiencyMix | undefined;
  /** Undefined when Table 3 folds the province into "Others": the paper gives no balance for it. */
  balance: BalanceEntry | undefined;
  inBalanceOthers: boolean;
  ranks: { capacity?: Rank; output?: Rank; utilization?: Rank; netBalance?: Rank };
  /** Electrolytic aluminium output, where the text gives it, and the anode demand it implies. */
  aluminium?: Figure;
  impliedDemand?: Figure;
  anodeFactor?: Figure;
  /** Every figure the text states about the province, with its section and quote. */
  text: Map<string, Figure>;
}

function rankOf(ds: Dataset, name: string, metric: 'capacity' | 'output' | 'utilization' | 'balance'): Rank | undefined {
  const ranking = rankProvinces(ds, metric);
  const i = ranking.entries.findIndex((e) => e.name === name);
  return i < 0 ? undefined : { rank: i + 1, of: ranking.entries.length };
}

export function provinceProfile(ds: Dataset, name: string): ProvinceProfile {
  const t2 = sourceOf(ds, 'production-by-province');
  const production = rowOf(ds.production, name);
  const national = totalOf(ds.production);
  const efficiency = rowOf(ds.efficiency, name);
  const balance = rowOf(ds.balance, name);
  const text = textFiguresAbout(ds, name);
  const aluminium = text.get('aluminium_mt');
  const factor = textFiguresAbout(ds, 'National').get('anode_factor_kg_per_t');
  const profile: ProvinceProfile = {
    name,
    capacity: production && reported(production.capacityMt, 'Mt', t2),
    output: production && reported(production.outputMt, 'Mt', t2),
    utilization: production && reported(production.utilizationPct, '%', t2),
    capacityShare: production && derived(percentOf(production.capacityMt, national.capacityMt), '%', t2, 'share of national capacity'),
    outputShare: production && derived(percentOf(production.outputMt, national.outputMt), '%', t2, 'share of national output'),
    mix: efficiency && efficiencyMix(ds, efficiency),
    balance: balance && balanceEntry(ds, balance),
    inBalanceOthers: !balance && provincesInBalanceOthers(ds).includes(name),
    ranks: {
      capacity: rankOf(ds, name, 'capacity'),
      output: rankOf(ds, name, 'output'),
      utilization: rankOf(ds, name, 'utilization'),
      netBalance: rankOf(ds, name, 'balance'),
    },
    text,
  };
  if (aluminium && factor) {
    profile.aluminium = aluminium;
    profile.anodeFactor = factor;
    profile.impliedDemand = derived(
      (aluminium.value * factor.value) / 1000,
      'Mt',
      `${aluminium.source.ref}; ${factor.source.ref}`,
      `aluminium output × ${factor.value} kg/t`,
    );
  }
  return profile;
}
