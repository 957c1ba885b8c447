import * as lark from '@larksuiteoapi/node-sdk';
import { createAnswerPipeline, type Outcome } from '../../framework/answer-pipeline.js';
import type { Invocation } from '../../framework/define.js';
import { readBody, sendJson } from '../../http/server.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/messages.js';
import type { Logger } from '../../log.js';
import { quickChartImages } from '../../render/images.js';
import { PlatformFatalError, httpStatusOf, unreachable, type PlatformAdapter, type PlatformContext } from '../platform.js';
import { feishuDeliverer } from './deliverer.js';
import type { FeishuEnv } from './env.js';
import { feishuControls, toFeishuCard, type ClickValue, type FeishuCard } from './render.js';
import { STRINGS } from './strings.js';
import { checkWebhook } from './webhook.js';
import { uuidOf } from './uuid.js';

/** Feishu redelivers an event it got no answer for over hours: an event id is remembered for a week. */
const EVENT_MEMORY_MS = 7 * 24 * 3600_000;
/** A webhook body is an event or a card action: small. */
const BODY_LIMIT = 1024 * 1024;

interface MessageEvent {
  event_id?: string;
  tenant_key?: string;
  sender?: { sender_id?: { open_id?: string }; sender_type?: string };
  message?: {
    message_id: string;
    chat_id: string;
    chat_type?: string;
    message_type?: string;
    content?: string;
    mentions?: { key: string; id?: { open_id?: string } }[];
  };
}

interface CardActionEvent {
  event_id?: string;
  tenant_key?: string;
  operator?: { open_id?: string };
  action?: { value?: Partial<ClickValue>; option?: string };
  context?: { open_message_id?: string; open_chat_id?: string };
}

