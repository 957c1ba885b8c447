import type { BriefingKind } from './compose.js';

export type Platform = 'slack' | 'discord' | 'console';

export interface Subscription {
  id: number;
  platform: Platform;
  channelId: string;
  kind: BriefingKind;
  cron: string;
  /** How the schedule was written ("weekdays 08:30"). */
  label: string;
  tz: string;
  createdBy: string;
  /** "chat" when made with /briefing subscribe; "config" when declared by the operator. */
  source: 'chat' | 'config';
  paused: boolean;
  consecutiveFailures: number;
  lastError: string | null;
}

export type NewSubscription = Pick<Subscription, 'platform' | 'channelId' | 'kind' | 'cron' | 'label' | 'tz' | 'createdBy' | 'source'>;

export type DeliveryStatus = 'sent' | 'failed';

/**
 * Where subscriptions and delivery slots live. Small on purpose: SQLite implements it for one host;
 * a server database can implement it for several replicas without touching the scheduler.
 */
export interface SubscriptionStore {
  add(sub: NewSubscription): Subscription;
  /** Adds an operator-declared subscription unless the same one is already there. */
  ensure(sub: NewSubscription): Subscription;
  get(id: number): Subscription | undefined;
  listChannel(platform: Platform, channelId: string): Subscription[];
  listActive(): Subscription[];
  remove(platform: Platform, channelId: string, id: number): boolean;
  removeChannel(platform: Platform, channelId: string): number;
  /**
   * Claims one delivery slot (subscription × scheduled time) for `owner`. True for exactly one caller,
   * across processes sharing the store: the claim is made before sending, so nothing is posted twice.
   */
  claim(subscriptionId: number, slot: string, owner: string): boolean;
  hasSlot(subscriptionId: number, slot: string): boolean;
  /** Records how a claimed delivery ended; permanent failures count towards pausing. */
  finish(subscriptionId: number, slot: string, status: DeliveryStatus, detail: string | null, permanent: boolean): Subscription | undefined;
  close(): void;
}

/** After this many permanent failures in a row a subscription is paused (channel gone, bot removed…). */
export const PAUSE_AFTER_FAILURES = 3;
