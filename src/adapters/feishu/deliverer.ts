import type * as lark from '@larksuiteoapi/node-sdk';
import type { BriefingMessage } from '../../briefings/compose.js';
import { DeliveryError, type Deliverer, type DeliveryTarget } from '../../briefings/scheduler.js';
import type { Reply } from '../../framework/reply.js';
import { messages } from '../../i18n/messages.js';
import { briefingControls } from '../../render/controls.js';
import { quickChartImages } from '../../render/images.js';
import { httpStatusOf } from '../platform.js';
import { toFeishuCard } from './render.js';
import { uuidOf } from './uuid.js';

/** Feishu codes retrying cannot fix: the bot is not in the chat, the chat is gone, no permission. */
const PERMANENT_CODES = new Set([230001, 230002, 230006, 230013, 230027, 232010, 99991672]);
/**
 * Feishu's frequency limits (https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control):
 * 99991400 is an API's limit per app and tenant; 230020 is one chat's.
 */
const API_LIMIT = 99991400;
const CHAT_LIMIT = 230020;

function codeOf(err: unknown): number | undefined {
  const data = (err as { response?: { data?: { code?: unknown } } })?.response?.data;
  return typeof data?.code === 'number' ? data.code : undefined;
}

/** Seconds to wait, from the `x-ogw-ratelimit-reset` header Feishu sends with a frequency limit; 1 when absent. */
function resetMsOf(err: unknown): number {
  const headers = (err as { response?: { headers?: Record<string, unknown> } })?.response?.headers;
  const seconds = Number(headers?.['x-ogw-ratelimit-reset']);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000;
}

const tenantScope = (tenant: string | null) => `feishu:${tenant ?? ''}:im.message`;
const chatScope = (chat: string) => `feishu:chat:${chat}`;

/** Briefings to group chats: one interactive card per part, its uuid the slot's, so a slot posts once. */
export function feishuDeliverer(o: { client: lark.Client; componentSecret: string; quickChartBaseUrl: string }): Deliverer {
  const card = (reply: Reply, b: BriefingMessage, chat: string) => {
    const m = messages(b.lang);
    const controls = briefingControls(reply, { secret: o.componentSecret, channelId: chat, more: b.more, m });
    return JSON.stringify(toFeishuCard(reply, { images: quickChartImages(reply, o.quickChartBaseUrl), controls, m }));
  };
  const uuid = (t: DeliveryTarget, part: string) => uuidOf(`${t.subscription.id}|${t.slot}|${part}`);
  return {
    rateScopes: (s) => [tenantScope(s.workspaceId), chatScope(s.channelId)],
    async deliver(t, b) {
      const chat = t.subscription.channelId;
      try {
        const first = await o.client.im.v1.message.create({
          params: { receive_id_type: 'chat_id' },
          data: {
            receive_id: chat,
            msg_type: 'interactive',
            content: card(t.subscription.layout === 'thread' ? b.headline : b.reply, b, chat),
            uuid: uuid(t, 'first'),
          },
        });
        if (first.code) throw Object.assign(new Error(first.msg ?? 'refused'), { response: { status: 400, data: first } });
        const id = first.data?.message_id;
        if (t.subscription.layout === 'thread' && id) {
          const details = await o.client.im.v1.message.reply({
            path: { message_id: id },
            data: { msg_type: 'interactive', content: card(b.details, b, chat), uuid: uuid(t, 'details'), reply_in_thread: true },
          });
          if (details.code) throw Object.assign(new Error(details.msg ?? 'refused'), { response: { status: 400, data: details } });
        }
        return id ? { messageRef: id } : {};
      } catch (err) {
        const code = codeOf(err);
        const status = httpStatusOf(err);
        if (code === CHAT_LIMIT) throw new DeliveryError(`rate limited (${code})`, false, resetMsOf(err), chatScope(chat));
        if (status === 429 || code === API_LIMIT)
          throw new DeliveryError(`rate limited (${code ?? status})`, false, resetMsOf(err), tenantScope(t.subscription.workspaceId));
        throw new DeliveryError(
          `${code ?? status ?? ''} ${err instanceof Error ? err.message : String(err)}`.trim(),
          code !== undefined && PERMANENT_CODES.has(code),
        );
      }
    },
  };
}
