import type { Dataset } from '../dataset/types.js';
import { provincesInBalanceOthers } from './balance.js';
import { percentOf } from './figure.js';
import { exportYears, rowOf, rowsOfKind, sourceOf, totalOf } from './tables.js';

/**
 * A place where the paper's figures do not agree with each other. Never corrected: reported, so the
 * reader can judge. `rounding` means the gap is within what rounding the printed figures can explain.
 */
export interface Finding {
  check: string;
  table: string;
  row: string;
  expected: number;
  found: number;
  /** found − expected, in `unit`. */
  difference: number;
  unit: string;
  severity: 'rounding' | 'inconsistency';
  detail: string;
}

const EPS = 1e-9;

/** Decimal places a figure is printed with (1.7 → 1, 0.026 → 3). */
function decimalsOf(n: number): number {
  const s = String(n);
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/** Largest error the printing of `n` can hide. */
function halfUnit(n: number): number {
  return 0.5 * 10 ** -decimalsOf(n);
}

/**
 * Half a unit of a column's printed precision. Parsing loses trailing zeros ("0.00" → 0, "1.70" →
 * 1.7), so a column's precision is that of its most precise cell, not of each cell.
 */
function columnHalfUnit<R>(rows: readonly R[], get: (r: R) => number): number {
  return 0.5 * 10 ** -Math.max(0, ...rows.map((r) => decimalsOf(get(r))));
}

function compare(
  out: Finding[],
  f: Omit<Finding, 'difference' | 'severity'>,
  tolerance: number,
): void {
  const difference = f.found - f.expected;
  if (Math.abs(difference) <= EPS) return;
  out.push({ ...f, difference, severity: Math.abs(difference) <= tolerance + EPS ? 'rounding' : 'inconsistency' });
}

function checkColumnSums<R extends { name: string; kind: string }>(
  out: Finding[],
  table: string,
  rows: readonly R[],
  columns: { field: string; unit: string; get: (r: R) => number }[],
  scope = '',
): void {
  const total = rows.find((r) => r.kind === 'total');
  if (!total) return;
  const parts = rows.filter((r) => r.kind !== 'total');
  for (const c of columns) {
    const sum = parts.reduce((s, r) => s + c.get(r), 0);
    const tolerance = (parts.length + 1) * columnHalfUnit(rows, c.get);
    compare(out, { check: 'column sum = Total row', table, row: `Total${scope}`, expected: sum, found: c.get(total), unit: c.unit, detail: `${c.field}: rows add up to ${round(sum)}, Total says ${c.get(total)}` }, tolerance);
  }
}

function checkTables(ds: Dataset, out: Finding[]): void {
  const t1 = sourceOf(ds, 'efficiency-by-province');
  const t2 = sourceOf(ds, 'production-by-province');
  const t3 = sourceOf(ds, 'balance-by-province');
  const t4 = sourceOf(ds, 'exports-by-country');

  for (const r of ds.efficiency) {
    const sum = r.highPct + r.mediumPct + r.lowPct + r.shutdownPct;
    compare(out, { check: 'shares of a row sum to 100 %', table: t1, row: r.name, expected: 100, found: sum, unit: 'pp', detail: `high + medium + low + shutdown = ${round(sum)} %` }, 4 * 0.5);
  }
  checkColumnSums(out, t1, ds.efficiency, [{ field: 'capacity', unit: 'Mt', get: (r) => r.capacityMt }]);

  const outHalf = columnHalfUnit(ds.production, (r) => r.outputMt);
  const capHalf = columnHalfUnit(ds.production, (r) => r.capacityMt);
  const utilHalf = columnHalfUnit(ds.production, (r) => r.utilizationPct);
  const t1capHalf = columnHalfUnit(ds.efficiency, (r) => r.capacityMt);
  for (const r of ds.production) {
    const computed = percentOf(r.outputMt, r.capacityMt);
    // The stated utilization is consistent if some unrounded output and capacity give it.
    const lo = percentOf(r.outputMt - outHalf, r.capacityMt + capHalf);
    const hi = percentOf(r.outputMt + outHalf, r.capacityMt - capHalf);
    const tolerance = Math.max(computed - lo, hi - computed) + utilHalf;
    compare(out, { check: 'output ÷ capacity = utilization', table: t2, row: r.name, expected: computed, found: r.utilizationPct, unit: 'pp', detail: `${r.outputMt} ÷ ${r.capacityMt} = ${round(computed)} %, table says ${r.utilizationPct} %` }, tolerance);
    const t1row = rowOf(ds.efficiency, r.name);
    if (t1row) {
      compare(out, { check: 'capacity agrees across tables', table: `${t1} vs ${t2}`, row: r.name, expected: r.capacityMt, found: t1row.capacityMt, unit: 'Mt', detail: `${t1} ${t1row.capacityMt} Mt, ${t2} ${r.capacityMt} Mt` }, Math.max(capHalf, t1capHalf));
    }
  }
  checkColumnSums(out, t2, ds.production, [
    { field: 'capacity', unit: 'Mt', get: (r) => r.capacityMt },
    { field: 'output', unit: 'Mt', get: (r) => r.outputMt },
  ]);

  const b = {
    output: columnHalfUnit(ds.balance, (r) => r.outputMt),
    demand: columnHalfUnit(ds.balance, (r) => r.demandMt),
    exports: columnHalfUnit(ds.balance, (r) => r.exportsMt),
  };
  for (const r of ds.balance) {
    const computed = r.outputMt - r.demandMt - r.exportsMt;
    // Balances are printed with two or three decimals row by row; a row's own precision applies.
    const tolerance = b.output + b.demand + b.exports + Math.max(halfUnit(r.balanceMt), 0.0005);
    compare(out, { check: 'balance = output − demand − exports', table: t3, row: r.name, expected: computed, found: r.balanceMt, unit: 'Mt', detail: `${r.outputMt} − ${r.demandMt} − ${r.exportsMt} = ${round(computed)}, table says ${r.balanceMt}` }, tolerance);
    const t2row = rowOf(ds.production, r.name);
    if (t2row && r.kind !== 'others') {
      compare(out, { check: 'output agrees across tables', table: `${t2} vs ${t3}`, row: r.name, expected: t2row.outputMt, found: r.outputMt, unit: 'Mt', detail: `${t2} ${t2row.outputMt} Mt, ${t3} ${r.outputMt} Mt` }, outHalf + b.output);
    }
  }
  // Table 3's "Others" covers Table 2's "Others" plus the provinces Table 3 does not list.
  const t3others = rowsOfKind(ds.balance, 'others')[0];
  const t2others = rowsOfKind(ds.production, 'others')[0];
  if (t3others && t2others) {
    const folded = provincesInBalanceOthers(ds).map((n) => rowOf(ds.production, n)!);
    const expected = t2others.outputMt + folded.reduce((s, r) => s + r.outputMt, 0);
    const tolerance = (folded.length + 1) * outHalf + b.output;
    compare(out, { check: 'Others output agrees across tables', table: `${t2} vs ${t3}`, row: 'Others', expected, found: t3others.outputMt, unit: 'Mt', detail: `${t2} Others + ${folded.map((r) => r.name).join(' + ')} = ${round(expected)} Mt, ${t3} Others ${t3others.outputMt} Mt` }, tolerance);
  }
  checkColumnSums(out, t3, ds.balance, [
    { field: 'output', unit: 'Mt', get: (r) => r.outputMt },
    { field: 'demand', unit: 'Mt', get: (r) => r.demandMt },
    { field: 'exports', unit: 'Mt', get: (r) => r.exportsMt },
    { field: 'balance', unit: 'Mt', get: (r) => r.balanceMt },
  ]);

  for (const year of exportYears(ds)) {
    const rows = ds.exports.filter((r) => r.year === year);
    const total = totalOf(rows);
    checkColumnSums(out, t4, rows, [{ field: `${year} export`, unit: 'kt', get: (r) => r.exportsKt }], ` ${year}`);
    const parts = rows.filter((r) => r.kind !== 'total');
    const shareHalf = columnHalfUnit(rows, (r) => r.sharePct);
    const shareSum = parts.reduce((s, r) => s + r.sharePct, 0);
    compare(out, { check: 'shares sum to 100 %', table: t4, row: `${year}`, expected: 100, found: shareSum, unit: 'pp', detail: `${year} shares add up to ${round(shareSum)} %` }, parts.length * shareHalf);
    for (const r of parts) {
      const computed = percentOf(r.exportsKt, total.exportsKt);
      compare(out, { check: 'share = volume ÷ total', table: t4, row: `${r.name} ${year}`, expected: computed, found: r.sharePct, unit: 'pp', detail: `${r.exportsKt} ÷ ${total.exportsKt} = ${round(computed)} %, table says ${r.sharePct} %` }, shareHalf + 0.01);
    }
  }
}

function checkClasses(ds: Dataset, out: Finding[]): void {
  const ref = sourceOf(ds, 'efficiency-classes');
  const t1 = sourceOf(ds, 'efficiency-by-province');
  const t2 = sourceOf(ds, 'production-by-province');
  const national = totalOf(ds.production).capacityMt;
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
  const shareTolerance = provinces.reduce((s, r) => s + 0.005 * r.capacityMt, 0);
  const classSum = ds.classes.filter((c) => c.class !== 'idle').reduce((s, c) => s + c.capacityMt, 0);
  compare(out, { check: 'classes add up to national capacity', table: `${ref} vs ${t2}`, row: 'all classes', expected: national, found: classSum, unit: 'Mt', detail: `class capacities add up to ${round(classSum)} Mt, ${t2} Total ${national} Mt` }, halfUnit(national) + ds.classes.reduce((s, c) => s + halfUnit(c.capacityMt), 0));
  for (const c of ds.classes) {
    compare(out, { check: 'class capacity agrees with Table 1 shares', table: `${ref} vs ${t1}`, row: c.class, expected: fromTable1[c.class], found: c.capacityMt, unit: 'Mt', detail: `Σ provincial share × capacity = ${round(fromTable1[c.class])} Mt, text says ${c.capacityMt} Mt` }, shareTolerance + halfUnit(c.capacityMt));
    if (c.sharePct !== null) {
      const computed = percentOf(c.capacityMt, national);
      compare(out, { check: 'class share = capacity ÷ national', table: ref, row: c.class, expected: computed, found: c.sharePct, unit: 'pp', detail: `${c.capacityMt} ÷ ${national} = ${round(computed)} %, text says ${c.sharePct} %` }, halfUnit(c.sharePct) + 0.05);
      compare(out, { check: 'class share agrees with Table 1 Total', table: `${ref} vs ${t1}`, row: c.class, expected: t1share[c.class], found: c.sharePct, unit: 'pp', detail: `${t1} Total ${t1share[c.class]} %, text says ${c.sharePct} %` }, halfUnit(c.sharePct) + (c.class === 'low_and_idle' ? 1 : 0.5));
    }
  }
}

/** The table value a text figure speaks of, when the tables hold one. */
export function tableValueFor(ds: Dataset, subject: string, metric: string): { value: number; ref: string } | undefined {
  const t2 = sourceOf(ds, 'production-by-province');
  const t3 = sourceOf(ds, 'balance-by-province');
  const t4 = sourceOf(ds, 'exports-by-country');
  const ref33 = sourceOf(ds, 'efficiency-classes');
  const years = exportYears(ds);
  const latest = years.at(-1);
  const exportsTotal = (year: number) => totalOf(ds.exports.filter((r) => r.year === year)).exportsKt;
  if (subject === 'National') {
    const p = totalOf(ds.production);
    const cls = (c: string) => ds.classes.find((r) => r.class === c);
    const yearMatch = /^exports_(\d{4})_mt$/.exec(metric);
    switch (metric) {
      case 'capacity_mt': return { value: p.capacityMt, ref: t2 };
      case 'output_mt': return { value: p.outputMt, ref: t2 };
      case 'utilization_pct': return { value: p.utilizationPct, ref: t2 };
      case 'exports_mt': return latest === undefined ? undefined : { value: exportsTotal(latest) / 1000, ref: t4 };
      case 'exports_yoy_pct': {
        const [prev, cur] = years.slice(-2);
        return prev === undefined || cur === undefined ? undefined : { value: percentOf(exportsTotal(cur) - exportsTotal(prev), exportsTotal(prev)), ref: `${t4} (derived)` };
      }
      case 'high_enterprise_share_pct': {
        const all = ds.classes.filter((c) => c.class !== 'idle').reduce((s, c) => s + c.enterprises, 0);
        const high = cls('high');
        return high ? { value: percentOf(high.enterprises, all), ref: `${ref33} (derived: ${high.enterprises} of ${all} enterprises)` } : undefined;
      }
      case 'high_medium_share_pct': {
        const high = cls('high');
        const medium = cls('medium');
        return high && medium ? { value: percentOf(high.capacityMt + medium.capacityMt, p.capacityMt), ref: `${ref33} (derived)` } : undefined;
      }
      case 'idle_avg_capacity_mt': {
        const idle = cls('idle');
        return idle && idle.enterprises > 0 ? { value: idle.capacityMt / idle.enterprises, ref: `${ref33} (derived)` } : undefined;
      }
    }
    if (yearMatch && years.includes(Number(yearMatch[1]))) return { value: exportsTotal(Number(yearMatch[1])) / 1000, ref: t4 };
    return undefined;
  }
  const production = rowOf(ds.production, subject);
  const balance = rowOf(ds.balance, subject);
  const exportRow = latest === undefined ? undefined : ds.exports.find((r) => r.name === subject && r.year === latest);
  switch (metric) {
    case 'capacity_mt': return production && { value: production.capacityMt, ref: t2 };
    case 'output_mt': return production && { value: production.outputMt, ref: t2 };
    case 'utilization_pct': return production && { value: production.utilizationPct, ref: t2 };
    case 'demand_mt': return balance && { value: balance.demandMt, ref: t3 };
    case 'exports_mt': return balance && { value: balance.exportsMt, ref: t3 };
    case 'balance_mt': return balance && { value: balance.balanceMt, ref: t3 };
    case 'domestic_balance_mt': return balance && { value: balance.outputMt - balance.demandMt, ref: `${t3} (derived: output − demand)` };
    case 'exports_kt': return exportRow && { value: exportRow.exportsKt, ref: t4 };
    case 'share_pct': return exportRow && { value: exportRow.sharePct, ref: t4 };
    default: return undefined;
  }
}

function checkText(ds: Dataset, out: Finding[]): void {
  for (const t of ds.textFigures) {
    const table = tableValueFor(ds, t.subject, t.metric);
    if (!table) continue;
    const where = { check: `text agrees with tables (${t.qualifier})`, table: `${t.source} vs ${table.ref}`, row: `${t.subject} ${t.metric}`, unit: t.unit };
    const detail = `"${t.quote}" — tables give ${round(table.value)} ${t.unit}`;
    if (t.qualifier === 'over' || t.qualifier === 'under') {
      const holds = t.qualifier === 'over' ? table.value > t.value : table.value < t.value;
      if (!holds) out.push({ ...where, expected: t.value, found: table.value, difference: table.value - t.value, severity: 'inconsistency', detail });
      continue;
    }
    compare(out, { ...where, expected: t.value, found: table.value, detail }, Math.max(halfUnit(t.value), halfUnit(table.value)));
  }
}

/** Every cross-check of the paper's figures. Pure; runs at load and in `npm run data:check`. */
export function crossCheck(ds: Dataset): Finding[] {
  const out: Finding[] = [];
  checkTables(ds, out);
  checkClasses(ds, out);
  checkText(ds, out);
  return out;
}

export function summarizeFindings(findings: readonly Finding[]): { inconsistencies: number; rounding: number } {
  const inconsistencies = findings.filter((f) => f.severity === 'inconsistency').length;
  return { inconsistencies, rounding: findings.length - inconsistencies };
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}


const cache = new WeakMap<Dataset, Finding[]>();

/** The findings of a dataset, computed once: replies mention the ones that concern them. */
export function findingsFor(ds: Dataset): Finding[] {
  let found = cache.get(ds);
  if (!found) {
    found = crossCheck(ds);
    cache.set(ds, found);
  }
  return found;
}

/** Inconsistencies (beyond rounding) whose row concerns a subject, as notes for a reply. */
export function inconsistencyNotes(ds: Dataset, subject: string): string[] {
  return findingsFor(ds)
    .filter((f) => f.severity === 'inconsistency' && (f.row === subject || f.row.startsWith(`${subject} `)))
    .map((f) => `⚠ The paper disagrees with itself (${f.table}): ${f.detail}`);
}
