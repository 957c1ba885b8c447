import { join } from 'node:path';
import { openStore } from '../src/store/open.js';
import type { SqlStore } from '../src/store/sql-store.js';
import { startTestBot } from '../test/support/bot.js';
import { runChaos, type ChaosResult } from '../test/support/chaos.js';
import { startFakeSlack, type FakeSlack } from '../test/support/fake-slack.js';
import { freshDatabase, startPostgres } from '../test/support/postgres.js';
import { openDir, spawnBot } from '../test/support/process.js';
import { newSubscription } from '../test/support/subscriptions.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DUE = 1000;
const WORKSPACES = 10;

/** DUE subscriptions, spread over `workspaces` workspaces, whose one slot is the whole second `leadMs` from now; the slot. */
async function dueTogether(store: SqlStore, leadMs: number, workspaces = 1): Promise<Date> {
  const slot = new Date(Math.ceil((Date.now() + leadMs) / 1000) * 1000);
  const cron = `${slot.getUTCSeconds()} ${slot.getUTCMinutes()} ${slot.getUTCHours()} * * *`;
  for (let i = 0; i < DUE; i++)
    await store.add(newSubscription({ channelId: `C${String(i).padStart(4, '0')}`, workspaceId: `T${i % workspaces}`, cron, label: 'bench' }));
  return slot;
}

/** Waits (two minutes at most) for the fake to hold DUE posts: seconds from the slot, subscriptions posted, posts beyond one each. */
async function postsAfter(fake: FakeSlack, slot: Date): Promise<{ seconds: number; posted: number; duplicates: number }> {
  const deadline = slot.getTime() + 120_000;
  while (fake.messages.length < DUE && Date.now() < deadline) await sleep(50);
  const seconds = (Date.now() - slot.getTime()) / 1000;
  const perSub = new Map<string, number>();
  for (const m of fake.messages) {
    const id = String(m.metadata?.event_payload.subscription);
    perSub.set(id, (perSub.get(id) ?? 0) + 1);
  }
  return { seconds, posted: perSub.size, duplicates: [...perSub.values()].reduce((a, n) => a + Math.max(0, n - 1), 0) };
}

/**
 * 1,000 subscriptions of 10 workspaces due in the same second, served by the whole bot (store-driven
 * scheduler, real @slack/web-api client) against a local fake Slack, which may answer 429
 * (Retry-After: 1) to every Nth chat.postMessage whatever the rate. The row ends with the least time a
 * client that honours Retry-After per workspace can take: one second for each 429 of the workspace
 * that drew the most.
 */
async function sameSlot(rateLimitEvery: number): Promise<string> {
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
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    const limited = posts.length - fake.messages.length;
    // Which calls drew a 429: a channel's calls beyond its one message.
    const perWorkspace = new Array<number>(WORKSPACES).fill(0);
    const calls = new Map<string, number>();
    for (const c of posts) calls.set(String(c.body.channel), (calls.get(String(c.body.channel)) ?? 0) + 1);
    for (const [channel, n] of calls) perWorkspace[Number(channel.slice(1)) % WORKSPACES]! += n - 1;
    return `| ${rateLimitEvery ? 'one post in ten' : 'none'} | ${posted} of 1,000 | ${seconds.toFixed(1)} s | ${limited} | ${Math.max(...perWorkspace)} s | ${duplicates} |`;
  } finally {
    await bot.stop();
    await fake.close();
  }
}

/**
 * Replicas sharing one slot: `replicas` bot processes on one PostgreSQL database, 1,000 subscriptions
 * due in the same second, a fake Slack that takes 50 ms per post. Time from the slot to the last post,
 * and each replica's share (from the deliveries' owners).
 */
async function replicasShare(serverUrl: string, replicas: number): Promise<{ seconds: number; shares: number[]; duplicates: number }> {
  const fake = await startFakeSlack();
  fake.latencyMs = 50;
  const url = await freshDatabase(serverUrl);
  const store = await openStore({ DATABASE_URL: url, DATABASE_PATH: '' });
  const slot = await dueTogether(store, 15_000);
  const procs = Array.from({ length: replicas }, () =>
    spawnBot({
      DATABASE_URL: url,
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_APP_TOKEN: '',
      SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789',
      SLACK_API_URL: fake.apiUrl,
      BRIEFING_TICK_SECONDS: '1',
      PORT: '0',
      LOG_LEVEL: 'warn',
    }),
  );
  try {
    const { seconds, duplicates } = await postsAfter(fake, slot);
    const owners = await store.db.all<{ owner: string; n: number | string }>(
      "SELECT owner, COUNT(*) AS n FROM deliveries WHERE status = 'sent' GROUP BY owner",
    );
    return { seconds, shares: owners.map((o) => Number(o.n)).sort((a, b) => b - a), duplicates };
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await Promise.all(procs.map((p) => p.exited));
    await store.close();
    await fake.close();
  }
}

function row(r: ChaosResult): string {
  return `| ${r.backend} | ${r.replicas} | ${r.subscriptions} | ${r.kills} | ${r.expected} | ${r.delivered} | ${r.duplicates} | ${r.lost} | ${r.superseded} | ${r.recovered} | ${r.seconds} s |`;
}

export async function benchBriefings(): Promise<void> {
  console.log('## Briefings: 1,000 subscriptions of 10 workspaces due in the same second, one process, local fake Slack');
  console.log(
    '| answered 429 (Retry-After 1 s) | delivered | last one after the slot | posts answered 429 | least time honouring Retry-After per workspace | duplicates |',
  );
  console.log('|---|---|---|---|---|---|');
  console.log(await sameSlot(0));
  console.log(await sameSlot(10));
  console.log("A 429 pauses that workspace's chat.postMessage for Retry-After and uses no attempt; the other workspaces post meanwhile.");
  const shared = await startPostgres();
  try {
    console.log('\n## Replicas sharing one slot: 1,000 briefings due in the same second, PostgreSQL, a fake Slack taking 50 ms per post');
    console.log('| replicas | last post after the slot | against 1 replica | each replica’s share | duplicates |');
    console.log('|---|---|---|---|---|');
    let one = 0;
    for (const n of [1, 2, 3]) {
      const r = await replicasShare(shared.url, n);
      one ||= r.seconds;
      console.log(`| ${n} | ${r.seconds.toFixed(1)} s | ${(r.seconds / one).toFixed(2)}× | ${r.shares.join(' / ')} | ${r.duplicates} |`);
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
