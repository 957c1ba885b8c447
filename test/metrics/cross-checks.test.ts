import { describe, expect, it } from 'vitest';
import { loadEdition, loadNames } from '../../src/dataset/load.js';
import type { Dataset } from '../../src/dataset/types.js';
import { crossCheck, summarizeFindings } from '../../src/metrics/cross-checks.js';
import { PAPER_YEAR } from '../support/core.js';

const ds = loadEdition('data', PAPER_YEAR, loadNames('data'));

describe('cross-checks of the paper', () => {
  const findings = crossCheck(ds);

  it('finds the two real inconsistencies of the paper, and no others', () => {
    const real = findings.filter((f) => f.severity === 'inconsistency');
    expect(real.map((f) => f.row)).toEqual(['National high_enterprise_share_pct', 'Qinghai utilization_pct']);
    expect(real[0]!.found).toBeCloseTo((39 / 111) * 100, 6);
    expect(real[1]!.found).toBe(68.96);
  });

  it('lists the soft tensions as notes, not as errors', () => {
    const notes = findings.filter((f) => f.severity === 'note');
    expect(notes.map((f) => f.subject)).toEqual(['Yunnan', 'Malaysia + Indonesia', 'United Arab Emirates + Oman + Bahrain', 'Ningxia']);
    const sea = notes.find((f) => f.subject === 'Malaysia + Indonesia')!;
    expect(sea.expected).toBeCloseTo(34.977, 2);
    expect(sea.found).toBeCloseTo(34.269, 2);
    expect(sea.unit).toBe('pp');
    expect(notes.find((f) => f.subject === 'Yunnan')!.found).toBeCloseTo((1.69 / 2.46) * 100, 6);
  });

  it('checks Table 3’s export total against Table 4, prose demand against aluminium × 450 kg/t, one-third and one-quarter', () => {
    const total = findings.find((f) => f.check === 'export total agrees across tables')!;
    expect([total.severity, total.found]).toEqual(['rounding', 2.17]);
    expect(total.expected).toBeCloseTo(2.1658, 9);
    const demand = findings.filter((f) => f.check === 'prose demand = aluminium output × anode factor');
    expect(demand.map((f) => [f.subject, f.severity])).toEqual([
      ['Shandong', 'rounding'],
      ['Yunnan', 'rounding'],
    ]);
    expect(findings.find((f) => f.row === 'National low_idle_enterprise_share_pct' && f.check.includes('approx'))?.severity).toBe('rounding');
    // "over one-third" and "less than one-quarter" hold: no finding at all.
    expect(findings.some((f) => f.row === 'National low_idle_capacity_share_pct')).toBe(false);
  });

  it('reports rounding gaps in points, with table, row and size, and corrects nothing', () => {
    const henan = findings.find((f) => f.table === 'Table 1' && f.row === 'Henan');
    expect(henan).toMatchObject({ severity: 'rounding', expected: 100, found: 99, difference: -1, unit: 'pp' });
    const t2total = findings.find((f) => f.table === 'Table 2' && f.row === 'Total' && f.detail.startsWith('output'));
    expect(t2total?.difference).toBeCloseTo(-0.02, 10);
    expect(ds.efficiency.find((r) => r.name === 'Henan')?.shutdownPct).toBe(24);
    expect(summarizeFindings(findings)).toMatchObject({ inconsistencies: 2, notes: 4 });
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
  });
});
