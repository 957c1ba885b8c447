import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feishuDeliverer } from '../../src/adapters/feishu/deliverer.js';
import { cardBytes, toFeishuCard, type FeishuCard } from '../../src/adapters/feishu/render.js';
import { composeBriefing } from '../../src/briefings/compose.js';
import { FEISHU } from '../../src/adapters/feishu/limits.js';
import { LANGS } from '../../src/i18n/lang.js';
import { messages } from '../../src/i18n/messages.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { ask, EVERY_COMMAND } from '../support/core.js';
import { cardAction, encryptForFeishu, messageEvent, signedHeaders, startFakeFeishu, type FakeFeishu } from '../support/fake-feishu.js';
import { newSubscription } from '../support/subscriptions.js';

const TOKEN = 'feishu-verification-token';
const APP_ID = 'cli_0123456789abcdef';
const KEY = 'feishu-encrypt-key-0123456789';

const text = (card: Record<string, unknown>) => JSON.stringify(card);
const buttons = (card: Record<string, unknown>) =>
  (
    (card as unknown as FeishuCard).body.elements.filter((e) => e.tag === 'button') as unknown as {
      text: { content: string };
      behaviors: { value: { c: string } }[];
    }[]
  ).map((b) => ({ label: b.text.content, id: b.behaviors[0]!.value.c }));

