import type { Claim, Dataset, TextFigure } from '../dataset/types.js';
import { provincesInBalanceOthers } from './balance.js';
import { DERIVED_DECIMALS, halfUnit, percentOf } from './figure.js';
import { exportRowsOf, exportYears, rowOf, rowsOfKind, sourceOf, totalOf } from './tables.js';
import { NATIONAL, statedValue } from './text-figures.js';

/**
 * A place where the paper's figures do not agree with each other, or a claim of its prose that its
 * tables do not quite bear out. Never corrected: reported, so the reader can judge.
 * - `rounding`: the gap is within what the printed precision can explain;
 * - `inconsistency`: beyond rounding;
 * - `note`: a qualitative claim set against the tables (a soft tension, not an error).
 */
export interface Finding {
  check: string;
  table: string;
  row: string;
  /** The province, country or "National" the finding is about, for the replies that mention it. */
  subject: string;
  expected: number;
  found: number;
  /** found − expected, in `unit`. */
  difference: number;
  unit: string;
  severity: 'rounding' | 'inconsistency' | 'note';
  /** In English, for data:check and English replies. */
  detail: string;
  /** What the detail says, as data, for a catalogue to word in its own language. */
  facts?: FindingFacts;
  /** For a column sum: which column ("output", "<year> export"). */
  column?: string;
}

/** The parts of a finding's sentence: a quote from the prose set against what the tables give. */
export type FindingFacts =
  | { kind: 'text'; quote: string; source: string; stated: number; tables: number; unit: string; ref: string; subject: string; how?: string }
  | { kind: 'prose-demand'; aluminium: number; factor: number; computed: number; stated: number }
  | { kind: 'output-over-demand'; quote: string; source: string; subjects: string[]; output: number; demand: number; covered: number }
  | { kind: 'export-share-change'; quote: string; source: string; subjects: string[]; before: number; after: number; previousYear: number; year: number }
  | { kind: 'utilization-vs-high-share'; quote: string; source: string; subject: string; utilization: number; high: number; ceiling: number };

const EPS = 1e-9;

/** "Nearly", "about", "roughly": a prose approximation holds within 5 % of its value (one-third for 34.2 %). */
const APPROX_RELATIVE = 0.05;

type Draft = Omit<Finding, 'difference' | 'severity' | 'subject'> & { subject?: string };

