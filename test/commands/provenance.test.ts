import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { loadEdition, loadNames } from '../../src/dataset/load.js';
import type { TextFigure } from '../../src/dataset/types.js';
import { paperTable, readableCell } from '../../src/metrics/paper-tables.js';
import { statedValue } from '../../src/metrics/text-figures.js';
import { ask, askText, everySubjectLine, PAPER_YEAR } from '../support/core.js';

const ds = loadEdition('data', PAPER_YEAR, loadNames('data'));
const provinces = ds.production.filter((r) => r.kind === 'province').map((r) => r.name);
const countries = [...new Set(ds.exports.filter((r) => r.kind === 'country').map((r) => r.name))];

const ALL_LINES = everySubjectLine();
const texts = new Map<string, string>();
const textOf = async (line: string) => {
  if (!texts.has(line)) texts.set(line, await askText(line));
  return texts.get(line)!;
};

describe('every figure of the paper is reachable, as printed', () => {
  it('every cell of Tables 1–4 appears, as printed, in the reply about its row', async () => {
    const missing: string[] = [];
    for (const n of [1, 2, 3, 4]) {
      const t = paperTable(ds, n)!;
      for (const row of t.rows) {
        const lines =
          n === 1
            ? [row.kind === 'province' ? `/utilization ${row.name}` : '/utilization']
            : n === 2
              ? [row.kind === 'province' ? `/province ${row.name}` : row.kind === 'total' ? '/overview' : '/rank capacity', '/rank output', '/rank utilization']
              : n === 3
                ? ['/mismatch']
                : row.kind === 'country'
                  ? [`/exports country ${row.name}`]
                  : ['/exports top 25 2024', '/exports top 25 2023'];
        const text = (await Promise.all(lines.map(textOf))).join('\n');
        for (const cell of row.cells) {
          if (cell === '') continue;
          if (!text.includes(readableCell(cell))) missing.push(`Table ${n} · ${row.name} · ${cell} (looked in ${lines.join(', ')})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('every figure of Section 3.3 appears in /utilization', async () => {
    const text = await textOf('/utilization');
    for (const c of ds.classes) {
      expect(text).toContain(`${c.enterprises} enterprises`);
      expect(text).toContain(readableCell(c.capacityMt.toFixed(c.dp.capacityMt)));
      if (c.sharePct !== null) expect(text).toContain(`${readableCell(c.sharePct.toFixed(c.dp.sharePct))} %`);
    }
  });

  it('every figure of the prose (text-figures.csv) appears, quoted with its section, in its subject’s reply', async () => {
    const lineFor = (t: TextFigure): string => {
      if (provinces.includes(t.subject)) return `/province ${t.subject}`;
      if (countries.includes(t.subject)) return `/exports country ${t.subject}`;
      return { overview: '/overview', efficiency: '/utilization', exports: '/exports', balance: '/overview' }[t.topic];
    };
    const missing: string[] = [];
    for (const t of ds.textFigures) {
      const text = await textOf(lineFor(t));
      if (!text.includes(`“${t.quote}” (${t.source})`) && !(t.metric === 'anode_factor_kg_per_t' && text.includes('≈450 kg/t')))
        missing.push(`${t.subject} ${t.metric} (${t.source}) in ${lineFor(t)}`);
    }
    expect(missing).toEqual([]);
  });

  it('/table 3 csv carries a CSV that, read back, equals the dataset’s Table 3 row for row', async () => {
    const reply = await ask('/table 3 csv');
    const file = reply.files?.[0];
    expect(file).toMatchObject({ name: 'table-3-2024.csv', contentType: 'text/csv; charset=utf-8' });
    const back = parse(file!.content, { columns: false, skip_empty_lines: true }) as string[][];
    const original = parse(readFileSync('data/2024/balance-by-province.csv', 'utf8'), { columns: true }) as Record<string, string>[];
    expect(back[0]).toEqual(['Province', 'Output (Mt)', 'Domestic Demand (Mt)', 'Exports (Mt)', 'Regional Balance (Mt)']);
    expect(back.slice(1)).toEqual(original.map((r) => [r.province, r.output_mt, r.demand_mt, r.exports_mt, r.balance_mt]));
  });
});

describe('the marking rule, on every figure of every reply', () => {
  it('† only on figures the paper prints nowhere; printed ones cite their table or section', async () => {
    const problems: string[] = [];
    for (const line of ALL_LINES) {
      const reply = await ask(line);
      for (const f of reply.figures ?? []) {
        if (!f.source.ref) problems.push(`${line}: a figure without a source`);
        if (f.source.derived && f.about && statedValue(ds, f.about.subject, f.about.metric))
          problems.push(`${line}: † on ${f.about.subject} ${f.about.metric}, which the paper prints`);
        if (!f.source.derived && /derived|computed/.test(f.source.ref)) problems.push(`${line}: an unmarked computed figure (${f.source.ref})`);
      }
      // What a reader sees agrees: a field marked † has a derived source, and only then.
      for (const field of reply.fields ?? []) {
        if (field.value.endsWith('†') !== Boolean(field.source?.startsWith('derived from')))
          problems.push(`${line}: "${field.label}" ${field.value} [${field.source}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the figures the audit found wrongly marked are now cited to the prose', async () => {
    const field = async (line: string, label: string) => (await ask(line)).fields?.find((f) => f.label === label);
    expect(await field('/overview', 'Exports 2024 vs 2023')).toMatchObject({
      value: '+19.3 %',
      source: 'Section 4.1 (computed from Table 4: +19.31 % †, agrees)',
    });
    expect(await field('/province Shandong', 'Anode demand of that aluminium')).toMatchObject({
      value: '3.316 Mt',
      source: expect.stringMatching(/^Section 3\.4 \(computed from .*: 3\.3156 Mt †, agrees\)$/),
    });
    expect(await field('/province Yunnan', 'Anode demand of that aluminium')).toMatchObject({ value: '2.462 Mt' });
    expect(await field('/province Shandong', 'Output − in-province demand')).toMatchObject({
      value: '≈+4.2 Mt',
      source: 'Section 5.2 (computed from Table 3: +4.20 Mt †, agrees)',
    });
    expect(await field('/province Inner Mongolia', 'Output − in-province demand')).toMatchObject({ value: '≈−1.1 Mt' });
    // A sum the bot computes is marked.
    expect((await field('/mismatch', '7 deficit provinces together'))?.value).toBe('−2.732 Mt †');
  });

  it('figures appear as printed: trailing zeros kept, tiny bases not turned into huge percentages', async () => {
    expect(await textOf('/province Inner Mongolia')).toContain('87.70 %');
    expect(await textOf('/exports country Oman')).toMatch(/2023 volume\s+0 kt/);
    const korea = await textOf('/exports country South Korea');
    expect(korea).toContain('from 0.6 kt');
    expect(korea).not.toMatch(/8,8\d\d/);
  });

  it('sentences state only figures or the paper’s own words', async () => {
    const all = (await Promise.all(ALL_LINES.map(textOf))).join('\n');
    expect(all).not.toMatch(
      /covered by anodes from other provinces|flow from Shandong and Henan|groups different countries each year|supplied from surplus provinces/,
    );
  });

  it('charts never draw a missing value, and say what they leave out', async () => {
    const compare = await ask('/compare Liaoning Yunnan');
    const demand = compare.charts![0]!.series.find((s) => s.label === 'Demand')!;
    expect(demand.values).toEqual([null, 2.46]);
    expect(demand.shown[0]).toBe('n/a');
    expect(compare.charts![0]!.caption).toContain('n/a: no demand for Liaoning in Table 3');
    // Others has a value (Table 3 prints +0.68): it is not drawn because it is the aggregate row, and the caption says that.
    expect((await ask('/mismatch')).charts![0]!.caption).toContain(
      "Not drawn: Others +0.68 Mt (the table's aggregate row) and Liaoning and Ningxia (no row in Table 3)",
    );
    expect((await ask('/utilization')).charts![0]!.caption).toContain("Not drawn: Others (the table's aggregate row)");
    expect((await ask('/rank exports')).charts![0]!.caption).toContain("Not drawn: Others 0.51 Mt (the table's aggregate row)");
    // Every source a chart draws from: Section 5.2's two stated gaps and the rest computed from Table 3.
    expect((await ask('/rank domestic-balance')).charts![0]!.caption).toMatch(/^Source: Section 5\.2, computed from Table 3 †/);
  });
});
