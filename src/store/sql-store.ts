import type { BriefingKind, Layout } from '../briefings/kinds.js';
import {
  PAUSE_AFTER_FAILURES,
  type Claim,
  type ClaimDueOptions,
  type ClaimStaleOptions,
  type NewSubscription,
  type Outcome,
  type Subscription,
  type SubscriptionStore,
} from '../briefings/subscriptions.js';
import type { ChannelLang, ChannelSettings } from '../settings.js';
import type { SeenRequests } from '../http/server.js';
import type { Db } from './db.js';

interface Row {
  id: number | string;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  enterprise_id?: string | null;
  kind: BriefingKind;
  cron: string;
  label: string;
  tz: string;
  layout: Layout;
  only_new_data: number;
  created_by: string;
  created_at: string;
  source: 'chat' | 'config';
  paused: number;
  consecutive_failures: number;
  last_error: string | null;
  cursor: number;
  last_edition: number | null;
}

const toSubscription = (r: Row): Subscription => ({
  id: Number(r.id),
  platform: r.platform,
  channelId: r.channel_id,
  workspaceId: r.workspace_id,
  enterpriseId: r.enterprise_id ?? null,
  kind: r.kind,
  cron: r.cron,
  label: r.label,
  tz: r.tz,
  layout: r.layout,
  onlyNewData: Number(r.only_new_data) === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
  source: r.source,
  paused: Number(r.paused) === 1,
  consecutiveFailures: Number(r.consecutive_failures),
  lastError: r.last_error,
  cursor: Number(r.cursor),
  lastEdition: r.last_edition === null ? null : Number(r.last_edition),
});

/**
 * "AND <id> || '|' || <slot> NOT IN (…)": the claims a process is delivering, left out of its own
 * claiming. `first` is the number of the first placeholder it may use.
 */
function busyClause(id: string, slotPart: string, busy: readonly string[] | undefined, first: number): { sql: string; params: string[] } {
  if (!busy?.length) return { sql: '', params: [] };
  return { sql: `\n          AND (${id} || ${slotPart}) NOT IN (${busy.map((_, i) => `$${first + i}`).join(', ')})`, params: [...busy] };
}

/** A Slack installation, sealed (encrypted) before it reaches this table. */
export interface InstallationRecord {
  key: string;
  teamId: string | null;
  enterpriseId: string | null;
  isEnterpriseInstall: boolean;
  sealed: string;
}

/** The subscription, settings and installation tables, in SQL both SQLite and PostgreSQL speak. */
export class SqlStore implements SubscriptionStore, ChannelSettings, SeenRequests {
  constructor(readonly db: Db) {}

