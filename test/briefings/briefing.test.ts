import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefingKey, composeBriefing } from '../../src/briefings/compose.js';
import { messages } from '../../src/i18n/messages.js';
import { createComposer } from '../../src/briefings/briefing-cache.js';
import { BRIEFING_KINDS } from '../../src/briefings/kinds.js';
import { parseSchedule, zonesLike } from '../../src/briefings/schedule.js';
import { createBriefingService } from '../../src/briefings/service.js';
import { briefingKinds, spotlightCycle } from '../../src/briefings/kinds/index.js';
import { commands } from '../../commands/index.js';
import { createCore } from '../../src/core.js';
import { stemOf, writeChartFiles } from '../../src/charts/chart-files.js';
import { en } from '../../src/i18n/en.js';
import { quickChartImages } from '../../src/render/images.js';
import { toDiscordMessage } from '../../src/adapters/discord/render.js';
import { toSlackMessage } from '../../src/adapters/slack/render.js';
import { openStore } from '../../src/store/open.js';
import { paperLibrary } from '../support/core.js';
import { discordViolations, slackViolations } from '../support/platform-limits.js';

const library = paperLibrary();
const p = { m: en, edition: library.current };

describe('briefing kinds are declared like commands', () => {
  it('one module per kind in one list, the same ids the catalogues word, each More a real command', () => {
    expect(briefingKinds.map((k) => k.id)).toEqual([...BRIEFING_KINDS]);
    const names = new Set(commands.map((c) => c.name));
    for (const k of briefingKinds) expect(names.has(k.more.slice(1)), k.id).toBe(true);
    // The chart a kind keeps is one of its own sections'.
    for (const k of briefingKinds) expect(k.sections(p).map((s) => s.id)).toContain(k.chart);
  });
});

describe('briefings worth reading every week', () => {
  it.each(BRIEFING_KINDS)('%s: a cycle of at least 20 spotlights, each a few sourced lines', (kind) => {
    const cycle = spotlightCycle(p, kind);
    expect(cycle.length).toBeGreaterThanOrEqual(20);
    expect(new Set(cycle.map((s) => s.id)).size).toBe(cycle.length);
    for (const s of cycle) {
      const view = s.build(p);
      expect(view.lines.length).toBeGreaterThan(0);
      expect(view.lines.join(' ').length).toBeLessThan(600);
      // Every figure a spotlight quotes has its table or section.
      for (const f of view.figures) expect(f.source.ref.length).toBeGreaterThan(0);
      expect(view.lines.join(' ')).toMatch(/Table \d|Section \d|Abstract/);
    }
  });

  it.each(BRIEFING_KINDS)('%s: readable in a minute, one chart, sources listed, within both platforms’ limits', (kind) => {
    for (let cursor = 0; cursor < 25; cursor++) {
      const b = composeBriefing(p, kind, { subscriptionId: 3, cursor });
      const words = [b.reply.summary, ...(b.reply.fields ?? []).map((f) => f.value)].join(' ').split(/\s+/).length;
      expect(words).toBeLessThan(220);
      expect(b.reply.charts).toHaveLength(1);
      expect(b.reply.sources!.length).toBeGreaterThan(0);
      for (const reply of [b.reply, b.headline, b.details]) {
        const images = quickChartImages(reply);
        expect(slackViolations(toSlackMessage(reply, { images }))).toEqual([]);
        expect(discordViolations(toDiscordMessage(reply, { images }))).toEqual([]);
      }
    }
  });

  it('says only what the paper says: no flow of anodes the paper does not describe', () => {
    const text = BRIEFING_KINDS.map((k) => JSON.stringify(composeBriefing(p, k, { subscriptionId: 1, cursor: 0 }).reply)).join(' ');
    expect(text).not.toMatch(/flow from|covered by anodes/);
  });

  it('a message is built once per kind, edition, language and spotlight', () => {
    const composer = createComposer(undefined);
    const a = composer.compose('full', library.current, 'en', { subscriptionId: 0, cursor: 4 });
    const b = composer.compose('full', library.current, 'en', { subscriptionId: 0, cursor: 4 });
    expect(b).toBe(a);
    expect(composer.compose('full', library.current, 'en', { subscriptionId: 0, cursor: 5 })).not.toBe(a);
  });

  it('the cache looks a message up by the key composing it would give, for every kind, language, place and announcement', () => {
    const previous = library.previousOf(library.current.year);
    for (const kind of BRIEFING_KINDS)
      for (const lang of ['en', 'zh-CN'] as const)
        for (const place of [
          { subscriptionId: 1, cursor: 0 },
          { subscriptionId: 7, cursor: 23 },
        ])
          for (const announceSince of previous ? [undefined, previous] : [undefined]) {
            const q = { m: messages(lang), edition: library.current };
            const o = { ...place, ...(announceSince ? { announceSince } : {}) };
            expect(briefingKey(q, kind, o)).toBe(composeBriefing(q, kind, o).key);
          }
  });
});

