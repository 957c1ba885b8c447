import type { Edition } from '../editions.js';
import type { Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import type { ChannelSettings } from '../settings.js';
import { briefingKey, composeBriefing, type BriefingMessage } from './compose.js';
import type { BriefingKind } from './kinds.js';
import type { Subscription } from './subscriptions.js';

/** Messages are built once per content key (kind, edition, language, spotlight, announcement) and reused. */
const CAPACITY = 512;

export interface Composer {
  /** The message a subscription's next delivery carries. */
  forSubscription(sub: Subscription, edition: Edition, announceSince: Edition | undefined): Promise<BriefingMessage>;
  compose(kind: BriefingKind, edition: Edition, lang: Lang, place: { subscriptionId: number; cursor: number }, announceSince?: Edition): BriefingMessage;
  /** The language a channel's briefings are written in. */
  langOf(platform: string, channelId: string): Promise<Lang>;
}

export function createComposer(settings: ChannelSettings | undefined): Composer {
  const built = new Map<string, BriefingMessage>();
  const compose: Composer['compose'] = (kind, edition, lang, place, announceSince) => {
    const p = { m: messages(lang), edition };
    const o = { ...place, ...(announceSince ? { announceSince } : {}) };
    const hit = built.get(briefingKey(p, kind, o));
    if (hit) return hit;
    const message = composeBriefing(p, kind, o);
    if (built.size >= CAPACITY) built.delete(built.keys().next().value!);
    built.set(message.key, message);
    return message;
  };
  const langOf = async (platform: string, channelId: string): Promise<Lang> => {
    const lang = await settings?.language(platform, channelId).catch(() => undefined);
    return lang === 'zh-CN' ? 'zh-CN' : 'en';
  };
  return {
    compose,
    langOf,
    async forSubscription(sub, edition, announceSince) {
      return compose(sub.kind, edition, await langOf(sub.platform, sub.channelId), { subscriptionId: sub.id, cursor: sub.cursor }, announceSince);
    },
  };
}
