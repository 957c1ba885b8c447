import { fork } from 'node:child_process';
import { sign } from 'node:crypto';
import { discordKeys, interaction, startFakeDiscord, type FakeDiscord } from '../test/support/fake-discord.js';
import { atRate, fmt, interleavedThroughput, ratio, summarize } from './stats.js';

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
    const { bareHttpPort } = (await next()) as { bareHttpPort: number };

    const viaHttp = (port: number) => async () => {
      const body = JSON.stringify(PROVINCE());
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(ts + body), privateKey).toString('hex');
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/discord/interactions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
        body,
      });
      await res.text();
      if (res.status !== 200) throw new Error(`status ${res.status}`);
      return performance.now() - t;
    };
    const servers: [string, () => Promise<number>][] = [
      ['bare discord.js client, replying the same message', async () => (await overGateway(bareFake, PROVINCE())).ms],
      ['anode-bot over the gateway', async () => (await overGateway(gatewayFake, PROVINCE())).ms],
      ['bare node:http server, checking the signature, replying the same', viaHttp(bareHttpPort)],
      ['anode-bot over HTTP interactions', viaHttp(httpPort)],
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
    console.log(
      'Gateway: INTERACTION_CREATE sent → callback received by the fake REST API. HTTP: signed POST → response (the benchmark process signs each request with Ed25519, as Discord does).',
    );
    console.log('| server | interactions/s (8 in flight; median of 5 alternating rounds) | p50 at 200/s | p99 at 200/s |');
    console.log('|---|---|---|---|');
    for (const [name, r] of Object.entries(rows)) console.log(`| ${name} | ${r.rps.toFixed(0)} | ${fmt(r.p50)} | ${fmt(r.p99)} |`);
    const [bare, gateway, bareHttp, http] = Object.values(rows) as [(typeof rows)[string], (typeof rows)[string], (typeof rows)[string], (typeof rows)[string]];
    console.log(
      `\nbot (gateway) / bare discord.js: throughput ${ratio(gateway.rps, bare.rps)} (target ≥ 0.95×), p50 ${ratio(gateway.p50, bare.p50)} (target ≤ 1.1×), p99 ${ratio(gateway.p99, bare.p99)}`,
    );
    console.log(
      `HTTP interactions / gateway: throughput ${ratio(http.rps, gateway.rps)}, p50 ${ratio(http.p50, gateway.p50)}, p99 ${ratio(http.p99, gateway.p99)}`,
    );
    console.log(
      `bot (HTTP) / bare node:http: throughput ${ratio(http.rps, bareHttp.rps)}, p50 ${ratio(http.p50, bareHttp.p50)}, p99 ${ratio(http.p99, bareHttp.p99)}`,
    );

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
