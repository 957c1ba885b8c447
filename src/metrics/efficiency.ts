import type { ClassRow, Dataset, EfficiencyRow } from '../dataset/types.js';
import { cell, derived, percentOf, reported, type Figure } from './figure.js';
import { rowsOfKind, sourceOf, totalOf } from './tables.js';

export interface EfficiencyMix {
  name: string;
  capacity: Figure;
  high: Figure;
  medium: Figure;
  low: Figure;
  shutdown: Figure;
  /** Capacity in the high class, from the share: share × capacity. */
  highCapacity: Figure;
}

export function efficiencyMix(ds: Dataset, row: EfficiencyRow): EfficiencyMix {
  const t1 = sourceOf(ds, 'efficiency-by-province');
  return {
    name: row.name,
    capacity: cell(row, 'capacityMt', 'Mt', t1),
    high: cell(row, 'highPct', '%', t1),
    medium: cell(row, 'mediumPct', '%', t1),
    low: cell(row, 'lowPct', '%', t1),
    shutdown: cell(row, 'shutdownPct', '%', t1),
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

function classFigure(ds: Dataset, row: ClassRow, classesTotal: number): ClassFigure {
  const ref = sourceOf(ds, 'efficiency-classes');
  return {
    enterprises: reported(row.enterprises, 'enterprises', 0, ref),
    capacity: cell(row, 'capacityMt', 'Mt', ref),
    share:
      row.sharePct === null
        ? derived(percentOf(row.capacityMt, classesTotal), '%', ref, 'class capacity ÷ sum of classes')
        : reported(row.sharePct, '%', row.dp.sharePct, ref),
  };
}

/** National capacity by efficiency class (Section 3.3) and the provincial mix (Table 1). */
export function efficiencyStructure(ds: Dataset): EfficiencyStructure {
  const ref = sourceOf(ds, 'efficiency-classes');
  const classRow = (c: string) => ds.classes.find((r) => r.class === c);
  const ranked = ds.classes.filter((r) => r.class !== 'idle');
  const classesTotal = ranked.reduce((sum, r) => sum + r.capacityMt, 0);
  const idle = classRow('idle');
  const others = rowsOfKind(ds.efficiency, 'others')[0];
  return {
    thresholds: ds.edition.efficiencyThresholds,
    high: classFigure(ds, classRow('high')!, classesTotal),
    medium: classFigure(ds, classRow('medium')!, classesTotal),
    lowAndIdle: classFigure(ds, classRow('low_and_idle')!, classesTotal),
    idle: idle ? { enterprises: reported(idle.enterprises, 'enterprises', 0, ref), capacity: cell(idle, 'capacityMt', 'Mt', ref) } : undefined,
    enterprises: derived(
      ranked.reduce((sum, r) => sum + r.enterprises, 0),
      'enterprises',
      ref,
      'sum of the three classes',
    ),
    total: efficiencyMix(ds, totalOf(ds.efficiency)),
    provinces: rowsOfKind(ds.efficiency, 'province').map((r) => efficiencyMix(ds, r)),
    others: others ? efficiencyMix(ds, others) : undefined,
  };
}
