import { createServer, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { APP_ID } from '../support/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { freePort } from '../support/local-server.js';
import { openDir, spawnBot } from '../support/process.js';
import { newSubscription } from '../support/subscriptions.js';

const SECRET = 'startup-signing-secret-0123456789';

/** Claims left leased in a database after the process is gone: must be none. */
async function leftClaimed(db: string): Promise<number> {
  const store = await openStore({ DATABASE_PATH: db });
  try {
    const rows = await store.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM deliveries WHERE status = 'claimed'");
    return Number(rows[0]?.n ?? 0);
  } finally {
    await store.close();
  }
}

/** A database with briefings due every second, so the first tick of any start-up claims slots. */
async function busyDatabase(): Promise<string> {
  const db = join(openDir('anode-start-'), 'bot.db');
  const store = await openStore({ DATABASE_PATH: db });
  for (let i = 0; i < 30; i++) await store.add(newSubscription({ channelId: `C-start-${i}`, cron: '* * * * * *', label: 'every second' }));
  await store.close();
  return db;
}

describe('signals at any moment of start-up', () => {
  let slack: FakeSlack;
  beforeAll(async () => {
    slack = await startFakeSlack();
    slack.latencyMs = 200;
  });
  afterAll(async () => slack.close());

  // Each moment is named by what the process has logged, not by milliseconds a busy machine may not keep.
  it.each([
    ['after the dataset loaded (database, platforms, port still to come)', 'dataset loaded'],
    ['after the port opened (the scheduler about to claim)', 'listening on port'],
    ['after the first tick claimed slots', 'briefings: started'],
  ])('SIGTERM %s: exit 0 within 10 s, nothing left claimed', async (_moment, marker) => {
    const db = await busyDatabase();
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-start',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(await freePort()),
      DATABASE_PATH: db,
      BRIEFING_TICK_SECONDS: '1',
    });
    try {
      await bot.waitFor(marker, 60_000);
      const sent = Date.now();
      bot.kill('SIGTERM');
      expect(await bot.exited, bot.output().slice(-2000)).toBe(0);
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(await leftClaimed(db)).toBe(0);
    } finally {
      bot.kill('SIGKILL');
    }
  });

  it('SIGINT while a platform never answers at start: exit 0 at once, not at the platform time-out', async () => {
    // A server that accepts connections and never answers: Discord's gateway lookup hangs on it.
    const sockets = new Set<Socket>();
    const silent = createServer((s) => sockets.add(s)).listen(0, '127.0.0.1');
    await new Promise((r) => silent.once('listening', r));
    const port = (silent.address() as { port: number }).port;
    const db = await busyDatabase();
    const bot = spawnBot({
      DISCORD_TOKEN: 'discord-silent',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: `http://127.0.0.1:${port}/api`,
      DATABASE_PATH: db,
    });
    try {
      await bot.waitFor('dataset loaded', 60_000);
      // Give the login time to reach the silent server.
      await new Promise((r) => setTimeout(r, 500));
      const sent = Date.now();
      bot.kill('SIGINT');
      expect(await bot.exited).toBe(0);
      expect(Date.now() - sent).toBeLessThan(10_000);
      expect(bot.output()).toContain('start-up stopped by a signal');
      expect(await leftClaimed(db)).toBe(0);
    } finally {
      bot.kill('SIGKILL');
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });
});

describe('HOST: the address the HTTP server listens on', () => {
  it('listens on the address given, and an address this machine does not have stops start-up in one line', async () => {
    const port = await freePort();
    const local = spawnBot({
      MCP_TOKEN: 'host-test-token-0123456789',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_PATH: join(openDir('anode-host-'), 'bot.db'),
    });
    try {
      await local.waitFor(`listening on port ${port}`, 60_000);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    } finally {
      local.kill('SIGKILL');
    }
    // 192.0.2.1 is TEST-NET-1: documentation only, never an address of this machine.
    const elsewhere = spawnBot({
      MCP_TOKEN: 'host-test-token-0123456789',
      PORT: String(await freePort()),
      HOST: '192.0.2.1',
      DATABASE_PATH: join(openDir('anode-host-'), 'bot.db'),
    });
    expect(await elsewhere.exited).toBe(1);
    expect(elsewhere.output()).toContain('anode-bot: cannot start: HOST=192.0.2.1: no such address on this machine');
    expect(elsewhere.output()).not.toMatch(/^\s+at /m);
  });
});

describe('a platform that cannot be reached at start', () => {
  it('Slack: one line naming Slack, the host and SLACK_API_URL; exit 1; the stack only at LOG_LEVEL=debug', async () => {
    const closed = await freePort();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-offline',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: String(await freePort()),
      DATABASE_PATH: join(openDir('anode-off-'), 'bot.db'),
    };
    const bot = spawnBot(env);
    expect(await bot.exited).toBe(1);
    const out = bot.output();
    expect(out).toContain(`anode-bot: cannot start: Slack: cannot reach http://127.0.0.1:${closed}/api/ (ECONNREFUSED); check SLACK_API_URL`);
    expect(out).not.toMatch(/^\s+at /m);
    expect(out).not.toContain('[cause]');
    expect(out).not.toContain('xoxb-offline');
    const debug = spawnBot({ ...env, LOG_LEVEL: 'debug' });
    expect(await debug.exited).toBe(1);
    expect(debug.output()).toMatch(/^\s+at /m);
  });

  it('Discord: one line naming Discord, the host and DISCORD_API_URL; exit 1', async () => {
    const closed = await freePort();
    const bot = spawnBot({
      DISCORD_TOKEN: 'discord-offline',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: `http://127.0.0.1:${closed}/api`,
      DATABASE_PATH: join(openDir('anode-off-'), 'bot.db'),
    });
    expect(await bot.exited).toBe(1);
    const out = bot.output();
    expect(out).toContain(`anode-bot: cannot start: Discord: cannot reach http://127.0.0.1:${closed}/api (ECONNREFUSED); check DISCORD_API_URL`);
    expect(out).not.toMatch(/^\s+at /m);
    expect(out).not.toContain('discord-offline');
  });
});
