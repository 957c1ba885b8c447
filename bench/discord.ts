import { fork } from 'node:child_process';
import { interaction, startFakeDiscord, type FakeDiscord } from '../test/support/fake-discord.js';
import { fmt, summarize } from './stats.js';

const STRING = 3;

function memory(child: ReturnType<typeof fork>): Promise<{ rss: number; heap: number }> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as { rss: number; heap: number }));
    child.send('memory');
  });
}

/** Sends `count` interactions at `rps` and returns dispatch → callback latencies. */
async function drive(fake: FakeDiscord, count: number, rps: number): Promise<{ latencies: number[]; seconds: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  const pending: Promise<void>[] = [];
  const names = ['Yunnan', 'Shandong', 'Henan', 'Inner Mongolia', 'Xinjiang'];
  for (let i = 0; i < count; i++) {
    const due = start + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const data = interaction('province', [{ type: STRING, name: 'name', value: names[i % names.length] }]);
    const sent = performance.now();
    const path = `/api/v10/interactions/${data.id}/${data.token}/callback`;
    pending.push(fake.waitFor((r) => r.path === path, 30_000).then((r) => void latencies.push(r.at - sent)));
    fake.dispatchInteraction(data);
  }
  await Promise.all(pending);
  return { latencies, seconds: (performance.now() - start) / 1000 };
}

export async function benchDiscord(): Promise<void> {
  const fake = await startFakeDiscord();
  const child = fork('bench/discord-child.ts', [fake.api], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  await new Promise((resolve) => child.once('message', resolve));
  try {
    await drive(fake, 3000, 1000); // warm-up: JIT, sockets, allocator arenas
    fake.requests.length = 0;
    const before = await memory(child);
    console.log('## Discord: /province interactions through the real discord.js client (child process) and a local fake gateway');
    const paced = await drive(fake, 2000, 200);
    const s = summarize(paced.latencies);
    console.log(`- at 200 interactions/s: dispatch → reply callback p50 ${fmt(s.median)}, p99 ${fmt(s.p99)} (${s.n} interactions)`);
    fake.requests.length = 0;
    await drive(fake, 8000, 1000);
    const after = await memory(child);
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(`- memory across 10,000 interactions (2,000 at 200/s, 8,000 at 1,000/s; after GC): RSS ${mb(before.rss)} → ${mb(after.rss)} MB (${after.rss - before.rss >= 0 ? '+' : ''}${mb(after.rss - before.rss)} MB), heap ${mb(before.heap)} → ${mb(after.heap)} MB`);
    fake.requests.length = 0;
    const flood = await drive(fake, 5000, 100_000);
    const f = summarize(flood.latencies);
    console.log(`- as fast as the gateway sends (5,000 at once): ${(flood.latencies.length / flood.seconds).toFixed(0)} interactions/s handled; latency then is queueing (p50 ${fmt(f.median)})`);
  } finally {
    child.kill('SIGTERM');
    await fake.close();
  }
}