function compare(out: Finding[], f: Draft, tolerance: number): void {
  const difference = f.found - f.expected;
  if (Math.abs(difference) <= EPS) return;
  out.push({ subject: f.subject ?? f.row, ...f, difference, severity: Math.abs(difference) <= tolerance + EPS ? 'rounding' : 'inconsistency' });
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

function checkColumnSums<R extends { name: string; kind: string }>(
  out: Finding[],
  table: string,
  rows: readonly R[],
  columns: { field: string; unit: string; get: (r: R) => number; dp: (r: R) => number }[],
  scope = '',
): void {
  const total = rows.find((r) => r.kind === 'total');
  if (!total) return;
  const parts = rows.filter((r) => r.kind !== 'total');
  for (const c of columns) {
    const sum = parts.reduce((s, r) => s + c.get(r), 0);
    const tolerance = parts.reduce((s, r) => s + halfUnit(c.dp(r)), 0) + halfUnit(c.dp(total));
    compare(
      out,
      {
        check: 'column sum = Total row',
        table,
        row: `Total${scope}`,
        subject: NATIONAL,
        expected: sum,
        found: c.get(total),
        unit: c.unit,
        detail: `${c.field}: rows add up to ${round(sum)}, Total says ${c.get(total)}`,
        column: c.field,
      },
      tolerance,
    );
  }
}

// Long on purpose: a catalogue of the tables' own arithmetic, one check after another, each reading
// as the sentence a reader would say (rows add up, shares make 100 %, output ÷ capacity = utilization).
function checkTables(ds: Dataset, out: Finding[]): void {
  const t1 = sourceOf(ds, 'efficiency-by-province');
  const t2 = sourceOf(ds, 'production-by-province');
  const t3 = sourceOf(ds, 'balance-by-province');
  const t4 = sourceOf(ds, 'exports-by-country');

  for (const r of ds.efficiency) {
    const sum = r.highPct + r.mediumPct + r.lowPct + r.shutdownPct;
    const tolerance = halfUnit(r.dp.highPct) + halfUnit(r.dp.mediumPct) + halfUnit(r.dp.lowPct) + halfUnit(r.dp.shutdownPct);
    compare(
      out,
      {
        check: 'shares of a row sum to 100 %',
        table: t1,
        row: r.name,
        expected: 100,
        found: sum,
        unit: 'pp',
        detail: `high + medium + low + shutdown = ${round(sum)} %`,
      },
      tolerance,
    );
  }
  checkColumnSums(out, t1, ds.efficiency, [{ field: 'capacity', unit: 'Mt', get: (r) => r.capacityMt, dp: (r) => r.dp.capacityMt }]);

  for (const r of ds.production) {
    const computed = percentOf(r.outputMt, r.capacityMt);
    // The stated utilization is consistent if some unrounded output and capacity give it.
    const lo = percentOf(r.outputMt - halfUnit(r.dp.outputMt), r.capacityMt + halfUnit(r.dp.capacityMt));
    const hi = percentOf(r.outputMt + halfUnit(r.dp.outputMt), r.capacityMt - halfUnit(r.dp.capacityMt));
    const tolerance = Math.max(computed - lo, hi - computed) + halfUnit(r.dp.utilizationPct);
    compare(
      out,
      {
        check: 'output ÷ capacity = utilization',
        table: t2,
        row: r.name,
        expected: computed,
        found: r.utilizationPct,
        unit: 'pp',
        detail: `${r.outputMt} ÷ ${r.capacityMt} = ${round(computed)} %, table says ${r.utilizationPct} %`,
      },
      tolerance,
    );
    const t1row = rowOf(ds.efficiency, r.name);
    if (t1row) {
      compare(
        out,
        {
          check: 'capacity agrees across tables',
          table: `${t1} vs ${t2}`,
          row: r.name,
          expected: r.capacityMt,
          found: t1row.capacityMt,
          unit: 'Mt',
          detail: `${t1} ${t1row.capacityMt} Mt, ${t2} ${r.capacityMt} Mt`,
        },
        Math.max(halfUnit(r.dp.capacityMt), halfUnit(t1row.dp.capacityMt)),
      );
    }
  }
  checkColumnSums(out, t2, ds.production, [
    { field: 'capacity', unit: 'Mt', get: (r) => r.capacityMt, dp: (r) => r.dp.capacityMt },
    { field: 'output', unit: 'Mt', get: (r) => r.outputMt, dp: (r) => r.dp.outputMt },
  ]);

  for (const r of ds.balance) {
    const computed = r.outputMt - r.demandMt - r.exportsMt;
    const tolerance = halfUnit(r.dp.outputMt) + halfUnit(r.dp.demandMt) + halfUnit(r.dp.exportsMt) + halfUnit(r.dp.balanceMt);
    compare(
      out,
      {
        check: 'balance = output − demand − exports',
        table: t3,
        row: r.name,
        expected: computed,
        found: r.balanceMt,
        unit: 'Mt',
        detail: `${r.outputMt} − ${r.demandMt} − ${r.exportsMt} = ${round(computed)}, table says ${r.balanceMt}`,
      },
      tolerance,
    );
    const t2row = rowOf(ds.production, r.name);
    if (t2row && r.kind !== 'others') {
      compare(
        out,
        {
          check: 'output agrees across tables',
          table: `${t2} vs ${t3}`,
          row: r.name,
          expected: t2row.outputMt,
          found: r.outputMt,
          unit: 'Mt',
          detail: `${t2} ${t2row.outputMt} Mt, ${t3} ${r.outputMt} Mt`,
        },
        halfUnit(t2row.dp.outputMt) + halfUnit(r.dp.outputMt),
      );
    }
  }
  // Table 3's "Others" covers Table 2's "Others" plus the provinces Table 3 does not list.
  const t3others = rowsOfKind(ds.balance, 'others')[0];
  const t2others = rowsOfKind(ds.production, 'others')[0];
  if (t3others && t2others) {
    const folded = provincesInBalanceOthers(ds).map((n) => rowOf(ds.production, n)!);
    const expected = t2others.outputMt + folded.reduce((s, r) => s + r.outputMt, 0);
    const tolerance = [t2others, ...folded].reduce((s, r) => s + halfUnit(r.dp.outputMt), 0) + halfUnit(t3others.dp.outputMt);
    compare(
      out,
      {
        check: 'Others output agrees across tables',
        table: `${t2} vs ${t3}`,
        row: 'Others',
        expected,
        found: t3others.outputMt,
        unit: 'Mt',
        detail: `${t2} Others + ${folded.map((r) => r.name).join(' + ')} = ${round(expected)} Mt, ${t3} Others ${t3others.outputMt} Mt`,
      },
      tolerance,
    );
  }
  checkColumnSums(out, t3, ds.balance, [
    { field: 'output', unit: 'Mt', get: (r) => r.outputMt, dp: (r) => r.dp.outputMt },
    { field: 'demand', unit: 'Mt', get: (r) => r.demandMt, dp: (r) => r.dp.demandMt },
    { field: 'exports', unit: 'Mt', get: (r) => r.exportsMt, dp: (r) => r.dp.exportsMt },
    { field: 'balance', unit: 'Mt', get: (r) => r.balanceMt, dp: (r) => r.dp.balanceMt },
  ]);

  for (const year of exportYears(ds)) {
    const rows = exportRowsOf(ds, year);
    const total = totalOf(rows);
    checkColumnSums(out, t4, rows, [{ field: `${year} export`, unit: 'kt', get: (r) => r.exportsKt, dp: (r) => r.dp.exportsKt }], ` ${year}`);
    const parts = rows.filter((r) => r.kind !== 'total');
    const shareSum = parts.reduce((s, r) => s + r.sharePct, 0);
    compare(
      out,
      {
        check: 'shares sum to 100 %',
        table: t4,
        row: `${year}`,
        subject: NATIONAL,
        expected: 100,
        found: shareSum,
        unit: 'pp',
        detail: `${year} shares add up to ${round(shareSum)} %`,
      },
      parts.reduce((s, r) => s + halfUnit(r.dp.sharePct), 0),
    );
    for (const r of parts) {
      const computed = percentOf(r.exportsKt, total.exportsKt);
      compare(
        out,
        {
          check: 'share = volume ÷ total',
          table: t4,
          row: `${r.name} ${year}`,
          subject: r.name,
          expected: computed,
          found: r.sharePct,
          unit: 'pp',
          detail: `${r.exportsKt} ÷ ${total.exportsKt} = ${round(computed)} %, table says ${r.sharePct} %`,
        },
        halfUnit(r.dp.sharePct) + 0.01,
      );
    }
  }

  // Table 3's exports column is the edition year's exports; Table 4 gives the same in kt.
  const t3total = totalOf(ds.balance);
  const t4rows = exportRowsOf(ds, ds.edition.year);
  if (t4rows.length > 0) {
    const t4total = totalOf(t4rows);
    compare(
      out,
      {
        check: 'export total agrees across tables',
        table: `${t3} vs ${t4}`,
        row: 'Total exports',
        subject: NATIONAL,
        expected: t4total.exportsKt / 1000,
        found: t3total.exportsMt,
        unit: 'Mt',
        detail: `${t4} ${t4total.exportsKt} kt, ${t3} ${t3total.exportsMt} Mt`,
      },
      halfUnit(t3total.dp.exportsMt) + halfUnit(t4total.dp.exportsKt) / 1000,
    );
  }
}

function checkClasses(ds: Dataset, out: Finding[]): void {
  const ref = sourceOf(ds, 'efficiency-classes');
  const t1 = sourceOf(ds, 'efficiency-by-province');
  const t2 = sourceOf(ds, 'production-by-province');
  const national = totalOf(ds.production);
  const t1total = totalOf(ds.efficiency);
  const provinces = ds.efficiency.filter((r) => r.kind !== 'total');
  const fromTable1 = {
    high: provinces.reduce((s, r) => s + (r.highPct / 100) * r.capacityMt, 0),
    medium: provinces.reduce((s, r) => s + (r.mediumPct / 100) * r.capacityMt, 0),
    low_and_idle: provinces.reduce((s, r) => s + ((r.lowPct + r.shutdownPct) / 100) * r.capacityMt, 0),
    idle: provinces.reduce((s, r) => s + (r.shutdownPct / 100) * r.capacityMt, 0),
  };
  const t1share = { high: t1total.highPct, medium: t1total.mediumPct, low_and_idle: t1total.lowPct + t1total.shutdownPct, idle: t1total.shutdownPct };
  // Each provincial share is a rounded whole percent: ±0.5 % of that province's capacity.
  const shareTolerance = provinces.reduce((s, r) => s + (halfUnit(r.dp.highPct) / 100) * r.capacityMt, 0);
  const classes = ds.classes.filter((c) => c.class !== 'idle');
  const classSum = classes.reduce((s, c) => s + c.capacityMt, 0);
  const where = { subject: NATIONAL, unit: 'Mt' };
  compare(
    out,
    {
      ...where,
      check: 'classes add up to national capacity',
      table: `${ref} vs ${t2}`,
      row: 'all classes',
      expected: national.capacityMt,
      found: classSum,
      detail: `class capacities add up to ${round(classSum)} Mt, ${t2} Total ${national.capacityMt} Mt`,
    },
    halfUnit(national.dp.capacityMt) + classes.reduce((s, c) => s + halfUnit(c.dp.capacityMt), 0),
  );
  for (const c of ds.classes) {
    compare(
      out,
      {
        ...where,
        check: 'class capacity agrees with Table 1 shares',
        table: `${ref} vs ${t1}`,
        row: c.class,
        expected: fromTable1[c.class],
        found: c.capacityMt,
        detail: `Σ provincial share × capacity = ${round(fromTable1[c.class])} Mt, text says ${c.capacityMt} Mt`,
      },
      shareTolerance + halfUnit(c.dp.capacityMt),
    );
    if (c.sharePct !== null) {
      const computed = percentOf(c.capacityMt, national.capacityMt);
      compare(
        out,
        {
          ...where,
          unit: 'pp',
          check: 'class share = capacity ÷ national',
          table: ref,
          row: c.class,
          expected: computed,
          found: c.sharePct,
          detail: `${c.capacityMt} ÷ ${national.capacityMt} = ${round(computed)} %, text says ${c.sharePct} %`,
        },
        halfUnit(c.dp.sharePct) + 0.05,
      );
      // Table 1's total shares are whole percents; "low" and "shutdown" are two of them.
      const t1tolerance = c.class === 'low_and_idle' ? 2 * halfUnit(t1total.dp.lowPct) : halfUnit(t1total.dp.highPct);
      compare(
        out,
        {
          ...where,
          unit: 'pp',
          check: 'class share agrees with Table 1 Total',
          table: `${ref} vs ${t1}`,
          row: c.class,
          expected: t1share[c.class],
          found: c.sharePct,
          detail: `${t1} Total ${t1share[c.class]} %, text says ${c.sharePct} %`,
        },
        halfUnit(c.dp.sharePct) + t1tolerance,
      );
    }
  }
}

/** The tables' value for what a prose figure speaks of, when the tables hold one. */
// Long on purpose: one case per metric the prose states, mapped to where the tables hold it.
export function tableValueFor(ds: Dataset, subject: string, metric: string): { value: number; ref: string; how?: string } | undefined {
  const t2 = sourceOf(ds, 'production-by-province');
  const t3 = sourceOf(ds, 'balance-by-province');
  const t4 = sourceOf(ds, 'exports-by-country');
  const ref33 = sourceOf(ds, 'efficiency-classes');
  const years = exportYears(ds);
  const latest = years.at(-1);
  const exportsTotal = (year: number) => totalOf(exportRowsOf(ds, year)).exportsKt;
  if (subject === NATIONAL) {
    const p = totalOf(ds.production);
    const cls = (c: string) => ds.classes.find((r) => r.class === c);
    const enterprises = ds.classes.filter((c) => c.class !== 'idle').reduce((s, c) => s + c.enterprises, 0);
    const th = ds.edition.efficiencyThresholds;
    const yearMatch = /^exports_(\d{4})_mt$/.exec(metric);
    if (yearMatch) return years.includes(Number(yearMatch[1])) ? { value: exportsTotal(Number(yearMatch[1])) / 1000, ref: t4 } : undefined;
    const high = cls('high');
    const medium = cls('medium');
    const lowIdle = cls('low_and_idle');
    const idle = cls('idle');
    switch (metric) {
      case 'capacity_mt':
        return { value: p.capacityMt, ref: t2 };
      case 'output_mt':
        return { value: p.outputMt, ref: t2 };
      case 'utilization_pct':
        return { value: p.utilizationPct, ref: t2 };
      case 'exports_mt':
        return latest === undefined ? undefined : { value: exportsTotal(latest) / 1000, ref: t4 };
      case 'exports_yoy_pct': {
        const [prev, cur] = years.slice(-2);
        return prev === undefined || cur === undefined
          ? undefined
          : { value: percentOf(exportsTotal(cur) - exportsTotal(prev), exportsTotal(prev)), ref: `${t4} (computed)` };
      }
      case 'high_threshold_pct':
        return { value: th.highAbovePct, ref: th.source };
      case 'low_threshold_pct':
        return { value: th.lowBelowPct, ref: th.source };
      case 'high_capacity_share_pct':
        return high?.sharePct != null ? { value: high.sharePct, ref: ref33 } : undefined;
      case 'high_enterprises':
        return high && { value: high.enterprises, ref: ref33 };
      case 'low_idle_enterprises':
        return lowIdle && { value: lowIdle.enterprises, ref: ref33 };
      case 'idle_enterprises':
        return idle && { value: idle.enterprises, ref: ref33 };
      case 'high_enterprise_share_pct':
        return high && { value: percentOf(high.enterprises, enterprises), ref: ref33, how: `${high.enterprises} of ${enterprises} enterprises` };
      case 'low_idle_enterprise_share_pct':
        return lowIdle && { value: percentOf(lowIdle.enterprises, enterprises), ref: ref33, how: `${lowIdle.enterprises} of ${enterprises} enterprises` };
      case 'low_idle_capacity_share_pct':
        return lowIdle && { value: lowIdle.sharePct ?? percentOf(lowIdle.capacityMt, p.capacityMt), ref: ref33 };
      case 'high_medium_share_pct':
        return high && medium
          ? { value: percentOf(high.capacityMt + medium.capacityMt, p.capacityMt), ref: ref33, how: 'high + medium capacity over national capacity' }
          : undefined;
      case 'idle_avg_capacity_mt':
        return idle && idle.enterprises > 0 ? { value: idle.capacityMt / idle.enterprises, ref: ref33, how: 'idle capacity over idle enterprises' } : undefined;
      default:
        return undefined;
    }
  }
  const production = rowOf(ds.production, subject);
  const balance = rowOf(ds.balance, subject);
  const exportRow = latest === undefined ? undefined : ds.exports.find((r) => r.name === subject && r.year === latest);
  switch (metric) {
    case 'capacity_mt':
      return production && { value: production.capacityMt, ref: t2 };
    case 'output_mt':
      return production && { value: production.outputMt, ref: t2 };
    case 'utilization_pct':
      return production && { value: production.utilizationPct, ref: t2 };
    case 'demand_mt':
      return balance && { value: balance.demandMt, ref: t3 };
    case 'exports_mt':
      return balance && { value: balance.exportsMt, ref: t3 };
    case 'balance_mt':
      return balance && { value: balance.balanceMt, ref: t3 };
    case 'domestic_balance_mt':
      return balance && { value: balance.outputMt - balance.demandMt, ref: t3, how: 'output − demand' };
    case 'exports_kt':
      return exportRow && { value: exportRow.exportsKt, ref: t4 };
    case 'share_pct':
      return exportRow && { value: exportRow.sharePct, ref: t4 };
    default:
      return undefined;
  }
}

function checkText(ds: Dataset, out: Finding[]): void {
  for (const t of ds.textFigures) {
    const table = tableValueFor(ds, t.subject, t.metric);
    if (!table) continue;
    const where = {
      check: `text agrees with tables (${t.qualifier})`,
      table: t.source === table.ref ? t.source : `${t.source} vs ${table.ref}`,
      row: `${t.subject} ${t.metric}`,
      subject: t.subject,
      unit: t.unit === '%' ? 'pp' : t.unit,
    };
    // A value the bot computes keeps the precision its inputs carry and its †; a printed one is quoted as printed.
    const shown = table.how ? Number(table.value.toFixed(DERIVED_DECIMALS[t.unit])) : round(table.value);
    const who = t.subject === NATIONAL ? '' : `${t.subject} `;
    const detail = table.how
      ? `"${t.quote}" (${t.source}); computed from ${table.ref} (${table.how}): ${who}${shown} ${t.unit} †`
      : `"${t.quote}" (${t.source}); ${table.ref} gives ${who}${shown} ${t.unit}`;
    const facts: FindingFacts = {
      kind: 'text',
      quote: t.quote,
      source: t.source,
      stated: t.value,
      tables: shown,
      unit: t.unit,
      ref: table.ref,
      subject: t.subject,
      ...(table.how ? { how: table.how } : {}),
    };
    if (t.qualifier === 'over' || t.qualifier === 'under') {
      const holds = t.qualifier === 'over' ? table.value > t.value : table.value < t.value;
      if (!holds) out.push({ ...where, expected: t.value, found: table.value, difference: table.value - t.value, severity: 'inconsistency', detail, facts });
      continue;
    }
    compare(out, { ...where, expected: t.value, found: table.value, detail, facts }, approxTolerance(t, table.value));
  }
  // Prose demand figures against the aluminium output they come from (× the anode factor of Section 1).
  const factor = statedValue(ds, NATIONAL, 'anode_factor_kg_per_t');
  if (!factor) return;
  for (const aluminium of ds.textFigures.filter((t) => t.metric === 'aluminium_mt')) {
    const demand = statedValue(ds, aluminium.subject, 'demand_mt');
    if (!demand) continue;
    const computed = (aluminium.value * factor.value) / 1000;
    const tolerance = halfUnit(demand.decimals) + (halfUnit(aluminium.decimals) * factor.value) / 1000;
    compare(
      out,
      {
        check: 'prose demand = aluminium output × anode factor',
        table: `${demand.source} vs ${aluminium.source}, ${factor.source}`,
        row: `${demand.subject} demand_mt`,
        subject: demand.subject,
        unit: 'Mt',
        expected: computed,
        found: demand.value,
        detail: `${aluminium.value} Mt × ${factor.value} kg/t = ${round(computed)} Mt; text says ${demand.value} Mt`,
        facts: { kind: 'prose-demand', aluminium: aluminium.value, factor: factor.value, computed: round(computed), stated: demand.value },
      },
      tolerance,
    );
  }
}

function approxTolerance(t: TextFigure, tableValue: number): number {
  const printing = Math.max(halfUnit(t.decimals), halfUnit(decimalsOf(tableValue)));
  return t.qualifier === 'approx' ? Math.max(printing, APPROX_RELATIVE * Math.abs(t.value)) : printing;
}

function decimalsOf(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(6, s.length - i - 1);
}

/** Qualitative claims (claims.csv) weighed against the tables: notes for the reader, never errors. */
// Long on purpose: one branch per kind of claim in claims.csv, each worded where it is checked.
function checkClaims(ds: Dataset, out: Finding[]): void {
  const t1 = sourceOf(ds, 'efficiency-by-province');
  const t2 = sourceOf(ds, 'production-by-province');
  const t3 = sourceOf(ds, 'balance-by-province');
  const t4 = sourceOf(ds, 'exports-by-country');
  const note = (c: Claim, f: Omit<Finding, 'check' | 'severity' | 'difference' | 'table'> & { table: string }) =>
    out.push({ ...f, check: `claim (${c.check.replace(/_/g, ' ')})`, severity: 'note', difference: f.found - f.expected });
  for (const c of ds.claims) {
    const subject = c.subjects.join(' + ');
    if (c.check === 'output_over_demand') {
      const rows = c.subjects.map((s) => rowOf(ds.balance, s)).filter((r) => r !== undefined);
      if (rows.length === 0) continue;
      const output = rows.reduce((s, r) => s + r.outputMt, 0);
      const demand = rows.reduce((s, r) => s + r.demandMt, 0);
      // Three significant figures in, one decimal out: 1.69 ÷ 2.46 is 68.7 %, not 68.699 %.
      const ratio = Number(percentOf(output, demand).toFixed(DERIVED_DECIMALS['%']));
      if (ratio < 100)
        note(c, {
          table: `${c.source} vs ${t3}`,
          row: subject,
          subject,
          expected: 100,
          found: ratio,
          unit: '%',
          detail: `${c.source}: "${c.quote}"; ${t3} gives ${subject} output ${output} Mt for in-province demand ${demand} Mt: by the bot's arithmetic, ${ratio} % † of that demand is met in-province`,
          facts: {
            kind: 'output-over-demand',
            quote: c.quote,
            source: c.source,
            subjects: c.subjects,
            output: round(output),
            demand: round(demand),
            covered: round(ratio),
          },
        });
    } else if (c.check === 'export_share_change') {
      const [prev, cur] = exportYears(ds).slice(-2);
      if (prev === undefined || cur === undefined) continue;
      const share = (year: number) => {
        const rows = exportRowsOf(ds, year);
        const part = rows.filter((r) => c.subjects.includes(r.name)).reduce((s, r) => s + r.exportsKt, 0);
        return percentOf(part, totalOf(rows).exportsKt);
      };
      const [before, after] = [share(prev), share(cur)].map((v) => Number(v.toFixed(DERIVED_DECIMALS['%']))) as [number, number];
      // The prose says the dependence deepens: only a share that fell sets the tables against it.
      if (after >= before) continue;
      note(c, {
        table: `${c.source} vs ${t4}`,
        row: subject,
        subject,
        expected: before,
        found: after,
        unit: 'pp',
        detail: `${c.source}: "${c.quote}"; by the bot's arithmetic on ${t4}'s volumes, ${subject} took ${before} % † of exports in ${prev} and ${after} % † in ${cur}`,
        facts: {
          kind: 'export-share-change',
          quote: c.quote,
          source: c.source,
          subjects: c.subjects,
          before,
          after,
          previousYear: prev,
          year: cur,
        },
      });
    } else {
      for (const s of c.subjects) {
        const p = rowOf(ds.production, s);
        const e = rowOf(ds.efficiency, s);
        if (!p || !e) continue;
        const th = ds.edition.efficiencyThresholds;
        // The most the classes allow: high capacity at 100 %, medium at the high threshold, low at the
        // low one, shut at 0. Only an average above that is at odds with Table 1 (Ningxia's 91.32 % with
        // 27 % high and 73 % medium is not: the classes allow up to 92.7 %).
        const ceiling = (e.highPct * 100 + e.mediumPct * th.highAbovePct + e.lowPct * th.lowBelowPct) / 100;
        if (p.utilizationPct > ceiling + EPS) {
          note(c, {
            table: `${t2} vs ${t1}`,
            row: s,
            subject: s,
            expected: ceiling,
            found: p.utilizationPct,
            unit: '%',
            detail: `${s}: average utilization ${p.utilizationPct} % (${t2}), above the ${Number(ceiling.toFixed(1))} % † its efficiency classes allow at most (${t1}: ${e.highPct} % high); ${c.source}: "${c.quote}"`,
            facts: {
              kind: 'utilization-vs-high-share',
              quote: c.quote,
              source: c.source,
              subject: s,
              utilization: p.utilizationPct,
              high: e.highPct,
              ceiling: Number(ceiling.toFixed(1)),
            },
          });
        }
      }
    }
  }
}

/** Every cross-check of the paper's figures. Pure; runs once per edition at load and in `npm run data:check`. */
export function crossCheck(ds: Dataset): Finding[] {
  const out: Finding[] = [];
  checkTables(ds, out);
  checkClasses(ds, out);
  checkText(ds, out);
  checkClaims(ds, out);
  return out;
}

export function summarizeFindings(findings: readonly Finding[]): { inconsistencies: number; rounding: number; notes: number } {
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity === s).length;
  return { inconsistencies: count('inconsistency'), rounding: count('rounding'), notes: count('note') };
}

