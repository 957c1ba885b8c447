import { sign, type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { discordKeys, interaction, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { startFakeQuickChart } from '../support/fake-quickchart.js';
import { discordButtons, discordFieldLabels, discordTitle, discordViolations } from '../support/platform-limits.js';

async function post(port: number, body: unknown, o: { privateKey?: KeyObject; timestamp?: number; signature?: string; raw?: string } = {}) {
  const text = o.raw ?? JSON.stringify(body);
  const timestamp = String(o.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = o.signature ?? (o.privateKey ? sign(null, Buffer.from(timestamp + text), o.privateKey).toString('hex') : undefined);
  const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, ...(signature ? { 'x-signature-ed25519': signature } : {}) },
    body: text,
  });
  const out = await res.text();
  return { status: res.status, json: () => JSON.parse(out), signature: signature ?? '', timestamp: Number(timestamp) };
}

describe('Discord interactions over HTTP (no gateway), signed with Ed25519', () => {
  const k = discordKeys();
  let fake: FakeDiscord;
  let a: TestBot;
  let b: TestBot;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    // Replicas share a component secret: without one (and without DISCORD_TOKEN) there are no buttons.
    const env = { DISCORD_PUBLIC_KEY: k.publicHex, DISCORD_API_URL: fake.api, COMPONENT_SECRET: 'replicas-share-this-component-secret' };
    a = await startTestBot(env);
    b = await startTestBot({ ...env, CHART_MODE: 'upload' });
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await fake.close();
  });

  it('PING gets PONG; no gateway connection is made', async () => {
    const res = await post(a.port, { type: 1, id: '1', application_id: '2', token: 't', version: 1 }, { privateKey: k.privateKey });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ type: 1 });
    expect(fake.identified).toEqual([]);
  });

  it('refuses bad, missing, stale and replayed signatures, oversized and malformed bodies', async () => {
    const ping = { type: 1, id: '1', application_id: '2', token: 't', version: 1 };
    expect((await post(a.port, ping, { signature: '0'.repeat(128) })).status).toBe(401);
    // Not hex, or not 64 bytes of it: refused before the body is read.
    for (const signature of [`${'0'.repeat(127)}g`, 'g'.repeat(128), '0'.repeat(126), '0'.repeat(130)])
      expect((await post(a.port, ping, { signature })).status).toBe(401);
    expect(a.logs.text).toContain('missing or malformed signature');
    expect((await post(a.port, ping, {})).status).toBe(401);
    const other = discordKeys();
    expect((await post(a.port, ping, { privateKey: other.privateKey })).status).toBe(401);
    expect((await post(a.port, ping, { privateKey: k.privateKey, timestamp: Math.floor(Date.now() / 1000) - 600 })).status).toBe(401);
    const once = await post(a.port, { ...ping, id: '77' }, { privateKey: k.privateKey });
    expect(once.status).toBe(200);
    expect((await post(a.port, { ...ping, id: '77' }, { signature: once.signature, timestamp: once.timestamp })).status).toBe(401);
    // The same signature in other letter cases is the same request (the hex decodes alike).
    expect((await post(a.port, { ...ping, id: '77' }, { signature: once.signature.toUpperCase(), timestamp: once.timestamp })).status).toBe(401);
    const mixed = [...once.signature].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('');
    expect((await post(a.port, { ...ping, id: '77' }, { signature: mixed, timestamp: once.timestamp })).status).toBe(401);
    expect((await post(a.port, null, { privateKey: k.privateKey, raw: 'x'.repeat(70_000) })).status).toBe(413);
    expect((await post(a.port, null, { privateKey: k.privateKey, raw: '{not json' })).status).toBe(400);
    expect(a.logs.text).toContain('Discord: interaction refused');
  });

  it('answers /province name:Yunnan with an embed in the HTTP response, and autocomplete; a second replica answers the same', async () => {
    for (const bot of [a, b]) {
      const res = await post(bot.port, interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }]), { privateKey: k.privateKey });
      expect(res.status).toBe(200);
      const body = res.json();
      if (bot === a) {
        expect(body.type).toBe(4);
        expect(discordTitle(body.data)).toBe('Yunnan · prebaked anodes 2024');
        expect(discordViolations(body.data)).toEqual([]);
      } else {
        // Upload mode renders the chart locally: deferred, then the message is edited through REST.
        expect(body).toEqual({ type: 5, data: { flags: 64 } });
        const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path.includes('/webhooks/'));
        expect(edit.files.map((f) => f.name)).toEqual(['chart-1.png']);
        expect(JSON.stringify(edit.body)).toContain('Yunnan · prebaked anodes 2024');
        expect(edit.auth).toBeUndefined();
      }
    }
    const ac = await post(a.port, interaction('compare', [{ name: 'province1', type: 3, value: '云', focused: true }], { type: 4 }), {
      privateKey: k.privateKey,
    });
    expect(ac.json()).toEqual({ type: 8, data: { choices: [{ name: 'Yunnan (云南)', value: 'Yunnan' }] } });
  });

  it('a command asked again gets the same bytes, counted each time; in another channel or language it is made for that one', async () => {
    const ask = async (o: { channel?: string; locale?: string } = {}) => {
      const res = await fetch(
        `http://127.0.0.1:${a.port}/discord/interactions`,
        await signed(interaction('province', [{ name: 'name', type: 3, value: 'Shandong' }], o)),
      );
      return res.text();
    };
    const signed = async (body: unknown): Promise<RequestInit> => {
      const text = JSON.stringify(body);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + text), k.privateKey).toString('hex');
      return {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature-timestamp': timestamp, 'x-signature-ed25519': signature },
        body: text,
      };
    };
    const counted = async () =>
      Number(
        /anode_bot_commands_total\{command="province",platform="discord",outcome="ok"\} (\d+)/.exec(
          await (await fetch(`http://127.0.0.1:${a.port}/metrics`)).text(),
        )?.[1] ?? 0,
      );
    const before = await counted();
    const first = await ask();
    expect(await ask()).toBe(first);
    expect(await counted()).toBe(before + 2);
    // Its buttons are signed for the channel they are in: another channel's answer carries its own.
    const ids = (text: string) => [...text.matchAll(/"custom_id":"([^"]+)"/g)].map((m) => m[1]);
    const elsewhere = await ask({ channel: '301' });
    expect(ids(elsewhere).length).toBeGreaterThan(0);
    expect(ids(elsewhere)).not.toEqual(ids(first));
    expect(elsewhere.replace(/"custom_id":"[^"]+"/g, '')).toBe(first.replace(/"custom_id":"[^"]+"/g, ''));
    expect(await ask({ locale: 'zh-CN' })).toContain('山东');
  });

  it('a chart whose URL is too long for Discord is drawn by QuickChart through a POST and uploaded; locally if QuickChart fails', async () => {
    const qc = await startFakeQuickChart();
    const c = await startTestBot({ DISCORD_PUBLIC_KEY: k.publicHex, DISCORD_API_URL: fake.api, QUICKCHART_BASE_URL: qc.baseUrl });
    /** Drawing and uploading take longer than Discord's 3 s: deferred, then the message is edited. */
    const editOf = async (province: string) => {
      const i = interaction('province', [{ name: 'name', type: 3, value: province }]);
      expect((await post(c.port, i, { privateKey: k.privateKey })).json()).toEqual({ type: 5, data: { flags: 64 } });
      return fake.waitFor((r) => r.method === 'PATCH' && r.path.includes(i.token));
    };
    try {
      const edit = await editOf('Yunnan');
      expect(edit.files).toEqual([{ name: 'chart-1.png', bytes: qc.png.length }]);
      expect(JSON.stringify(edit.body)).toContain('"url":"attachment://chart-1.png"');
      expect(discordViolations(edit.body as never)).toEqual([]);
      // The body quickchart-js builds for a POST, with what a URL carries: Chart.js 4, the size, the config.
      expect(qc.posts).toHaveLength(1);
      expect(qc.posts[0]).toMatchObject({ version: '4', width: 600, height: 360, format: 'png', backgroundColor: 'white' });
      expect(qc.posts[0]!.chart).toContain('Yunnan: supply and demand, 2024 (Mt)');

      qc.failing = true;
      const drawn = await editOf('Henan');
      expect(drawn.files).toHaveLength(1);
      expect(drawn.files[0]!.bytes).toBeGreaterThan(10_000);
      expect(c.logs.text).toContain('drawn locally instead');
      // A failure is not kept: once QuickChart answers again, the same chart comes from it.
      qc.failing = false;
      expect((await editOf('Henan')).files).toEqual([{ name: 'chart-1.png', bytes: qc.png.length }]);
    } finally {
      await c.stop();
      await qc.close();
    }
  });

  it('a click made on one replica is answered by the other: the state is in the custom_id', async () => {
    const first = (await post(a.port, interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }]), { privateKey: k.privateKey })).json();
    const more = discordButtons(first.data).find((c) => c.label === 'More')!;
    const bFake = await startTestBot({ DISCORD_PUBLIC_KEY: k.publicHex, DISCORD_API_URL: fake.api, COMPONENT_SECRET: 'replicas-share-this-component-secret' });
    try {
      const res = (await post(bFake.port, interaction('', [], { type: 3, customId: more.custom_id }), { privateKey: k.privateKey })).json();
      expect(res.type).toBe(7);
      expect(discordFieldLabels(res.data).length).toBeGreaterThan(4);
    } finally {
      await bFake.stop();
    }
  });

  it('without a secret to sign with, no buttons are offered and no click is honoured, whatever it was signed with', async () => {
    const bare = await startTestBot({ DISCORD_PUBLIC_KEY: k.publicHex, DISCORD_API_URL: fake.api });
    try {
      expect(bare.logs.text).toContain('buttons and menus are off');
      const first = (await post(bare.port, interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }]), { privateKey: k.privateKey })).json();
      expect(discordButtons(first.data)).toEqual([]);
      // A custom id signed with the key the bot used to derive from the public key is refused.
      const { createHash } = await import('node:crypto');
      const { encodeClick } = await import('../../src/render/controls.js');
      const derived = createHash('sha256').update(`anode-bot components\n${k.publicHex}`).digest('hex');
      const forged = encodeClick(derived, '300', 'u', '/province Yunnan --full')!;
      const res = (await post(bare.port, interaction('', [], { type: 3, customId: forged }), { privateKey: k.privateKey })).json();
      expect(JSON.stringify(res)).not.toContain('Yunnan · prebaked anodes');
    } finally {
      await bare.stop();
    }
  });
});
