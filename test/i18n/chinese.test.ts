import { shiftPoint } from '../../src/format/numbers.js';
import { describe, expect, it } from 'vitest';
import { compactReply, type Reply } from '../../src/framework/reply.js';
import { createComposer } from '../../src/briefings/briefing-cache.js';
import { BRIEFING_KINDS } from '../../src/briefings/kinds.js';
import { en } from '../../src/i18n/en.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { controlsFor } from '../../src/render/controls.js';
import { toDiscordMessage } from '../../src/adapters/discord/render.js';
import { quickChartImages } from '../../src/render/images.js';
import { toSlackMessage } from '../../src/adapters/slack/render.js';
import { toConsoleText } from '../../src/render/console-text.js';
import { consoleInvocation, createCore } from '../../src/core.js';
import { ask, askText, core, EVERY_COMMAND, fixtureLibrary } from '../support/core.js';
import { discordViolations, slackViolations } from '../support/platform-limits.js';

/** Every key of a catalogue, with whether it is text or a function of its arguments. */
function shape(o: unknown, path = ''): string[] {
  if (typeof o === 'function') return [`${path}()`];
  if (typeof o === 'string') return [path];
  if (Array.isArray(o)) return [`${path}[]`];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => shape(v, path ? `${path}.${k}` : k));
}

function strings(o: unknown, path = ''): [string, string][] {
  if (typeof o === 'string') return [[path, o]];
  if (typeof o !== 'object' || o === null) return [];
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => strings(v, path ? `${path}.${k}` : k));
}

/**
 * English left in a Chinese reply: words of three letters or more, once what is meant to stay is taken
 * out: the paper's quotations, commands and their options (what one types), file names and URLs,
 * and the names of things (Slack, Discord, IANA, UTC, CSV, UTF-8).
 */
function englishIn(text: string): string[] {
  const kept = text
    .replace(/\b(Asia\/Shanghai|Europe\/Berlin|America\/New_York)\b/g, ' ')
    .replace(/\(([a-z]+)\)/g, ' ')
    .replace(/[<[][a-z|…-]+[>\]]/g, ' ')
    .replace(/\bdata\/(?=\s|$|[^\w])/g, ' ')
    .replace(/“[^”]*”/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\/[a-z]+( [a-z0-9<>[\]|…,-]+)*/gi, ' ')
    .replace(/--[a-z]+/g, ' ')
    .replace(/\b(npm run [a-z:]+|npm start|README\.md|\.env\.example|data\/|[\w-]+\.(csv|png))\b/g, ' ')
    .replace(
      /\b(anode-bot|Slack|Discord|IANA|UTC|CSV|UTF-8|Ctrl-D|Tab|quit|help|zh|en|auto|all|compact|thread|daily|weekdays|weekly|monthly|cron|mon|tue|wed|thu|fri|sat|sun|top|country|subscribe|list|unsubscribe|resume|preview|now|csv|utilization|mismatch|exports|full|IMAR|UAE|Inner Mongolia)\b/g,
      ' ',
    );
  return [...kept.matchAll(/\b[A-Za-z]{3,}\b/g)].map((m) => m[0]);
}

const controls = (reply: Reply, line: string, detail: 'compact' | 'full') =>
  controlsFor(reply, { secret: 's', channelId: 'C1', line, detail, isPublic: false, shareable: true, m: zhCN });

