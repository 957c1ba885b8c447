import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVERY_COMMAND } from '../support/core.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { blockAction, postToBot, sign, slashCommand, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { slackViolations } from '../support/platform-limits.js';
import { startFakeQuickChart } from '../support/fake-quickchart.js';

const SECRET = 'test-signing-secret-0123456789';
const TOKEN = 'xoxb-test-token-abcdef';

type Block = {
  type: string;
  block_id?: string;
  text?: { text: string };
  elements?: { type: string; action_id: string; value?: string; text?: { text: string }; options?: { value: string }[] }[];
  image_url?: string;
  slack_file?: { id: string };
};

describe('Slack through Bolt, on the bot’s own HTTP server, against a local fake Slack', () => {
  let fake: FakeSlack;
  let t: TestBot;
  let n = 0;
  const url = () => `${fake.base}/respond/${++n}`;
  const slash = (command: string, text: string, o: { user?: string; channel?: string } = {}) =>
    postToBot(t.port, slashCommand(command, text, url(), o), { secret: SECRET });
  const answerOf = async (id: string) => {
    await expect.poll(() => fake.responses.some((r) => r.id === id), { timeout: 10_000 }).toBe(true);
    return fake.responses.find((r) => r.id === id)!.body;
  };
  const buttonsOf = (body: Record<string, unknown>) =>
    (body.blocks as Block[]).filter((b) => b.type === 'actions').flatMap((b) => b.elements!.map((e) => ({ ...e, block_id: b.block_id })));

  beforeAll(async () => {
    fake = await startFakeSlack();
    t = await startTestBot({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, BRIEFING_ADMINS: 'ULISTED' });
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });

  it('answers every command with a compact, private Block Kit reply within limits, with buttons for the next question', async () => {
    for (const line of EVERY_COMMAND) {
      const [command, ...rest] = line.split(' ');
      const name = ['/help', '/sources', '/changes', '/language'].includes(command!) ? '/anode' : command!;
      const text = name === '/anode' ? line.slice(1) : rest.join(' ');
      const res = await slash(name, text);
      if (res.status === 200 && res.text === '') {
        // Acknowledged at once (it may ask Slack who the user is); the answer comes by response_url.
        const body = await answerOf(String(n));
        expect(slackViolations(body as never), line).toEqual([]);
        continue;
      }
      expect(res.status, line).toBe(200);
      const body = res.json();
      expect(body.response_type, line).toBe('ephemeral');
      expect(slackViolations(body as never), line).toEqual([]);
    }
    const yunnan = (await slash('/province', 'Yunnan')).json();
    const fields = (yunnan.blocks as { fields?: unknown[] }[]).flatMap((b) => b.fields ?? []);
    expect(fields).toHaveLength(4);
    expect((yunnan.blocks as Block[]).filter((b) => b.type === 'image')).toHaveLength(1);
    expect(buttonsOf(yunnan).map((b) => b.text?.text ?? 'menu')).toEqual(['More', 'Utilization', 'Rank', 'Balance', 'Share in channel', 'menu']);
  });

  it('questions in words: an @mention is answered in its thread and a direct message in the conversation, the understood command on top', async () => {
    const event = (e: Record<string, unknown>, id: string) => ({
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: id,
      event_time: 1,
      event: e,
    });
    const mention = await postToBot(
      t.port,
      event(
        {
          type: 'app_mention',
          user: 'U1',
          text: '<@UBOT> what is the capacity of yunnan?',
          ts: '1700000000.000100',
          channel: 'CQ1',
          event_ts: '1700000000.000100',
        },
        'Ev1',
      ) as never,
      { secret: SECRET, json: true },
    );
    expect(mention.status).toBe(200);
    await expect.poll(() => fake.messages.find((m) => m.channel === 'CQ1'), { timeout: 10_000 }).toBeDefined();
    const inThread = fake.messages.find((m) => m.channel === 'CQ1')!;
    expect(inThread.thread_ts).toBe('1700000000.000100');
    const blocks = inThread.blocks as Block[];
    expect(blocks[0]).toMatchObject({ type: 'context', elements: [{ text: '→ /province Yunnan' }] });
    expect(JSON.stringify(blocks)).toContain('Yunnan · prebaked anodes 2024');
    expect(slackViolations({ text: inThread.text, blocks } as never)).toEqual([]);

    const dm = await postToBot(
      t.port,
      event(
        { type: 'message', channel_type: 'im', user: 'U1', text: '山东和河南对比一下', ts: '1700000000.000200', channel: 'DQ1', event_ts: '1700000000.000200' },
        'Ev2',
      ) as never,
      { secret: SECRET, json: true },
    );
    expect(dm.status).toBe(200);
    await expect.poll(() => fake.messages.find((m) => m.channel === 'DQ1'), { timeout: 10_000 }).toBeDefined();
    const reply = fake.messages.find((m) => m.channel === 'DQ1')!;
    expect((reply.blocks as Block[])[0]).toMatchObject({ type: 'context', elements: [{ text: '→ 理解为 /compare Shandong Henan' }] });
    expect(reply.thread_ts).toBeUndefined();

    // The bot's own messages and other channels' chatter are never answered.
    await postToBot(
      t.port,
      event({ type: 'message', channel_type: 'im', bot_id: 'BBOT', text: 'yunnan', ts: '1700000000.000300', channel: 'DQ2' }, 'Ev3') as never,
      { secret: SECRET, json: true },
    );
    await postToBot(
      t.port,
      event({ type: 'message', channel_type: 'channel', user: 'U2', text: 'yunnan', ts: '1700000000.000400', channel: 'CQ2' }, 'Ev4') as never,
      { secret: SECRET, json: true },
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.messages.filter((m) => m.channel === 'DQ2' || m.channel === 'CQ2')).toEqual([]);
  });

  it('an unsure question gets its readings as buttons; a click runs the chosen command', async () => {
    const event = {
      token: 'x',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev5',
      event_time: 1,
      event: { type: 'app_mention', user: 'U1', text: '<@UBOT> which province is top', ts: '1700000000.000500', channel: 'CQ3', event_ts: '1700000000.000500' },
    };
    await postToBot(t.port, event as never, { secret: SECRET, json: true });
    await expect.poll(() => fake.messages.find((m) => m.channel === 'CQ3'), { timeout: 10_000 }).toBeDefined();
    const choice = buttonsOf(fake.messages.find((m) => m.channel === 'CQ3')! as never).find((b) => b.text?.text === '/rank output')!;
    expect(choice).toBeDefined();
    const id = String(++n);
    await postToBot(
      t.port,
      blockAction({ responseUrl: `${fake.base}/respond/${id}`, channel: 'CQ3', button: { action_id: choice.action_id, value: choice.value! } }),
      { secret: SECRET },
    );
    expect(JSON.stringify(await answerOf(id))).toContain('Provinces by output');
  });

  it('"More" replaces the message in place with the full reply; "Less" goes back', async () => {
    const first = (await slash('/province', 'Yunnan')).json();
    const more = buttonsOf(first).find((b) => b.text?.text === 'More')!;
    const id = String(++n);
    const res = await postToBot(t.port, blockAction({ responseUrl: `${fake.base}/respond/${id}`, button: { action_id: more.action_id, value: more.value! } }), {
      secret: SECRET,
    });
    expect(res.status).toBe(200);
    const full = await answerOf(id);
    expect(full.replace_original).toBe(true);
    const fields = (full.blocks as { fields?: unknown[] }[]).flatMap((b) => b.fields ?? []);
    expect(fields.length).toBeGreaterThan(8);
    expect((full.blocks as Block[]).filter((b) => b.type === 'image')).toHaveLength(2);
    expect(buttonsOf(full)[0]!.text?.text).toBe('Less');
  });

  it('"Compare with…" answers the menu’s choice in place', async () => {
    const first = (await slash('/province', 'Yunnan')).json();
    const menu = buttonsOf(first).find((b) => b.type === 'static_select')!;
    const id = String(++n);
    await postToBot(t.port, blockAction({ responseUrl: `${fake.base}/respond/${id}`, menu: { block_id: menu.block_id!, value: 'Shandong' } }), {
      secret: SECRET,
    });
    const body = await answerOf(id);
    expect(body.replace_original).toBe(true);
    expect(JSON.stringify(body)).toContain('Yunnan vs Shandong · 2024');
  });

  it('"Share in channel" posts the answer for everyone, says who shared it, removes the private copy', async () => {
    const first = (await slash('/exports', 'top 3')).json();
    const share = buttonsOf(first).find((b) => b.text?.text === 'Share in channel')!;
    const id = String(++n);
    await postToBot(
      t.port,
      blockAction({ responseUrl: `${fake.base}/respond/${id}`, user: 'U42', button: { action_id: share.action_id, value: share.value! } }),
      { secret: SECRET },
    );
    await expect.poll(() => fake.responses.filter((r) => r.id === id).length, { timeout: 10_000 }).toBe(2);
    const [post, remove] = fake.responses.filter((r) => r.id === id);
    expect(post!.body).toMatchObject({ response_type: 'in_channel', replace_original: false });
    expect(JSON.stringify(post!.body)).toContain('Shared by <@U42>');
    expect(remove!.body).toEqual({ delete_original: true });
  });

  it('a forged or altered button, or one from another channel, gets a polite error and nothing else', async () => {
    const first = (await slash('/province', 'Yunnan')).json();
    const more = buttonsOf(first).find((b) => b.text?.text === 'More')!;
    for (const [value, channel, reason] of [
      [more.value!.replace('Yunnan', 'Henan'), 'C1', 'forged'],
      [more.value!, 'C-other', 'forged'],
      ['not-a-button', 'C1', 'malformed'],
      ['{"line":"/briefing subscribe"}', 'C1', 'malformed'],
    ] as const) {
      const id = String(++n);
      await postToBot(t.port, blockAction({ responseUrl: `${fake.base}/respond/${id}`, channel, button: { action_id: 'anode_b0', value } }), {
        secret: SECRET,
      });
      const body = await answerOf(id);
      expect(body.replace_original).toBe(false);
      expect(body.response_type).toBe('ephemeral');
      expect(JSON.stringify(body)).toMatch(reason === 'forged' ? /belongs to another channel/ : /could not be read/);
    }
  });

  it('--public (or a phone’s —public) answers in the channel', async () => {
    expect((await slash('/province', 'Yunnan --public')).json().response_type).toBe('in_channel');
    expect((await slash('/province', 'Yunnan —public')).json().response_type).toBe('in_channel');
  });

  it('nothing a user types can notify the channel', async () => {
    for (const text of ['&lt;!channel&gt;', '&lt;!here&gt;', '@everyone', '&lt;!everyone&gt; *bold* `x`', '&lt;@U999&gt;']) {
      const json = (await slash('/province', text)).text;
      expect(json, text).not.toMatch(/<!(channel|here|everyone)|<@U999/);
    }
  });

  it('tables are native table blocks: the header row, every row with its marks, numbers right-aligned, a text fallback', async () => {
    for (const [command, text, line] of [
      ['/anode', 'table 2 --full', '/table 2'],
      ['/rank', 'exports --full', '/rank exports'],
      ['/compare', 'Shandong Yunnan --full', '/compare Shandong Yunnan'],
      ['/exports', 'top 10 --full', '/exports top 10'],
      ['/mismatch', '--full', '/mismatch'],
    ] as const) {
      const reply = (await import('../support/core.js').then((c) => c.ask(line))).table!;
      const res = await slash(command, text);
      const body = res.text === '' ? await answerOf(String(n)) : res.json();
      const tables = (body.blocks as { type: string; rows?: { type: string; text: string }[][]; column_settings?: { align: string }[] }[]).filter(
        (b) => b.type === 'table',
      );
      expect(tables, line).toHaveLength(1);
      const t = tables[0]!;
      expect(
        t.rows![0]!.map((c) => c.text),
        line,
      ).toEqual(reply.columns.map((c) => c.label.trim() || '—'));
      expect(
        t.rows!.slice(1).map((r) => r.map((c) => c.text)),
        line,
      ).toEqual(reply.rows.map((r) => r.map((c) => c.trim() || '—')));
      expect(
        t.column_settings!.map((c) => c.align),
        line,
      ).toEqual(reply.columns.map((c) => c.align));
      expect(String(body.text), line).toContain(reply.rows[0]![0]!.trim());
      expect(slackViolations(body as never), line).toEqual([]);
    }
  });

  it('a chart whose URL is longer than Slack takes is drawn by QuickChart through a POST, uploaded, and shown as a Slack file', async () => {
    const qc = await startFakeQuickChart();
    const long = await startTestBot({ SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, QUICKCHART_BASE_URL: qc.baseUrl });
    try {
      const uploadsBefore = fake.uploads.length;
      const res = await postToBot(long.port, slashCommand('/province', 'Yunnan', url()), { secret: SECRET });
      // Drawing and uploading may outlast Slack's 3 s: acknowledged at once, answered by response_url.
      expect(res.status).toBe(200);
      expect(res.text).toBe('');
      const body = await answerOf(String(n));
      const images = (body.blocks as Block[]).filter((b) => b.type === 'image');
      expect(images).toHaveLength(1);
      expect(images[0]!.slack_file?.id).toMatch(/^F\d+$/);
      expect(images[0]!.image_url).toBeUndefined();
      // QuickChart's 3,000 bytes in the multipart body the SDK sends to the upload URL (a local drawing is over 10 KB).
      const uploaded = fake.uploads.slice(uploadsBefore).map((u) => u.bytes);
      expect(uploaded).toHaveLength(1);
      expect(uploaded[0]).toBeGreaterThanOrEqual(qc.png.length);
      expect(uploaded[0]).toBeLessThan(qc.png.length + 512);
      expect(qc.posts.map((p) => p.version)).toEqual(['4']);
      expect(slackViolations(body as never)).toEqual([]);
    } finally {
      await long.stop();
      await qc.close();
    }
  });

  it('/table 3 csv uploads the CSV to the channel and answers with the table', async () => {
    const res = await slash('/table', '3 csv');
    expect(res.text).toBe('');
    const body = await answerOf(String(n));
    expect(JSON.stringify(body)).toContain('table-3-2024.csv');
    await expect.poll(() => fake.calls.some((c) => c.method === 'files.completeUploadExternal' && c.body.channel_id === 'C1')).toBe(true);
  });

  it('/briefing: admins may subscribe (asking Slack, with the token), others may list; the same subscription twice is one', async () => {
    await slash('/briefing', 'subscribe', { user: 'U1' });
    const denied = JSON.stringify(await answerOf(String(n)));
    expect(denied).toContain('Not allowed here');
    expect(denied).toContain('it needs a workspace admin or owner');
    expect(fake.calls.some((c) => c.method === 'users.info' && c.token === TOKEN)).toBe(true);
    await slash('/briefing', 'subscribe mismatch daily 09:00 UTC', { user: 'UADMIN' });
    expect(JSON.stringify(await answerOf(String(n)))).toContain('Subscribed: regional mismatch briefing, daily 09:00 (UTC)');
    await slash('/briefing', 'subscribe mismatch daily 09:00 UTC', { user: 'ULISTED' });
    expect(JSON.stringify(await answerOf(String(n)))).toContain('Already subscribed');
    await slash('/briefing', 'list', { user: 'U1' });
    const list = await answerOf(String(n));
    expect(JSON.stringify(list)).toContain('Briefings in this channel: 1');
    // A subscription is not an answer to share: no button that would subscribe again.
    expect(JSON.stringify(list)).not.toContain('Share in channel');
  });

  it("a channel set to zh reads Chinese, replies and briefings; auto follows each user's Slack locale", async () => {
    const answer = async (res: Awaited<ReturnType<typeof slash>>) => (res.status === 200 && res.text === '' ? answerOf(String(n)) : res.json());
    expect(JSON.stringify(await answer(await slash('/anode', 'language zh', { user: 'UADMIN', channel: 'CZH' })))).toContain('语言已设置');
    const zh = await answer(await slash('/province', 'Yunnan', { channel: 'CZH' }));
    expect(JSON.stringify(zh)).toContain('云南 · 2024年预焙阳极');
    expect(slackViolations(zh as never)).toEqual([]);
    expect(JSON.stringify(await answer(await slash('/province', 'Yunnan', { channel: 'CEN' })))).toContain('Yunnan · prebaked anodes 2024');
    // A briefing posted in that channel now is written in Chinese too (scheduled ones: delivery.test.ts).
    const now = await answer(await slash('/briefing', 'now mismatch', { user: 'UADMIN', channel: 'CZH' }));
    expect(now.response_type).toBe('in_channel');
    expect(JSON.stringify(now)).toContain('区域供需错配简报 · 2024年');
    // auto: each reader's own Slack locale (users.info include_locale).
    await answer(await slash('/anode', 'language auto', { user: 'UADMIN', channel: 'CAUTO' }));
    expect(JSON.stringify(await answer(await slash('/province', 'Yunnan', { channel: 'CAUTO', user: 'UZH' })))).toContain('云南 · 2024年预焙阳极');
    expect(JSON.stringify(await answer(await slash('/province', 'Yunnan', { channel: 'CAUTO', user: 'U1' })))).toContain('Yunnan · prebaked anodes 2024');
    expect(fake.calls.some((c) => c.method === 'users.info' && c.body.include_locale === 'true')).toBe(true);
  });

  it('refuses what is not Slack: unsigned, stale, future, replayed, oversized, malformed', async () => {
    const form = slashCommand('/province', 'Yunnan', url());
    expect((await postToBot(t.port, form, { secret: SECRET, badSignature: true })).status).toBe(401);
    expect((await postToBot(t.port, form, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    expect((await postToBot(t.port, form, { secret: SECRET, timestamp: Math.floor(Date.now() / 1000) + 3600 })).status).toBe(401);
    const once = await postToBot(t.port, form, { secret: SECRET });
    expect(once.status).toBe(200);
    const replay = await postToBot(t.port, form, { secret: SECRET, timestamp: once.timestamp, signature: once.signature });
    expect(replay.status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${t.port}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(401);
    // A 3.9 MB body is refused from its Content-Length, before it is read.
    const big = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: t.port,
          path: '/slack/events',
          method: 'POST',
          headers: {
            'x-slack-signature': 'v0=00',
            'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)),
            'content-length': String(3_900_000),
            'content-type': 'application/x-www-form-urlencoded',
          },
        },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.write('a'.repeat(1000));
    });
    expect(big).toBe(413);
    expect(t.logs.text).toContain('"reason":"replayed request"');
    // Signed, but not a Slack payload: a 400, never a 500.
    for (const junk of ['null', '42', '[]', '"text"']) {
      const ts = Math.floor(Date.now() / 1000);
      const res = await fetch(`http://127.0.0.1:${t.port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, junk) },
        body: junk,
      });
      expect(res.status, junk).toBe(400);
    }
  });

  it('a GET with a body, or a request to no route, is answered and its connection closed without reading the body', async () => {
    for (const path of ['/healthz', '/nowhere']) {
      const result = await new Promise<{ status: number; closed: boolean }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port: t.port, path, method: path === '/healthz' ? 'GET' : 'POST', headers: { 'content-length': String(1_000_000_000) } },
          (res) => {
            res.resume();
            res.on('end', () => req.socket?.once('close', () => resolve({ status: res.statusCode ?? 0, closed: true })));
          },
        );
        req.on('error', (err: NodeJS.ErrnoException) =>
          err.code === 'ECONNRESET' || err.code === 'EPIPE' ? resolve({ status: 0, closed: true }) : reject(err),
        );
        // Keep sending: a server that reads the body would keep the connection open.
        const chunk = Buffer.alloc(64 * 1024, 97);
        const pump = () => {
          if (req.destroyed) return;
          if (req.write(chunk)) setImmediate(pump);
          else req.once('drain', pump);
        };
        pump();
        setTimeout(() => reject(new Error(`${path}: connection still open after 5 s`)), 5000).unref();
      });
      expect(result.closed, path).toBe(true);
    }
  });

  it('serves health and metrics on the same port, and keeps every secret out of the logs', async () => {
    expect(await (await fetch(`http://127.0.0.1:${t.port}/healthz`)).text()).toBe('ok');
    const ready = await fetch(`http://127.0.0.1:${t.port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ ready: true, checks: { dataset: { ready: true }, database: { ready: true }, slack: { ready: true } } });
    const metrics = await (await fetch(`http://127.0.0.1:${t.port}/metrics`)).text();
    expect(metrics).toMatch(/anode_bot_commands_total\{command="province",platform="slack",outcome="ok"\} \d+/);
    expect(metrics).toContain('anode_bot_reply_seconds_bucket');
    expect(t.logs.text).not.toContain(TOKEN);
    expect(t.logs.text).not.toContain(SECRET);
  });
});
