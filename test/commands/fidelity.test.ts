import { describe, expect, it } from 'vitest';
import { composeBriefing } from '../../src/briefings/compose.js';
import { zoneNamed } from '../../src/briefings/schedule.js';
import { shiftPoint } from '../../src/format/numbers.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { BRIEFING_KINDS } from '../../src/briefings/kinds.js';
import { spotlightCycle } from '../../src/briefings/kinds/index.js';
import { ask, askText, EVERY_COMMAND, paperLibrary } from '../support/core.js';
import { readerText } from '../support/figure-audit.js';

/** One test per sentence the audit of the paper found wrong (issue #19), in both languages where it speaks. */
describe('every line as the paper says it', () => {
  it('/exports top 5: the top five, the other named destinations (†), Others, Total: rows that add up, rounding said', async () => {
    const r = await ask('/exports top 5');
    const rows = r.table!.rows.map((row) => row[0]);
    expect(rows.slice(5)).toEqual(['5 other named destinations †', 'Others', 'Total']);
    const volumes = r.table!.rows.slice(0, -1).map((row) => Number(row[1]!.replace(/[^\d.]/g, '')));
    expect(volumes.reduce((s, v) => s + v, 0)).toBeCloseTo(2165.7, 6);
    expect(r.notes).toContain(
      "Rounding: the 2024 export column adds up to 2,165.7 † (Total 2,165.8); the 2024 shares add up to 99 % †. The paper's figures are shown as printed.",
    );
    // A computed change carries †; Section 4.1's printed 19.3 % does not.
    expect(r.table!.rows.at(-1)![3]).toBe('+19.3 %');
    expect(r.table!.rows[0]![3]).toBe('+2.1 % †');
  });

  it('/mismatch says where its printed nets and totals miss their parts by rounding (Henan 0.87 beside 0.86)', async () => {
    const text = await askText('/mismatch');
    expect(text).toContain("Henan's net +0.87 (its parts give +0.86 †)");
    expect(text).toContain('the output column adds up to 23.12 † (Total 23.10)');
    // −1.095 beside 1.89 − 2.99 = −1.10 is no gap at the parts' precision.
    expect(text).not.toContain("Inner Mongolia's net");
  });

  it('/sources lists the inconsistencies and the visible rounding gaps in chat, and sends nobody to npm', async () => {
    const text = await askText('/sources');
    expect(text).not.toContain('npm run');
    expect(text).toContain('Rounding in Table 3:');
    expect(text).toContain('Table 2 gives Qinghai 68.96 %');
  });

  it('ranks are the bot’s and marked; /exports country splits share (Table 4) from rank (derived)', async () => {
    expect((await ask('/province Yunnan')).summary).toContain('1.70 Mt capacity (#5 of 11 †)');
    const malaysia = await ask('/exports country Malaysia');
    expect(malaysia.summary).toBe("549.9 kt in 2024, 25 % of China's exports, #1 of 10 named destinations †. +2.1 % † on the year before.");
    expect(malaysia.fields!.find((f) => f.label === '2024 rank')).toMatchObject({
      value: '#1 of 10 †',
      source: expect.stringMatching(/^derived from Table 4/),
    });
    expect((await ask('/province Yunnan', 'zh-CN')).summary).toContain('产能170万吨（在11个省份中居第5位†）');
  });

  it('briefings cite Table 4 for the export volume and Section 4.1 for the change it states', () => {
    const library = paperLibrary();
    const text = JSON.stringify(composeBriefing({ m: en, edition: library.current }, 'exports', { subscriptionId: 1, cursor: 0 }).reply);
    expect(text).toContain('2,165.8 kt exported in 2024 (Table 4), +19.3 % on 2023 (Section 4.1).');
  });

  it('Chinese as the trade writes it: 万吨 by moving the point, full-width brackets, a noun for ranks, no doubled 上年', async () => {
    expect(shiftPoint('1.70', 2)).toBe('170');
    expect(shiftPoint('0.775', 2)).toBe('77.5');
    expect(shiftPoint('2,165.8', -1)).toBe('216.58');
    const korea = await ask('/exports country South Korea', 'zh-CN');
    expect(korea.summary).toBe('2024年5.34万吨，占中国出口的2%，在10个具名目的地中居第9位†。上年仅0.06万吨。');
    expect(korea.fields!.find((f) => f.label === '较2023年变化')!.value).toBe('+5.28万吨（上年仅0.06万吨）†');
    expect((await ask('/utilization Henan', 'zh-CN')).summary).toContain('的产能中，18%为高效产能（利用率高于90%）');
    expect((await ask('/compare Shandong Henan', 'zh-CN')).title).toBe('山东和河南对比 · 2024年');
    // CSV rows in the header's language and unit.
    const csv = (await ask('/table 3 csv', 'zh-CN')).files![0]!.content;
    expect(csv.split('\n')[1]).toMatch(/^山东,752,332,164,256/);
  });

  it('Chinese punctuation in every reply and spotlight: no ASCII space after 。，；：, no half-width bracket beside Chinese', async () => {
    const library = paperLibrary();
    const texts: string[] = [];
    for (const line of EVERY_COMMAND) texts.push(...readerText(await ask(line, 'zh-CN')).map((t) => `${line}: ${t}`));
    for (const kind of BRIEFING_KINDS) {
      const p = { m: zhCN, edition: library.current };
      for (let c = 0; c < spotlightCycle(p, kind).length; c++)
        texts.push(...readerText(composeBriefing(p, kind, { subscriptionId: 0, cursor: c }).reply).map((t) => `${kind} #${c}: ${t}`));
    }
    // The paper's own words are quoted as printed (English).
    const bad = texts.filter((t) => /[。，；：！？] |\p{Script=Han}[()]|[()]\p{Script=Han}|\p{Script=Han} \p{Script=Han}/u.test(t.replace(/“[^”]*”/g, '')));
    expect([...new Set(bad)]).toEqual([]);
  });

  it('deficits are not "over" demand; the national row of demand is domestic demand', async () => {
    const library = paperLibrary();
    const cycle = spotlightCycle({ m: en, edition: library.current }, 'mismatch');
    const yunnan = cycle
      .map((s) => s.build({ m: en, edition: library.current }).lines.join(' '))
      .find((l) => l.startsWith('Yunnan: output − in-province demand'));
    expect(yunnan).toContain('Yunnan: output − in-province demand ≈−0.77 Mt (Section 5.2');
    expect((await ask('/rank demand')).table!.rows.at(-1)![0]).toBe('Total (domestic demand)');
  });

  it('English charts in English; Chinese charts in 万吨 with bars to match', async () => {
    expect((await ask('/exports top 5')).charts![0]!.labels[0]).toBe('Malaysia');
    const zh = (await ask('/mismatch', 'zh-CN')).charts![0]!;
    expect(zh.labels[0]).toBe('山东');
    expect(zh.series[0]!.values[0]).toBeCloseTo(256, 9);
    expect(zh.series[0]!.shown[0]).toBe('+256万吨');
  });

  it('time zones as people name them: 北京, 上海, Beijing → Asia/Shanghai; the Chinese example uses one', async () => {
    for (const name of ['北京', '上海', 'Beijing', 'beijing']) expect(zoneNamed(name)).toBe('Asia/Shanghai');
    expect(zoneNamed('Europe/Berlin')).toBe('Europe/Berlin');
    expect(zhCN.briefing.example).toContain('北京');
  });
});
