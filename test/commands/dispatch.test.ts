import { describe, expect, it } from 'vitest';
import { formatKt, formatMt, formatPct } from '../../src/format/numbers.js';
import { ask, askText, core, EVERY_COMMAND } from '../support/core.js';

describe('every command answers through text dispatch', () => {
  it.each(EVERY_COMMAND)('%s', async (line) => {
    const reply = await ask(line);
    expect(reply.tone).toBe('info');
    expect(reply.title.length).toBeGreaterThan(0);
  });

  it('/province Yunnan gives its figures with sources and marks derived ones', async () => {
    const reply = await ask('/province Yunnan');
    const byLabel = Object.fromEntries((reply.fields ?? []).map((f) => [f.label, f]));
    expect(byLabel['Capacity']).toEqual({ label: 'Capacity', value: '1.70 Mt', source: 'Table 2' });
    expect(byLabel['Utilization']?.value).toBe('99.24 %');
    expect(byLabel['Net balance after exports']).toMatchObject({ value: '−0.775 Mt', source: 'Table 3' });
    expect(byLabel['Output − demand']?.value).toBe('−0.77 Mt †');
    expect(byLabel['Output − demand']?.source).toMatch(/^derived from Table 3/);
    expect(reply.sources?.some((s) => s.startsWith('Table 2: 2024 anode production capacity'))).toBe(true);
    expect(reply.charts?.map((c) => c.title)).toEqual(['Yunnan: capacity by efficiency class, 2024 (%)', 'Yunnan: supply vs demand, 2024 (Mt)']);
  });

  it('accepts Chinese names, aliases and any case', async () => {
    expect((await ask('/province 内蒙古')).title).toContain('Inner Mongolia');
    expect((await ask('/PROVINCE imar')).title).toContain('Inner Mongolia');
    expect((await ask('/province "Nei Mongol"')).title).toContain('Inner Mongolia');
    expect((await ask('province yunnan')).title).toContain('Yunnan');
  });

  it('/exports reads top N and year in either order, and subcommands', async () => {
    const a = await ask('/exports top 3 2023');
    expect(a.title).toBe('Anode exports 2023: top 3 destinations');
    expect(a.table?.rows).toHaveLength(4); // three countries + Others
    expect((await ask('/exports 2023')).title).toBe('Anode exports 2023: top 5 destinations');
    expect((await ask('/exports')).title).toBe('Anode exports 2024: top 5 destinations');
    expect((await ask('/exports country 阿联酋')).title).toBe('Anode exports to United Arab Emirates');
  });

  it('/compare splits multi-word names without quotes, or by commas', async () => {
    expect((await ask('/compare Inner Mongolia Yunnan')).title).toBe('Inner Mongolia vs Yunnan · 2024');
    expect((await ask('/compare Henan, Inner Mongolia, 云南')).title).toBe('Henan vs Inner Mongolia vs Yunnan · 2024');
  });

  it('/rank takes every metric', async () => {
    for (const metric of ['capacity', 'output', 'utilization', 'demand', 'balance', 'domestic-balance', 'exports', 'high-share', 'shutdown-share']) {
      const reply = await ask(`/rank ${metric} top 3`);
      expect(reply.tone, metric).toBe('info');
      expect(reply.table?.rows.filter((r) => /^\d+\. /.test(r[0]!)), metric).toHaveLength(3);
    }
  });

  it('/anode is an umbrella for every command', async () => {
    expect((await ask('/anode province Yunnan')).title).toContain('Yunnan');
    expect((await ask('/anode')).title).toBe('anode-bot commands');
  });

  it('/mismatch says which provinces the paper folds into Others', async () => {
    const text = await askText('/mismatch');
    expect(text).toContain('Table 3 has no separate rows for Liaoning and Ningxia');
    expect(text).toMatch(/Shandong\s+\+4\.20\s+\+2\.56/);
  });
});

