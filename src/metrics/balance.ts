import type { BalanceRow, Dataset } from '../dataset/types.js';
import { derived, reported, type Figure } from './figure.js';
import { rowOf, rowsOfKind, sourceOf, totalOf } from './tables.js';

/** One row of the regional supply–demand picture, in the two views the paper uses. */
export interface BalanceEntry {
  name: string;
  kind: 'province' | 'others' | 'total';
  output: Figure;
  demand: Figure;
  exports: Figure;
  /** Output − in-province demand: the view of Section 5.2 ("exceeded in-province demand by about 4.2 Mt"). */
  domesticBalance: Figure;
  /** Output − demand − exports, as Table 3 reports it. */
  netBalance: Figure;
}

export function balanceEntry(ds: Dataset, row: BalanceRow): BalanceEntry {
  const t3 = sourceOf(ds, 'balance-by-province');
  return {
    name: row.name,
    kind: row.kind === 'country' ? 'others' : row.kind,
    output: reported(row.outputMt, 'Mt', t3),
    demand: reported(row.demandMt, 'Mt', t3),
    exports: reported(row.exportsMt, 'Mt', t3),
    domesticBalance: derived(row.outputMt - row.demandMt, 'Mt', t3, 'output − in-province demand'),
    netBalance: reported(row.balanceMt, 'Mt', t3),
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
  /** Provinces whose balance the paper does not give separately. */
  inOthers: string[];
}

/** Surplus and deficit provinces, largest first by the net balance (Table 3). */
export function regionalBalance(ds: Dataset): RegionalBalance {
  const entries = rowsOfKind(ds.balance, 'province').map((r) => balanceEntry(ds, r));
  const byNet = (a: BalanceEntry, b: BalanceEntry) => Math.abs(b.netBalance.value) - Math.abs(a.netBalance.value);
  const others = rowsOfKind(ds.balance, 'others')[0];
  return {
    surplus: entries.filter((e) => e.netBalance.value > 0).sort(byNet),
    deficit: entries.filter((e) => e.netBalance.value <= 0).sort(byNet),
    others: others ? balanceEntry(ds, others) : undefined,
    total: balanceEntry(ds, totalOf(ds.balance)),
    inOthers: provincesInBalanceOthers(ds),
  };
}
