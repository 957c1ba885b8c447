import type { BriefingKind, Layout } from './kinds.js';

export interface Subscription {
  id: number;
  /** A platform id from the platform list ("slack", "discord", "console", …). */
  platform: string;
  channelId: string;
  /** Slack team (OAuth installs) or Discord guild; null for single-workspace set-ups. */
  workspaceId: string | null;
  /** Slack Enterprise Grid organisation, when the workspace belongs to one (org-wide installs). */
  enterpriseId?: string | null;
  kind: BriefingKind;
  cron: string;
  /** How the schedule was written ("weekdays 08:30"). */
  label: string;
  tz: string;
  layout: Layout;
  /** Quiet mode: deliver only when a new edition has been loaded since the last delivery. */
  onlyNewData: boolean;
  createdBy: string;
  createdAt: string;
  /** "chat" when made with /briefing subscribe; "config" when declared by the operator. */
  source: 'chat' | 'config';
  paused: boolean;
  consecutiveFailures: number;
  lastError: string | null;
  /** Position in the spotlight cycle: the next delivery shows spotlight `cursor`. */
  cursor: number;
  /** The edition the last delivery answered from. */
  lastEdition: number | null;
}

export type NewSubscription = Pick<
  Subscription,
  | 'platform'
  | 'channelId'
  | 'workspaceId'
  | 'enterpriseId'
  | 'kind'
  | 'cron'
  | 'label'
  | 'tz'
  | 'layout'
  | 'onlyNewData'
  | 'createdBy'
  | 'source'
  | 'lastEdition'
>;

/** A delivery slot this process now holds: deliver it, then finish it. */
export interface Claim {
  subscription: Subscription;
  slot: string;
  attempt: number;
  /**
   * An earlier attempt held this slot and may have posted before it died or timed out: the deliverer
   * must check the channel before posting again.
   */
  resumed: boolean;
}

export type Outcome =
  | { status: 'sent'; messageRef?: string; edition: number; advanceCursor: boolean }
  | { status: 'skipped'; detail: string }
  /** Transient: tried again at a later tick, within the grace window. */
  | { status: 'retry'; detail: string; nextAttempt: Date }
  /** Permanent (channel gone, bot removed): counts towards pausing. */
  | { status: 'failed'; detail: string };

/** Who claims, for how long, and for which platforms; `busy` ("<subscription>|<slot>") are the claims the caller is delivering now. */
interface ClaimerOptions {
  now: Date;
  owner: string;
  leaseMs: number;
  platforms: readonly string[];
  busy?: readonly string[];
}

/** One schedule's slot to claim from (see SubscriptionStore.claimDue). */
export interface ClaimDueOptions extends ClaimerOptions {
  cron: string;
  tz: string;
  slot: string;
  /**
   * At most this many (lowest subscription ids first): each replica takes a share of a large slot and
   * comes back for more as it finishes, so a fast replica takes more and a slow one less. On PostgreSQL
   * rows another replica is claiming at that moment are skipped (SKIP LOCKED), not waited for.
   */
  limit?: number;
  /**
   * Only subscriptions with a higher id: the rest of a slot this replica is draining, from where its
   * last batch ended. What a lower id still holds (a retry come due, a dead replica's claim, a claim
   * another replica gave up) is claimed at the next tick, which reads the whole slot.
   */
  after?: number;
}

/** Slots younger than `since` to take over (see SubscriptionStore.claimStale). */
export interface ClaimStaleOptions extends ClaimerOptions {
  since: string;
}

/**
 * Where subscriptions and delivery slots live. Every method is asynchronous: SQLite implements it for
 * one host, PostgreSQL for several replicas, the scheduler is the same over both.
 */
export interface SubscriptionStore {
  /** Adds a subscription, or finds the same one (channel, kind, schedule, zone) already there. */
  add(sub: NewSubscription): Promise<{ subscription: Subscription; created: boolean }>;
  get(id: number): Promise<Subscription | undefined>;
  listChannel(platform: string, channelId: string): Promise<Subscription[]>;
  /** Subscriptions of one workspace (of one channel, when there is no workspace). */
  countWorkspace(platform: string, workspaceId: string | null, channelId: string): Promise<number>;
  remove(platform: string, channelId: string, id: number): Promise<boolean>;
  /** Resumes a paused subscription of this channel; false when there is none by that id. */
  resume(platform: string, channelId: string, id: number): Promise<boolean>;
  /** Pauses every subscription of a workspace (the app was uninstalled there). */
  pauseWorkspace(platform: string, workspaceId: string, reason: string): Promise<number>;
  /** Operator-declared subscriptions resume at every start: a restart is the operator's "try again". */
  resumeDeclared(): Promise<number>;
  /** The distinct (schedule, zone) pairs of active subscriptions: a tick's work follows these, not the subscriptions. */
  schedules(): Promise<{ cron: string; tz: string }[]>;
  /**
   * Claims every due delivery of one schedule's slot: slots nobody holds, slots whose holder's lease
   * ran out (a dead process), and retries whose time has come. Exactly one caller gets each.
   */
  claimDue(o: ClaimDueOptions): Promise<Claim[]>;
  /**
   * Whether `owner` still holds this claim, extending its lease if so: checked just before each post,
   * so a claim taken over while its owner was slow is never posted by the old owner.
   */
  holds(id: number, slot: string, owner: string, leaseMs: number, now: Date): Promise<boolean>;
  /** Extends the lease of every claim `owner` holds (a heartbeat while it works); returns how many. */
  renew(owner: string, leaseMs: number, now: Date): Promise<number>;
  /**
   * Takes over claims of any slot younger than `since` whose holder's lease ran out, and retries whose
   * time has come: claimDue sees only each schedule's latest slot, and a slot claimed before a newer
   * one fired is still owed. `busy` ("<subscription>|<slot>") are the claims the caller is delivering
   * right now: never stale to it, whatever their lease says, so they are neither taken again nor counted
   * as another attempt.
   */
  claimStale(o: ClaimStaleOptions): Promise<Claim[]>;
  /** Records how a claimed delivery ended, if the claim is still this owner's. */
  finish(id: number, slot: string, owner: string, outcome: Outcome): Promise<Subscription | undefined>;
  /** Gives back every claim of `owner` (shutting down): the next tick anywhere takes them. */
  release(owner: string): Promise<number>;
  /** True for exactly one caller per channel and edition: that delivery leads with "what changed". */
  claimAnnouncement(platform: string, channelId: string, edition: number, subscriptionId: number, slot: string): Promise<boolean>;
  /** The database answers (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** After this many permanent failures in a row a subscription is paused (channel gone, bot removed…). */
export const PAUSE_AFTER_FAILURES = 3;
