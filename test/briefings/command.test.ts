import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpBriefings, type Briefings } from '../../src/briefings/setup.js';
import type { Invocation } from '../../src/commands/define.js';
import { createCore, type Core } from '../../src/core.js';
import { createLogger } from '../../src/log.js';
import { toConsoleText } from '../../src/render/console-text.js';

const admin: Invocation = { platform: 'slack', userId: 'UADMIN', channelId: 'C1', canManage: true };
const member: Invocation = { platform: 'slack', userId: 'U2', channelId: 'C1', canManage: false };

describe('/briefing through the command path', () => {
  let core: Core;
  let briefings: Briefings;
  beforeAll(() => {
    core = createCore('data');
    briefings = setUpBriefings(core, { DATABASE_PATH: ':memory:', BRIEFING_TZ: 'Asia/Shanghai', BRIEFING_GRACE_MINUTES: 60 }, createLogger('silent'));
    briefings.deliverTo('slack', { deliver: async () => {} });
    briefings.start();
  });
  afterAll(async () => briefings.stop());
  const text = async (line: string, who = admin) => toConsoleText(await core.ask(line, who));

  it('subscribes with a preset and a time zone and states the next three deliveries', async () => {
    const reply = await core.ask('/briefing subscribe mismatch weekdays 08:30 Europe/Berlin', admin);
    expect(reply.title).toBe('Subscribed: mismatch briefing, weekdays 08:30 (Europe/Berlin)');
    const next = reply.fields![0]!.value.split('\n');
    expect(next).toHaveLength(3);
    for (const line of next) expect(line).toMatch(/(Mon|Tue|Wed|Thu|Fri), .* 08:30 (CET|CEST)/);
  });

  it('defaults: kind full, weekdays 09:00, time zone from BRIEFING_TZ', async () => {
    expect((await core.ask('/briefing subscribe', admin)).title).toBe('Subscribed: full briefing, weekdays 09:00 (Asia/Shanghai)');
    expect((await core.ask('/briefing subscribe exports 0 7 * * 1', admin)).title).toBe('Subscribed: exports briefing, cron 0 7 * * 1 (Asia/Shanghai)');
  });

  it('lists this channel\'s subscriptions with ids and next run; other channels see theirs only', async () => {
    const list = await text('/briefing list', member);
    expect(list).toMatch(/#1\s+mismatch\s+weekdays 08:30 Europe\/Berlin/);
    expect(list).toContain('#2');
    expect(await text('/briefing list', { ...member, channelId: 'C9' })).toContain('No briefings in this channel');
  });

  it('only managers may subscribe or unsubscribe; everyone may list and preview', async () => {
    expect((await core.ask('/briefing subscribe', member)).title).toBe('Not allowed here');
    expect((await core.ask('/briefing unsubscribe all', member)).title).toBe('Not allowed here');
    expect((await core.ask('/briefing preview utilization', member)).title).toBe('Utilization briefing · China prebaked anodes 2024');
    const now = await core.ask('/briefing now exports', member);
    expect(now.inChannel).toBe(true);
  });

  it('bad cron, unknown time zone or kind get a clear reply with an example', async () => {
    const cron = await core.ask('/briefing subscribe mismatch 0 25 * * *', admin);
    expect(cron.tone).toBe('error');
    expect(cron.summary).toMatch(/not a valid cron expression.*daily 09:00/);
    const tz = await core.ask('/briefing subscribe mismatch daily 09:00 Mars/Olympus', admin);
    expect(tz.title).toBe('Unknown time zone');
    expect(tz.usage).toContain('Europe/Berlin');
    const kind = await core.ask('/briefing preview weather', admin);
    expect(kind.tone).toBe('error');
  });

  it('unsubscribes one id, then all', async () => {
    expect((await core.ask('/briefing unsubscribe 1', admin)).title).toBe('Unsubscribed: 1 briefing');
    expect((await core.ask('/briefing unsubscribe 1', admin)).summary).toContain('no subscription #1');
    expect((await core.ask('/briefing unsubscribe all', admin)).title).toBe('Unsubscribed: 2 briefings');
    expect((await core.ask('/briefing unsubscribe soon', admin)).title).toBe('Which subscription?');
  });

  it('is never served from the reply cache', async () => {
    await core.ask('/briefing subscribe', admin);
    const a = await core.ask('/briefing list', admin);
    await core.ask('/briefing unsubscribe all', admin);
    const b = await core.ask('/briefing list', admin);
    expect(a.title).not.toBe(b.title);
  });

  it('without a scheduler (npm run ask) says so', async () => {
    const bare = createCore('data');
    expect((await bare.ask('/briefing list')).title).toBe('Briefings are not running here');
  });
});
