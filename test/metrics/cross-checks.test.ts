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

  it('lists the soft tensions as notes, not as errors: only where the tables set themselves against the prose', () => {
    const notes = findings.filter((f) => f.severity === 'note');
    expect(notes.map((f) => f.subject)).toEqual(['Yunnan']);
    // One decimal: the inputs carry three significant figures.
    expect(notes[0]!.found).toBe(68.7);
    expect(notes[0]!.detail).toContain("by the bot's arithmetic, 68.7 % † of that demand is met in-province");
  });

  it('Section 5.3 is one claim about the Middle East and Southeast Asia together, and Table 4 bears it out (42.2 % → 50.9 %)', () => {
    const claim = ds.claims.find((c) => c.check === 'export_share_change')!;
    expect(claim.subjects).toEqual(['Malaysia', 'Indonesia', 'United Arab Emirates', 'Oman', 'Bahrain']);
    expect(findings.some((f) => f.check.includes('export share change'))).toBe(false);
    // Were the group's share to fall, it would be a note, with both shares computed and marked.
    const fell: Dataset = { ...ds, exports: ds.exports.map((r) => (r.name === 'Malaysia' && r.year === 2024 ? { ...r, exportsKt: 100 } : r)) };
    const note = crossCheck(fell).find((f) => f.check.includes('export share change'))!;
    expect(note.detail).toMatch(/took 42\.2 % † of exports in 2023 and \d+\.\d % † in 2024/);
  });

  it('Ningxia: an average of 91.32 % with 27 % high and 73 % medium is within what its classes allow (92.7 %): no note', () => {
    expect(findings.some((f) => f.subject === 'Ningxia' && f.severity !== 'rounding')).toBe(false);
    const impossible: Dataset = { ...ds, production: ds.production.map((r) => (r.name === 'Ningxia' ? { ...r, utilizationPct: 95 } : r)) };
    expect(crossCheck(impossible).find((f) => f.subject === 'Ningxia' && f.check.startsWith('claim'))?.detail).toContain(
      'above the 92.7 % † its efficiency classes allow at most',
    );
  });

  it('a computed table value is worded as computed, with its subject named (Qinghai) and one source when prose and count share one', () => {
    const [enterprises, qinghai] = findings.filter((f) => f.severity === 'inconsistency');
    expect(enterprises!.table).toBe('Section 3.3');
    expect(enterprises!.detail).toContain('computed from Section 3.3 (39 of 111 enterprises): 35.1 % †');
    expect(qinghai!.detail).toContain('Table 2 gives Qinghai 68.96 %');
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
    expect(summarizeFindings(findings)).toMatchObject({ inconsistencies: 2, notes: 1 });
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
