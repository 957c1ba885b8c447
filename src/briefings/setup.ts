import { hostname } from 'node:os';
import type { Core } from '../core.js';
import type { Logger } from '../log.js';
import type { Reply } from '../commands/reply.js';
import { deepFreeze } from '../commands/reply-cache.js';
import { composeBriefing, type BriefingKind } from './compose.js';
import { declaredBriefings } from './declared.js';
import { BriefingScheduler, type Deliverer } from './scheduler.js';
import { BRIEFING_SERVICE, type BriefingService } from './service.js';
import { openSqliteStore } from './sqlite-store.js';
import type { Platform } from './store.js';

export interface BriefingsConfig {
  DATABASE_PATH: string;
  BRIEFING_TZ: string;
  BRIEFING_GRACE_MINUTES: number;
  BRIEFINGS?: string | undefined;
}

export interface Briefings {
  scheduler: BriefingScheduler;
  /** Adds a platform's deliverer; call before start(). */
  deliverTo(platform: Platform, deliverer: Deliverer): void;
  /** Merges declared subscriptions, schedules everything, catches up missed slots. */
  start(): void;
  stop(): Promise<void>;
}

/** Opens the store, builds the scheduler and offers /briefing its service. Start-up errors name the file. */
export function setUpBriefings(core: Core, config: BriefingsConfig, log: Logger): Briefings {
  const declared = declaredBriefings(config.BRIEFINGS, config.BRIEFING_TZ);
  const store = openSqliteStore(config.DATABASE_PATH);
  const deliverers: Partial<Record<Platform, Deliverer>> = {};
  // The dataset never changes while the bot runs: each kind is composed once and the same Reply reused,
  // so upload mode renders its chart once, not once per subscription.
  const composed = new Map<BriefingKind, Reply>();
  const compose: BriefingService['compose'] = (kind) => {
    let reply = composed.get(kind);
    if (!reply) {
      reply = deepFreeze(composeBriefing(core.data, core.names, kind));
      composed.set(kind, reply);
    }
    return reply;
  };
  const scheduler = new BriefingScheduler({
    store,
    deliverers,
    compose,
    log: log.child({ component: 'briefings' }),
    owner: `${hostname()}:${process.pid}`,
    graceMinutes: config.BRIEFING_GRACE_MINUTES,
  });
  const service: BriefingService = {
    defaultTz: config.BRIEFING_TZ,
    subscribe: (sub) => scheduler.subscribe(sub),
    list: (platform, channelId) => scheduler.list(platform, channelId),
    unsubscribe: (platform, channelId, id) => scheduler.unsubscribe(platform, channelId, id),
    compose,
  };
  core.services[BRIEFING_SERVICE] = service;
  return {
    scheduler,
    deliverTo: (platform, deliverer) => {
      deliverers[platform] = deliverer;
    },
    start() {
      // Stored once, however often the bot starts; start() then schedules them with the rest.
      for (const sub of declared) store.ensure(sub);
      scheduler.start();
    },
    async stop() {
      await scheduler.stop();
      store.close();
    },
  };
}
