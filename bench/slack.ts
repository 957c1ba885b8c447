import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { blockAction, sign, slashCommand, startFakeSlack } from '../test/support/fake-slack.js';
import { atRate, fmt, interleavedThroughput, ratio, summarize } from './stats.js';

export const SECRET = 'bench-signing-secret-0123456789';
let seq = 0;

/** A signed /province Yunnan as Slack sends it; each one unique (the bot refuses replays). */
export async function command(port: number, fakeBase: string): Promise<number> {
  const body = new URLSearchParams(slashCommand('/province', 'Yunnan', `${fakeBase}/respond/c${++seq}`)).toString();
  const ts = Math.floor(Date.now() / 1000);
  const t = performance.now();
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(SECRET, ts, body) },
    body,
  });
  await res.text();
  if (res.status !== 200) throw new Error(`status ${res.status}`);
  return performance.now() - t;
}

/**
 * Sustained load: 60,000 more signed requests into the same bot process (which has already answered
 * the requests above, all within the replay window), 8 in flight, timed per 5,000. A cost that grew
 * with the requests remembered would show as a falling rate.
 */
async function sustained(once: () => Promise<number>): Promise<void> {
  const BUCKET = 5000;
  const rates: number[] = [];
  for (let b = 0; b < 12; b++) {
    let left = BUCKET;
    const t = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (left-- > 0) await once();
      }),
    );
    rates.push(BUCKET / ((performance.now() - t) / 1000));
  }
  console.log('\nSustained: 60,000 signed /province Yunnan into the bot, 8 in flight, req/s per 5,000:');
  console.log(rates.map((r) => r.toFixed(0)).join(' · '));
  console.log(`last / first: ${ratio(rates[rates.length - 1]!, rates[0]!)} (target ≥ 0.9×); lowest / first: ${ratio(Math.min(...rates), rates[0]!)}`);
}

export async function benchSlack(): Promise<void> {
  const fake = await startFakeSlack();
  const child = spawn(join('node_modules', '.bin', 'tsx'), ['bench/slack-server.ts', SECRET, fake.apiUrl, fake.base], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve));
  const ports = JSON.parse(line) as { bot: number; bare: number; bytes: number; more: { action_id: string; value: string } };
  try {
    const servers = [
      ['bare Bolt app, acking the same reply', ports.bare],
      ['anode-bot /province Yunnan', ports.bot],
    ] as const;
    const rows: Record<string, { p50: number; p99: number; rps: number }> = {};
    for (const [name, port] of servers) {
      await atRate(() => command(port, fake.base), 200, 2);
      const s = summarize(await atRate(() => command(port, fake.base), 200, 10));
      rows[name] = { p50: s.median, p99: s.p99, rps: 0 };
    }
    const rps = await interleavedThroughput(
      servers.map(
        ([, port]) =>
          () =>
            command(port, fake.base),
      ),
    );
    for (const [i, [name]] of servers.entries()) rows[name]!.rps = rps[i]!;
    console.log(`## Slack: signed /province Yunnan over loopback, HTTP mode, servers in one child process (reply ${(ports.bytes / 1024).toFixed(1)} KB)`);
    console.log('| server | req/s (8 in flight; median of 5 alternating rounds) | p50 at 200 req/s | p99 at 200 req/s |');
    console.log('|---|---|---|---|');
    for (const [name, r] of Object.entries(rows)) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`);
    const bare = rows['bare Bolt app, acking the same reply']!;
    const bot = rows['anode-bot /province Yunnan']!;
    console.log(
      `\nbot / bare Bolt: throughput ${ratio(bot.rps, bare.rps)} (target ≥ 0.95×), p50 ${ratio(bot.p50, bare.p50)} (target ≤ 1.1×), p99 ${ratio(bot.p99, bare.p99)}`,
    );

    // A click on "More": acknowledged, then the full reply replaces the message through response_url.
    const click = async () => {
      const id = `k${++seq}`;
      const body = new URLSearchParams(blockAction({ responseUrl: `${fake.base}/respond/${id}`, button: ports.more })).toString();
      const ts = Math.floor(Date.now() / 1000);
      const t = performance.now();
      const arrived = fake.waitForResponse(id);
      await (
        await fetch(`http://127.0.0.1:${ports.bot}/slack/events`, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-slack-request-timestamp': String(ts),
            'x-slack-signature': sign(SECRET, ts, body),
          },
          body,
        })
      ).text();
      await arrived;
      return performance.now() - t;
    };
    for (let i = 0; i < 100; i++) await click();
    const clicks = summarize(await atRate(click, 50, 10));
    const commands = summarize(await atRate(() => command(ports.bot, fake.base), 50, 10));
    console.log(
      `\nClick round trip ("More", until the full reply reaches response_url): p50 ${fmt(clicks.median)}, p99 ${fmt(clicks.p99)}; command round trip (ack with the reply): p50 ${fmt(commands.median)}, p99 ${fmt(commands.p99)} (50/s each)`,
    );
    await sustained(() => command(ports.bot, fake.base));
  } finally {
    child.kill('SIGTERM');
    await fake.close();
  }
}
