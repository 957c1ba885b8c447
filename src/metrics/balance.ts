import type { BalanceRow, Dataset } from '../dataset/types.js';
import { cell, derived, type Figure } from './figure.js';
import { rowOf, rowsOfKind, sourceOf, totalOf } from './tables.js';
import { printedOr } from './text-figures.js';

/** One row of the regional supply–demand picture, in the two views the paper uses. */
export interface BalanceEntry {
  name: string;
  kind: 'province' | 'others' | 'total';
  output: Figure;
  demand: Figure;
  exports: Figure;
  /** Output − in-province demand: the view of Section 5.2 ("exceeded in-province demand by about 4.2 Mt"). */
  domesticBalance: Figure;
  /** Output − demand − exports, as Table 3 prints it. */
  netBalance: Figure;
}

export function balanceEntry(ds: Dataset, row: BalanceRow): BalanceEntry {
  const t3 = sourceOf(ds, 'balance-by-province');
  const decimals = Math.max(row.dp.outputMt, row.dp.demandMt);
  const computed = derived(row.outputMt - row.demandMt, 'Mt', t3, 'output − in-province demand', decimals);
  return {
    name: row.name,
    kind: row.kind === 'country' ? 'others' : row.kind,
    output: cell(row, 'outputMt', 'Mt', t3),
    demand: cell(row, 'demandMt', 'Mt', t3),
    exports: cell(row, 'exportsMt', 'Mt', t3),
    domesticBalance: printedOr(ds, row.name, 'domestic_balance_mt', computed),
    netBalance: cell(row, 'balanceMt', 'Mt', t3),
  };
}

/**
 * Provinces that Table 2 lists on their own but Table 3 folds into its "Others" row. Derived from the
 * tables rather than written down, so a new edition with other rows needs no code change.
 */
export function provincesInBalanceOthers(ds: Dataset): string[] {
  return rowsOfKind(ds.production, 'province')
    .filter((r) => !rowOf(ds.balance, r.name))
    .map((r) => r.name);
}

export interface RegionalBalance {
  surplus: BalanceEntry[];
  deficit: BalanceEntry[];
  others: BalanceEntry | undefined;
  total: BalanceEntry;
  /** Sum of the deficit provinces' net balances: computed, never printed. */
  deficitSum: Figure;
  /** Provinces whose balance the paper does not give separately. */
  inOthers: string[];
}

/** Surplus and deficit provinces, largest first by the net balance (Table 3). */
export function regionalBalance(ds: Dataset): RegionalBalance {
  const t3 = sourceOf(ds, 'balance-by-province');
  const entries = rowsOfKind(ds.balance, 'province').map((r) => balanceEntry(ds, r));
  const byNet = (a: BalanceEntry, b: BalanceEntry) => Math.abs(b.netBalance.value) - Math.abs(a.netBalance.value) || a.name.localeCompare(b.name);
  const others = rowsOfKind(ds.balance, 'others')[0];
  const deficit = entries.filter((e) => e.netBalance.value < 0).sort(byNet);
  const decimals = Math.max(0, ...deficit.map((e) => e.netBalance.decimals));
  return {
    surplus: entries.filter((e) => e.netBalance.value >= 0).sort(byNet),
    deficit,
    others: others ? balanceEntry(ds, others) : undefined,
    total: balanceEntry(ds, totalOf(ds.balance)),
    deficitSum: derived(
      deficit.reduce((s, e) => s + e.netBalance.value, 0),
      'Mt',
      t3,
      "sum of the deficit provinces' net balances",
      decimals,
    ),
    inOthers: provincesInBalanceOthers(ds),
  };
}
