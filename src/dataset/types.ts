/** The shape of one edition of the dataset once loaded and validated. Immutable by convention. */

export type RowKind = 'province' | 'country' | 'others' | 'total';

/** A figure's origin: a paper table or section, and whether the bot computed it. */
export interface Source {
  /** "Table 2", "Section 3.4", "Abstract"; several joined with "; ". */
  ref: string;
  /** Set only when the paper prints the figure nowhere and the bot computed it; says how. */
  derived?: string;
  /**
   * For a figure the paper prints in its prose that the bot can also compute from the tables: the
   * bot's value, so a reply can say whether the two agree.
   */
  check?: { value: number; decimals: number; ref: string; agrees: boolean };
}

export type Unit = 'Mt' | 'kt' | '%' | 'pp' | 'kg/t' | 'enterprises';

/** Decimal places each numeric cell was printed with ("1.70" → 2, "0" → 0), by field name. */
export type Printed<K extends string> = Readonly<Record<K, number>>;

export interface EfficiencyRow {
  name: string;
  kind: RowKind;
  capacityMt: number;
  highPct: number;
  mediumPct: number;
  lowPct: number;
  shutdownPct: number;
  dp: Printed<'capacityMt' | 'highPct' | 'mediumPct' | 'lowPct' | 'shutdownPct'>;
  line: number;
}

export interface ProductionRow {
  name: string;
  kind: RowKind;
  capacityMt: number;
  outputMt: number;
  utilizationPct: number;
  dp: Printed<'capacityMt' | 'outputMt' | 'utilizationPct'>;
  line: number;
}

export interface BalanceRow {
  name: string;
  kind: RowKind;
  outputMt: number;
  demandMt: number;
  exportsMt: number;
  balanceMt: number;
  dp: Printed<'outputMt' | 'demandMt' | 'exportsMt' | 'balanceMt'>;
  line: number;
}

export interface ExportRow {
  name: string;
  kind: RowKind;
  year: number;
  exportsKt: number;
  sharePct: number;
  dp: Printed<'exportsKt' | 'sharePct'>;
  line: number;
}

export type EfficiencyClass = 'high' | 'medium' | 'low_and_idle' | 'idle';

export interface ClassRow {
  class: EfficiencyClass;
  enterprises: number;
  capacityMt: number;
  sharePct: number | null;
  dp: Printed<'capacityMt' | 'sharePct'>;
  line: number;
}

export type Qualifier = 'exact' | 'approx' | 'over' | 'under';

/** Which reply a national prose figure belongs to (province and country figures go to their own). */
export type Topic = 'overview' | 'efficiency' | 'balance' | 'exports';

export interface TextFigure {
  subject: string;
  metric: string;
  value: number;
  unit: Unit;
  qualifier: Qualifier;
  source: string;
  topic: Topic;
  quote: string;
  decimals: number;
  line: number;
}

/** A qualitative claim of the prose that the tables can test; reported as a note, never as an error. */
export interface Claim {
  subjects: string[];
  check: 'output_over_demand' | 'export_share_change' | 'utilization_vs_high_share';
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

export interface EditionMeta {
  year: number;
  datasetVersion: string;
  paper: { title: string; authors: string[]; publisher: string; doi: string };
  tables: Record<TableKey, { source: string; caption: string; captionZh?: string | undefined }>;
  efficiencyThresholds: { highAbovePct: number; lowBelowPct: number; source: string };
}

export interface Dataset {
  edition: EditionMeta;
  /** Where each table was read from, for messages that name the file. */
  files: Record<TableKey, string>;
  efficiency: readonly EfficiencyRow[];
  production: readonly ProductionRow[];
  balance: readonly BalanceRow[];
  exports: readonly ExportRow[];
  classes: readonly ClassRow[];
  textFigures: readonly TextFigure[];
  /** Optional (claims.csv): qualitative claims the cross-checks weigh against the tables. */
  claims: readonly Claim[];
  names: readonly NameEntry[];
}
