import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { startTestBot } from '../test/support/bot.js';
import { runChaos, type ChaosResult } from '../test/support/chaos.js';
import { startFakeSlack, type FakeSlack } from '../test/support/fake-slack.js';
import { freshDatabase, startPostgres } from '../test/support/postgres.js';
import { openDir, spawnBot } from '../test/support/process.js';
import { newSubscription } from '../test/support/subscriptions.js';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DUE = 1000;
const WORKSPACES = 10;

/**
 * `due` subscriptions, spread over `workspaces` workspaces, whose one slot is the whole second `leadMs`
 * after they are all stored; the slot.
 */
async function dueTogether(store: SqlStore, leadMs: number, workspaces = 1, due = DUE): Promise<Date> {
  const subs = Array.from({ length: due }, (_, i) =>
    newSubscription({ channelId: `C${String(i).padStart(5, '0')}`, workspaceId: `T${i % workspaces}`, label: 'bench' }),
  );
  // The cron is set once the subscriptions are stored (storing 10,000 on PostgreSQL takes seconds).
  for (let i = 0; i < subs.length; i += 8) await Promise.all(subs.slice(i, i + 8).map((s) => store.add({ ...s, cron: '0 0 1 1 *' })));
  const slot = new Date(Math.ceil((Date.now() + leadMs) / 1000) * 1000);
  const cron = `${slot.getUTCSeconds()} ${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
  await store.db.run("UPDATE subscriptions SET cron = $1 WHERE label = 'bench'", [cron]);
  return slot;
}

/** Waits (three minutes at most) for the fake to hold `due` posts: seconds from the slot, subscriptions posted, posts beyond one each. */
async function postsAfter(fake: FakeSlack, slot: Date, due = DUE): Promise<{ seconds: number; posted: number; duplicates: number }> {
  const deadline = slot.getTime() + 180_000;
  while (fake.messages.length < due && Date.now() < deadline) await sleep(50);
  const seconds = (Date.now() - slot.getTime()) / 1000;
  const perSub = new Map<string, number>();
  for (const m of fake.messages) {
    const id = String(m.metadata?.event_payload.subscription);
    perSub.set(id, (perSub.get(id) ?? 0) + 1);
  }
  return { seconds, posted: perSub.size, duplicates: [...perSub.values()].reduce((a, n) => a + Math.max(0, n - 1), 0) };
}

interface SameSlot {
  seconds: number;
  delivered: number;
  /** Posts answered 429, and how many of them the busiest workspace drew. */
  limited: number;
  busiest: number;
  duplicates: number;
}

/**
 * What the fake saw of the 429 case: the 429s in all and to the busiest workspace. Both clients name
 * channel i with a letter and i, and post it to workspace i % WORKSPACES.
 */
function limitsSeen(fake: FakeSlack): Pick<SameSlot, 'limited' | 'busiest'> {
  const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
  // Which calls drew a 429: a channel's calls beyond its one message.
  const perWorkspace = new Array<number>(WORKSPACES).fill(0);
  const calls = new Map<string, number>();
  for (const c of posts) calls.set(String(c.body.channel), (calls.get(String(c.body.channel)) ?? 0) + 1);
  for (const [channel, n] of calls) perWorkspace[Number(channel.slice(1)) % WORKSPACES]! += n - 1;
  return { limited: posts.length - fake.messages.length, busiest: Math.max(...perWorkspace) };
}

/**
 * 1,000 subscriptions of 10 workspaces due in the same second, served by the whole bot (store-driven
 * scheduler, real @slack/web-api client) against a local fake Slack, which may answer 429
 * (Retry-After: 1) to every Nth chat.postMessage whatever the rate. Seconds are counted from the slot.
 */
async function sameSlot(rateLimitEvery: number): Promise<SameSlot> {
  const fake = await startFakeSlack();
  fake.rateLimitEvery = rateLimitEvery;
  const path = join(openDir('anode-bench-'), 'bot.db');
  const store = await openStore({ DATABASE_PATH: path });
  const slot = await dueTogether(store, 8000, WORKSPACES);
  await store.close();
  const bot = await startTestBot({
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
    SLACK_API_URL: fake.apiUrl,
    DATABASE_PATH: path,
    BRIEFING_TICK_SECONDS: '1',
    LOG_LEVEL: 'silent',
  });
  try {
    const { seconds, posted, duplicates } = await postsAfter(fake, slot);
    return { seconds, delivered: posted, duplicates, ...limitsSeen(fake) };
  } finally {
    await bot.stop();
    await fake.close();
  }
}

/**
 * The same 1,000 posts from bare @slack/web-api (bench/bare-slack-429.mjs), a client per workspace,
 * all handed over at once: the platform's own client honouring Retry-After per workspace. Seconds are
 * counted from its first post.
 */
async function bareSameSlot(rateLimitEvery: number, noBackoff: boolean): Promise<SameSlot> {
  const fake = await startFakeSlack();
  fake.rateLimitEvery = rateLimitEvery;
  try {
    const { stdout } = await run(process.execPath, ['bench/bare-slack-429.mjs'], {
      env: { ...process.env, SLACK_API_URL: fake.apiUrl, COUNT: String(DUE), WORKSPACES: String(WORKSPACES), NO_BACKOFF: noBackoff ? '1' : '' },
    });
    const channels = fake.messages.map((m) => String(m.channel));
    return {
      seconds: (JSON.parse(stdout) as { seconds: number }).seconds,
      delivered: new Set(channels).size,
      duplicates: channels.length - new Set(channels).size,
      ...limitsSeen(fake),
    };
  } finally {
    await fake.close();
  }
}

function sameSlotRow(client: string, without: SameSlot, withLimits: SameSlot): string {
  const cells = (r: SameSlot, label: string, ratio: string) =>
    `| ${client} | ${label} | ${r.delivered} of 1,000 | ${r.seconds.toFixed(1)} s | ${ratio} | ${r.limited} | ${r.busiest} | ${r.duplicates} |`;
  return [cells(without, 'none', ''), cells(withLimits, 'one post in ten', `${(withLimits.seconds / without.seconds).toFixed(1)}×`)].join('\n');
}

const FAN_OUT = 10_000;

/** Resident and peak resident memory of a process, in MB (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU seconds a process has used, user and system (Linux; clock ticks are 100 a second). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface FanOut {
  seconds: number;
  shares: number[];
  duplicates: number;
  /** Posts recorded as sent, and the longest time from a post to its record. */
  recorded: number;
  recordLagMs: number;
  /** Log lines of the database refusing or timing out (pool starvation). */
  dbErrors: number;
  /** The replica whose peak grew most over its own idle size: that idle size and that peak. */
  idleMb: number;
  peakMb: number;
  /** CPU seconds the replicas used from the slot to the last record, together. */
  cpuSeconds: number;
  /** One of the posts as sent, for the bare loop to send the same. */
  message: unknown;
}

/**
 * One slot of FAN_OUT briefings, due in the same second, delivered by `replicas` bot processes on one
 * database (`databaseUrl`, or one SQLite file) to a fake Slack that takes 50 ms per post. Time from the
 * slot to the last post, each replica's share, how soon each post was recorded, database errors, and
 * memory (each process's resident size just before the slot, and its peak).
 */
async function fanOut(replicas: number, databaseUrl?: string, nodeArgs: string[] = []): Promise<FanOut> {
  const fake = await startFakeSlack();
  fake.latencyMs = 50;
  const path = join(openDir('anode-bench-'), 'bot.db');
  const store = await openStore(databaseUrl ? { DATABASE_URL: databaseUrl, DATABASE_PATH: '' } : { DATABASE_PATH: path });
  const slot = await dueTogether(store, 25_000, 10, FAN_OUT);
  const procs = Array.from({ length: replicas }, () =>
    spawnBot(
      {
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: path }),
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_APP_TOKEN: '',
        SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
        SLACK_API_URL: fake.apiUrl,
        BRIEFING_TICK_SECONDS: '1',
        PORT: '0',
        LOG_LEVEL: 'info',
      },
      { nodeArgs },
    ),
  );
  try {
    await Promise.all(procs.map((p) => p.waitFor('briefings: started', 20_000)));
    // Idle: started, settled, and the slot not yet due.
    await sleep(Math.max(0, slot.getTime() - Date.now() - 1000));
    const idle = procs.map((p) => memoryOf(p.child.pid!).rss);
    // From here the peak is the slot's, not start-up's: writing 5 to clear_refs resets VmHWM.
    for (const p of procs) writeFileSync(`/proc/${p.child.pid}/clear_refs`, '5');
    const cpuBefore = procs.reduce((n, p) => n + cpuSecondsOf(p.child.pid!), 0);
    const { seconds, duplicates } = await postsAfter(fake, slot, FAN_OUT);
    // A record written a moment after its post still counts: wait a little for the last ones.
    await sleep(2000);
    const peak = procs.map((p) => memoryOf(p.child.pid!).peak);
    const cpuSeconds = procs.reduce((n, p) => n + cpuSecondsOf(p.child.pid!), 0) - cpuBefore;
    const sent = await store.db.all<{ owner: string; message_ref: string; finished_at: string }>(
      "SELECT owner, message_ref, finished_at FROM deliveries WHERE status = 'sent'",
    );
    const shares = new Map<string, number>();
    let recordLagMs = 0;
    for (const d of sent) {
      shares.set(d.owner, (shares.get(d.owner) ?? 0) + 1);
      const posted = fake.receivedAt.get(d.message_ref);
      if (posted !== undefined) recordLagMs = Math.max(recordLagMs, Date.parse(d.finished_at) - posted);
    }
    const dbErrors = procs.reduce(
      (n, p) =>
        n +
        p
          .output()
          .split('\n')
          .filter((l) => /\(database\)|timeout exceeded/.test(l)).length,
      0,
    );
    return {
      seconds,
      shares: [...shares.values()].sort((a, b) => b - a),
      duplicates,
      recorded: sent.length,
      recordLagMs,
      dbErrors,
      ...procs.map((_, i) => ({ idleMb: idle[i]!, peakMb: peak[i]! })).reduce((a, b) => (b.peakMb / b.idleMb > a.peakMb / a.idleMb ? b : a)),
      cpuSeconds,
      message: (({ text, blocks, metadata }) => ({ text, blocks, metadata }))(fake.messages[0]!),
    };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await store.close();
    await fake.close();
  }
}

/** The same posts from a bare @slack/web-api loop (bench/bare-slack-posts.mjs): its idle and peak resident MB. */
async function barePosts(message: unknown): Promise<{ idle: number; peak: number }> {
  const fake = await startFakeSlack();
  fake.latencyMs = 50;
  const file = join(openDir('anode-bench-'), 'message.json');
  writeFileSync(file, JSON.stringify(message));
  try {
    const { stdout } = await run(process.execPath, ['bench/bare-slack-posts.mjs'], {
      env: { ...process.env, SLACK_API_URL: fake.apiUrl, MESSAGE_FILE: file, COUNT: String(FAN_OUT), CONCURRENCY: '8' },
      maxBuffer: 1 << 20,
    });
    return JSON.parse(stdout) as { idle: number; peak: number };
  } finally {
    await fake.close();
  }
}

function fanOutRow(label: string, r: FanOut, one: number): string {
  return `| ${label} | ${r.seconds.toFixed(1)} s | ${(r.seconds / one).toFixed(2)}× | ${r.shares.join(' / ')} | ${r.duplicates} | ${r.recorded} | ${Math.round(r.recordLagMs)} ms | ${r.dbErrors} | ${r.idleMb.toFixed(0)} MB → ${r.peakMb.toFixed(0)} MB (${(r.peakMb / r.idleMb).toFixed(2)}×) | ${r.cpuSeconds.toFixed(1)} s |`;
}

function row(r: ChaosResult): string {
  return `| ${r.backend} | ${r.replicas} | ${r.subscriptions} | ${r.kills} | ${r.expected} | ${r.delivered} | ${r.duplicates} | ${r.lost} | ${r.superseded} | ${r.recovered} | ${r.seconds} s |`;
}

/** The 429 case: the bot against bare @slack/web-api, each with and without 429s. */
export async function benchSameSlot(): Promise<void> {
  console.log('## Briefings: 1,000 subscriptions of 10 workspaces due in the same second, one process, local fake Slack');
  console.log(
    '| client | answered 429 (Retry-After 1 s) | delivered | last post (bot: after the slot; bare: after its first post) | with 429s, against without | posts answered 429 | 429s to the busiest workspace | duplicates |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  console.log(sameSlotRow('the bot', await sameSlot(0), await sameSlot(10)));
  console.log(sameSlotRow('bare @slack/web-api, a client per workspace, all at once', await bareSameSlot(0, false), await bareSameSlot(10, false)));
  console.log(sameSlotRow('the same, retrying as soon as Retry-After has passed', await bareSameSlot(0, true), await bareSameSlot(10, true)));
  console.log(
    "The bot: a 429 pauses that workspace's chat.postMessage for Retry-After and uses no attempt; the other workspaces post meanwhile; 8 posts at a time in all.",
  );
  console.log('Bare: each client pauses its queue (100 requests at once) for Retry-After, then retries with its own backoff unless told not to.');
}

export async function benchBriefings(): Promise<void> {
  await benchSameSlot();
  const shared = await startPostgres();
  try {
    console.log('\n## One slot of 10,000 briefings due in the same second, a fake Slack taking 50 ms per post');
    console.log(
      '| store, replicas | last post after the slot | against 1 replica | each replica’s share | duplicates | recorded as sent | longest post → record | database errors logged | memory: idle → peak (the replica that grew most) | CPU during the slot (all replicas) |',
    );
    console.log('|---|---|---|---|---|---|---|---|---|---|');
    const sqlite = await fanOut(1);
    console.log(fanOutRow('SQLite, 1', sqlite, sqlite.seconds));
    // V8's own heap growth during the slot: flags given on the command line are left alone by the lean
    // heap (src/briefings/lean-heap.ts); its one collection at the slot's start still runs.
    const defaults = ['--heap-growing-percent=0', '--semi-space-growth-factor=2'];
    console.log(fanOutRow('SQLite, 1, V8’s default heap growth (flags given, so left alone)', await fanOut(1, undefined, defaults), sqlite.seconds));
    const bare = await barePosts(sqlite.message);
    console.log(
      `| bare @slack/web-api loop, the same posts, 8 at a time | | | | | | | | ${bare.idle.toFixed(0)} MB → ${bare.peak.toFixed(0)} MB (${(bare.peak / bare.idle).toFixed(2)}×) | |`,
    );
    let one = 0;
    for (const n of [1, 2, 3]) {
      const r = await fanOut(n, await freshDatabase(shared.url));
      one ||= r.seconds;
      console.log(fanOutRow(`PostgreSQL, ${n}`, r, one));
    }
  } finally {
    await shared.stop();
  }
  console.log('\n## Chaos: replicas killed with SIGKILL at random moments (half of them mid-batch) and restarted; slots every 5 s for 60 s');
  console.log('| store | replicas | subscriptions | kills | slots due | delivered | duplicates | lost | superseded | recovered | time |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  console.log(row(await runChaos({ replicas: 2, slack: 120, discord: 80, feishu: 50, slotSeconds: 5, chaosSeconds: 60 })));
  const pg = await startPostgres();
  try {
    console.log(
      row(await runChaos({ replicas: 3, databaseUrl: await freshDatabase(pg.url), slack: 120, discord: 80, feishu: 50, slotSeconds: 5, chaosSeconds: 60 })),
    );
  } finally {
    await pg.stop();
  }
  console.log(
    '"superseded": slots no replica ticked for before the next one fired (only the latest missed slot is delivered); "lost": claimed and never posted.',
  );
  console.log('"recovered": slots a live process took over after their owner died (counted from the processes\' logs).');
}