describe('Feishu webhooks through the real SDK, against a local Open API', () => {
  let feishu: FakeFeishu;
  let plain: TestBot;
  let sealed: TestBot;
  const post = (bot: TestBot, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`http://127.0.0.1:${bot.port}/feishu/events`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const sealedPost = (body: unknown, o: { sign?: boolean; tamper?: boolean } = {}) => {
    const raw = JSON.stringify({ encrypt: encryptForFeishu(JSON.stringify(body), KEY) });
    const headers = o.sign === false ? { 'content-type': 'application/json' } : signedHeaders(raw, KEY);
    if (o.tamper) headers['x-lark-signature'] = headers['x-lark-signature']!.replace(/^./, (c) => (c === 'a' ? 'b' : 'a'));
    return post(sealed, raw, headers);
  };

  beforeAll(async () => {
    feishu = await startFakeFeishu();
    const env = {
      FEISHU_APP_ID: APP_ID,
      FEISHU_APP_SECRET: feishu.secret,
      FEISHU_DOMAIN: feishu.base,
      FEISHU_EVENT_MODE: 'webhook',
      FEISHU_VERIFICATION_TOKEN: TOKEN,
    };
    plain = await startTestBot(env);
    sealed = await startTestBot({ ...env, FEISHU_ENCRYPT_KEY: KEY });
  });
  afterAll(async () => {
    await plain?.stop();
    await sealed?.stop();
    await feishu?.close();
  });

  it('answers the URL challenge, and only with the right verification token', async () => {
    const ok = await post(plain, { type: 'url_verification', challenge: 'c-123', token: TOKEN });
    expect([ok.status, await ok.json()]).toEqual([200, { challenge: 'c-123' }]);
    expect((await post(plain, { type: 'url_verification', challenge: 'c-123', token: 'guess' })).status).toBe(403);
    // Encrypted too (Feishu does not sign the challenge).
    const enc = await sealedPost({ type: 'url_verification', challenge: 'c-456', token: TOKEN }, { sign: false });
    expect([enc.status, await enc.json()]).toEqual([200, { challenge: 'c-456' }]);
  });

  it('a one-to-one question gets a card replying to it, in its own language, the command it was read as on top', async () => {
    const before = feishu.posts.length;
    expect((await post(plain, messageEvent({ eventId: 'ev-1', token: TOKEN, text: 'yunnan utilization?' }))).status).toBe(200);
    const [reply] = (await feishu.waitForPosts(before + 1)).slice(before);
    expect(reply).toMatchObject({ kind: 'reply', target: 'om_in_ev-1', msg_type: 'interactive', token: 't-fake-tenant' });
    expect(reply!.uuid).toMatch(/^[\w-]{10,50}$/);
    expect(text(reply!.card)).toContain('→ /utilization Yunnan');
    expect(text(reply!.card)).toContain('"schema":"2.0"');
    await post(plain, messageEvent({ eventId: 'ev-2', token: TOKEN, text: '云南产能利用率是多少' }));
    const [zh] = (await feishu.waitForPosts(before + 2)).slice(before + 1);
    expect(text(zh!.card)).toContain('云南');
    expect(text(zh!.card)).toContain('产能利用率');
  });

  it('an event delivered twice is answered once; a group message answers only when the bot is mentioned', async () => {
    const before = feishu.posts.length;
    const ev = messageEvent({ eventId: 'ev-dup', token: TOKEN, text: '/province Henan' });
    await post(plain, ev);
    await post(plain, ev);
    await post(plain, messageEvent({ eventId: 'ev-group', token: TOKEN, text: 'henan output', chatType: 'group', chat: 'oc_group' }));
    await post(plain, messageEvent({ eventId: 'ev-group-2', token: TOKEN, text: 'henan output', chatType: 'group', chat: 'oc_group', mentionBot: true }));
    await feishu.waitForPosts(before + 2);
    await new Promise((r) => setTimeout(r, 300));
    const mine = feishu.posts.slice(before);
    expect(mine.map((p) => p.target)).toEqual(['om_in_ev-dup', 'om_in_ev-group-2']);
  });

  it('refuses a wrong token, a missing or bad signature, and an unencrypted body when a key is set, and answers none of them', async () => {
    const before = feishu.posts.length;
    expect((await post(plain, messageEvent({ eventId: 'ev-bad-token', token: 'guess', text: 'help' }))).status).toBe(403);
    expect((await sealedPost(messageEvent({ eventId: 'ev-unsigned', token: TOKEN, text: 'help' }), { sign: false })).status).toBe(401);
    expect((await sealedPost(messageEvent({ eventId: 'ev-tampered', token: TOKEN, text: 'help' }), { tamper: true })).status).toBe(401);
    expect((await post(sealed, messageEvent({ eventId: 'ev-plain', token: TOKEN, text: 'help' }))).status).toBe(400);
    expect((await post(plain, 'not json')).status).toBe(400);
    // A signed, encrypted event is answered.
    expect((await sealedPost(messageEvent({ eventId: 'ev-sealed', token: TOKEN, text: 'help' }))).status).toBe(200);
    await feishu.waitForPosts(before + 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(feishu.posts.slice(before).map((p) => p.target)).toEqual(['om_in_ev-sealed']);
  });

  it('buttons are card actions: More answers in the card’s thread with the full reply (a card is everyone’s); a click for another chat is refused', async () => {
    const before = feishu.posts.length;
    await post(plain, messageEvent({ eventId: 'ev-more', token: TOKEN, text: '/province Yunnan', chat: 'oc_p2p' }));
    const [card] = (await feishu.waitForPosts(before + 1)).slice(before);
    const more = buttons(card!.card).find((b) => b.label === 'More')!;
    const res = await post(plain, cardAction({ eventId: 'ca-1', token: TOKEN, id: more.id, chat: 'oc_p2p', message: card!.message_id }));
    // Within Feishu's 3 s: a toast now, the answer as a reply in the thread of the card clicked.
    expect(((await res.json()) as { toast?: { type: string } }).toast?.type).toBe('info');
    const [full] = (await feishu.waitForPosts(before + 2)).slice(before + 1);
    expect(full).toMatchObject({ kind: 'reply', target: card!.message_id, reply_in_thread: true });
    expect(text(full!.card)).toContain('“Anode capacity 1.70 Mt” (Section 3.4)');
    // The same callback delivered again is answered once.
    await post(plain, cardAction({ eventId: 'ca-1', token: TOKEN, id: more.id, chat: 'oc_p2p', message: card!.message_id }));
    const elsewhere = (await (
      await post(plain, cardAction({ eventId: 'ca-2', token: TOKEN, id: more.id, chat: 'oc_other', message: card!.message_id }))
    ).json()) as {
      toast?: { type: string };
    };
    expect(elsewhere.toast?.type).toBe('error');
    await new Promise((r) => setTimeout(r, 300));
    expect(feishu.posts.length).toBe(before + 2);
  });

  it('/briefing subscribe: the group’s owner may, a member may not; the slot is sent once even when tried twice', async () => {
    feishu.chats.set('oc_team', { owner: 'ou_boss', managers: ['ou_admin'] });
    const before = feishu.posts.length;
    await post(
      plain,
      messageEvent({
        eventId: 'ev-sub-1',
        token: TOKEN,
        text: '/briefing subscribe exports daily 09:00 UTC',
        chatType: 'group',
        chat: 'oc_team',
        mentionBot: true,
        user: 'ou_member',
      }),
    );
    await post(
      plain,
      messageEvent({
        eventId: 'ev-sub-2',
        token: TOKEN,
        text: '/briefing subscribe exports daily 09:00 UTC',
        chatType: 'group',
        chat: 'oc_team',
        mentionBot: true,
        user: 'ou_admin',
      }),
    );
    const [denied, allowed] = (await feishu.waitForPosts(before + 2)).slice(before);
    expect(text(denied!.card)).toContain('to be the group’s owner or one of its administrators');
    expect(text(allowed!.card)).toContain('Subscribed: exports briefing');
    // A slot at the test's own minute, delivered, then tried again (a takeover): one message.
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3 * 60_000 + 2_000);
    const cron = `${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
    const { subscription } = await plain.bot.store.add(newSubscription({ platform: 'feishu', channelId: 'oc_brief', kind: 'mismatch', cron, label: 'once' }));
    await plain.bot.scheduler.tick(at);
    await plain.bot.scheduler.idle();
    const creates = () => feishu.posts.filter((p) => p.kind === 'create' && p.target === 'oc_brief');
    expect(creates()).toHaveLength(1);
    expect(text(creates()[0]!.card)).toContain('Regional mismatch briefing');
    // The same slot delivered again (a replica taking over a claim it thinks is dead): the same uuid, no second message.
    const message = composeBriefing({ m: messages('en'), edition: plain.bot.core.library().current }, 'mismatch', {
      subscriptionId: subscription.id,
      cursor: 0,
    });
    const slot = creates()[0]!.uuid!;
    void slot;
    const target = { subscription, slot: at.toISOString(), attempt: 2, resumed: true };
    const deliverer = plain.bot.adapters.get('feishu')!.deliverer!;
    await deliverer.deliver(target, message);
    await deliverer.deliver(target, message);
    expect(creates()).toHaveLength(2);
  });

  it('frequency limits through the real SDK: the API’s (99991400) names the tenant’s scope, a chat’s (230020) the chat’s, each for x-ogw-ratelimit-reset', async () => {
    const client = new lark.Client({ appId: APP_ID, appSecret: feishu.secret, domain: feishu.base, loggerLevel: lark.LoggerLevel.error });
    const deliverer = feishuDeliverer({ client, componentSecret: 'feishu-test-component-secret-0123456789', quickChartBaseUrl: 'https://quickchart.io' });
    const { subscription } = await plain.bot.store.add(
      newSubscription({ platform: 'feishu', channelId: 'oc_limited', workspaceId: 'tenant-9', cron: '0 0 1 1 *' }),
    );
    const [tenant, chat] = deliverer.rateScopes!(subscription);
    const message = composeBriefing({ m: messages('en'), edition: plain.bot.core.library().current }, 'mismatch', {
      subscriptionId: subscription.id,
      cursor: 0,
    });
    const target = { subscription, slot: new Date().toISOString(), attempt: 1, resumed: false };
    feishu.limited.push({ code: 99991400, resetSeconds: 7, chat: 'oc_limited' });
    await expect(deliverer.deliver(target, message)).rejects.toMatchObject({ permanent: false, retryAfterMs: 7000, scope: tenant });
    feishu.limited.push({ code: 230020, resetSeconds: 2, chat: 'oc_limited' });
    await expect(deliverer.deliver(target, message)).rejects.toMatchObject({ permanent: false, retryAfterMs: 2000, scope: chat });
    expect(tenant).toContain('tenant-9');
    expect(chat).toContain('oc_limited');
  });
});

describe('Feishu cards within Feishu’s limits', () => {
  it('every reply of every command, both languages, compact and full: JSON 2.0, under 30 KB, at most 5 tables and 5 charts, no mention a user typed', async () => {
    const problems: string[] = [];
    for (const lang of LANGS)
      for (const line of [...EVERY_COMMAND, '/exports top 25', '/table 2', '/province <at id=all></at>']) {
        const reply = await ask(line, lang);
        const card = toFeishuCard(reply, { m: messages(lang) });
        const elements = card.body.elements;
        if (card.schema !== '2.0') problems.push(`${line}: schema`);
        if (cardBytes(card) > FEISHU.cardBytes) problems.push(`${line}: ${cardBytes(card)} bytes`);
        if (elements.filter((e) => e.tag === 'table').length > FEISHU.tables) problems.push(`${line}: tables`);
        if (elements.filter((e) => e.tag === 'chart').length > FEISHU.charts) problems.push(`${line}: charts`);
        if (/<at id=all>/.test(JSON.stringify(card))) problems.push(`${line}: a mention of everyone`);
      }
    expect(problems).toEqual([]);
  });
});

describe('Feishu over the SDK’s long connection (WSClient against a local endpoint speaking its frames)', () => {
  let feishu: FakeFeishu;
  let bot: TestBot;
  beforeAll(async () => {
    feishu = await startFakeFeishu();
    bot = await startTestBot({ FEISHU_APP_ID: APP_ID, FEISHU_APP_SECRET: feishu.secret, FEISHU_DOMAIN: feishu.base });
    await feishu.waitForSocket();
  });
  afterAll(async () => {
    await bot?.stop();
    await feishu?.close();
  });

  it('connects with no public URL, is ready, and answers a message event with a reply card', async () => {
    // Ready once the SDK says the connection is up (its onReady), which may follow the socket by a moment.
    for (let i = 0; i < 100 && !bot.bot.adapters.get('feishu')!.health().ready; i++) await new Promise((r) => setTimeout(r, 20));
    expect(bot.bot.adapters.get('feishu')!.health()).toEqual({ ready: true });
    // No webhook route in this mode.
    const route = bot.port === 0 ? 404 : (await fetch(`http://127.0.0.1:${bot.port}/feishu/events`, { method: 'POST', body: '{}' })).status;
    expect([bot.port, route]).toEqual([bot.port, 404]);
    const answer = await feishu.sendEvent(messageEvent({ eventId: 'ws-1', token: 'unused-over-ws', text: '/exports top 3' }));
    expect(answer.code).toBe(200);
    const [reply] = await feishu.waitForPosts(1);
    expect(reply).toMatchObject({ kind: 'reply', target: 'om_in_ws-1' });
    expect(text(reply!.card)).toContain('Anode exports 2024: top 3 destinations');
    // A table is the card's native table component.
    await feishu.sendEvent(messageEvent({ eventId: 'ws-2', token: 'unused', text: '/table 2' }));
    const [, table] = await feishu.waitForPosts(2);
    const component = (table!.card as unknown as FeishuCard).body.elements.find((e) => e.tag === 'table') as { rows: Record<string, string>[] } | undefined;
    expect(component?.rows[0]).toMatchObject({ c0: 'Shandong', c1: '9.15' });
  });

  it('answers a card action over the same connection, within the frame’s answer', async () => {
    const card = feishu.posts[0]!;
    const more = buttons(card.card).find((b) => b.label === 'More')!;
    const answer = await feishu.sendEvent(cardAction({ eventId: 'ws-ca-1', token: 'unused', id: more.id, chat: 'oc_p2p', message: card.message_id }));
    expect(answer).toMatchObject({ code: 200, data: { toast: { type: 'info' } } });
    const [, , full] = await feishu.waitForPosts(3);
    expect(full).toMatchObject({ kind: 'reply', target: card.message_id, reply_in_thread: true });
  });
});
