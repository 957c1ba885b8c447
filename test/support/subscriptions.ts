import type { NewSubscription } from '../../src/briefings/subscriptions.js';

/** A subscription as a chat command makes one: daily 09:00 UTC, mismatch, compact; override what a test is about. */
export function newSubscription(o: Partial<NewSubscription> = {}): NewSubscription {
  return {
    platform: 'slack',
    channelId: 'C1',
    workspaceId: null,
    kind: 'mismatch',
    cron: '0 9 * * *',
    label: 'daily 09:00',
    tz: 'UTC',
    layout: 'compact',
    onlyNewData: false,
    createdBy: 'U1',
    source: 'chat',
    lastEdition: 2024,
    ...o,
  };
}
