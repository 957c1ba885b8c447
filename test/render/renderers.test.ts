import { describe, expect, it } from 'vitest';
import { compactReply, hasMore, type Reply } from '../../src/framework/reply.js';
import { en } from '../../src/i18n/en.js';
import { controlsFor, decodeClick, encodeClick } from '../../src/render/controls.js';
import { escapeDiscord, toDiscordMessage } from '../../src/adapters/discord/render.js';
import { quickChartImages } from '../../src/render/images.js';
import { escapeSlack, toSlackMessage } from '../../src/adapters/slack/render.js';
import { toConsoleText } from '../../src/render/console-text.js';
import { ask, EVERY_COMMAND } from '../support/core.js';
import { discordViolations, slackViolations } from '../support/platform-limits.js';

const SECRET = 'test-component-secret';
const controls = (reply: Reply, line: string, detail: 'compact' | 'full') =>
  controlsFor(reply, { secret: SECRET, channelId: 'C123', line, detail, isPublic: false, shareable: true, m: en });

describe('every reply fits both platforms, compact and full, with its buttons', () => {
  it.each(EVERY_COMMAND)('%s', async (line) => {
    const full = await ask(line);
    for (const [detail, reply] of [
      ['full', full],
      ['compact', compactReply(full)],
    ] as const) {
      const images = quickChartImages(reply);
      expect(slackViolations(toSlackMessage(reply, { images, controls: controls(full, line, detail) })), `${detail} slack`).toEqual([]);
      expect(discordViolations(toDiscordMessage(reply, { images, controls: controls(full, line, detail) })), `${detail} discord`).toEqual([]);
    }
  });

  it('a reply far over every limit is cut with a visible mark, never rejected', () => {
    const huge: Reply = {
      tone: 'info',
      title: 'T'.repeat(400),
      summary: 'S'.repeat(9000),
      fields: Array.from({ length: 80 }, (_, i) => ({ label: `L${i}`.repeat(100), value: 'V'.repeat(3000), source: 'Table 1' })),
      table: {
        columns: [
          { label: 'a', align: 'left' },
          { label: 'b', align: 'right' },
        ],
        rows: Array.from({ length: 900 }, (_, i) => [`row ${i}`, String(i)]),
      },
      notes: Array.from({ length: 30 }, () => 'N'.repeat(500)),
      sources: Array.from({ length: 40 }, (_, i) => `Table ${i}`),
      charts: Array.from({ length: 12 }, () => ({
        kind: 'bar' as const,
        title: 'x'.repeat(3000),
        labels: ['a'],
        series: [{ label: 'a', values: [1], shown: ['1'], color: '#000' }],
        unit: 'Mt',
        caption: 'c',
        alt: 'a'.repeat(5000),
      })),
    };
    const images = quickChartImages(huge);
    const slack = toSlackMessage(huge, { images });
    expect(slackViolations(slack)).toEqual([]);
    expect(JSON.stringify(slack)).toContain('more');
    expect(discordViolations(toDiscordMessage(huge, { images }))).toEqual([]);
  });
});

describe('compact replies fit a phone screen', () => {
  it.each(EVERY_COMMAND)('%s: at most four figures with their sources and one chart', async (line) => {
    const c = compactReply(await ask(line));
    // Figure fields carry a source; /help and /sources list commands and tables, not figures.
    expect((c.fields ?? []).filter((f) => f.source !== undefined).length).toBeLessThanOrEqual(4);
    expect((c.charts ?? []).length).toBeLessThanOrEqual(1);
  });

  it('/province Yunnan compact: the headline, four key figures, one chart, and a More button', async () => {
    const full = await ask('/province Yunnan');
    const c = compactReply(full);
    expect(c.fields!.map((f) => f.label)).toEqual(['Capacity', 'Output', 'Utilization', 'Net balance after exports']);
    expect(c.table).toBeUndefined();
    expect(hasMore(full)).toBe(true);
    // The buttons are decided on the full reply: More shows what the compact form left out.
    const buttons = controls(full, '/province Yunnan', 'compact');
    expect(buttons.map((b) => (b.kind === 'button' ? b.label : b.placeholder))).toEqual([
      'More',
      'Utilization',
      'Rank',
      'Balance',
      'Share in channel',
      'Compare with…',
    ]);
  });
});

