import { describe, expect, it } from 'vitest';
import { loadEdition, loadNames } from '../../src/dataset/load.js';
import { provincesInBalanceOthers, regionalBalance } from '../../src/metrics/balance.js';
import { efficiencyStructure } from '../../src/metrics/efficiency.js';
import { countryExports, exportRanking, exportTotals } from '../../src/metrics/exports.js';
import { nationalOverview } from '../../src/metrics/national.js';
import { provinceProfile } from '../../src/metrics/provinces.js';
import { rankProvinces } from '../../src/metrics/rank.js';
import { printedOr, statedValue } from '../../src/metrics/text-figures.js';
import { derived } from '../../src/metrics/figure.js';
import { paperTable, toCsv } from '../../src/metrics/paper-tables.js';
import { PAPER_YEAR } from '../support/core.js';

const ds = loadEdition('data', PAPER_YEAR, loadNames('data'));

describe('province profile', () => {
  it('gives Yunnan as the paper does (Tables 1–3, Section 3.4)', () => {
    const p = provinceProfile(ds, 'Yunnan');
    expect(p.capacity).toEqual({ value: 1.7, unit: 'Mt', decimals: 2, source: { ref: 'Table 2' } });
    expect(p.utilization?.value).toBe(99.24);
    expect(p.mix?.high.value).toBe(100);
    expect(p.balance?.demand.value).toBe(2.46);
    expect(p.balance?.netBalance).toEqual({ value: -0.775, unit: 'Mt', decimals: 3, source: { ref: 'Table 3' } });
    expect(p.ranks.utilization).toEqual({ rank: 1, of: 11, tied: false });
    expect(p.ranks.capacity).toEqual({ rank: 5, of: 11, tied: false });
    expect(p.aluminium?.value).toBe(5.47);
  });

  it('a figure the prose prints is cited to its section, with the computation beside it', () => {
    const p = provinceProfile(ds, 'Yunnan');
    // Section 3.4 prints 2.462 Mt: 5.47 Mt × 450 kg/t = 2.4615 Mt.
    expect(p.impliedDemand).toMatchObject({ value: 2.462, decimals: 3, source: { ref: 'Section 3.4', check: { agrees: true } } });
    expect(p.impliedDemand?.source.check?.value).toBeCloseTo(2.4615, 9);
    expect(p.impliedDemand?.source.derived).toBeUndefined();
    // Section 5.2 prints "approximately 0.77 Mt": not a † figure.
    expect(p.balance?.domesticBalance).toMatchObject({ value: -0.77, qualifier: 'approx', source: { ref: 'Section 5.2', check: { agrees: true } } });
    // Henan's output − demand is printed nowhere: derived.
    expect(provinceProfile(ds, 'Henan').balance?.domesticBalance.source.derived).toBe('output − in-province demand');
  });

  it('printedOr keeps a computation derived when the prose only bounds it ("over 4 Mt")', () => {
    expect(statedValue(ds, 'Shandong', 'domestic_balance_mt')?.value).toBe(4.2);
    const computed = derived(1, 'Mt', 'Table 3', 'x');
    expect(printedOr(ds, 'Henan', 'demand_mt', computed)).toEqual({ ...computed, about: { subject: 'Henan', metric: 'demand_mt' } });
  });

  it('says Liaoning and Ningxia have no balance of their own (inside Table 3 "Others")', () => {
    expect(provincesInBalanceOthers(ds)).toEqual(['Liaoning', 'Ningxia']);
    const p = provinceProfile(ds, 'Liaoning');
    expect(p.balance).toBeUndefined();
    expect(p.inBalanceOthers).toBe(true);
  });
});

describe('national, efficiency, balance, exports', () => {
  it('national overview: Table 2 totals and the abstract’s unrounded ones', () => {
    const o = nationalOverview(ds);
    expect([o.capacity.value, o.output.value, o.utilization.value]).toEqual([30.37, 23.1, 76.08]);
    expect(o.capacityText?.value).toBe(30.366);
    expect(o.largest.name).toBe('Shandong');
  });

  it('efficiency classes from Section 3.3', () => {
    const s = efficiencyStructure(ds);
    expect([s.high.capacity.value, s.medium.capacity.value, s.lowAndIdle.capacity.value]).toEqual([13.35, 9.491, 7.53]);
    expect(s.enterprises.value).toBe(111);
    expect(s.idle?.enterprises.value).toBe(19);
  });

  it('regional balance: surplus and deficit provinces by net balance, the deficit sum derived', () => {
    const r = regionalBalance(ds);
    expect(r.surplus.map((e) => e.name)).toEqual(['Shandong', 'Henan']);
    expect(r.deficit[0]?.name).toBe('Inner Mongolia');
    expect(r.deficitSum.value).toBeCloseTo(-2.732, 9);
    expect(r.deficitSum.source.derived).toBeDefined();
  });

  it('exports: shares as printed, changes derived, the national change printed in Section 4.1', () => {
    const r = exportRanking(ds, 2024, 3);
    expect(r.entries.map((e) => e.name)).toEqual(['Malaysia', 'Canada', 'Norway']);
    expect(r.total.change?.pct).toMatchObject({ value: 19.3, source: { ref: 'Section 4.1', check: { agrees: true } } });
    const totals = exportTotals(ds);
    expect(totals.map((t) => t.total.value)).toEqual([1815.2, 2165.8]);
  });

  it('a change on a tiny base is not given as a percentage (South Korea 0.6 → 53.4 kt), nor one from zero', () => {
    expect(countryExports(ds, 'South Korea').change).toMatchObject({ basis: 'tiny-base', pct: null });
    expect(countryExports(ds, 'Oman').change).toMatchObject({ basis: 'new', pct: null });
    expect(countryExports(ds, 'Malaysia').change?.basis).toBe('normal');
  });
});

describe('rankings', () => {
  it('equal values share a rank and are ordered by name', () => {
    const r = rankProvinces(ds, 'exports');
    expect(r.entries.slice(0, 2).map((e) => [e.name, e.rank])).toEqual([
      ['Shandong', 1],
      ['Henan', 2],
    ]);
    const zeros = r.entries.filter((e) => e.figure.value === 0);
    expect(zeros.map((e) => e.rank)).toEqual(Array(7).fill(3));
    expect(zeros.map((e) => e.name)).toEqual([...zeros.map((e) => e.name)].sort());
  });
});

describe('the paper’s tables as printed', () => {
  it('Table 3 holds every row with values as printed, and its CSV has a header row', () => {
    const t = paperTable(ds, 3)!;
    expect(t.rows.map((r) => r.name)).toEqual(ds.balance.map((r) => r.name));
    expect(t.rows.find((r) => r.name === 'Xinjiang')!.cells).toEqual(['2.77', '2.80', '0.00', '-0.026']);
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
    expect(paperTable(ds, 5)).toBeUndefined();
  });
});