describe('schedules', () => {
  it.each([
    ['daily 09:00', '0 9 * * *'],
    ['weekdays 08:30', '30 8 * * 1-5'],
    ['weekly mon 09:00', '0 9 * * 1'],
    ['weekly Friday 17:45', '45 17 * * 5'],
    ['monthly 1 09:00', '0 9 1 * *'],
    ['0 7 * * 1', '0 7 * * 1'],
  ])('%s → %s', (text, cron) => {
    expect(parseSchedule(text)).toMatchObject({ ok: true, schedule: { cron } });
  });

  it('names the part that is wrong', () => {
    expect(parseSchedule('daily 25:00')).toEqual({ ok: false, problem: { part: 'time', preset: 'daily', got: '25:00' } });
    expect(parseSchedule('weekly moon 09:00')).toEqual({ ok: false, problem: { part: 'weekday', got: 'moon' } });
    expect(parseSchedule('monthly 31 09:00')).toEqual({ ok: false, problem: { part: 'monthday', got: '31' } });
    expect(parseSchedule('daily 09:00 Berlin')).toEqual({ ok: false, problem: { part: 'extra', preset: 'daily', got: 'berlin' } });
    expect(parseSchedule('sometimes')).toMatchObject({ ok: false, problem: { part: 'unknown' } });
    expect(zonesLike('Berlin')).toEqual(['Europe/Berlin']);
  });
});

