import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/dataset/load.js';
import { regionalBalance, provincesInBalanceOthers } from '../../src/metrics/balance.js';
import { efficiencyStructure } from '../../src/metrics/efficiency.js';
import { countryExports, exportRanking, exportTotals } from '../../src/metrics/exports.js';
import { nationalOverview } from '../../src/metrics/national.js';
import { provinceProfile } from '../../src/metrics/provinces.js';
import { rankProvinces } from '../../src/metrics/rank.js';

const ds = loadDataset('data');

describe('province profile', () => {
  it('gives Yunnan as the paper does (Tables 1–3, Section 3.4)', () => {
    const p = provinceProfile(ds, 'Yunnan');
    expect(p.capacity).toEqual({ value: 1.7, unit: 'Mt', source: { ref: 'Table 2' } });
    expect(p.output?.value).toBe(1.69);
    expect(p.utilization?.value).toBe(99.24);
    expect(p.mix?.high.value).toBe(100);
    expect(p.balance?.demand.value).toBe(2.46);
    expect(p.balance?.netBalance).toEqual({ value: -0.775, unit: 'Mt', source: { ref: 'Table 3' } });
    expect(p.balance?.domesticBalance.source.derived).toBe('output − in-province demand');
    expect(p.balance?.domesticBalance.value).toBeCloseTo(-0.77, 10);
    expect(p.ranks.utilization).toEqual({ rank: 1, of: 11 });
    expect(p.ranks.capacity).toEqual({ rank: 5, of: 11 });
    expect(p.aluminium?.value).toBe(5.47);
    expect(p.impliedDemand?.value).toBeCloseTo(2.4615, 6);
    expect(p.impliedDemand?.source.derived).toMatch(/450 kg\/t/);
  });

  it('shares of national totals are derived from Table 2', () => {
    const p = provinceProfile(ds, 'Shandong');
    expect(p.capacityShare?.value).toBeCloseTo((9.15 / 30.37) * 100, 10);
    expect(p.capacityShare?.source.derived).toBeDefined();
    expect(p.ranks.capacity).toEqual({ rank: 1, of: 11 });
  });

  it('says Liaoning and Ningxia have no balance of their own (inside Table 3 "Others")', () => {
    expect(provincesInBalanceOthers(ds)).toEqual(['Liaoning', 'Ningxia']);
    const p = provinceProfile(ds, 'Liaoning');
    expect(p.balance).toBeUndefined();
    expect(p.inBalanceOthers).toBe(true);
    expect(p.capacity?.value).toBe(1.04);
  });
});

describe('national figures', () => {
  it('overview matches Table 2 Total and the abstract', () => {
    const o = nationalOverview(ds);
    expect(o.capacity.value).toBe(30.37);
    expect(o.output.value).toBe(23.1);
    expect(o.utilization.value).toBe(76.08);
    expect(o.capacityText?.value).toBe(30.366);
    expect(o.largest.name).toBe('Shandong');
    expect(o.provinces).toBe(11);
  });

  it('efficiency structure matches Section 3.3', () => {
    const s = efficiencyStructure(ds);
    expect(s.high.capacity.value).toBe(13.35);
    expect(s.high.enterprises.value).toBe(39);
    expect(s.medium.capacity.value).toBe(9.491);
    expect(s.lowAndIdle.share.value).toBe(24.8);
    expect(s.idle?.capacity.value).toBe(2.41);
    expect(s.enterprises.value).toBe(111);
    expect(s.thresholds).toMatchObject({ highAbovePct: 90, lowBelowPct: 62 });
  });
});

describe('regional balance', () => {
  it('orders surpluses and deficits by size, in both views', () => {
    const r = regionalBalance(ds);
    expect(r.surplus.map((e) => e.name)).toEqual(['Shandong', 'Henan']);
    expect(r.deficit.map((e) => e.name)).toEqual(['Inner Mongolia', 'Yunnan', 'Qinghai', 'Guizhou', 'Gansu', 'Guangxi', 'Xinjiang']);
    const shandong = r.surplus[0]!;
    expect(shandong.domesticBalance.value).toBeCloseTo(4.2, 10);
    expect(shandong.netBalance.value).toBe(2.56);
    expect(r.total.netBalance.value).toBe(1.38);
    expect(r.inOthers).toEqual(['Liaoning', 'Ningxia']);
  });
});

describe('exports', () => {
  it('ranks 2024 destinations with shares and year-over-year change', () => {
    const r = exportRanking(ds, 2024, 3);
    expect(r.entries.map((e) => [e.name, e.volume.value, e.share.value])).toEqual([
      ['Malaysia', 549.9, 25],
      ['Canada', 266.1, 12],
      ['Norway', 242.7, 11],
    ]);
    expect(r.previousYear).toBe(2023);
    expect(r.countries).toBe(10);
    expect(r.entries[2]!.change?.deltaKt.value).toBeCloseTo(21.3, 10);
    expect(r.total.volume.value).toBe(2165.8);
  });

  it('ranks 2023 separately, with no earlier year to compare', () => {
    const r = exportRanking(ds, 2023, 25);
    expect(r.entries[0]!.name).toBe('Malaysia');
    expect(r.entries[1]!.name).toBe('Canada');
    expect(r.previousYear).toBeNull();
    expect(r.entries.every((e) => e.change === undefined)).toBe(true);
  });

  it('gives totals with the derived 19.3 % growth', () => {
    const totals = exportTotals(ds);
    expect(totals.map((t) => t.total.value)).toEqual([1815.2, 2165.8]);
    expect(totals[1]!.change?.value).toBeCloseTo(19.315, 2);
  });

  it('follows one country across years; a country new in 2024 has no percentage change', () => {
    const oman = countryExports(ds, 'Oman');
    expect(oman.years.map((y) => y.volume.value)).toEqual([0, 66.3]);
    expect(oman.change?.deltaPct).toBeNull();
    expect(countryExports(ds, 'Indonesia').change?.deltaPct?.value).toBeCloseTo(99.27, 1);
  });
});

describe('ranking', () => {
  it('ranks by every metric, highest first', () => {
    expect(rankProvinces(ds, 'capacity').entries[0]!.name).toBe('Shandong');
    expect(rankProvinces(ds, 'utilization').entries.map((e) => e.name).slice(0, 2)).toEqual(['Yunnan', 'Ningxia']);
    expect(rankProvinces(ds, 'demand').entries[0]!.name).toBe('Shandong');
    expect(rankProvinces(ds, 'balance').entries.at(-1)!.name).toBe('Inner Mongolia');
    expect(rankProvinces(ds, 'high-share').entries[0]!.name).toBe('Yunnan');
    expect(rankProvinces(ds, 'shutdown-share').entries[0]!.name).toBe('Henan');
    expect(rankProvinces(ds, 'demand').missing).toEqual(['Liaoning', 'Ningxia']);
    expect(rankProvinces(ds, 'capacity').missing).toEqual([]);
  });
});
