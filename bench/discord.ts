import { fork, spawn } from 'node:child_process';
import type { KeyObject } from 'node:crypto';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { discordKeys, interaction, startFakeDiscord, type FakeDiscord } from '../test/support/fake-discord.js';
import { openDir, spawnBot } from '../test/support/process.js';
import { atRate, fmt, interleaved, interleavedThroughput, ratio, summarize } from './stats.js';

const PROVINCE = () => interaction('province', [{ type: 3, name: 'name', value: 'Yunnan' }]);

/** Gateway: INTERACTION_CREATE sent → the interaction callback arriving at the fake REST API. */
async function overGateway(fake: FakeDiscord, data: ReturnType<typeof interaction>): Promise<{ ms: number; body: Record<string, unknown> }> {
  const path = `/api/v10/interactions/${data.id}/${data.token}/callback`;
  const arrived = fake.waitFor((r) => r.path === path, 30_000);
  const sent = performance.now();
  fake.dispatchInteraction(data);
  const r = await arrived;
  // Keep the fake's record short: waiters match on arrival, the list is only for lookups.
  if (fake.requests.length > 500) fake.requests.length = 0;
  return { ms: r.at - sent, body: r.body };
}

interface HttpRow {
  name: string;
  rps: number;
  p50: number;
  p99: number;
}

/**
 * HTTP interactions, loaded by bench/signed-load.ts in a process of its own: throughput in alternating
 * rounds (the median of 5), then latency at 200 requests/s for 10 s, per server.
 */