describe('replies in Simplified Chinese', () => {
  it('both catalogues have every key, of the same kind', () => {
    expect(shape(zhCN).sort()).toEqual(shape(en).sort());
    expect(zhCN.lang).toBe('zh-CN');
  });

  it('every text of the Chinese catalogue is Chinese (no English left behind)', () => {
    const english = new Map(strings(en));
    for (const [path, text] of strings(zhCN)) {
      // Punctuation alone ("; ") has nothing to translate.
      if (path === 'lang' || !/[A-Za-z]/.test(english.get(path) ?? '')) continue;
      expect(text, path).toMatch(/\p{Script=Han}/u);
      expect(englishIn(text), path).toEqual([]);
    }
  });

  it.each(EVERY_COMMAND)("%s answers in Chinese, within both platforms' limits, compact and full", async (line) => {
    const full = await ask(line, 'zh-CN');
    for (const [detail, reply] of [
      ['full', full],
      ['compact', compactReply(full)],
    ] as const) {
      const images = quickChartImages(reply);
      const slack = toSlackMessage(reply, { images, controls: controls(full, line, detail), m: zhCN });
      const discord = toDiscordMessage(reply, { images, controls: controls(full, line, detail), m: zhCN });
      expect(slackViolations(slack), `${detail} slack`).toEqual([]);
      expect(discordViolations(discord), `${detail} discord`).toEqual([]);
    }
    // /sources names the paper as it is published: its English title, authors and publisher.
    const text = toConsoleText(line === '/sources' ? { ...full, summary: '' } : full, { m: zhCN });
    expect(text).toMatch(/\p{Script=Han}/u);
    expect(englishIn(text), line).toEqual([]);
  });

  it('/province 云南 in Chinese: Chinese title and labels, the same figures as in English', async () => {
    const zh = await ask('/province 云南', 'zh-CN');
    const english = await ask('/province Yunnan', 'en');
    expect(zh.title).toBe('云南 · 2024年预焙阳极');
    expect(zh.fields!.map((f) => f.label)).toEqual(expect.arrayContaining(['产能', '产量', '产能利用率']));
    // Tonnages in 万吨: the same digits, the point moved two places (1.70 Mt is 170万吨), nothing rounded.
    const figures = (r: Reply, wan: boolean) =>
      (r.fields ?? []).map((f) =>
        [...f.value.matchAll(/([−+≈]?[\d,]+(?:\.\d+)?)\s?(Mt)?/g)].map(([, n = '', mt]) => (wan && mt ? shiftPoint(n, 2) : n)).join(' '),
      );
    expect(figures(zh, false)).toEqual(figures(english, true));
    expect(zh.fields!.find((f) => f.label === '产能')!.value).toBe('170万吨');
    expect(zh.fields!.find((f) => f.label === '扣除出口后的净平衡')!.value).toBe('−77.5万吨');
  });

  it('cites the paper in Chinese: 表2, 第3.4节, 摘要; derived figures say how, in Chinese', async () => {
    const text = await askText('/overview', 'zh-CN');
    expect(text).toMatch(/表2/);
    expect(text).toMatch(/摘要/);
    const yunnan = await askText('/province 云南', 'zh-CN');
    expect(yunnan).toContain('根据表2推算：占全国产能比重');
    expect(yunnan).toContain('第3.4节');
  });

  it("the paper's inconsistencies and tensions are worded in Chinese, the quotations kept as the paper has them", async () => {
    const qinghai = await askText('/province 青海', 'zh-CN');
    expect(qinghai).toMatch(
      /⚠ 论文前后数据不一致（第3\.4节与表2）：原文称“Western regions \(e\.g\. Yunnan, Ningxia, Qinghai\) … average utilization rates near full capacity”（第3\.4节），而表2所列青海为68\.96%。/,
    );
    const sources = await askText('/sources', 'zh-CN');
    expect(sources).toContain('表3显示云南产量169万吨、省内需求246万吨，据此推算省内产量仅能满足68.7%†的需求');
    expect(sources).toContain(
      '原文称“nearly 40 % of enterprises are running at above 90 % utilization”（第3.3节），而据第3.3节计算（111家企业中的39家）为35.1%†',
    );
    // Section 5.3's one claim holds in Table 4 (42.2 % → 50.9 %), and Ningxia's average is within its classes: no note.
    expect(sources).not.toMatch(/马来西亚|宁夏平均产能利用率/);
  });

  it('with two editions, the change on the earlier one is worded in Chinese too', async () => {
    const two = createCore({ library: fixtureLibrary() });
    // The fixture editions carry no Chinese captions (their English ones stand in): sources left aside.
    const zh = async (line: string) => toConsoleText({ ...(await two.ask(line, consoleInvocation('zh-CN'))).reply, sources: [] }, { m: zhCN });
    for (const line of ['/province Yunnan', '/overview', '/changes']) expect(englishIn(await zh(line)), line).toEqual([]);
    expect(await zh('/province Yunnan')).toContain('260万吨（较2030年版+60万吨†）');
    expect(zhCN.how('change on the 2030 edition')).toBe('较2030年版的变化');
  });

  it('errors and suggestions in Chinese', async () => {
    expect((await ask('/province Yunan', 'zh-CN')).summary).toBe('2024年数据中没有名为“Yunan”的省份。您是指云南吗？');
    expect((await ask('/exports malaysia', 'zh-CN')).summary).toBe('无法理解“malaysia”。您是想用 /exports country Malaysia 吗？');
    expect((await ask('/exports top 99', 'zh-CN')).summary).toBe('count：应为1到25之间的数字。');
    expect((await ask('/province', 'zh-CN')).summary).toMatch(/^请指定省份。可选：/);
    expect((await ask('/nonsense', 'zh-CN')).title).toBe('未知命令');
    expect(zhCN.briefing.zoneProblem('Berlin', ['Europe/Berlin'])).toBe('“Berlin”不是 IANA 时区。您是指Europe/Berlin吗？');
    expect(zhCN.briefing.scheduleProblem({ part: 'time', preset: 'daily', got: '9h' })).toBe('时间“9h”无效：“daily”需要形如 09:00 的时间（24小时制）。');
  });

  it('every briefing, each of its spotlights and both layouts, composes in Chinese within limits', () => {
    const composer = createComposer(undefined);
    const edition = core().library().current;
    for (const kind of BRIEFING_KINDS) {
      const first = composer.compose(kind, edition, 'zh-CN', { subscriptionId: 1, cursor: 0 });
      for (let cursor = 0; cursor < first.spotlight.of; cursor++) {
        const b = composer.compose(kind, edition, 'zh-CN', { subscriptionId: 1, cursor });
        expect(b.lang).toBe('zh-CN');
        for (const reply of [b.reply, b.headline, b.details]) {
          const images = quickChartImages(reply);
          expect(slackViolations(toSlackMessage(reply, { images, m: zhCN })), `${kind} ${cursor}`).toEqual([]);
          expect(discordViolations(toDiscordMessage(reply, { images, m: zhCN })), `${kind} ${cursor}`).toEqual([]);
          expect(englishIn(toConsoleText(reply, { m: zhCN })), `${kind} ${b.spotlight.id}`).toEqual([]);
        }
      }
      expect(first.reply.title).toMatch(/简报 · 2024年$/);
    }
  });
});
