import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { sign } from '../test/support/fake-slack.js';
import { fmt, summarize } from './stats.js';

const SECRET = 'bench-signing-secret';

function body(): string {
  return new URLSearchParams({
    token: 't', team_id: 'T1', channel_id: 'C1', user_id: 'U1', command: '/province', text: 'Yunnan',
    response_url: 'http://127.0.0.1:9/respond', trigger_id: '1', api_app_id: 'A1',
  }).toString();
}

async function once(port: number, payload: string): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const t = performance.now();
  // Node's fetch keeps connections alive, as Slack's own delivery does.
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, payload) },
    body: payload,
  });
  await res.text();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t;
}

/** Open-loop load at a fixed rate: latencies as a user would see them at that rate. */
async function atRate(port: number, rps: number, seconds: number): Promise<number[]> {
  const payload = body();
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now();
  const total = rps * seconds;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rps;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(once(port, payload).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(pending);
  return latencies;
}

/** Closed-loop load with a few requests in flight: the most requests per second the server gives. */
async function throughput(port: number, seconds: number, concurrency = 8): Promise<number> {
  const payload = body();
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await once(port, payload);
        done++;
      }
    }),
  );
  return done / seconds;
}

export async function benchSlack(): Promise<void> {
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['bench/slack-server.ts', SECRET], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const ports = JSON.parse(line) as { bot: number; bare: number; canned: number; bytes: number };
  try {
    // Warm both servers (JIT, connection pools) before measuring.
    await atRate(ports.bot, 200, 2);
    await atRate(ports.bare, 200, 2);
    await atRate(ports.canned, 200, 2);
    console.log('## Slack: signed /province requests over loopback into HTTP mode (server in a child process)');
    console.log('| server | req/s (8 in flight) | p50 at 200 req/s | p99 at 200 req/s |');
    console.log('|---|---|---|---|');
    const rows: Record<string, { p50: number; p99: number; rps: number }> = {};
    for (const [name, port] of [['bare Bolt, ack "ok"', ports.bare], [`bare Bolt, ack the same ${(ports.bytes / 1024).toFixed(1)} KB reply, precomputed`, ports.canned], ['anode-bot /province', ports.bot]] as const) {
      const s = summarize(await atRate(port, 200, 10));
      const rps = await throughput(port, 5);
      rows[name] = { p50: s.median, p99: s.p99, rps };
      console.log(`| ${name} | ${rps.toFixed(0)} | ${fmt(s.median)} | ${fmt(s.p99)} |`);
    }
    const bare = rows['bare Bolt, ack "ok"']!;
    const bot = rows['anode-bot /province']!;
    const canned = Object.entries(rows).find(([k]) => k.includes('precomputed'))![1];
    console.log(`\nratio bot/bare "ok": p50 ${(bot.p50 / bare.p50).toFixed(2)}×, p99 ${(bot.p99 / bare.p99).toFixed(2)}×, throughput ${(bot.rps / bare.rps).toFixed(2)}×`);
    console.log(`ratio bot/bare with the same payload: p50 ${(bot.p50 / canned.p50).toFixed(2)}×, p99 ${(bot.p99 / canned.p99).toFixed(2)}×, throughput ${(bot.rps / canned.rps).toFixed(2)}×`);
  } finally {
    child.kill('SIGTERM');
  }
}