async function httpInteractions(privateKey: KeyObject, targets: [string, number][]): Promise<HttpRow[]> {
  const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  const load = fork('bench/signed-load.ts', [pem], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = <T>(m: Record<string, unknown>) =>
    new Promise<T>((resolve, reject) => {
      load.once('message', (r) => ((r as { error?: string }).error ? reject(new Error((r as { error: string }).error)) : resolve(r as T)));
      load.send(m);
    });
  try {
    await new Promise((resolve) => load.once('message', resolve));
    const path = '/discord/interactions';
    const rps = await interleaved(
      targets.map(
        ([, port]) =>
          async () =>
            (await ask<{ rps: number }>({ kind: 'throughput', port, path, seconds: 2, concurrency: 8 })).rps,
      ),
    );
    const rows: HttpRow[] = [];
    for (const [i, [name, port]] of targets.entries()) {
      await ask({ kind: 'latency', port, path, rps: 200, seconds: 2 });
      const s = summarize((await ask<{ ms: number[] }>({ kind: 'latency', port, path, rps: 200, seconds: 10 })).ms);
      rows.push({ name, rps: rps[i]!, p50: s.median, p99: s.p99 });
    }
    return rows;
  } finally {
    load.kill('SIGTERM');
  }
}

export async function benchDiscord(): Promise<void> {
  const gatewayFake = await startFakeDiscord();
  const httpFake = await startFakeDiscord();
  const bareFake = await startFakeDiscord();
  const { publicHex, privateKey } = discordKeys();
  const child = fork('bench/discord-server.ts', [gatewayFake.api, httpFake.api, bareFake.api, publicHex], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = () => new Promise<unknown>((resolve) => child.once('message', resolve));
  const { httpPort } = (await next()) as { httpPort: number };
  try {
    const first = await overGateway(gatewayFake, PROVINCE());
    const canned = first.body.data as { components: unknown[]; flags: number };
    child.send(canned);
    await next();

    const servers: [string, () => Promise<number>][] = [
      ['bare discord.js client, replying the same message', async () => (await overGateway(bareFake, PROVINCE())).ms],
      ['anode-bot over the gateway', async () => (await overGateway(gatewayFake, PROVINCE())).ms],
    ];
    const rows: Record<string, { p50: number; p99: number; rps: number }> = {};
    for (const [name, once] of servers) {
      await atRate(once, 200, 2);
      const s = summarize(await atRate(once, 200, 10));
      rows[name] = { p50: s.median, p99: s.p99, rps: 0 };
    }
    const rps = await interleavedThroughput(servers.map(([, once]) => once));
    for (const [i, [name]] of servers.entries()) rows[name]!.rps = rps[i]!;
    console.log(
      `## Discord: /province name:Yunnan over loopback, servers in one child process (reply ${(JSON.stringify(canned).length / 1024).toFixed(1)} KB)`,
    );
    console.log('Gateway: INTERACTION_CREATE sent by the fake in the benchmark process → callback received by its REST API.');
    console.log('| server | interactions/s (8 in flight; median of 5 alternating rounds) | p50 at 200/s | p99 at 200/s |');
    console.log('|---|---|---|---|');
    for (const [name, r] of Object.entries(rows)) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`);
    const [bare, gateway] = Object.values(rows) as [(typeof rows)[string], (typeof rows)[string]];
    console.log(
      `\nbot (gateway) / bare discord.js: throughput ${ratio(gateway.rps, bare.rps)} (target ≥ 0.95×), p50 ${ratio(gateway.p50, bare.p50)} (target ≤ 1.1×), p99 ${ratio(gateway.p99, bare.p99)}`,
    );

    // The HTTP references, and the bot as `npm start` runs it (dist), each in a process of its own.
    const answerFile = join(openDir('anode-bench-'), 'answer.json');
    writeFileSync(answerFile, JSON.stringify({ type: 4, data: canned }));
    const references = spawn(process.execPath, ['bench/bare-discord-http.mjs'], {
      env: { ...process.env, DISCORD_PUBLIC_KEY: publicHex, ANSWER_FILE: answerFile },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const shippedFake = await startFakeDiscord();
    const shipped = spawnBot({ DISCORD_PUBLIC_KEY: publicHex, DISCORD_API_URL: shippedFake.api, PORT: '0', LOG_LEVEL: 'info' });
    try {
      const [line] = (await once(createInterface({ input: references.stdout! }), 'line')) as [string];
      const ports = JSON.parse(line) as { bare: number; trivial: number };
      await shipped.waitFor(/listening on port \d+/);
      const shippedPort = Number(/listening on port (\d+)/.exec(shipped.output())![1]);
      const http = await httpInteractions(privateKey, [
        ['trivial node:http server, checking nothing (the load generator’s ceiling)', ports.trivial],
        ['bare node:http server, checking the signature, replying the same', ports.bare],
        ['anode-bot as shipped (dist/main.js, as npm start runs it)', shippedPort],
        ['anode-bot from source through tsx, beside its gateway twin', httpPort],
      ]);
      console.log(
        '\nHTTP interactions: a signed POST → the response, from a load generator in a process of its own (requests signed before each run); each server in a process of its own but the last.',
      );
      console.log('| server | requests/s (8 in flight; median of 5 alternating rounds) | p50 at 200/s | p99 at 200/s |');
      console.log('|---|---|---|---|');
      for (const r of http) console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`);
      const [ceiling, bareHttp, bot, fromSource] = http as [HttpRow, HttpRow, HttpRow, HttpRow];
      console.log(
        `\nbot (HTTP, as shipped) / bare node:http: throughput ${ratio(bot.rps, bareHttp.rps)} (target ≥ 0.9×), p50 ${ratio(bot.p50, bareHttp.p50)}; from source ${ratio(fromSource.rps, bareHttp.rps)}; the generator's ceiling is ${ratio(ceiling.rps, bareHttp.rps)} the bare server's throughput`,
      );
    } finally {
      references.kill('SIGTERM');
      shipped.kill('SIGTERM');
      await shipped.exited;
      await shippedFake.close();
    }

    // A click on "More": the full reply replaces the message (callback type 7).
    const more = (canned.components as { type: number; components?: { label?: string; custom_id?: string }[] }[])
      .filter((row) => row.type === 1)
      .flatMap((row) => row.components ?? [])
      .find((c) => c.label === 'More');
    if (!more?.custom_id) throw new Error('the reply has no More button');
    const click = async () => (await overGateway(gatewayFake, interaction('province', [], { type: 3, customId: more.custom_id! }))).ms;
    for (let i = 0; i < 100; i++) await click();
    const clicks = summarize(await atRate(click, 50, 10));
    const commands = summarize(await atRate(async () => (await overGateway(gatewayFake, PROVINCE())).ms, 50, 10));
    console.log(
      `\nClick round trip ("More", gateway, until the updated message reaches the callback): p50 ${fmt(clicks.median)}, p99 ${fmt(clicks.p99)}; command round trip: p50 ${fmt(commands.median)}, p99 ${fmt(commands.p99)} (50/s each)`,
    );
  } finally {
    child.kill('SIGTERM');
    await Promise.all([gatewayFake.close(), httpFake.close(), bareFake.close()]);
  }
}
