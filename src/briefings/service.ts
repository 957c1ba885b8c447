import type { BriefingKind } from './compose.js';
import type { ScheduledSubscription } from './scheduler.js';
import type { NewSubscription, Platform } from './store.js';

/** What the /briefing command may do, wired by main into the command context's services. */
export interface BriefingService {
  defaultTz: string;
  subscribe(sub: NewSubscription): ScheduledSubscription;
  list(platform: Platform, channelId: string): ScheduledSubscription[];
  unsubscribe(platform: Platform, channelId: string, id: number | 'all'): number;
  compose(kind: BriefingKind): import('../commands/reply.js').Reply;
}

export const BRIEFING_SERVICE = 'briefings';
