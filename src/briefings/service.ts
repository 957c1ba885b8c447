import type { Library } from '../editions.js';
import type { Lang } from '../i18n/lang.js';
import type { BriefingMessage } from './compose.js';
import type { Composer } from './briefing-cache.js';
import type { BriefingKind } from './kinds.js';
import { nextRuns } from './schedule.js';
import type { NewSubscription, Subscription, SubscriptionStore } from './subscriptions.js';

export interface ScheduledSubscription {
  subscription: Subscription;
  next: Date[];
}

/** What /briefing may do: the store and the composer behind one typed service, injected at start. */
export interface BriefingService {
  defaultTz: string;
  /** A new subscription, the same one found, or `refused` when the workspace holds its limit already. */
  subscribe(sub: Omit<NewSubscription, 'lastEdition'>): Promise<(ScheduledSubscription & { created: boolean }) | { refused: number }>;
  list(platform: string, channelId: string): Promise<ScheduledSubscription[]>;
  unsubscribe(platform: string, channelId: string, target: number | 'all'): Promise<number>;
  resume(platform: string, channelId: string, id: number): Promise<boolean>;
  /** The channel's next briefing of this kind: its own spotlight if it subscribes to the kind. */
  preview(platform: string, channelId: string, kind: BriefingKind, lang: Lang): Promise<BriefingMessage>;
}

export function createBriefingService(o: {
  store: SubscriptionStore;
  composer: Composer;
  library: () => Library;
  defaultTz: string;
  workspaceLimit?: number;
}): BriefingService {
  const scheduled = (s: Subscription, n = 1): ScheduledSubscription => ({ subscription: s, next: s.paused ? [] : nextRuns(s.cron, s.tz, new Date(), n) });
  return {
    defaultTz: o.defaultTz,
    async subscribe(sub) {
      // One workspace must not crowd the scheduler out for everyone else (400 every-minute briefings).
      const held = await o.store.countWorkspace(sub.platform, sub.workspaceId, sub.channelId);
      if (held >= (o.workspaceLimit ?? Infinity)) {
        const same = (await o.store.listChannel(sub.platform, sub.channelId)).find((s) => s.kind === sub.kind && s.cron === sub.cron && s.tz === sub.tz);
        if (!same) return { refused: o.workspaceLimit! };
      }
      const { subscription, created } = await o.store.add({ ...sub, lastEdition: o.library().current.year });
      return { ...scheduled(subscription, 3), created };
    },
    async list(platform, channelId) {
      return (await o.store.listChannel(platform, channelId)).map((s) => scheduled(s));
    },
    async unsubscribe(platform, channelId, target) {
      const ids = target === 'all' ? (await o.store.listChannel(platform, channelId)).map((s) => s.id) : [target];
      let removed = 0;
      for (const id of ids) if (await o.store.remove(platform, channelId, id)) removed++;
      return removed;
    },
    resume: (platform, channelId, id) => o.store.resume(platform, channelId, id),
    async preview(platform, channelId, kind, lang) {
      const mine = (await o.store.listChannel(platform, channelId)).find((s) => s.kind === kind && !s.paused);
      return o.composer.compose(kind, o.library().current, lang, mine ? { subscriptionId: mine.id, cursor: mine.cursor } : { subscriptionId: 0, cursor: 0 });
    },
  };
}