describe('buttons and menus carry their command line, signed with the channel', () => {
  it('encodes within Discord’s 100 characters and reads back', () => {
    const id = encodeClick(SECRET, 'C123', 'u', '/province Inner Mongolia --full')!;
    expect(id.length).toBeLessThanOrEqual(100);
    expect(decodeClick(SECRET, 'C123', id)).toEqual({ ok: true, mode: 'u', line: '/province Inner Mongolia --full' });
    const menu = encodeClick(SECRET, 'C123', 'u', '/compare Yunnan')!;
    expect(decodeClick(SECRET, 'C123', menu, 'Shandong')).toEqual({ ok: true, mode: 'u', line: '/compare Yunnan Shandong' });
    expect(encodeClick(SECRET, 'C123', 'u', `/help ${'x'.repeat(200)}`)).toBeUndefined();
  });

  it('refuses another channel, an altered line, a forged signature and malformed ids', () => {
    const id = encodeClick(SECRET, 'C123', 'u', '/province Yunnan')!;
    expect(decodeClick(SECRET, 'C999', id)).toEqual({ ok: false, reason: 'forged' });
    expect(decodeClick(SECRET, 'C123', id.replace('Yunnan', 'Henan'))).toEqual({ ok: false, reason: 'forged' });
    expect(decodeClick('another-secret', 'C123', id)).toEqual({ ok: false, reason: 'forged' });
    for (const bad of ['', 'a1', 'a1|x|0123456789|province', 'a2|u|0123456789|province', 'a1|u|short|province', `a1|u|0123456789|${'x'.repeat(95)}`])
      expect(decodeClick(SECRET, 'C123', bad).ok, bad).toBe(false);
    expect(decodeClick(SECRET, 'C123', encodeClick(SECRET, 'C123', 'u', '/compare Yunnan')!, 'a\nb').ok).toBe(false);
  });

  it('every button of every reply fits both platforms', async () => {
    for (const line of EVERY_COMMAND) {
      const reply = await ask(line);
      for (const c of controls(reply, line, 'compact')) expect(c.id.length, `${line} ${c.id}`).toBeLessThanOrEqual(100);
    }
  });
});

describe('escaping', () => {
  it('Slack: &, < and > only; nothing can notify a channel', () => {
    expect(escapeSlack('<!channel> & <@U1>')).toBe('&lt;!channel&gt; &amp; &lt;@U1&gt;');
    const m = toSlackMessage({ tone: 'info', title: '<!here>', summary: '<!everyone> <@U1>' });
    expect(JSON.stringify(m)).not.toMatch(/<!(here|everyone)|<@U1>/);
  });

  it('Discord: markdown escaped, mass mentions broken, allowed_mentions empty', () => {
    expect(escapeDiscord('**x** @everyone <@123>')).toBe('\\*\\*x\\*\\* @\u200beveryone \\<@123>');
    expect(toDiscordMessage({ tone: 'info', title: 't' }).allowed_mentions).toEqual({ parse: [] });
  });

  it("console: a field label of several lines (/help's forms) keeps the columns narrow", async () => {
    const help = toConsoleText(await ask('/help'));
    expect(Math.max(...help.split('\n').map((l) => l.length))).toBeLessThan(200);
    expect(help).toMatch(/^ {2}\/briefing list$/m);
  });

  it('console: colour only when asked, Chinese text aligned by display width', () => {
    const reply: Reply = {
      tone: 'info',
      title: 't',
      table: {
        columns: [
          { label: 'n', align: 'left' },
          { label: 'v', align: 'right' },
        ],
        rows: [
          ['云南', '1'],
          ['Yunnan', '2'],
        ],
      },
    };
    const text = toConsoleText(reply);
    expect(text).not.toContain('\x1b[');
    expect(toConsoleText(reply, { color: true })).toContain('\x1b[1m');
    const rows = text.split('\n').filter((l) => /[12]$/.test(l));
    // 云南 takes four columns on a terminal, like "Yunnan" takes six: the numbers line up.
    expect(rows).toEqual(['  云南    1', '  Yunnan  2']);
  });
});
