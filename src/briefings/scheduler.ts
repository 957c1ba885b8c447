import schedule, { type Job } from 'node-schedule';
import type { Reply } from '../commands/reply.js';
import type { Logger } from '../log.js';
import type { BriefingKind } from './compose.js';
import { nextRuns, previousRun } from './schedule.js';
import type { NewSubscription, Platform, Subscription, SubscriptionStore } from './store.js';

/** A delivery that did not go through; `permanent` when retrying cannot help (channel gone, bot removed). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

/** Posts a briefing to one platform's channel. Platform rate limits (Retry-After) are the client's job. */
export interface Deliverer {
  deliver(channelId: string, reply: Reply): Promise<void>;
}

export interface SchedulerOptions {
  store: SubscriptionStore;
  deliverers: Partial<Record<Platform, Deliverer>>;
  compose: (kind: BriefingKind) => Reply;
  log: Logger;
  /** Names this process in delivery claims. */
  owner: string;
  /** A missed slot younger than this is delivered at start-up; older ones are skipped. */
  graceMinutes: number;
  /** Deliveries in flight at once. */
  concurrency?: number;
  /** Least time between two posts to one channel (Slack allows about one message a second). */
  perChannelGapMs?: number;
  /** Attempts for transient failures, with exponential backoff from `backoffMs`. */
  attempts?: number;
  backoffMs?: number;
}

export interface ScheduledSubscription {
  subscription: Subscription;
  next: Date[];
}

/** The minute a slot stands for, the same in every process: the key of exactly-once delivery. */
export function slotOf(date: Date): string {
  return new Date(Math.floor(date.getTime() / 60_000) * 60_000).toISOString();
}

/**
 * Runs briefings: one node-schedule job per active subscription, reloaded from the store at start.
 * Each slot is claimed in the store before sending, so two processes on one database, or a restart in
 * the middle of a delivery, never post it twice.
 */
export class BriefingScheduler {
  private readonly jobs = new Map<number, Job>();
  private readonly queue: { id: number; slot: string }[] = [];
  private readonly lastPost = new Map<string, number>();
  private active = 0;
  private idle: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly o: SchedulerOptions) {}

  /** Schedules every active subscription and catches up the latest missed slot within the grace window. */
  start(now = new Date()): void {
    for (const sub of this.o.store.listActive()) {
      if (!this.o.deliverers[sub.platform]) continue;
      this.schedule(sub);
      const prev = previousRun(sub.cron, sub.tz, now);
      if (prev && now.getTime() - prev.getTime() <= this.o.graceMinutes * 60_000 && !this.o.store.hasSlot(sub.id, slotOf(prev))) {
        this.o.log.info({ subscription: sub.id, slot: slotOf(prev) }, 'briefing: catching up a missed slot');
        this.enqueue(sub.id, slotOf(prev));
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const job of this.jobs.values()) job.cancel();
    this.jobs.clear();
    await this.drained();
  }

  /** Resolves when nothing is queued or in flight. */
  drained(): Promise<void> {
    if (this.active === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  subscribe(sub: NewSubscription): ScheduledSubscription {
    const created = this.o.store.add(sub);
    this.schedule(created);
    return { subscription: created, next: nextRuns(created.cron, created.tz, new Date(), 3) };
  }

  list(platform: Platform, channelId: string): ScheduledSubscription[] {
    return this.o.store.listChannel(platform, channelId).map((s) => ({ subscription: s, next: s.paused ? [] : nextRuns(s.cron, s.tz, new Date(), 1) }));
  }

  unsubscribe(platform: Platform, channelId: string, id: number | 'all'): number {
    const ids = id === 'all' ? this.o.store.listChannel(platform, channelId).map((s) => s.id) : [id];
    let removed = 0;
    for (const i of ids) {
      if (this.o.store.remove(platform, channelId, i)) {
        removed++;
        this.jobs.get(i)?.cancel();
        this.jobs.delete(i);
      }
    }
    return removed;
  }

  private schedule(sub: Subscription): void {
    if (this.stopped) return;
    const job = schedule.scheduleJob({ rule: sub.cron, tz: sub.tz }, (fireDate: Date) => this.enqueue(sub.id, slotOf(fireDate)));
    // node-schedule answers null, silently, for a rule it cannot use; the store only holds validated ones.
    if (!job) {
      this.o.log.error({ subscription: sub.id, cron: sub.cron, tz: sub.tz }, 'briefing: could not schedule');
      return;
    }
    this.jobs.get(sub.id)?.cancel();
    this.jobs.set(sub.id, job);
  }

  private enqueue(id: number, slot: string): void {
    this.queue.push({ id, slot });
    this.pump();
  }

  private pump(): void {
    const limit = this.o.concurrency ?? 8;
    while (this.active < limit && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.active++;
      void this.run(next.id, next.slot).finally(() => {
        this.active--;
        this.pump();
        if (this.active === 0 && this.queue.length === 0) for (const r of this.idle.splice(0)) r();
      });
    }
  }

  /** One slot: claim, compose, post (retrying transient failures), record the outcome. */
  async run(id: number, slot: string): Promise<'sent' | 'failed' | 'skipped'> {
    const sub = this.o.store.get(id);
    if (!sub || sub.paused) return 'skipped';
    const deliverer = this.o.deliverers[sub.platform];
    if (!deliverer) return 'skipped';
    if (!this.o.store.claim(id, slot, this.o.owner)) return 'skipped';
    const log = this.o.log.child({ subscription: id, slot, platform: sub.platform, channel: sub.channelId });
    const attempts = this.o.attempts ?? 3;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.spaceOut(`${sub.platform}:${sub.channelId}`);
        await deliverer.deliver(sub.channelId, this.o.compose(sub.kind));
        this.o.store.finish(id, slot, 'sent', null, false);
        log.info('briefing delivered');
        return 'sent';
      } catch (err) {
        const permanent = err instanceof DeliveryError && err.permanent;
        const detail = err instanceof Error ? err.message : String(err);
        if (!permanent && attempt < attempts) {
          log.warn({ attempt, detail }, 'briefing: transient failure, retrying');
          await sleep((this.o.backoffMs ?? 2000) * 2 ** (attempt - 1));
          continue;
        }
        const after = this.o.store.finish(id, slot, 'failed', detail, permanent);
        log.error({ detail, permanent, paused: after?.paused }, 'briefing not delivered');
        if (after?.paused) {
          this.jobs.get(id)?.cancel();
          this.jobs.delete(id);
        }
        return 'failed';
      }
    }
  }

  private async spaceOut(key: string): Promise<void> {
    const gap = this.o.perChannelGapMs ?? 1100;
    const last = this.lastPost.get(key) ?? 0;
    const wait = last + gap - Date.now();
    this.lastPost.set(key, Math.max(Date.now(), last + gap));
    if (wait > 0) await sleep(wait);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