  async add(sub: NewSubscription): Promise<{ subscription: Subscription; created: boolean }> {
    return this.db.transaction(async (tx) => {
      // One channel at a time, across replicas: a replayed or doubled request finds the first one.
      if (tx.dialect === 'postgres') await tx.run('SELECT pg_advisory_xact_lock(hashtext($1))', [`${sub.platform}:${sub.channelId}`]);
      const same = await tx.all<Row>(
        'SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND kind = $3 AND cron = $4 AND tz = $5 ORDER BY id LIMIT 1',
        [sub.platform, sub.channelId, sub.kind, sub.cron, sub.tz],
      );
      if (same[0]) return { subscription: toSubscription(same[0]), created: false };
      const rows = await tx.all<Row>(
        `INSERT INTO subscriptions (platform, channel_id, workspace_id, kind, cron, label, tz, layout, only_new_data, created_by, created_at, source, last_edition, enterprise_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
        [
          sub.platform,
          sub.channelId,
          sub.workspaceId,
          sub.kind,
          sub.cron,
          sub.label,
          sub.tz,
          sub.layout,
          sub.onlyNewData ? 1 : 0,
          sub.createdBy,
          new Date().toISOString(),
          sub.source,
          sub.lastEdition,
          sub.enterpriseId ?? null,
        ],
      );
      return { subscription: toSubscription(rows[0]!), created: true };
    });
  }

  async get(id: number): Promise<Subscription | undefined> {
    const rows = await this.db.all<Row>('SELECT * FROM subscriptions WHERE id = $1', [id]);
    return rows[0] && toSubscription(rows[0]);
  }

  async listChannel(platform: string, channelId: string): Promise<Subscription[]> {
    return (await this.db.all<Row>('SELECT * FROM subscriptions WHERE platform = $1 AND channel_id = $2 ORDER BY id', [platform, channelId])).map(
      toSubscription,
    );
  }

  async countWorkspace(platform: string, workspaceId: string | null, channelId: string): Promise<number> {
    const rows = workspaceId
      ? await this.db.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM subscriptions WHERE platform = $1 AND workspace_id = $2', [platform, workspaceId])
      : await this.db.all<{ n: number | string }>('SELECT COUNT(*) AS n FROM subscriptions WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return Number(rows[0]?.n ?? 0);
  }

  async remove(platform: string, channelId: string, id: number): Promise<boolean> {
    return (await this.db.run('DELETE FROM subscriptions WHERE platform = $1 AND channel_id = $2 AND id = $3', [platform, channelId, id])) === 1;
  }

  async resume(platform: string, channelId: string, id: number): Promise<boolean> {
    return (
      (await this.db.run(
        'UPDATE subscriptions SET paused = 0, consecutive_failures = 0, last_error = NULL WHERE platform = $1 AND channel_id = $2 AND id = $3',
        [platform, channelId, id],
      )) === 1
    );
  }

  async pauseWorkspace(platform: string, workspaceId: string, reason: string): Promise<number> {
    return this.db.run('UPDATE subscriptions SET paused = 1, last_error = $3 WHERE platform = $1 AND workspace_id = $2 AND paused = 0', [
      platform,
      workspaceId,
      reason,
    ]);
  }

  async resumeDeclared(): Promise<number> {
    return this.db.run("UPDATE subscriptions SET paused = 0, consecutive_failures = 0, last_error = NULL WHERE source = 'config' AND paused = 1");
  }

  async schedules(): Promise<{ cron: string; tz: string }[]> {
    return this.db.all<{ cron: string; tz: string }>('SELECT DISTINCT cron, tz FROM subscriptions WHERE paused = 0');
  }

  async claimDue(o: ClaimDueOptions): Promise<Claim[]> {
    if (o.platforms.length === 0) return [];
    const limited = o.limit !== undefined && Number.isInteger(o.limit) && o.limit > 0;
    // SQLite has one writer: a LIMIT is enough. PostgreSQL locks the subscriptions it takes and skips
    // those another replica's claim holds at that moment, so concurrent claims take disjoint shares.
    const share = limited ? ` ORDER BY s.id LIMIT ${Number(o.limit)}${this.db.dialect === 'postgres' ? ' FOR UPDATE OF s SKIP LOCKED' : ''}` : '';
    const busy = busyClause('s.id', "'|' || $1", o.busy, 7 + o.platforms.length);
    const after = o.after === undefined ? { sql: '', params: [] } : { sql: ` AND s.id > $${7 + o.platforms.length + busy.params.length}`, params: [o.after] };
    const now = o.now.toISOString();
    const lease = new Date(o.now.getTime() + o.leaseMs).toISOString();
    // One statement: new slots are inserted, expired leases and due retries taken over; the unique
    // (subscription, slot) key and the WHERE of the upsert make each a claim for exactly one caller.
    const claimed = await this.db.all<{ subscription_id: number | string; slot: string; attempts: number | string }>(
      `INSERT INTO deliveries (subscription_id, slot, owner, claimed_at, status, lease_until, attempts)
       SELECT s.id, $1, $2, $3, 'claimed', $4, 1
         FROM subscriptions s
         LEFT JOIN deliveries d ON d.subscription_id = s.id AND d.slot = $1
        WHERE s.paused = 0 AND s.cron = $5 AND s.tz = $6 AND s.created_at <= $1
          AND s.platform IN (${o.platforms.map((_, i) => `$${i + 7}`).join(', ')})
          AND (d.subscription_id IS NULL OR (d.status = 'claimed' AND d.lease_until < $3) OR (d.status = 'retry' AND d.next_attempt <= $3))${busy.sql}${after.sql}${share}
       ON CONFLICT (subscription_id, slot) DO UPDATE
          SET owner = excluded.owner, claimed_at = excluded.claimed_at, status = 'claimed', lease_until = excluded.lease_until, attempts = deliveries.attempts + 1
        WHERE (deliveries.status = 'claimed' AND deliveries.lease_until < excluded.claimed_at)
           OR (deliveries.status = 'retry' AND deliveries.next_attempt <= excluded.claimed_at)
       RETURNING subscription_id, slot, attempts`,
      [o.slot, o.owner, now, lease, o.cron, o.tz, ...o.platforms, ...busy.params, ...after.params],
    );
    return this.claimsOf(claimed);
  }

  async claimStale(o: ClaimStaleOptions): Promise<Claim[]> {
    if (o.platforms.length === 0) return [];
    const busy = busyClause('subscription_id', "'|' || slot", o.busy, 5 + o.platforms.length);
    const now = o.now.toISOString();
    const lease = new Date(o.now.getTime() + o.leaseMs).toISOString();
    // One UPDATE: on PostgreSQL a second replica's UPDATE waits for the row and re-checks the lease, so
    // each stale claim goes to exactly one caller; SQLite has one writer.
    const claimed = await this.db.all<{ subscription_id: number | string; slot: string; attempts: number | string }>(
      `UPDATE deliveries SET owner = $1, claimed_at = $2, status = 'claimed', lease_until = $3, attempts = attempts + 1
        WHERE slot >= $4
          AND ((status = 'claimed' AND lease_until < $2) OR (status = 'retry' AND next_attempt <= $2))
          AND subscription_id IN (SELECT id FROM subscriptions WHERE paused = 0 AND platform IN (${o.platforms.map((_, i) => `$${i + 5}`).join(', ')}))${busy.sql}
       RETURNING subscription_id, slot, attempts`,
      [o.owner, now, lease, o.since, ...o.platforms, ...busy.params],
    );
    return this.claimsOf(claimed);
  }

  private async claimsOf(claimed: readonly { subscription_id: number | string; slot: string; attempts: number | string }[]): Promise<Claim[]> {
    if (claimed.length === 0) return [];
    const ids = [...new Set(claimed.map((c) => Number(c.subscription_id)))];
    const subs = await this.db.all<Row>(`SELECT * FROM subscriptions WHERE id IN (${ids.map((_, i) => `$${i + 1}`).join(', ')})`, ids);
    const byId = new Map(subs.map((r) => [Number(r.id), toSubscription(r)]));
    return claimed.flatMap((c) => {
      const subscription = byId.get(Number(c.subscription_id));
      const attempt = Number(c.attempts);
      return subscription ? [{ subscription, slot: c.slot, attempt, resumed: attempt > 1 }] : [];
    });
  }

  /**
   * The shared replay record: true when this key was not seen, or only seen longer ago than its window.
   * One statement, so two replicas given the same request cannot both see it as first.
   */
  async firstSeen(key: string, until: Date, now: Date): Promise<boolean> {
    const rows = await this.db.all(
      'INSERT INTO seen_requests (key, until) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET until = excluded.until WHERE seen_requests.until < $3 RETURNING key',
      [key, until.toISOString(), now.toISOString()],
    );
    // Old keys are cleared now and then, not on every request.
    if (++this.seenWrites % 1000 === 0) void this.db.run('DELETE FROM seen_requests WHERE until < $1', [now.toISOString()]).catch(() => {});
    return rows.length === 1;
  }

  private seenWrites = 0;

  async holds(id: number, slot: string, owner: string, leaseMs: number, now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + leaseMs).toISOString();
    return (
      (await this.db.run("UPDATE deliveries SET lease_until = $1 WHERE subscription_id = $2 AND slot = $3 AND owner = $4 AND status = 'claimed'", [
        until,
        id,
        slot,
        owner,
      ])) === 1
    );
  }

  async renew(owner: string, leaseMs: number, now: Date): Promise<number> {
    const until = new Date(now.getTime() + leaseMs).toISOString();
    return this.db.run("UPDATE deliveries SET lease_until = $1 WHERE owner = $2 AND status = 'claimed'", [until, owner]);
  }

  async finish(id: number, slot: string, owner: string, outcome: Outcome): Promise<Subscription | undefined> {
    const now = new Date().toISOString();
    return this.db.transaction(async (tx) => {
      const status = outcome.status;
      const detail = 'detail' in outcome ? outcome.detail.slice(0, 500) : null;
      const next = outcome.status === 'retry' ? outcome.nextAttempt.toISOString() : null;
      const ref = outcome.status === 'sent' ? (outcome.messageRef ?? null) : null;
      const mine = await tx.run(
        "UPDATE deliveries SET status = $1, detail = $2, finished_at = $3, next_attempt = $4, message_ref = $5, lease_until = NULL WHERE subscription_id = $6 AND slot = $7 AND owner = $8 AND status = 'claimed'",
        [status, detail, now, next, ref, id, slot, owner],
      );
      // The claim was taken over while this attempt ran long: the new holder records the outcome.
      if (mine === 0) return undefined;
      if (outcome.status === 'sent') {
        await tx.run(
          `UPDATE subscriptions SET consecutive_failures = 0, last_error = NULL, last_edition = $2${outcome.advanceCursor ? ', cursor = cursor + 1' : ''} WHERE id = $1`,
          [id, outcome.edition],
        );
      } else if (outcome.status === 'failed') {
        await tx.run(
          `UPDATE subscriptions SET consecutive_failures = consecutive_failures + 1, last_error = $2,
             paused = CASE WHEN consecutive_failures + 1 >= ${PAUSE_AFTER_FAILURES} THEN 1 ELSE paused END WHERE id = $1`,
          [id, detail],
        );
      } else if (outcome.status === 'retry') {
        await tx.run('UPDATE subscriptions SET last_error = $2 WHERE id = $1', [id, detail]);
      }
      const rows = await tx.all<Row>('SELECT * FROM subscriptions WHERE id = $1', [id]);
      return rows[0] && toSubscription(rows[0]);
    });
  }

  async release(owner: string): Promise<number> {
    const now = new Date().toISOString();
    return this.db.run(
      "UPDATE deliveries SET status = 'retry', next_attempt = $2, lease_until = NULL, detail = 'released at shutdown' WHERE owner = $1 AND status = 'claimed'",
      [owner, now],
    );
  }

  async claimAnnouncement(platform: string, channelId: string, edition: number, subscriptionId: number, slot: string): Promise<boolean> {
    await this.db.run('INSERT INTO announcements (platform, channel_id, edition, subscription_id, slot) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
      platform,
      channelId,
      edition,
      subscriptionId,
      slot,
    ]);
    // Ours if this very delivery holds it: a retry of the same slot still leads with it.
    const rows = await this.db.all<{ subscription_id: number | string; slot: string }>(
      'SELECT subscription_id, slot FROM announcements WHERE platform = $1 AND channel_id = $2 AND edition = $3',
      [platform, channelId, edition],
    );
    return rows[0] !== undefined && Number(rows[0].subscription_id) === subscriptionId && rows[0].slot === slot;
  }

  /** Whether a channel has had "what changed" for an edition (for previews). */
  async announced(platform: string, channelId: string, edition: number): Promise<boolean> {
    return (
      (await this.db.all('SELECT 1 FROM announcements WHERE platform = $1 AND channel_id = $2 AND edition = $3', [platform, channelId, edition])).length > 0
    );
  }

  /** The delivery record of one slot (tests and operators). */
  async delivery(id: number, slot: string): Promise<{ status: string; attempts: number; owner: string; detail: string | null } | undefined> {
    const rows = await this.db.all<{ status: string; attempts: number | string; owner: string; detail: string | null }>(
      'SELECT status, attempts, owner, detail FROM deliveries WHERE subscription_id = $1 AND slot = $2',
      [id, slot],
    );
    return rows[0] && { ...rows[0], attempts: Number(rows[0].attempts) };
  }

  async ping(): Promise<void> {
    await this.db.all('SELECT 1');
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  async language(platform: string, channelId: string): Promise<ChannelLang | undefined> {
    const rows = await this.db.all<{ lang: ChannelLang }>('SELECT lang FROM channel_settings WHERE platform = $1 AND channel_id = $2', [platform, channelId]);
    return rows[0]?.lang;
  }

  async setLanguage(platform: string, channelId: string, lang: ChannelLang): Promise<void> {
    await this.db.run(
      'INSERT INTO channel_settings (platform, channel_id, lang, updated_at) VALUES ($1, $2, $3, $4) ON CONFLICT (platform, channel_id) DO UPDATE SET lang = excluded.lang, updated_at = excluded.updated_at',
      [platform, channelId, lang, new Date().toISOString()],
    );
  }

  async saveInstallation(r: InstallationRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO installations (key, team_id, enterprise_id, is_enterprise_install, sealed, installed_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (key) DO UPDATE SET team_id = excluded.team_id, enterprise_id = excluded.enterprise_id, is_enterprise_install = excluded.is_enterprise_install, sealed = excluded.sealed, installed_at = excluded.installed_at`,
      [r.key, r.teamId, r.enterpriseId, r.isEnterpriseInstall ? 1 : 0, r.sealed, new Date().toISOString()],
    );
  }

  async findInstallation(key: string): Promise<InstallationRecord | undefined> {
    const rows = await this.db.all<{ key: string; team_id: string | null; enterprise_id: string | null; is_enterprise_install: number; sealed: string }>(
      'SELECT * FROM installations WHERE key = $1',
      [key],
    );
    const r = rows[0];
    return r && { key: r.key, teamId: r.team_id, enterpriseId: r.enterprise_id, isEnterpriseInstall: Number(r.is_enterprise_install) === 1, sealed: r.sealed };
  }

  async saveOAuthState(state: string, options: string, expires: Date): Promise<void> {
    await this.db.run('DELETE FROM oauth_states WHERE expires < $1', [new Date().toISOString()]);
    await this.db.run('INSERT INTO oauth_states (state, options, expires) VALUES ($1, $2, $3)', [state, options, expires.toISOString()]);
  }

  /** Takes a state: its options the first time, if it has not expired; nothing ever after (one statement). */
  async takeOAuthState(state: string, now: Date): Promise<string | undefined> {
    const rows = await this.db.all<{ options: string; expires: string }>('DELETE FROM oauth_states WHERE state = $1 RETURNING options, expires', [state]);
    const row = rows[0];
    return row && row.expires >= now.toISOString() ? row.options : undefined;
  }

  async allInstallations(): Promise<InstallationRecord[]> {
    const rows = await this.db.all<{ key: string; team_id: string | null; enterprise_id: string | null; is_enterprise_install: number; sealed: string }>(
      'SELECT * FROM installations ORDER BY key',
    );
    return rows.map((r) => ({
      key: r.key,
      teamId: r.team_id,
      enterpriseId: r.enterprise_id,
      isEnterpriseInstall: Number(r.is_enterprise_install) === 1,
      sealed: r.sealed,
    }));
  }

  async deleteInstallation(key: string): Promise<number> {
    return this.db.run('DELETE FROM installations WHERE key = $1', [key]);
  }
}