describe('bad input gets a helpful reply, never an exception', () => {
  const cases: [string, RegExp][] = [
    ['/province Yunan', /Did you mean Yunnan/],
    ['/province', /name is required/],
    ['/province Others', /aggregate/],
    ['/province China', /\/overview/],
    ['/province Atlantis', /No province called "Atlantis"/],
    ['/exports top 0', /from 1 to 25/],
    ['/exports top 99', /from 1 to 25/],
    ['/exports 1999', /gives exports for 2023 and 2024/],
    ['/exports top five', /did not understand "five"/],
    ['/exports country Atlantis', /No country called/],
    ['/exports country', /name is required/],
    ['/rank', /metric is required/],
    ['/rank size', /expected one of: capacity/],
    ['/rank capacity top', /"top" needs a number/],
    ['/compare Yunnan', /at least 2/],
    ['/compare Yunnan Yunnan', /Name each province once/],
    ['/compare a b c d e', /at most 4/],
    ['/frobnicate', /There is no \/frobnicate/],
    ['/provnce Yunnan', /Did you mean \/province/],
    ['', /For example/],
    ['/', /For example/],
    [`/province ${'x'.repeat(5000)}`, /too long/],
    ['/province Yun\u0000nan\u001b[31m', /control characters/],
  ];
  it.each(cases)('%j', async (line, expected) => {
    const reply = await ask(line);
    expect(reply.tone).toBe('error');
    expect(`${reply.title} ${reply.summary ?? ''}`).toMatch(expected);
  });

  it('errors carry the usage line', async () => {
    expect((await ask('/rank size')).usage).toBe('/rank <metric> [top N]');
    expect((await ask('/province Yunan')).usage).toBe('/province <province>');
  });

  it('mention attempts are never echoed as mentions', async () => {
    for (const line of ['/province @everyone', '/province <!channel>', '/province <!here|here>', '/province <@U123>', '/exports country @here']) {
      const reply = await ask(line);
      const text = `${reply.title} ${reply.summary}`;
      expect(text).not.toMatch(/@everyone|@here|<!|<@/);
    }
  });
});

describe('every figure of Tables 1–4 is reachable through some command', () => {
  it('Table 1: every share of every row', async () => {
    const text = await askText('/utilization');
    for (const r of core().data.efficiency) {
      const row = rowOf(text, r.name);
      expect(row, r.name).toBeDefined();
      for (const v of [r.highPct, r.mediumPct, r.lowPct, r.shutdownPct]) expect(row).toContain(formatPct(v));
      expect(row).toContain(r.capacityMt.toFixed(2));
    }
  });

  it('Table 2: capacity, output and utilization of every row', async () => {
    for (const r of core().data.production) {
      if (r.kind === 'province') {
        const text = await askText(`/province ${r.name}`);
        for (const s of [formatMt(r.capacityMt), formatMt(r.outputMt), formatPct(r.utilizationPct)]) expect(text, `${r.name} ${s}`).toContain(s);
        continue;
      }
      for (const [metric, value] of [['capacity', r.capacityMt.toFixed(2)], ['output', r.outputMt.toFixed(2)], ['utilization', formatPct(r.utilizationPct).replace(' %', '')]] as const) {
        const row = rowOf(await askText(`/rank ${metric}`), r.name);
        expect(row, `${r.name} ${metric}`).toContain(value);
      }
    }
  });

  it('Table 3: demand, exports and balance of every row', async () => {
    const mismatch = await askText('/mismatch');
    for (const r of core().data.balance) {
      if (r.kind === 'province') {
        const text = await askText(`/province ${r.name}`);
        for (const s of [formatMt(r.outputMt), formatMt(r.demandMt), formatMt(r.exportsMt), formatMt(r.balanceMt, true)]) expect(text, `${r.name} ${s}`).toContain(s);
      } else {
        expect(rowOf(mismatch, r.name), r.name).toContain(formatMt(r.balanceMt, true).replace(' Mt', ''));
        expect(rowOf(await askText('/rank demand'), r.name)).toContain(r.demandMt.toFixed(2));
        expect(rowOf(await askText('/rank exports'), r.name)).toContain(r.exportsMt.toFixed(2));
        expect(rowOf(await askText('/rank output'), r.name === 'Total' ? 'Total' : 'Others')).toBeDefined();
      }
    }
  });

  it('Table 4: every volume and share of both years', async () => {
    for (const year of [2023, 2024]) {
      const text = await askText(`/exports top 25 ${year}`);
      for (const r of core().data.exports.filter((e) => e.year === year && e.kind !== 'total')) {
        const row = rowOf(text, r.name);
        expect(row, `${r.name} ${year}`).toContain(formatKt(r.exportsKt).replace(' kt', ''));
        expect(row, `${r.name} ${year}`).toContain(formatPct(r.sharePct));
      }
      const total = core().data.exports.find((e) => e.year === year && e.kind === 'total')!;
      expect(await askText('/overview')).toContain(formatKt(total.exportsKt));
    }
  });
});

/** The table line of a console reply that starts with a name (after an optional rank "3. "). */
function rowOf(text: string, name: string): string | undefined {
  return text.split('\n').find((l) => new RegExp(`^\\s*(\\d+\\. )?${name}\\s`).test(l));
}
