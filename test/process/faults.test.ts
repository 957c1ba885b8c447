import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { APP_ID, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { postToBot, slashCommand, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { freePort } from '../support/local-server.js';
import { openDir, spawnBot } from '../support/process.js';
import { newSubscription } from '../support/subscriptions.js';

const SECRET = 'process-signing-secret-0123456789';

describe('the real process under faults', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord();
  });
  afterAll(async () => {
    await slack.close();
    await discord.close();
  });

  it('serves Slack, and on SIGTERM finishes or gives back a hung delivery within 10 s and exits 0', async () => {
    const db = join(openDir('anode-term-'), 'bot.db');
    const store = await openStore({ DATABASE_PATH: db });
    await store.add(newSubscription({ channelId: 'C-hung', kind: 'full', cron: '* * * * * *', label: 'every second' }));
    await store.close();
    slack.stall.add('C-hung');
    const p = await freePort();
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-process',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(p),
      DATABASE_PATH: db,
      BRIEFING_TICK_SECONDS: '1',
    });
    try {
      await bot.waitFor(`listening on port ${p}`);
      const answer = await postToBot(p, slashCommand('/province', 'Yunnan', `${slack.base}/respond/x`), { secret: SECRET });
      expect(JSON.stringify(answer.json())).toContain('Yunnan · prebaked anodes 2024');
      await expect.poll(() => slack.calls.some((c) => c.method === 'chat.postMessage' && c.body.channel === 'C-hung'), { timeout: 10_000 }).toBe(true);
      const started = Date.now();
      bot.kill('SIGTERM');
      expect(await bot.exited).toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(bot.output()).toContain('their slots were given back for the next tick');
      expect(bot.output()).not.toContain('xoxb-process');
      expect(bot.output()).not.toContain(SECRET);
    } finally {
      bot.kill('SIGKILL');
      slack.stall.delete('C-hung');
    }
  });

  it('an invalid Slack token stops start-up with exit 1 and one line naming SLACK_BOT_TOKEN', async () => {
    slack.validTokens.add('xoxb-the-only-valid-one');
    try {
      const bot = spawnBot({
        SLACK_BOT_TOKEN: 'xoxb-revoked',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(await freePort()),
        DATABASE_PATH: join(openDir('anode-bad-'), 'bot.db'),
      });
      expect(await bot.exited).toBe(1);
      expect(bot.output()).toMatch(/anode-bot: cannot start: Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
      expect(bot.output()).not.toContain('xoxb-revoked');
    } finally {
      slack.validTokens.clear();
    }
  });

  it('a fatal Discord close code (4004) exits 1 naming DISCORD_TOKEN; with Slack healthy the process goes on, unready', async () => {
    discord.closeWith = 4004;
    try {
      const alone = spawnBot({
        DISCORD_TOKEN: 'discord-bad-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.api,
        DATABASE_PATH: join(openDir('anode-4004-'), 'bot.db'),
      });
      expect(await alone.exited).toBe(1);
      expect(alone.output()).toMatch(/code 4004: authentication failed: DISCORD_TOKEN/);
      const p = await freePort();
      const both = spawnBot({
        DISCORD_TOKEN: 'discord-bad-token',
        DISCORD_APPLICATION_ID: APP_ID,
        DISCORD_API_URL: discord.api,
        SLACK_BOT_TOKEN: 'xoxb-ok',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(p),
        DATABASE_PATH: join(openDir('anode-4004b-'), 'bot.db'),
      });
      try {
        await both.waitFor('the other platforms go on');
        const ready = await fetch(`http://127.0.0.1:${p}/readyz`);
        expect(ready.status).toBe(503);
        expect(JSON.stringify(await ready.json())).toContain('4004');
        expect(JSON.stringify((await postToBot(p, slashCommand('/province', 'Henan', `${slack.base}/respond/y`), { secret: SECRET })).json())).toContain(
          'Henan',
        );
      } finally {
        both.kill('SIGKILL');
      }
    } finally {
      discord.closeWith = undefined;
    }
  });

  it('a port already in use stops start-up with exit 1 and one line naming PORT', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer().listen(0);
    await new Promise((r) => taken.once('listening', r));
    const p = (taken.address() as { port: number }).port;
    try {
      const bot = spawnBot({
        SLACK_BOT_TOKEN: 'xoxb-port',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(p),
        DATABASE_PATH: join(openDir('anode-port-'), 'bot.db'),
      });
      expect(await bot.exited).toBe(1);
      const out = bot.output();
      expect(out).toContain(`anode-bot: cannot start: PORT=${p}: that port is already in use`);
      expect(out).not.toMatch(/^\s+at /m);
    } finally {
      taken.close();
    }
  });

  it('a database file that cannot be written stops start-up with one line saying so', async () => {
    const dir = openDir('anode-ro-');
    const db = join(dir, 'bot.db');
    await (await openStore({ DATABASE_PATH: db })).close();
    chmodSync(db, 0o444);
    // Root writes any file: the bot runs as an ordinary user here, as in production.
    const asUser = process.getuid?.() === 0 ? { user: 'nobody' } : {};
    const bot = spawnBot({ DATABASE_PATH: db }, { ...asUser, stdin: 'quit\n' });
    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(/anode-bot: cannot start: database .*bot\.db: the file cannot be written \(read-only\)/);
  });

  it('processes starting together on a new SQLite file all start, every time', async () => {
    for (let round = 0; round < 3; round++) {
      const db = join(openDir('anode-race-'), 'bot.db');
      const bots = Array.from({ length: 6 }, () => spawnBot({ DATABASE_PATH: db }, { stdin: '/overview\nquit\n' }));
      const codes = await Promise.all(bots.map((b) => b.exited));
      // Only the processes that failed are worth reading: their last lines say why.
      const failed = bots.filter((_b, i) => codes[i] !== 0).map((b) => b.output().slice(-1500));
      expect(codes, failed.join('\n---\n')).toEqual(Array(6).fill(0));
    }
  });

  it('a full disk: failed writes are logged per slot, and the slots delivered once the disk has room', async () => {
    const dir = openDir('anode-full-');
    const db = join(dir, 'bot.db');
    const store = await openStore({ DATABASE_PATH: db });
    for (let i = 0; i < 20; i++) await store.add(newSubscription({ channelId: `C-full-${i}`, cron: '*/3 * * * * *', label: 'every 3 s' }));
    await store.close();
    const p = await freePort();
    // The file-size limit stands in for a full disk: writes past it fail with EFBIG, as on ENOSPC.
    const bot = spawnBot(
      {
        SLACK_BOT_TOKEN: 'xoxb-full',
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(p),
        DATABASE_PATH: db,
        BRIEFING_TICK_SECONDS: '1',
        BRIEFING_GRACE_MINUTES: '5',
      },
      { fsizeKb: 400 },
    );
    try {
      await bot.waitFor(/cannot (claim due slots|record a delivery) \(database\)/, 60_000);
      const full = bot.output();
      expect(full).not.toMatch(/unhandled rejection/);
      const posted = slack.messages.length;
      execFileSync('prlimit', ['--pid', String(bot.child.pid), '--fsize=unlimited:']);
      await expect.poll(() => slack.messages.length, { timeout: 20_000 }).toBeGreaterThan(posted + 20);
      // Every subscription got the slot that was due while the disk was full, and none twice.
      const bySlot = new Map<string, number>();
      for (const m of slack.messages.filter((x) => x.channel.startsWith('C-full-'))) {
        const key = `${m.channel}|${String(m.metadata?.event_payload.slot)}`;
        bySlot.set(key, (bySlot.get(key) ?? 0) + 1);
      }
      expect([...bySlot.values()].filter((n) => n > 1)).toEqual([]);
    } finally {
      bot.kill('SIGKILL');
    }
  });
});

