import type { Job } from 'node-schedule';
import type { Edition, Library } from '../editions.js';
import type { Logger } from '../log.js';
import { describeDbError } from '../store/db.js';
import type { BriefingMessage } from './compose.js';
import { holdLeanHeap } from './lean-heap.js';
import { loadNodeSchedule, previousRun } from './schedule.js';
import type { Claim, Subscription, SubscriptionStore } from './subscriptions.js';

/** A delivery that did not go through: `permanent` when retrying cannot help (channel gone, bot removed). */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    /** The platform said when to try again (429 Retry-After). */
    readonly retryAfterMs?: number,
    /** Which of the subscription's rate-limit scopes the 429 was for (see Deliverer.rateScopes); the first when unsaid. */
    readonly scope?: string,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface DeliveryTarget {
  subscription: Subscription;
  slot: string;
  attempt: number;
  /**
   * An earlier attempt held this slot (a process died, or an attempt timed out): it may have posted.
   * The deliverer checks the channel before posting again (Slack metadata, Discord nonce).
   */
  resumed: boolean;
}

/** Posts a briefing to one platform's channel. One attempt: retries are the scheduler's, and only the scheduler's. */
export interface Deliverer {
  /**
   * The platform's rate limits a post to this subscription counts against (Slack: the workspace's
   * chat.postMessage; Feishu: the tenant's message API and the chat). A 429 pauses the scope it names
   * (the first when it names none) until its Retry-After, and no other: a rate-limited workspace does
   * not hold the others back. A post waits while any of its scopes is paused. Without it, the channel.
   */
  rateScopes?(subscription: Subscription): string[];
  /** `alreadyPosted`: a resumed slot found its message in the channel (posted before a takeover), and posted nothing. */
  deliver(target: DeliveryTarget, message: BriefingMessage): Promise<{ messageRef?: string; alreadyPosted?: boolean }>;
}

/** What the scheduler reports to metrics, without knowing how they are kept. */
export interface SchedulerObserver {
  delivery(outcome: 'sent' | 'skipped' | 'retry' | 'failed'): void;
  recovered(n: number): void;
  dbError(): void;
}

export interface SchedulerOptions {
  store: SubscriptionStore;
  /** By platform id; subscriptions of other platforms are left to the processes that serve them. */
  deliverers: ReadonlyMap<string, Deliverer>;
  library: () => Library;
  compose: (sub: Subscription, edition: Edition, announceSince: Edition | undefined) => Promise<BriefingMessage>;
  log: Logger;
  /** Names this process in claims ("host:pid"). */
  owner: string;
  /** A missed slot younger than this is still delivered (after downtime, or when a retry comes due). */
  graceMinutes: number;
  /** How long a claim stays this process's; a dead process's claims are taken over after it. */
  leaseMs: number;
  /** Seconds between ticks (60 in production: slots are minutes). */
  tickSeconds: number;
  /** Attempts within one claim, and the first backoff (doubled each time). */
  attempts: number;
  backoffMs: number;
  /** When a slot that outlasted its attempts is tried again (at a later tick). */
  retryAfterMs: number;
  /** Deliveries in flight at once. */
  concurrency: number;
  /**
   * Claims taken from one slot at a time (default: four times `concurrency`): a replica comes back for
   * more as its batch finishes, so replicas on one database share a large slot by how fast they post.
   */
  claimBatch?: number;
  /** Least time between two posts to one channel (Slack allows about one message a second). */
  perChannelGapMs: number;
  /** How long SIGTERM waits for in-flight deliveries before giving their claims back. */
  drainMs: number;
  observe?: SchedulerObserver;
  /** Held while a large slot is delivered, released after its last delivery (default: the lean heap, lean-heap.ts). */
  holdDuringLargeSlot?: () => () => void;
  /** The time (tests move it on by minutes). */
  clock?: () => Date;
}

export interface TickReport {
  schedules: number;
  claimed: number;
  recovered: number;
}

/** The slot key of a fire time: the same in every process and every replica. */
export function slotOf(date: Date): string {
  return new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
}