/** The text of a message, without the mentions Feishu writes as "@_user_1". */
export function messageText(content: string | undefined, mentions: readonly { key: string }[] = []): string {
  let text = '';
  try {
    text = String((JSON.parse(content ?? '{}') as { text?: unknown }).text ?? '');
  } catch {
    return '';
  }
  for (const m of mentions) text = text.split(m.key).join(' ');
  return text
    .replace(/@_all|@_user_\d+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function larkLogger(log: Logger) {
  const say =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (...msg: unknown[]) =>
      log[level]({ sdk: 'lark' }, msg.map(String).join(' ').slice(0, 500));
  return { error: say('error'), warn: say('warn'), info: say('debug'), debug: say('debug'), trace: say('debug') };
}

const domainOf = (d: string): lark.Domain | string => (d === 'feishu' ? lark.Domain.Feishu : d === 'lark' ? lark.Domain.Lark : d.replace(/\/+$/, ''));

/**
 * Feishu/Lark through the official SDK: a message that @mentions the bot in a group, or any message in
 * a one-to-one chat, is answered with a card replying to it; card buttons come back as card actions.
 * Events arrive over the SDK's long connection (no public URL) or at POST /feishu/events.
 */
// Long on purpose: the client, dispatcher, bot identity and readiness are this process's Feishu state,
// shared by the message and card handlers, the webhook route, the long connection and the deliverer.
export async function createFeishuAdapter(ctx: PlatformContext, env: FeishuEnv): Promise<PlatformAdapter> {
  const log = ctx.log.child({ adapter: 'feishu' });
  const domain = domainOf(env.FEISHU_DOMAIN);
  const client = new lark.Client({
    appId: env.FEISHU_APP_ID!,
    appSecret: env.FEISHU_APP_SECRET!,
    domain,
    logger: larkLogger(log),
    loggerLevel: lark.LoggerLevel.warn,
  });
  const pipeline = createAnswerPipeline({ core: ctx.core, log, metrics: ctx.metrics, componentSecret: ctx.componentSecret, platform: 'feishu' });
  let botOpenId: string | undefined;
  let ready = false;
  let problem: string | undefined;

  /** Group owners and administrators may change a group; in a one-to-one chat, its user. */
  const canManage = async (user: string, chat: string, p2p: boolean): Promise<boolean> => {
    if (p2p) return true;
    const res = await client.im.v1.chat.get({ path: { chat_id: chat }, params: { user_id_type: 'open_id' } });
    return res.data?.owner_id === user || (res.data?.user_manager_id_list ?? []).includes(user);
  };
  const invocation = (user: string, chat: string, tenant: string | undefined, p2p: boolean, lang: Lang): Invocation => ({
    platform: 'feishu',
    userId: user,
    channelId: chat,
    ...(tenant ? { workspaceId: tenant } : {}),
    lang,
    canManage: () => canManage(user, chat, p2p),
    manageRight: STRINGS[lang].manageRight,
  });
  const cardOf = (o: Outcome): FeishuCard => {
    if (!o.ok) return toFeishuCard(o.reply, { m: messages(o.lang) });
    const p = o.presented;
    const m = messages(p.lang);
    const build = () =>
      toFeishuCard(p.reply, { images: quickChartImages(p.reply, ctx.config.QUICKCHART_BASE_URL), m, ...(p.sharedBy ? { sharedBy: p.sharedBy } : {}) });
    const body = p.variant ? ctx.core.rendered(p.answer, p.variant, build) : build();
    // The cached body is shared; the buttons are signed per chat, so added here.
    return { ...body, body: { elements: [...body.body.elements, ...feishuControls(p.controls)] } };
  };
  const firstTime = (eventId: string | undefined) =>
    eventId ? ctx.store.firstSeen(`feishu:${eventId}`, new Date(Date.now() + EVENT_MEMORY_MS), new Date()) : Promise.resolve(true);
  const reply = (messageId: string, card: FeishuCard, uuid: string, inThread = false) =>
    client.im.v1.message.reply({
      path: { message_id: messageId },
      data: { msg_type: 'interactive', content: JSON.stringify(card), uuid, ...(inThread ? { reply_in_thread: true } : {}) },
    });

  const onMessage = async (data: MessageEvent): Promise<void> => {
    const msg = data.message;
    const user = data.sender?.sender_id?.open_id;
    if (!msg || !user || data.sender?.sender_type !== 'user' || msg.message_type !== 'text') return;
    const p2p = msg.chat_type === 'p2p';
    // In a group the bot answers only when mentioned, never to every line.
    if (!p2p && !(msg.mentions ?? []).some((x) => x.id?.open_id && x.id.open_id === botOpenId)) return;
    if (!(await firstTime(data.event_id))) return;
    const text = messageText(msg.content, msg.mentions);
    // Answered where it was asked, for everyone in the chat.
    const outcome = await pipeline.answer({ kind: 'words', text }, invocation(user, msg.chat_id, data.tenant_key, p2p, 'en'), { forcePublic: true });
    await reply(msg.message_id, cardOf(outcome), uuidOf(`reply|${data.event_id ?? msg.message_id}`));
  };

  const onCardAction = async (data: CardActionEvent): Promise<Record<string, unknown>> => {
    const user = data.operator?.open_id ?? '';
    const chat = data.context?.open_chat_id ?? '';
    const source = data.context?.open_message_id;
    const id = data.action?.value?.c;
    if (!id || !(await firstTime(data.event_id))) return {};
    const way = data.action?.option !== undefined ? { kind: 'click' as const, id, selected: data.action.option } : { kind: 'click' as const, id };
    const outcome = await pipeline.answer(way, invocation(user, chat, data.tenant_key, false, 'en'));
    // A refused click or a failure: a toast to whoever clicked (with the error id), nothing posted.
    if (!outcome.ok) return { toast: { type: 'error', content: [outcome.reply.title, outcome.reply.summary].filter(Boolean).join(': ').slice(0, 200) } };
    const card = cardOf(outcome);
    if (outcome.presented.placement === 'update') return { card: { type: 'raw', data: card } };
    // Anything else is a new card in the thread of the one clicked (a card is shared: it is everyone's).
    if (source)
      void reply(source, card, uuidOf(`click|${data.event_id ?? `${source}|${id}`}`), true).catch((err: unknown) =>
        log.error({ err }, 'Feishu: could not post the answer to a click'),
      );
    return { toast: { type: 'info', content: STRINGS[outcome.presented.lang].working } };
  };

  const dispatcher = new lark.EventDispatcher({ logger: larkLogger(log), loggerLevel: lark.LoggerLevel.warn }).register({
    // Acknowledged at once (Feishu waits 3 s); the answer follows as a reply.
    'im.message.receive_v1': (data: MessageEvent) => {
      void onMessage(data).catch((err: unknown) => log.error({ err }, 'Feishu: message failed'));
    },
    'card.action.trigger': (data: CardActionEvent) => onCardAction(data),
  } as never);

  if (env.FEISHU_EVENT_MODE === 'webhook') {
    const keys = {
      verificationToken: env.FEISHU_VERIFICATION_TOKEN!,
      encryptKey: env.FEISHU_ENCRYPT_KEY,
      ...(env.FEISHU_ENCRYPT_KEY ? { decrypt: (s: string) => new lark.AESCipher(env.FEISHU_ENCRYPT_KEY).decrypt(s) } : {}),
    };
    ctx.http.add({
      method: 'POST',
      path: '/feishu/events',
      handle: async (req, res) => {
        const checked = checkWebhook(await readBody(req, BODY_LIMIT), req.headers, keys);
        if (!checked.ok) {
          log.warn({ reason: checked.reason, status: checked.status }, 'Feishu: webhook request refused');
          return sendJson(res, checked.status, { error: checked.reason });
        }
        const body = checked.body;
        if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
        // Already checked and decrypted: the SDK's dispatcher only routes it to the handler.
        const answer = (await dispatcher.invoke(body, { needCheck: false })) as unknown;
        sendJson(res, 200, answer && typeof answer === 'object' ? answer : {});
      },
    });
  }
  const ws =
    env.FEISHU_EVENT_MODE === 'websocket'
      ? new lark.WSClient({
          appId: env.FEISHU_APP_ID!,
          appSecret: env.FEISHU_APP_SECRET!,
          domain,
          logger: larkLogger(log),
          loggerLevel: lark.LoggerLevel.warn,
          onReady: () => {
            ready = true;
            problem = undefined;
          },
          onReconnecting: () => {
            ready = false;
            problem = 'long connection lost; reconnecting';
          },
          onError: (err: Error) => {
            ready = false;
            problem = `long connection failed: ${err.message}`;
          },
        } as never)
      : undefined;

  return {
    async start() {
      try {
        const info = (await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' })) as { code?: number; msg?: string; bot?: { open_id?: string } };
        if (info.code) throw Object.assign(new Error(info.msg ?? 'refused'), { feishuCode: info.code });
        botOpenId = info.bot?.open_id;
      } catch (err) {
        const host = new URL(typeof domain === 'string' ? domain : domain === lark.Domain.Lark ? 'https://open.larksuite.com' : 'https://open.feishu.cn').host;
        const down = unreachable('feishu', err, { host, variable: 'FEISHU_DOMAIN' });
        if (down) throw down;
        const status = httpStatusOf(err);
        throw new PlatformFatalError(
          'feishu',
          'FEISHU_APP_SECRET',
          `Feishu: the app's credentials were refused${status ? ` (HTTP ${status})` : ''}; check FEISHU_APP_ID and FEISHU_APP_SECRET`,
        );
      }
      if (ws) await ws.start({ eventDispatcher: dispatcher });
      else ready = true;
      log.info({ mode: env.FEISHU_EVENT_MODE, bot: botOpenId }, 'Feishu: ready');
    },
    async stop() {
      ws?.close({ force: true });
      ready = false;
    },
    deliverer: feishuDeliverer({ client, componentSecret: ctx.componentSecret, quickChartBaseUrl: ctx.config.QUICKCHART_BASE_URL }),
    health: () => (ready ? { ready: true } : { ready: false, detail: problem ?? 'not started' }),
  };
}