describe('a bad data edition, at start and on SIGHUP', () => {
  it('a broken new edition is refused on reload with one line, and the running edition keeps answering', async () => {
    const { cpSync, mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const data = mkdtempSync(join(tmpdir(), 'anode-reload-'));
    cpSync('data/2024', join(data, '2024'), { recursive: true });
    cpSync('data/names.csv', join(data, 'names.csv'));
    const slack = await startFakeSlack();
    const p = await freePort();
    const bot = spawnBot({
      DATA_DIR: data,
      SLACK_BOT_TOKEN: 'xoxb-r',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      PORT: String(p),
      DATABASE_PATH: join(openDir('anode-reload-db-'), 'bot.db'),
    });
    try {
      await bot.waitFor(`listening on port ${p}`);
      cpSync(join(data, '2024'), join(data, '2025'), { recursive: true });
      const meta = join(data, '2025', 'edition.json');
      writeFileSync(meta, readFileSync(meta, 'utf8').replace('"year": 2024', '"year": 2025'));
      const t2 = join(data, '2025', 'production-by-province.csv');
      writeFileSync(t2, readFileSync(t2, 'utf8').replace('Yunnan,province,1.70', 'Yunnan,province,lots'));
      bot.kill('SIGHUP');
      await bot.waitFor('dataset reload refused');
      expect(bot.output()).toMatch(/2025\/production-by-province\.csv: row 6 \(Yunnan\), field capacity_mt/);
      expect(JSON.stringify((await postToBot(p, slashCommand('/province', 'Yunnan', `${slack.base}/respond/r`), { secret: SECRET })).json())).toContain(
        'prebaked anodes 2024',
      );
      writeFileSync(t2, readFileSync(t2, 'utf8').replace('Yunnan,province,lots', 'Yunnan,province,1.80'));
      bot.kill('SIGHUP');
      await bot.waitFor('dataset reloaded');
      expect(JSON.stringify((await postToBot(p, slashCommand('/province', 'Yunnan', `${slack.base}/respond/s`), { secret: SECRET })).json())).toContain(
        'prebaked anodes 2025',
      );
    } finally {
      bot.kill('SIGKILL');
      await slack.close();
    }
  });
});