/** Counts permits: deliveries wait for one only while they send, never while they wait to send. */
class Semaphore {
  private waiting: (() => void)[] = [];
  private used = 0;
  constructor(private readonly size: number) {}
  async use<T>(fn: () => Promise<T>): Promise<T> {
    if (this.used >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.used++;
    try {
      return await fn();
    } finally {
      this.used--;
      this.waiting.shift()?.();
    }
  }
}

/** finish() found the claim no longer this process's: another process took it over. */
const NOT_MINE = 'not mine' as const;

/**
 * 429s one delivery waits out before it gives the slot back for a later tick. A 429 is the platform
 * pacing us, not a failed attempt, so it does not use one; this bound keeps a platform that never
 * stops answering 429 from holding a claim for ever.
 */
const RATE_LIMIT_WAITS = 30;

/**
 * When each rate-limit scope may post again. Deliveries of a paused scope wait outside the delivery
 * permits, so other scopes post meanwhile.
 */
class RatePauses {
  private readonly until = new Map<string, number>();

  pause(scope: string, ms: number): void {
    const at = Date.now() + ms;
    if (at > (this.until.get(scope) ?? 0)) this.until.set(scope, at);
  }

  /** Milliseconds until a post under all these scopes may go (0: now). */
  remaining(scopes: readonly string[]): number {
    let most = 0;
    for (const scope of scopes) {
      const at = this.until.get(scope);
      if (at === undefined) continue;
      const left = at - Date.now();
      if (left <= 0) this.until.delete(scope);
      most = Math.max(most, left);
    }
    return most;
  }