/** Findings worth telling a reader about one subject: inconsistencies and notes, not rounding. */
/** One addition a reader can redo that misses by rounding, as data for a catalogue to word. */
export interface RoundingGap {
  kind: 'net' | 'column' | 'row-shares' | 'year-shares';
  /** The row's name in the reader's language, or the column's key ("output", "<year> export"). */
  name: string;
  /** As the paper prints it. */
  printed: string;
  /** The parts added up, at their own precision (computed, so marked † by the catalogue). */
  computed: string;
}

/** The additions a reader can redo from what a reply prints: a net beside its parts, a Total beside its rows, shares beside 100 %. */
const ADDITIONS = new Set(['balance = output − demand − exports', 'column sum = Total row', 'shares of a row sum to 100 %', 'shares sum to 100 %']);
/** The precision the parts of an addition are printed with: where a gap smaller than this hides, a reader cannot see it. */
export const PART_DECIMALS: Record<string, number> = { Mt: 2, kt: 1, pp: 0 };

/**
 * Rounding gaps a reader of `table` would see: the printed parts, added at their own precision, miss
 * the printed total or net. (Inner Mongolia's −1.095 beside 1.89 − 2.99 = −1.10 is no gap at that precision.)
 */
export function visibleRoundingGaps(findings: readonly Finding[], table: string): Finding[] {
  return findings.filter((f) => {
    if (f.severity !== 'rounding' || f.table !== table || !ADDITIONS.has(f.check)) return false;
    // More than half a unit of the parts' last digit apart: rounding the printed figure cannot close it.
    return Math.abs(f.difference) > halfUnit(PART_DECIMALS[f.unit] ?? 2) + EPS;
  });
}

export function findingsAbout(findings: readonly Finding[], subject: string): Finding[] {
  return findings.filter((f) => f.severity !== 'rounding' && f.subject.split(' + ').includes(subject));
}
