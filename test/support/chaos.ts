import { join } from 'node:path';
import parser from 'cron-parser';
import { nonceOf } from '../../src/adapters/discord/deliverer.js';
import type { Subscription } from '../../src/briefings/subscriptions.js';
import { openStore } from '../../src/store/open.js';
import { APP_ID, discordKeys, startFakeDiscord } from './fake-discord.js';
import { startFakeSlack } from './fake-slack.js';
import { startFakeFeishu } from './fake-feishu.js';
import { uuidOf } from '../../src/adapters/feishu/uuid.js';
import { freePort } from './local-server.js';
import { openDir, spawnBot, type BotProcess } from './process.js';
import { newSubscription } from './subscriptions.js';

export interface ChaosOptions {
  replicas: number;
  /** PostgreSQL URL, or a SQLite file (made fresh) when undefined. */
  databaseUrl?: string;
  slack: number;
  discord: number;
  feishu: number;
  /** Subscriptions fire every this many seconds (a six-field cron: slots seconds apart). */
  slotSeconds: number;
  chaosSeconds: number;
  log?: (line: string) => void;
}

export interface ChaosResult {
  backend: string;
  replicas: number;
  subscriptions: number;
  slots: number;
  expected: number;
  delivered: number;
  duplicates: number;
  lost: number;
  /** Slots a live process took over from one that was killed (from the processes' own logs). */
  recovered: number;
  /**
   * Slots no replica ever claimed because a newer slot of the same schedule fired before any of them
   * ticked (every replica dead or starved for a whole slot): by the documented rule only the latest
   * missed slot is delivered. Counted apart from `lost`, which is a claimed slot never posted.
   */
  superseded: number;
  /** A few of the slots still not finished when the run ended (for the failure message). */
  unfinished: { status: string; detail: string | null; owner: string; slot: string }[];
  kills: number;
  seconds: number;
  /** Discord sends repeated with a nonce Discord already had (answered with the first message, not posted again). */
  resentWithNonce: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (a: number, b: number) => a + Math.random() * (b - a);

/**
 * Several bot processes on one database deliver a few hundred briefings every few seconds to fake
 * Slack and Discord APIs, while one of them at a time is killed with SIGKILL at random moments and
 * restarted. Every (subscription, slot) is then counted from the fakes' own records.
 */
export async function runChaos(o: ChaosOptions): Promise<ChaosResult> {
  const started = Date.now();
  const slack = await startFakeSlack();
  const discord = await startFakeDiscord();
  const feishu = await startFakeFeishu();
  // With a network's latency a batch takes a while: kills land in the middle of one.
  slack.latencyMs = 25;
  discord.latencyMs = 25;
  const dbEnv: Record<string, string> = o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : { DATABASE_PATH: join(openDir('anode-chaos-'), 'bot.db') };
  const store = await openStore({ DATABASE_PATH: dbEnv.DATABASE_PATH ?? '', ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}) });
  const cron = `*/${o.slotSeconds} * * * * *`;
  const subs: Subscription[] = [];
  const add = async (platform: string, channelId: string) =>
    subs.push((await store.add(newSubscription({ platform, channelId, cron, label: 'chaos' }))).subscription);
  for (let i = 0; i < o.slack; i++) await add('slack', `C${i}`);
  for (let i = 0; i < o.discord; i++) await add('discord', String(800000000000000000n + BigInt(i)));
  for (let i = 0; i < o.feishu; i++) await add('feishu', `oc_chaos_${i}`);
  await store.close();
  const { publicHex } = discordKeys();
  // One port per replica, kept across its restarts.
  const ports = await Promise.all(Array.from({ length: o.replicas }, () => freePort()));
  const env = (i: number) => ({
    ...dbEnv,
    SLACK_BOT_TOKEN: 'xoxb-chaos',
    SLACK_SIGNING_SECRET: 'chaos-signing-secret-0123456789',
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'discord-chaos',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discord.api,
    DISCORD_PUBLIC_KEY: publicHex,
    FEISHU_APP_ID: 'cli_0123456789abcdef',
    FEISHU_APP_SECRET: feishu.secret,
    FEISHU_DOMAIN: feishu.base,
    FEISHU_EVENT_MODE: 'webhook',
    FEISHU_VERIFICATION_TOKEN: 'chaos-verification-token',
    PORT: String(ports[i]),
    BRIEFING_TICK_SECONDS: '1',
    BRIEFING_LEASE_SECONDS: '3',
    BRIEFING_GRACE_MINUTES: '10',
    LOG_LEVEL: 'info',
  });
  const procs: BotProcess[] = [];
  const outputs: string[] = [];
  for (let i = 0; i < o.replicas; i++) procs.push(spawnBot(env(i)));
  // Slots are owed from the moment the replicas tick, not from when they were spawned: a busy machine
  // may take seconds to start them, and the slots before that are downtime, not chaos.
  await Promise.all(procs.map((p) => p.waitFor('briefings: started', 60_000)));
  const from = Date.now();
  let kills = 0;
  const chaosEnd = Date.now() + o.chaosSeconds * 1000;
  while (Date.now() < chaosEnd) {
    // Half the kills at a random moment, half during a delivery batch (just after a slot fires).
    const slotMs = o.slotSeconds * 1000;
    const nextBatch = Math.ceil((Date.now() + 1500) / slotMs) * slotMs + between(100, 600);
    await sleep(kills % 2 === 0 ? between(1500, 4000) : nextBatch - Date.now());
    const i = Math.floor(Math.random() * procs.length);
    procs[i]!.kill('SIGKILL');
    await procs[i]!.exited;
    outputs.push(procs[i]!.output());
    kills++;
    o.log?.(`chaos: killed replica ${i} (${kills})`);
    await sleep(between(300, 1500));
    procs[i] = spawnBot(env(i));
    await procs[i]!.waitFor('briefings: started', 60_000);
  }
  const windowEnd = Date.now();
  // Leases run out (3 s) and the next ticks take over what the last kill left: wait until every slot
  // claimed in the window is finished, rather than for a fixed time a busy machine may not keep to.
  const check = await openStore({ DATABASE_PATH: dbEnv.DATABASE_PATH ?? '', ...(o.databaseUrl ? { DATABASE_URL: o.databaseUrl } : {}) });
  const windowSlot = new Date(windowEnd).toISOString();
  const settleBy = Date.now() + 90_000;
  let open = Infinity;
  while (open > 0 && Date.now() < settleBy) {
    await sleep(500);
    const rows = await check.db.all<{ n: number | string }>("SELECT COUNT(*) AS n FROM deliveries WHERE slot <= $1 AND status <> 'sent'", [windowSlot]);
    open = Number(rows[0]?.n ?? 0);
  }
  const unfinished = await check.db.all<{ status: string; detail: string | null; owner: string; slot: string }>(
    "SELECT status, detail, owner, slot FROM deliveries WHERE slot <= $1 AND status <> 'sent' LIMIT 5",
    [windowSlot],
  );
  const claimedRows = await check.db.all<{ subscription_id: number | string; slot: string }>('SELECT subscription_id, slot FROM deliveries WHERE slot <= $1', [
    windowSlot,
  ]);
  await check.close();
  const claimedKeys = new Set(claimedRows.map((r) => `${Number(r.subscription_id)}|${r.slot}`));
  for (const p of procs) p.kill('SIGTERM');
  await Promise.all(procs.map((p) => p.exited));
  outputs.push(...procs.map((p) => p.output()));

  const slotsOf = (sub: Subscription) => {
    const it = parser.parseExpression(cron, { currentDate: new Date(Math.max(from, Date.parse(sub.createdAt))), tz: 'UTC' });
    const out: string[] = [];
    for (let d = it.next().toDate(); d.getTime() <= windowEnd; d = it.next().toDate()) out.push(d.toISOString());
    return out;
  };
  const counts = new Map<string, number>();
  for (const m of slack.messages) {
    const p = m.metadata?.event_payload;
    if (p) counts.set(`${String(p.subscription)}|${String(p.slot)}`, (counts.get(`${String(p.subscription)}|${String(p.slot)}`) ?? 0) + 1);
  }
  const byNonce = new Map(discord.messages.map((m) => [m.nonce, 0]));
  for (const m of discord.messages) byNonce.set(m.nonce, (byNonce.get(m.nonce) ?? 0) + 1);
  // Feishu posts once per uuid (as Feishu does within an hour); the fake keeps the first and counts the repeats.
  const byUuid = new Map<string, number>();
  for (const post of feishu.posts) if (post.uuid) byUuid.set(post.uuid, (byUuid.get(post.uuid) ?? 0) + 1);
  const posts = discord.requests.filter((r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path)).map((r) => r.body.nonce as string);
  let expected = 0;
  let delivered = 0;
  let duplicates = 0;
  let lost = 0;
  let slots = 0;
  let superseded = 0;
  for (const sub of subs) {
    const list = slotsOf(sub);
    slots = Math.max(slots, list.length);
    for (const slot of list) {
      expected++;
      const n =
        sub.platform === 'slack'
          ? (counts.get(`${sub.id}|${slot}`) ?? 0)
          : sub.platform === 'feishu'
            ? (byUuid.get(uuidOf(`${sub.id}|${slot}|first`)) ?? 0)
            : (byNonce.get(nonceOf({ subscription: sub, slot, attempt: 1, resumed: false }, 'whole')) ?? 0);
      if (n === 0 && !claimedKeys.has(`${sub.id}|${slot}`)) superseded++;
      else if (n === 0) lost++;
      else delivered++;
      if (n > 1) duplicates += n - 1;
    }
  }
  const recovered = outputs
    .join('\n')
    .split('\n')
    .reduce((sum, line) => sum + Number(/"recovered":(\d+)/.exec(line)?.[1] ?? 0), 0);
  await slack.close();
  await discord.close();
  await feishu.close();
  return {
    backend: o.databaseUrl ? 'PostgreSQL' : 'SQLite',
    replicas: o.replicas,
    subscriptions: subs.length,
    slots,
    expected,
    delivered,
    duplicates,
    lost,
    recovered,
    superseded,
    unfinished,
    kills,
    seconds: Math.round((Date.now() - started) / 1000),
    resentWithNonce: posts.length - new Set(posts).size,
  };
}
