import { REST } from 'discord.js';
import webApi from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordDeliverer } from '../../src/adapters/discord/briefing-deliverer.js';
import { slackDeliverer } from '../../src/adapters/slack/briefing-deliverer.js';
import { composeBriefing } from '../../src/briefings/compose.js';
import { DeliveryError } from '../../src/briefings/scheduler.js';
import { core } from '../support/core.js';
import { startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { discordViolations, slackViolations } from '../support/platform-limits.js';

const reply = () => composeBriefing(core().data, core().names, 'full');
const URL_MODE = { mode: 'url' as const, quickChartBaseUrl: 'https://quickchart.io' };
const UPLOAD_MODE = { mode: 'upload' as const, quickChartBaseUrl: 'https://quickchart.io' };

describe('Slack briefing delivery through the real Web API client', () => {
  let fake: FakeSlack;
  const client = () => new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 } });
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => fake.close());

  it('posts Block Kit within limits', async () => {
    await slackDeliverer(client(), URL_MODE).deliver('C1', reply());
    const call = fake.calls.filter((c) => c.method === 'chat.postMessage').at(-1)!;
    expect(call.body.channel).toBe('C1');
    expect(slackViolations({ text: call.body.text as string, blocks: call.body.blocks as never })).toEqual([]);
  });

  it('honours 429 Retry-After and retries a 5xx, then delivers', async () => {
    fake.failures.set('chat.postMessage', [
      { status: 429, headers: { 'retry-after': '1' }, body: { ok: false, error: 'ratelimited' } },
      { status: 503, body: { ok: false, error: 'service_unavailable' } },
    ]);
    const before = fake.calls.filter((c) => c.method === 'chat.postMessage').length;
    const t = Date.now();
    await slackDeliverer(client(), URL_MODE).deliver('C2', reply());
    expect(Date.now() - t).toBeGreaterThanOrEqual(1000);
    expect(fake.calls.filter((c) => c.method === 'chat.postMessage').length - before).toBe(3);
  });

  it('upload mode uploads the chart and sends nothing to QuickChart', async () => {
    await slackDeliverer(client(), UPLOAD_MODE).deliver('C5', reply());
    expect(fake.calls.some((c) => c.method === 'files.completeUploadExternal')).toBe(true);
    const call = fake.calls.filter((c) => c.method === 'chat.postMessage').at(-1)!;
    expect(JSON.stringify(call.body)).not.toContain('quickchart');
    expect(JSON.stringify(call.body)).toContain('slack_file');
  });

  it('classifies a missing channel as permanent', async () => {
    fake.failures.set('chat.postMessage', [{ status: 200, body: { ok: false, error: 'channel_not_found' } }]);
    const err = await slackDeliverer(client(), URL_MODE).deliver('CGONE', reply()).catch((e) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ permanent: true, message: 'channel_not_found' });
  });
});

describe('Discord briefing delivery through discord.js REST', () => {
  let fake: FakeDiscord;
  const rest = () => new REST({ api: fake.api, retries: 1, timeout: 5000 }).setToken('bot-token');
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => fake.close());

  it('posts embeds within limits with mentions off', async () => {
    await discordDeliverer(rest(), URL_MODE).deliver('301', reply());
    const post = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v10/channels/301/messages')!;
    expect(post.body.allowed_mentions).toEqual({ parse: [] });
    expect(discordViolations(post.body as never)).toEqual([]);
  });

  it('upload mode attaches the PNG instead of a QuickChart URL', async () => {
    await discordDeliverer(rest(), UPLOAD_MODE).deliver('305', reply());
    const post = fake.requests.find((r) => r.method === 'POST' && r.path === '/api/v10/channels/305/messages')!;
    expect(post.files).toEqual([{ name: 'chart-1.png', bytes: expect.any(Number) }]);
    expect(JSON.stringify(post.body)).toContain('attachment://chart-1.png');
    expect(JSON.stringify(post.body)).not.toContain('quickchart');
  });

  it('waits out a 429 with Retry-After, then delivers', async () => {
    fake.failures.push({ path: '/channels/302/messages', status: 429, retryAfter: 1 });
    const t = Date.now();
    await discordDeliverer(rest(), URL_MODE).deliver('302', reply());
    expect(Date.now() - t).toBeGreaterThanOrEqual(900);
    expect(fake.requests.filter((r) => r.path === '/api/v10/channels/302/messages')).toHaveLength(2);
  });

  it('classifies Unknown Channel as permanent and a 500 as transient', async () => {
    fake.failures.push({ path: '/channels/303/messages', status: 404, body: { message: 'Unknown Channel', code: 10003 } });
    const gone = await discordDeliverer(rest(), URL_MODE).deliver('303', reply()).catch((e) => e);
    expect(gone).toMatchObject({ permanent: true });
    expect(gone.message).toContain('10003');
    fake.failures.push({ path: '/channels/304/messages', status: 500 }, { path: '/channels/304/messages', status: 500 });
    const busy = await discordDeliverer(rest(), URL_MODE).deliver('304', reply()).catch((e) => e);
    expect(busy).toBeInstanceOf(DeliveryError);
    expect(busy.permanent).toBe(false);
  });
});
