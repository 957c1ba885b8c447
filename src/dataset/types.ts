/** The shape of one edition of the dataset once loaded and validated. Immutable by convention. */

export type RowKind = 'province' | 'country' | 'others' | 'total';

/** A figure's origin: a paper table or section, and whether the bot computed it. */
export interface Source {
  /** "Table 2", "Section 3.4", "Abstract"… */
  ref: string;
  /** Set when the bot computed the figure; says how, e.g. "output − demand". */
  derived?: string;
}

export type Unit = 'Mt' | 'kt' | '%' | 'pp' | 'kg/t' | 'enterprises';

export interface EfficiencyRow {
  name: string;
  kind: RowKind;
  capacityMt: number;
  highPct: number;
  mediumPct: number;
  lowPct: number;
  shutdownPct: number;
  line: number;
}

export interface ProductionRow {
  name: string;
  kind: RowKind;
  capacityMt: number;
  outputMt: number;
  utilizationPct: number;
  line: number;
}

export interface BalanceRow {
  name: string;
  kind: RowKind;
  outputMt: number;
  demandMt: number;
  exportsMt: number;
  balanceMt: number;
  line: number;
}

export interface ExportRow {
  name: string;
  kind: RowKind;
  year: number;
  exportsKt: number;
  sharePct: number;
  line: number;
}

export type EfficiencyClass = 'high' | 'medium' | 'low_and_idle' | 'idle';

export interface ClassRow {
  class: EfficiencyClass;
  enterprises: number;
  capacityMt: number;
  sharePct: number | null;
  line: number;
}

export type Qualifier = 'exact' | 'approx' | 'over' | 'under';

export interface TextFigure {
  subject: string;
  metric: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  source: string;
  quote: string;
  line: number;
}

export interface NameEntry {
  name: string;
  kind: 'province' | 'country';
  aliases: string[];
}

export type TableKey =
  | 'efficiency-by-province'
  | 'production-by-province'
  | 'balance-by-province'
  | 'exports-by-country'
  | 'efficiency-classes'
  | 'text-figures';

export interface Edition {
  year: number;
  datasetVersion: string;
  paper: { title: string; authors: string[]; publisher: string; doi: string };
  tables: Record<TableKey, { source: string; caption: string }>;
  efficiencyThresholds: { highAbovePct: number; lowBelowPct: number; source: string };
}

export interface Dataset {
  edition: Edition;
  /** Where each table was read from, for messages that name the file. */
  files: Record<TableKey, string>;
  efficiency: readonly EfficiencyRow[];
  production: readonly ProductionRow[];
  balance: readonly BalanceRow[];
  exports: readonly ExportRow[];
  classes: readonly ClassRow[];
  textFigures: readonly TextFigure[];
  names: readonly NameEntry[];
}