  /** Resolves when the scopes may post; a pause set while waiting is waited out too. */
  async wait(scopes: readonly string[]): Promise<void> {
    for (let left = this.remaining(scopes); left > 0; left = this.remaining(scopes)) await sleep(left);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One claim: a subscription's slot. */
const claimKey = (c: Claim) => `${c.subscription.id}|${c.slot}`;
/** The highest subscription id among claims (0 for none): where a drain's next batch starts. */
const lastIdOf = (claims: readonly Claim[]): number => claims.reduce((max, c) => Math.max(max, c.subscription.id), 0);

/** Wakes whoever waits for the next change (a delivery settled, or began or ended a rate-limit wait). */
class Changes {
  private waiters: (() => void)[] = [];
  next(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  notify(): void {
    const woken = this.waiters;
    this.waiters = [];
    for (const wake of woken) wake();
  }
}

/**
 * Runs briefings from the store: every tick reads the distinct schedules, works out each one's latest
 * slot, and claims what is due (new slots, dead processes' slots, retries). Any number of processes on
 * one database share the work; each slot is delivered by exactly one of them.
 */
export class BriefingScheduler {
  private job: Job | undefined;
  private readonly chains = new Map<string, Promise<void>>();
  private readonly lastPost = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly permits: Semaphore;
  private readonly pauses = new RatePauses();
  /** Claims whose delivery is waiting out a 429: they hold no capacity of this replica's. */
  private readonly rateWaiting = new Set<string>();
  private readonly changes = new Changes();
  private ticking = false;
  private stopped = false;
  private heartbeat: NodeJS.Timeout | undefined;
  /** The (subscription, slot) claims this process is delivering now. */
  private readonly working = new Set<string>();
  /** Slots ("cron|tz|slot") this process is still claiming batch by batch. */
  private readonly draining = new Set<string>();

  private get batch(): number {
    return this.o.claimBatch ?? this.o.concurrency * 4;
  }

  constructor(private readonly o: SchedulerOptions) {
    this.permits = new Semaphore(o.concurrency);
  }

  /** Ticks once at once (catching up what downtime missed, taking over dead claims), then on every tick. */
  async start(): Promise<TickReport> {
    const first = await this.tick();
    this.o.log.info(
      { schedules: first.schedules, claimed: first.claimed, taken_over: first.recovered },
      "briefings: started (the first tick catches up missed slots and takes over dead processes' claims)",
    );
    const rule = this.o.tickSeconds >= 60 ? '0 * * * * *' : `*/${this.o.tickSeconds} * * * * *`;
    // Loaded here, after the port is open: node-schedule and its cron parser are 24 ms of start-up.
    const schedule = loadNodeSchedule();
    if (!this.stopped) this.job = schedule.scheduleJob(rule, () => void this.tick());
    // While this process works through claims (a slow platform, a long backlog), their leases are
    // renewed, so nobody takes over a claim whose owner is alive; a dead owner stops renewing.
    if (!this.stopped) this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(250, Math.floor(this.o.leaseMs / 3)));
    return first;
  }

  private now(): Date {
    return this.o.clock?.() ?? new Date();
  }

  /** This process as a claimer: its name, its lease, and the claims it is delivering right now. */
  private claimer() {
    return { owner: this.o.owner, leaseMs: this.o.leaseMs, busy: [...this.working] };
  }

  async tick(now = this.now()): Promise<TickReport> {
    const report: TickReport = { schedules: 0, claimed: 0, recovered: 0 };
    if (this.ticking || this.stopped) return report;
    this.ticking = true;
    try {
      let pairs: { cron: string; tz: string }[];
      try {
        pairs = await this.o.store.schedules();
      } catch (err) {
        this.o.observe?.dbError();
        this.o.log.error({ err: describeDbError(err) }, 'briefings: cannot read schedules; trying again next tick');
        return report;
      }
      report.schedules = pairs.length;
      const platforms = [...this.o.deliverers.keys()];
      for (const { cron, tz } of pairs) {
        const fire = previousRun(cron, tz, now);
        if (!fire || now.getTime() - fire.getTime() > this.o.graceMinutes * 60_000) continue;
        const slot = slotOf(fire);
        const drainKey = `${cron}|${tz}|${slot}`;
        // Its batches are still being claimed: the loop that claims them comes back for the rest.
        if (this.draining.has(drainKey)) continue;
        let claims: Claim[];
        try {
          claims = await this.o.store.claimDue({ cron, tz, slot, now, platforms, limit: this.batch, ...this.claimer() });
        } catch (err) {
          this.o.observe?.dbError();
          this.o.log.error(
            { err: describeDbError(err), cron, tz, slot },
            'briefings: cannot claim due slots (database); they stay due and are tried at the next tick',
          );
          continue;
        }
        const runs = new Map<string, Promise<void>>();
        for (const claim of claims) {
          report.claimed++;
          if (claim.resumed) report.recovered++;
          const run = this.enqueue(claim);
          if (run) runs.set(claimKey(claim), run);
        }
        // A full batch: there may be more. Claimed again as this batch finishes, not all at once.
        if (claims.length >= this.batch)
          this.drain({ key: drainKey, cron, tz, slot, fire, platforms, runs, after: lastIdOf(claims), offsetMs: now.getTime() - this.now().getTime() });
      }
      // Older slots whose holder died, and retries that came due, after a newer slot fired.
      try {
        const since = slotOf(new Date(now.getTime() - this.o.graceMinutes * 60_000));
        for (const claim of await this.o.store.claimStale({ since, now, platforms, ...this.claimer() })) {
          report.claimed++;
          if (claim.resumed) report.recovered++;
          this.enqueue(claim);
        }
      } catch (err) {
        this.o.observe?.dbError();
        this.o.log.error({ err: describeDbError(err) }, 'briefings: cannot take over stale claims (database); trying again next tick');
      }
      if (report.recovered > 0) {
        this.o.observe?.recovered(report.recovered);
        this.o.log.info(
          { recovered: report.recovered },
          'briefings: took over slots whose holder died or timed out (checked against the channel before posting)',
        );
      }
      return report;
    } finally {
      this.ticking = false;
    }
  }

  /**
   * The rest of a large slot, claimed as capacity frees up: when no more than half a batch of this
   * slot's deliveries is still posting, the loop claims enough to fill the batch again. A delivery
   * waiting out a 429 does not count: the platform paused its scope, not this replica. So a replica
   * holds at most a batch of claims at work, and another replica doing the same takes the claims this
   * one does not, in proportion to how fast each posts.
   */
  private drain(o: {
    key: string;
    cron: string;
    tz: string;
    slot: string;
    fire: Date;
    platforms: string[];
    runs: Map<string, Promise<void>>;
    /** The highest subscription id claimed so far: the next batch starts after it. */
    after: number;
    offsetMs: number;
  }): void {
    this.draining.add(o.key);
    let after = o.after;
    const release = (this.o.holdDuringLargeSlot ?? holdLeanHeap)();
    const mine = o.runs;
    const track = (key: string, run: Promise<void>) => {
      mine.set(key, run);
      void run.finally(() => {
        mine.delete(key);
        this.changes.notify();
      });
    };
    for (const [key, run] of mine) track(key, run);
    const posting = () => [...mine.keys()].filter((k) => !this.rateWaiting.has(k)).length;
    // Waiting deliveries are cheap but not free: when a whole slot is one rate-limited workspace, this
    // keeps it from being claimed entirely into waiting.
    const claimWindow = 4 * this.batch;
    const full = () => posting() > this.batch / 2 || mine.size >= claimWindow;
    const loop = (async () => {
      while (!this.stopped) {
        while (!this.stopped && full()) await this.changes.next();
        // The tick's clock, carried on (tests tick at a chosen time).
        const now = new Date(this.now().getTime() + o.offsetMs);
        if (this.stopped || now.getTime() - o.fire.getTime() > this.o.graceMinutes * 60_000) return;
        const limit = Math.min(this.batch - posting(), claimWindow - mine.size);
        const claims = await this.o.store.claimDue({ cron: o.cron, tz: o.tz, slot: o.slot, now, platforms: o.platforms, limit, after, ...this.claimer() });
        after = Math.max(after, lastIdOf(claims));
        for (const claim of claims) {
          const run = this.enqueue(claim);
          if (run) track(claimKey(claim), run);
        }
        if (claims.length < limit) return;
      }
    })()
      .catch((err: unknown) => {
        this.o.observe?.dbError();
        this.o.log.error(
          { err: describeDbError(err), slot: o.slot },
          'briefings: cannot claim the next batch (database); the rest is claimed at the next tick',
        );
      })
      .finally(() => {
        this.draining.delete(o.key);
        this.inFlight.delete(loop);
        // Its last batch is still posting: released when that is done.
        void Promise.allSettled([...mine.values()]).then(release);
      });
    this.inFlight.add(loop);
  }

  /** Resolves when nothing is in flight (tests, benchmarks). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  /** Stops ticking; finishes what is in flight within `drainMs`, then gives back the claims still held. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.changes.notify();
    this.job?.cancel();
    clearInterval(this.heartbeat);
    const drained = Promise.allSettled([...this.inFlight]).then(() => true);
    const inTime = await Promise.race([drained, sleep(this.o.drainMs).then(() => false)]);
    try {
      const released = await this.o.store.release(this.o.owner);
      if (released > 0 || !inTime) this.o.log.warn({ released }, 'briefings: stopped with deliveries in flight; their slots were given back for the next tick');
    } catch (err) {
      this.o.log.error({ err: describeDbError(err) }, 'briefings: could not give back claims at shutdown; they are taken over when their lease ends');
    }
  }

  private async renewLeases(): Promise<void> {
    if (this.inFlight.size === 0) return;
    try {
      await this.o.store.renew(this.o.owner, this.o.leaseMs, this.now());
    } catch (err) {
      this.o.observe?.dbError();
      this.o.log.warn({ err: describeDbError(err) }, 'briefings: could not renew leases (database); each post still checks its claim first');
    }
  }

  /**
   * Checked before every post: a claim another process took over (this one was too slow to renew it)
   * is theirs to post. A database that cannot answer cannot hand the claim to anyone else either.
   */
  private async stillMine(claim: Claim, log: Logger): Promise<boolean> {
    try {
      if (await this.o.store.holds(claim.subscription.id, claim.slot, this.o.owner, this.o.leaseMs, this.now())) return true;
      log.warn('briefing: the claim was taken over by another process; not posting it here');
      return false;
    } catch (err) {
      this.o.observe?.dbError();
      log.warn({ err: describeDbError(err) }, 'briefing: could not check the claim (database); posting, the channel check covers a takeover');
      return true;
    }
  }

  /** One channel's deliveries run in order, spaced out; channels run side by side. */
  private enqueue(claim: Claim): Promise<void> | undefined {
    // A claim this process is already working on (its lease ran short, and a tick handed it back to
    // its own owner) is not run a second time: that would be a second post.
    const slotKey = claimKey(claim);
    if (this.working.has(slotKey)) return undefined;
    this.working.add(slotKey);
    const key = `${claim.subscription.platform}:${claim.subscription.channelId}`;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const run = previous
      .then(() => this.run(claim))
      .catch((err: unknown) => this.o.log.error({ err, subscription: claim.subscription.id }, 'briefings: delivery crashed'));
    this.chains.set(key, run);
    this.inFlight.add(run);
    void run.finally(() => {
      this.inFlight.delete(run);
      this.working.delete(slotKey);
      if (this.chains.get(key) === run) this.chains.delete(key);
      this.changes.notify();
    });
    return run;
  }

  // Long on purpose: one delivery's whole life (still ours? compose, post, record, or retry, pause or
  // give back), kept in one place so every exit records what happened.
  private async run(claim: Claim): Promise<void> {
    const sub = claim.subscription;
    const log = this.o.log.child({ subscription: sub.id, slot: claim.slot, platform: sub.platform, channel: sub.channelId });
    if (this.stopped) return;
    const library = this.o.library();
    const edition = library.current;
    if (sub.onlyNewData && sub.lastEdition !== null && sub.lastEdition >= edition.year) {
      await this.finish(claim, { status: 'skipped', detail: `quiet mode: no edition newer than ${sub.lastEdition}` });
      this.o.observe?.delivery('skipped');
      return;
    }
    const previous = library.previousOf(edition.year);
    let announceSince: Edition | undefined;
    try {
      if (
        previous &&
        sub.lastEdition !== null &&
        sub.lastEdition < edition.year &&
        (await this.o.store.claimAnnouncement(sub.platform, sub.channelId, edition.year, sub.id, claim.slot))
      ) {
        announceSince = previous;
      }
    } catch (err) {
      this.o.observe?.dbError();
      log.warn({ err: describeDbError(err) }, 'briefing: could not record the announcement; delivering without it');
    }
    const deliverer = this.o.deliverers.get(sub.platform)!;
    let message: BriefingMessage;
    try {
      message = await this.o.compose(sub, edition, announceSince);
    } catch (err) {
      log.error({ err }, 'briefing: could not compose');
      await this.finish(claim, {
        status: 'retry',
        detail: `compose: ${(err as Error).message}`,
        nextAttempt: new Date(this.now().getTime() + this.o.retryAfterMs),
      });
      return;
    }
    let backoff = this.o.backoffMs;
    const scopes = deliverer.rateScopes?.(sub) ?? [`${sub.platform}:${sub.channelId}`];
    let rateWaits = 0;
    for (let attempt = 1; attempt <= this.o.attempts; ) {
      if (this.stopped) return;
      await this.spaceOut(`${sub.platform}:${sub.channelId}`);
      if (this.pauses.remaining(scopes) > 0) {
        this.rateWaiting.add(claimKey(claim));
        this.changes.notify();
        await this.pauses.wait(scopes);
        this.rateWaiting.delete(claimKey(claim));
        // Stopped meanwhile: the claim has been (or is being) given back; the post is the next holder's.
        if (this.stopped) return;
      }
      try {
        const target = { subscription: sub, slot: claim.slot, attempt: claim.attempt + attempt - 1, resumed: claim.resumed || attempt > 1 || rateWaits > 0 };
        // Checked inside the permit, right before the post: waiting for a permit takes no time off the
        // check, and a pause that began while this delivery waited for its permit is not posted into.
        const result = await this.permits.use(async () => {
          if (this.pauses.remaining(scopes) > 0) return 'paused' as const;
          return (await this.stillMine(claim, log)) ? deliverer.deliver(target, message) : undefined;
        });
        if (result === 'paused') continue;
        if (!result) return;
        const recorded = await this.finish(claim, {
          status: 'sent',
          ...(result.messageRef ? { messageRef: result.messageRef } : {}),
          edition: edition.year,
          advanceCursor: true,
        });
        // Counted once: by the process that posted it and recorded it, not again by a taker that found it.
        if (result.alreadyPosted) {
          log.info({ attempt }, 'briefing already in the channel (posted before a takeover): recorded, not posted again');
          this.o.observe?.delivery('skipped');
        } else if (recorded === NOT_MINE) {
          // Posted here, so counted here; the new holder finds the post and counts it as skipped.
          this.o.observe?.delivery('sent');
          log.info({ attempt, spotlight: message.spotlight.id }, 'briefing delivered; the slot had been taken over meanwhile, and its new holder records it');
        } else {
          this.o.observe?.delivery('sent');
          log.info({ attempt, spotlight: message.spotlight.id }, 'briefing delivered');
        }
        return;
      } catch (err) {
        const e = err instanceof DeliveryError ? err : new DeliveryError(err instanceof Error ? err.message : String(err), false);
        if (e.retryAfterMs !== undefined && !e.permanent && rateWaits < RATE_LIMIT_WAITS) {
          rateWaits++;
          const scope = e.scope !== undefined && scopes.includes(e.scope) ? e.scope : scopes[0]!;
          this.pauses.pause(scope, e.retryAfterMs);
          log.info({ scope, retryAfterMs: e.retryAfterMs }, 'briefing: rate limited; this scope waits, others post meanwhile');
          continue;
        }
        log.warn({ attempt, of: this.o.attempts, error: e.message, permanent: e.permanent }, 'briefing: delivery attempt failed');
        if (e.permanent) {
          const after = await this.finish(claim, { status: 'failed', detail: e.message });
          this.o.observe?.delivery('failed');
          log.error({ error: e.message, paused: after !== undefined && after !== NOT_MINE && after.paused }, 'briefing not delivered (permanent failure)');
          return;
        }
        if (attempt < this.o.attempts) {
          await sleep(backoff);
          backoff *= 2;
        }
        attempt++;
      }
    }
    await this.finish(claim, {
      status: 'retry',
      detail: 'transient failures outlasted the attempts',
      nextAttempt: new Date(this.now().getTime() + this.o.retryAfterMs),
    });
    this.o.observe?.delivery('retry');
    log.error({ retryInMs: this.o.retryAfterMs }, 'briefing not delivered yet: recorded, tried again at a later tick within the grace window');
  }

  private async finish(claim: Claim, outcome: Parameters<SubscriptionStore['finish']>[3]): Promise<Subscription | typeof NOT_MINE | undefined> {
    try {
      return (await this.o.store.finish(claim.subscription.id, claim.slot, this.o.owner, outcome)) ?? NOT_MINE;
    } catch (err) {
      this.o.observe?.dbError();
      // The claim's lease runs out and the next tick takes the slot over, checking the channel first.
      this.o.log.error(
        { err: describeDbError(err), subscription: claim.subscription.id, slot: claim.slot, outcome: outcome.status },
        'briefings: could not record a delivery (database); the slot is taken over when its lease ends',
      );
      return undefined;
    }
  }

  private async spaceOut(key: string): Promise<void> {
    if (this.lastPost.size > 10_000) for (const [k, t] of this.lastPost) if (t < Date.now() - this.o.perChannelGapMs) this.lastPost.delete(k);
    const last = this.lastPost.get(key) ?? 0;
    const at = Math.max(Date.now(), last + this.o.perChannelGapMs);
    this.lastPost.set(key, at);
    if (at > Date.now()) await sleep(at - Date.now());
  }
}
