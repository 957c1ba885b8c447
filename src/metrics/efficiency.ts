import type { Dataset, EfficiencyRow } from '../dataset/types.js';
import { derived, percentOf, reported, type Figure } from './figure.js';
import { rowsOfKind, sourceOf, totalOf } from './tables.js';

export interface EfficiencyMix {
  name: string;
  capacity: Figure;
  high: Figure;
  medium: Figure;
  low: Figure;
  shutdown: Figure;
  /** Capacity in each class, from the shares: share × capacity. */
  highCapacity: Figure;
}

export function efficiencyMix(ds: Dataset, row: EfficiencyRow): EfficiencyMix {
  const t1 = sourceOf(ds, 'efficiency-by-province');
  return {
    name: row.name,
    capacity: reported(row.capacityMt, 'Mt', t1),
    high: reported(row.highPct, '%', t1),
    medium: reported(row.mediumPct, '%', t1),
    low: reported(row.lowPct, '%', t1),
    shutdown: reported(row.shutdownPct, '%', t1),
    highCapacity: derived((row.highPct / 100) * row.capacityMt, 'Mt', t1, 'high-efficiency share × capacity'),
  };
}

export interface ClassFigure {
  enterprises: Figure;
  capacity: Figure;
  share: Figure;
}

export interface EfficiencyStructure {
  thresholds: { highAbovePct: number; lowBelowPct: number; source: string };
  high: ClassFigure;
  medium: ClassFigure;
  lowAndIdle: ClassFigure;
  idle: { enterprises: Figure; capacity: Figure } | undefined;
  enterprises: Figure;
  /** Table 1's national shares, for comparison with Section 3.3's. */
  total: EfficiencyMix;
  provinces: EfficiencyMix[];
  others: EfficiencyMix | undefined;
}

/** National capacity by efficiency class (Section 3.3) and the provincial mix (Table 1). */
export function efficiencyStructure(ds: Dataset): EfficiencyStructure {
  const ref = sourceOf(ds, 'efficiency-classes');
  const classRow = (c: string) => ds.classes.find((r) => r.class === c);
  const total = ds.classes.filter((r) => r.class !== 'idle').reduce((sum, r) => sum + r.capacityMt, 0);
  const classFigure = (c: 'high' | 'medium' | 'low_and_idle'): ClassFigure => {
    const row = classRow(c)!;
    return {
      enterprises: reported(row.enterprises, 'enterprises', ref),
      capacity: reported(row.capacityMt, 'Mt', ref),
      share:
        row.sharePct === null
          ? derived(percentOf(row.capacityMt, total), '%', ref, 'class capacity ÷ sum of classes')
          : reported(row.sharePct, '%', ref),
    };
  };
  const idle = classRow('idle');
  const enterprises = ds.classes.filter((r) => r.class !== 'idle').reduce((sum, r) => sum + r.enterprises, 0);
  const others = rowsOfKind(ds.efficiency, 'others')[0];
  return {
    thresholds: ds.edition.efficiencyThresholds,
    high: classFigure('high'),
    medium: classFigure('medium'),
    lowAndIdle: classFigure('low_and_idle'),
    idle: idle ? { enterprises: reported(idle.enterprises, 'enterprises', ref), capacity: reported(idle.capacityMt, 'Mt', ref) } : undefined,
    enterprises: derived(enterprises, 'enterprises', ref, 'sum of the three classes'),
    total: efficiencyMix(ds, totalOf(ds.efficiency)),
    provinces: rowsOfKind(ds.efficiency, 'province').map((r) => efficiencyMix(ds, r)),
    others: others ? efficiencyMix(ds, others) : undefined,
  };
}