describe('/briefing through the command path', () => {
  async function setup(workspaceLimit?: number) {
    const store = await openStore({ DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'anode-cmd-')), 'bot.db') });
    const composer = createComposer(store);
    const briefings = createBriefingService({ store, composer, library: () => library, defaultTz: 'UTC', ...(workspaceLimit ? { workspaceLimit } : {}) });
    const core = createCore({ library, services: { briefings, settings: store } });
    const as = (allowed: boolean, channel = 'C1') => ({
      platform: 'slack',
      userId: 'U1',
      channelId: channel,
      workspaceId: 'T1',
      lang: 'en' as const,
      canManage: async () => allowed,
    });
    const say = async (line: string, allowed = true, channel = 'C1') => (await core.ask(line, as(allowed, channel))).reply;
    return { say, store };
  }

  it('subscribe, list, preview, now, unsubscribe, resume; a second identical subscribe changes nothing', async () => {
    const { say, store } = await setup();
    const subscribed = await say('/briefing subscribe mismatch weekdays 08:30 Europe/Berlin thread');
    expect(subscribed.title).toBe('Subscribed: regional mismatch briefing, weekdays 08:30 (Europe/Berlin)');
    expect(subscribed.summary).toContain('the headline in the channel and the details in its thread');
    expect(subscribed.fields![0]!.value.split('\n')).toHaveLength(3);
    const again = await say('/briefing subscribe mismatch weekdays 08:30 Europe/Berlin thread');
    expect(again.title).toBe('Already subscribed: #1');
    expect(await store.listChannel('slack', 'C1')).toHaveLength(1);
    expect((await say('/briefing subscribe exports weekly mon 09:00 Asia/Shanghai only-new-data')).summary).toContain('Quiet mode');
    const list = await say('/briefing list');
    expect(list.table!.rows.map((r) => r[1])).toEqual(['mismatch · thread', 'exports · only new data']);
    const preview = await say('/briefing preview mismatch');
    expect(preview.title).toBe('Regional mismatch briefing · 2024');
    expect(preview.notes!.at(-1)).toMatch(/^Preview: spotlight \d+ of \d+/);
    expect((await say('/briefing now utilization')).inChannel).toBe(true);
    expect((await say('/briefing unsubscribe 2')).title).toBe('Unsubscribed: 1 briefing');
    expect((await say('/briefing resume 1')).title).toBe('Resumed: #1');
    // China's zone as people name it, in either language.
    expect((await say('/briefing subscribe utilization daily 07:00 北京')).title).toContain('(Asia/Shanghai)');
    expect((await say('/briefing unsubscribe all')).title).toBe('Unsubscribed: 2 briefings');
    expect((await say('/briefing list')).title).toBe('No briefings in this channel');
  });

  it('previews of different kinds write chart files of their own, in each language', async () => {
    const { say } = await setup();
    const dir = mkdtempSync(join(tmpdir(), 'anode-previews-'));
    const files = new Set<string>();
    for (const kind of ['utilization', 'mismatch', 'exports'] as const) {
      const r = await say(`/briefing preview ${kind}`);
      expect(r.subject).toContain(kind);
      for (const lang of ['en', 'zh-CN'] as const)
        for (const img of await writeChartFiles(r, dir, stemOf('briefing', r.subject), lang)) if (img.kind === 'file') files.add(img.path);
    }
    expect(files.size).toBe(6);
  });

  it('a workspace holds at most BRIEFING_WORKSPACE_LIMIT subscriptions, across its channels, with a clear reply', async () => {
    const { say, store } = await setup(3);
    for (const [i, time] of ['08:00', '09:00', '10:00'].entries())
      expect((await say(`/briefing subscribe mismatch daily ${time} UTC`, true, `C${i}`)).tone).toBe('info');
    const over = await say('/briefing subscribe mismatch daily 11:00 UTC', true, 'C9');
    expect(over.tone).toBe('error');
    expect(over.title).toBe('This workspace has 3 briefings already, the most it may have');
    expect(over.summary).toContain('/briefing unsubscribe');
    expect(await store.countWorkspace('slack', 'T1', 'C9')).toBe(3);
    // The same subscription again is still "already subscribed", not refused.
    expect((await say('/briefing subscribe mismatch daily 08:00 UTC', true, 'C0')).title).toBe('Already subscribed: #1');
  });

  it('everyone may list and preview; subscribe, unsubscribe, resume and now are checked when they run', async () => {
    const { say } = await setup();
    expect((await say('/briefing list', false)).tone).toBe('info');
    expect((await say('/briefing preview', false)).tone).toBe('info');
    for (const line of ['/briefing subscribe', '/briefing unsubscribe all', '/briefing resume 1', '/briefing now']) {
      expect((await say(line, false)).title, line).toBe('Not allowed here');
    }
  });

  it('schedule and zone errors name the part to fix', async () => {
    const { say } = await setup();
    expect((await say('/briefing subscribe daily 09:00 Berlin')).summary).toBe('"Berlin" is not an IANA time zone. Did you mean Europe/Berlin?');
    expect((await say('/briefing subscribe daily 9am')).summary).toMatch(/^The time "9am" is not a time/);
    expect((await say('/briefing subscribe weekly someday 09:00')).summary).toMatch(/^The day "someday" is not a weekday/);
    expect((await say('/briefing subscribe exports daily 09:00 Mars/Base')).summary).toMatch(/"Mars\/Base" is not an IANA time zone/);
    expect((await say('/briefing unsubscribe 99')).summary).toContain('no subscription #99');
  });
});
