import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackBot, SHARE_ACTION, type SlackBot } from '../../src/adapters/slack/slack-bot.js';
import type { Reply } from '../../src/commands/reply.js';
import type { Core } from '../../src/core.js';
import { createLogger } from '../../src/log.js';
import { core } from '../support/core.js';
import { LogCapture } from '../support/local-server.js';
import { postToBot, slashCommand, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { slackViolations } from '../support/platform-limits.js';

const SECRET = 'test-signing-secret-0123456789';
const TOKEN = 'xoxb-test-token-abcdef';


interface Running {
  bot: SlackBot;
  port: number;
  logs: LogCapture;
}

async function startBot(fake: FakeSlack, o: { chartMode?: 'url' | 'upload'; core?: Core } = {}): Promise<Running> {
  const logs = new LogCapture();
  const bot = createSlackBot({
    core: o.core ?? core(),
    log: createLogger('info', logs),
    botToken: TOKEN,
    signingSecret: SECRET,
    port: 0,
    apiUrl: fake.apiUrl,
    chartMode: o.chartMode ?? 'url',
    quickChartBaseUrl: 'https://quickchart.io',
    retryConfig: { retries: 0 },
  });
  const { port } = await bot.start();
  return { bot, port: port!, logs };
}

describe('Slack adapter over HTTP, through Bolt and a local fake Slack', () => {
  let fake: FakeSlack;
  let running: Running;
  let n = 0;
  const slash = (command: string, text: string) =>
    postToBot(running.port, slashCommand(command, text, `${fake.base}/respond/${++n}`), { secret: SECRET });

  beforeAll(async () => {
    fake = await startFakeSlack();
    running = await startBot(fake);
  });
  afterAll(async () => {
    await running.bot.stop();
    await fake.close();
  });

  it('answers every command with an ephemeral Block Kit reply within limits', async () => {
    const cases: [string, string, string][] = [
      ['/overview', '', 'overview'],
      ['/province', 'Yunnan', 'Yunnan · prebaked anodes 2024'],
      ['/exports', 'top 3 2023', 'Anode exports 2023: top 3'],
      ['/exports', 'country Malaysia', 'Anode exports to Malaysia'],
      ['/utilization', 'Henan', 'Henan · utilization 2024'],
      ['/mismatch', '', 'Regional anode mismatch'],
      ['/compare', 'Shandong Yunnan', 'Shandong vs Yunnan'],
      ['/rank', 'capacity top 5', 'Provinces by capacity'],
      ['/anode', 'help', 'anode-bot commands'],
      ['/anode', 'sources', 'Sources'],
    ];
    for (const [command, text, title] of cases) {
      const res = await slash(command, text);
      expect(res.status, command).toBe(200);
      const body = res.json();
      expect(body.response_type).toBe('ephemeral');
      const blocks = body.blocks as { type: string; text?: { text: string } }[];
      expect(blocks[0]!.text!.text, `${command} ${text}`).toContain(title);
      expect(typeof body.text).toBe('string');
      expect(slackViolations(body as never), `${command} ${text}`).toEqual([]);
      expect(blocks.at(-1)!.type).toBe('actions');
    }
  });

  it('shows charts as image blocks with alt text from QuickChart URLs', async () => {
    const body = (await slash('/province', 'Yunnan')).json();
    const images = (body.blocks as { type: string; image_url?: string; alt_text?: string }[]).filter((b) => b.type === 'image');
    expect(images).toHaveLength(2);
    expect(images[0]!.image_url).toMatch(/^https:\/\/quickchart\.io\/chart\?c=.*&v=4/);
    expect(images[0]!.alt_text).toContain('Yunnan capacity by efficiency class');
  });

  it('user mistakes get an explanation with the usage line, ephemerally', async () => {
    const body = (await slash('/province', 'Yunan')).json();
    expect(body.response_type).toBe('ephemeral');
    const json = JSON.stringify(body);
    expect(json).toContain('Did you mean Yunnan');
    expect(json).toContain('/province &lt;province&gt;');
    expect((body.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
  });

  it('"--public" answers in the channel directly', async () => {
    const body = (await slash('/province', 'Yunnan --public')).json();
    expect(body.response_type).toBe('in_channel');
    expect((body.blocks as { type: string }[]).some((b) => b.type === 'actions')).toBe(false);
  });

  it('nothing a user types can notify the channel', async () => {
    // Slack sends the text HTML-escaped; the bot decodes it, and everything it echoes is escaped again.
    for (const text of ['&lt;!channel&gt;', '&lt;!here&gt;', '@everyone', '&lt;!everyone&gt; *bold* `x`', '&lt;@U999&gt;']) {
      const json = (await slash('/province', text)).text;
      expect(json, text).not.toMatch(/<!(channel|here|everyone)|<@U999/);
    }
  });

  it('"Share in channel" posts the same answer in the channel, says who shared it, removes the private one', async () => {
    const first = (await slash('/exports', 'top 3')).json();
    const button = (first.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!.elements![0]!;
    expect(button.action_id).toBe(SHARE_ACTION);
    const responseId = `share-${++n}`;
    const payload = {
      type: 'block_actions',
      team: { id: 'T1', domain: 'test' },
      user: { id: 'U42', username: 'manager', team_id: 'T1' },
      api_app_id: 'A1',
      token: 'legacy',
      trigger_id: '1.2.3',
      channel: { id: 'C1', name: 'general' },
      container: { type: 'message', is_ephemeral: true },
      response_url: `${fake.base}/respond/${responseId}`,
      actions: [{ type: 'button', action_id: SHARE_ACTION, block_id: 'b', value: button.value, action_ts: '1' }],
    };
    const res = await postToBot(running.port, { payload: JSON.stringify(payload) }, { secret: SECRET });
    expect(res.status).toBe(200);
    await expect.poll(() => fake.responses.filter((r) => r.id === responseId).length).toBe(2);
    const [shared, removed] = fake.responses.filter((r) => r.id === responseId);
    expect(shared!.body.response_type).toBe('in_channel');
    expect(JSON.stringify(shared!.body)).toContain('Anode exports 2024: top 3');
    expect(JSON.stringify(shared!.body)).toContain('Shared by <@U42>');
    expect(removed!.body).toEqual({ delete_original: true });
  });

  it('rejects a bad signature and a stale timestamp with 401', async () => {
    const form = slashCommand('/province', 'Yunnan', `${fake.base}/respond/x`);
    expect((await postToBot(running.port, form, { secret: SECRET, badSignature: true })).status).toBe(401);
    expect((await postToBot(running.port, form, { secret: 'another-secret' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await postToBot(running.port, form, { secret: SECRET, timestamp: stale })).status).toBe(401);
  });

  it('never logs the token or the signing secret', () => {
    expect(running.logs.text).not.toContain(TOKEN);
    expect(running.logs.text).not.toContain(SECRET);
  });
});

describe('Slack adapter: failures and limits', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => fake.close());

  it('a handler that throws still answers with an error id that is logged, and the server keeps serving', async () => {
    let calls = 0;
    const flaky: Core = {
      ...core(),
      ask: async (line, inv) => {
        if (++calls === 1) throw new Error('boom');
        return core().ask(line, inv);
      },
    };
    const running = await startBot(fake, { core: flaky });
    try {
      const res = await postToBot(running.port, slashCommand('/overview', '', `${fake.base}/respond/f1`), { secret: SECRET });
      expect(res.status).toBe(200);
      const json = res.text;
      const id = /error id ([0-9a-f]{8})/.exec(json)?.[1];
      expect(id).toBeDefined();
      expect(running.logs.text).toContain(id!);
      expect(running.logs.text).toContain('boom');
      const again = await postToBot(running.port, slashCommand('/overview', '', `${fake.base}/respond/f2`), { secret: SECRET });
      expect(JSON.stringify(again.json())).toContain('overview');
    } finally {
      await running.bot.stop();
    }
  });

  it('a reply far over Block Kit limits is cut down, never rejected', async () => {
    const long = 'y'.repeat(5000);
    const huge: Reply = {
      tone: 'info',
      title: long,
      summary: long,
      fields: Array.from({ length: 600 }, (_, i) => ({ label: `f${i} ${long}`, value: long })),
      table: { columns: [{ label: 'a', align: 'left' }], rows: Array.from({ length: 2000 }, (_, i) => [`row ${i}`]) },
      notes: Array.from({ length: 40 }, () => long),
    };
    const running = await startBot(fake, { core: { ...core(), ask: async () => huge } });
    try {
      const body = (await postToBot(running.port, slashCommand('/overview', '', `${fake.base}/respond/h`), { secret: SECRET })).json();
      expect(slackViolations(body as never)).toEqual([]);
      expect((body.blocks as unknown[]).length).toBe(50);
      expect(JSON.stringify(body)).toContain('more blocks not shown');
    } finally {
      await running.bot.stop();
    }
  });

  it('upload mode renders charts locally and uploads them with files.uploadV2', async () => {
    const running = await startBot(fake, { chartMode: 'upload' });
    try {
      const res = await postToBot(running.port, slashCommand('/mismatch', '', `${fake.base}/respond/u1`), { secret: SECRET });
      expect(res.status).toBe(200);
      await expect.poll(() => fake.responses.filter((r) => r.id === 'u1').length, { timeout: 10_000 }).toBe(1);
      const methods = fake.calls.map((c) => c.method);
      expect(methods).toContain('files.getUploadURLExternal');
      expect(methods).toContain('files.completeUploadExternal');
      expect(fake.uploads.at(-1)!.bytes).toBeGreaterThan(10_000);
      const body = fake.responses.find((r) => r.id === 'u1')!.body;
      const image = (body.blocks as { type: string; slack_file?: { id: string }; image_url?: string }[]).find((b) => b.type === 'image')!;
      expect(image.slack_file?.id).toMatch(/^F\d+$/);
      expect(image.image_url).toBeUndefined();
      expect(JSON.stringify(body)).not.toContain('quickchart.io');
    } finally {
      await running.bot.stop();
    }
  });
});

describe('Slack adapter in Socket Mode, against a local fake socket', () => {
  it('connects with the app token and answers a slash command envelope in its ack', async () => {
    const fake = await startFakeSlack();
    const logs = new LogCapture();
    const bot = createSlackBot({
      core: core(),
      log: createLogger('info', logs),
      botToken: TOKEN,
      appToken: 'xapp-test-app-token',
      port: 0,
      apiUrl: fake.apiUrl,
      chartMode: 'url',
      quickChartBaseUrl: 'https://quickchart.io',
      retryConfig: { retries: 0 },
    });
    try {
      await bot.start();
      await expect.poll(() => fake.socketClients()).toBe(1);
      expect(fake.calls.some((c) => c.method === 'apps.connections.open')).toBe(true);
      fake.sendEnvelope({
        envelope_id: 'env-1',
        type: 'slash_commands',
        accepts_response_payload: true,
        payload: slashCommand('/province', '云南', `${fake.base}/respond/sm1`),
      });
      await expect.poll(() => fake.acks.find((a) => a.envelope_id === 'env-1')).toBeDefined();
      const ack = fake.acks.find((a) => a.envelope_id === 'env-1')!;
      expect(JSON.stringify(ack.payload)).toContain('Yunnan · prebaked anodes 2024');
      expect(logs.text).not.toContain('xapp-test-app-token');
    } finally {
      await bot.stop();
      await fake.close();
    }
  });
});
