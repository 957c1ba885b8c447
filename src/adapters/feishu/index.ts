import type { PlatformModule } from '../platform.js';
import { env } from './env.js';

/**
 * Feishu (飞书) and Lark through the official SDK: messages in, cards out, over the long connection
 * (FEISHU_EVENT_MODE=websocket, no public URL) or webhooks at POST /feishu/events.
 */
export const feishuPlatform: PlatformModule<ReturnType<typeof env>> = {
  id: 'feishu',
  get env() {
    return env();
  },
  enabled: (e) => Boolean(e.FEISHU_APP_ID && e.FEISHU_APP_SECRET),
  secrets: (e) => [e.FEISHU_APP_SECRET, e.FEISHU_VERIFICATION_TOKEN, e.FEISHU_ENCRYPT_KEY].filter((s): s is string => Boolean(s)),
  componentKeys: (e) => [e.FEISHU_APP_SECRET].filter((s): s is string => Boolean(s)),
  payload: async () => {
    const { toFeishuCard } = await import('./render.js');
    return (reply, o) => toFeishuCard(reply, o);
  },
  async create(ctx, e) {
    const { createFeishuAdapter } = await import('./feishu-bot.js');
    return createFeishuAdapter(ctx, e);
  },
};
