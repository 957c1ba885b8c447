import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/commands/reply.js';
import { toConsoleText } from '../../src/render/console-text.js';
import { escapeDiscord, toDiscordMessage } from '../../src/render/discord-message.js';
import { attachmentName, quickChartImages } from '../../src/render/images.js';
import { escapeSlack, toSlackMessage } from '../../src/render/slack-message.js';
import { ask, EVERY_COMMAND } from '../support/core.js';
import { discordViolations, slackViolations } from '../support/platform-limits.js';

const HOSTILE = '<!channel> <!here> <!everyone> @everyone @here <@U123> <#C1> <@&42> *bold* _it_ ~s~ `code` ```fence``` > quote # head [x](http://evil) | &amp;';

function hugeReply(): Reply {
  const long = 'x'.repeat(9000);
  return {
    tone: 'info',
    title: `T${long}`,
    summary: long,
    usage: long,
    fields: Array.from({ length: 300 }, (_, i) => ({ label: `field ${i} ${long}`, value: `${i} ${long}`, source: long })),
    table: { columns: [{ label: 'Name', align: 'left' }, { label: 'Value', align: 'right' }], rows: Array.from({ length: 1000 }, (_, i) => [`row ${i}`, String(i)]) },
    charts: Array.from({ length: 20 }, (_, i) => ({ kind: 'bar' as const, title: long, labels: ['a'], series: [{ label: 's', values: [i], color: '#000' }], unit: 'Mt', caption: 'c', alt: long })),
    notes: Array.from({ length: 50 }, (_, i) => `note ${i} ${long}`),
    sources: Array.from({ length: 50 }, (_, i) => `source ${i} ${long}`),
  };
}

describe('every command fits both platforms', () => {
  it.each(EVERY_COMMAND)('%s', async (line) => {
    const reply = await ask(line);
    const images = quickChartImages(reply);
    expect(slackViolations(toSlackMessage(reply, images))).toEqual([]);
    expect(discordViolations(toDiscordMessage(reply, images))).toEqual([]);
    const attachments = (reply.charts ?? []).map((_c, i) => ({ kind: 'attachment' as const, name: attachmentName(i) }));
    expect(discordViolations(toDiscordMessage(reply, attachments))).toEqual([]);
    expect(slackViolations(toSlackMessage(reply, (reply.charts ?? []).map((_c, i) => ({ kind: 'slack-file' as const, id: `F${i}` }))))).toEqual([]);
  });
});

describe('a reply far over every limit is cut down, visibly, never rejected', () => {
  const reply = hugeReply();
  const images = reply.charts!.map(() => ({ kind: 'url' as const, url: 'https://quickchart.io/chart?c=1' }));

  it('Slack', () => {
    const m = toSlackMessage(reply, images);
    expect(slackViolations(m)).toEqual([]);
    const json = JSON.stringify(m);
    expect(json).toMatch(/…and \d+ more/);
  });

  it('Discord', () => {
    const m = toDiscordMessage(reply, images);
    expect(discordViolations(m)).toEqual([]);
    expect(JSON.stringify(m)).toMatch(/and \d+ more/);
  });

  it('drops a chart URL over the platform limit instead of sending it', () => {
    const tooLong = [{ kind: 'url' as const, url: `https://quickchart.io/chart?c=${'9'.repeat(3100)}` }];
    const small: Reply = { tone: 'info', title: 't', charts: [reply.charts![0]!] };
    expect(toSlackMessage(small, tooLong).blocks.some((b) => b.type === 'image')).toBe(false);
    expect(toDiscordMessage(small, tooLong).embeds[0]!.image).toBeUndefined();
  });
});

describe('text from users can never notify anyone or break the layout', () => {
  const reply: Reply = { tone: 'error', title: HOSTILE, summary: HOSTILE, fields: [{ label: HOSTILE, value: HOSTILE, source: HOSTILE }], notes: [HOSTILE], sources: [HOSTILE], usage: HOSTILE };

  it('Slack: &, < and > are escaped everywhere', () => {
    const m = toSlackMessage(reply);
    const json = JSON.stringify(m);
    expect(json).not.toMatch(/<!|<@|<#/);
    expect(json).toContain('&lt;!channel&gt;');
    expect(escapeSlack('a & b')).toBe('a &amp; b');
    expect(slackViolations(m)).toEqual([]);
  });

  it('Discord: mentions are broken and markdown escaped; nothing is parsed for pings', () => {
    const m = toDiscordMessage(reply);
    const json = JSON.stringify(m);
    expect(json).not.toMatch(/(^|[^\u200b])@(everyone|here)/);
    expect(escapeDiscord('@everyone')).toBe('@\u200beveryone');
    expect(escapeDiscord('<@123>')).toBe('\\<@123>');
    expect(escapeDiscord('# big\n> quote\n- item a-b')).toBe('\\# big\n\\> quote\n\\- item a-b');
    expect(escapeDiscord('[x](http://evil)')).toBe('\\[x\\](http://evil)');
    expect(escapeDiscord('*x*')).toBe('\\*x\\*');
    expect(m.allowed_mentions).toEqual({ parse: [] });
  });

  it('console text keeps lines aligned', async () => {
    const text = toConsoleText(await ask('/compare Shandong Yunnan'));
    const tableLines = text.split('\n').filter((l) => /^\s+(Capacity|Output|Utilization)\s/.test(l));
    expect(new Set(tableLines.map((l) => l.length)).size).toBe(1);
  });
});
