import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/types.js';
import { crossCheck } from '../../src/metrics/cross-checks.js';

const ds = loadDataset('data');

describe('cross-checks of the paper', () => {
  const findings = crossCheck(ds);

  it('finds the two real inconsistencies of the paper, and no others', () => {
    const real = findings.filter((f) => f.severity === 'inconsistency');
    expect(real.map((f) => f.row)).toEqual(['National high_enterprise_share_pct', 'Qinghai utilization_pct']);
    expect(real[0]!.found).toBeCloseTo((39 / 111) * 100, 6);
    expect(real[1]!.found).toBe(68.96);
  });

  it('reports rounding gaps with table, row and size, and does not correct them', () => {
    const henan = findings.find((f) => f.table === 'Table 1' && f.row === 'Henan');
    expect(henan).toMatchObject({ severity: 'rounding', expected: 100, found: 99, difference: -1, unit: 'pp' });
    const t2total = findings.find((f) => f.table === 'Table 2' && f.row === 'Total' && f.detail.startsWith('output'));
    expect(t2total?.difference).toBeCloseTo(-0.02, 10);
    expect(ds.efficiency.find((r) => r.name === 'Henan')?.shutdownPct).toBe(24);
  });

  it('checks Table 3 "Others" against Table 2 Others + Liaoning + Ningxia', () => {
    expect(findings.some((f) => f.check === 'Others output agrees across tables')).toBe(false);
  });

  it('flags a figure that is off by more than rounding', () => {
    const broken: Dataset = {
      ...ds,
      balance: ds.balance.map((r) => (r.name === 'Yunnan' ? { ...r, balanceMt: -0.9 } : r)),
      production: ds.production.map((r) => (r.name === 'Gansu' ? { ...r, utilizationPct: 70 } : r)),
    };
    const real = crossCheck(broken).filter((f) => f.severity === 'inconsistency');
    expect(real.some((f) => f.table === 'Table 3' && f.row === 'Yunnan' && f.check.startsWith('balance'))).toBe(true);
    expect(real.some((f) => f.table === 'Table 2' && f.row === 'Gansu' && Math.abs(f.difference + 7.108) < 0.01)).toBe(true);
    // The text's "supply gap of approximately 0.77 Mt" no longer agrees either.
    expect(real.some((f) => f.row === 'Yunnan balance_mt')).toBe(true);
  });
});
