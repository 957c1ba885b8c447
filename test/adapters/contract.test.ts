import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { platforms } from '../../src/adapters/index.js';
import type { PlatformModule } from '../../src/adapters/platform.js';
import type { Deliverer } from '../../src/briefings/scheduler.js';
import type { BriefingMessage } from '../../src/briefings/compose.js';
import { toConsoleText } from '../../src/render/console-text.js';
import { startTestBot } from '../support/bot.js';
import { pinnedDataDir } from '../support/core.js';

/**
 * A platform that exists only in this test. It plugs in through the same list as Slack and Discord,
 * with its own environment variable and secret, and nothing outside test/ changes for it.
 */
const delivered: { channel: string; message: BriefingMessage }[] = [];
const testPlatform: PlatformModule<z.ZodObject<{ TEST_PLATFORM_TOKEN: z.ZodOptional<z.ZodString> }>> = {
  id: 'test',
  env: z.object({ TEST_PLATFORM_TOKEN: z.string().optional() }),
  enabled: (e) => Boolean(e.TEST_PLATFORM_TOKEN),
  secrets: (e) => (e.TEST_PLATFORM_TOKEN ? [e.TEST_PLATFORM_TOKEN] : []),
  async create(ctx, e) {
    const deliverer: Deliverer = {
      async deliver(target, message) {
        delivered.push({ channel: target.subscription.channelId, message });
        return { messageRef: String(delivered.length) };
      },
    };
    ctx.log.info({ note: `connected with ${e.TEST_PLATFORM_TOKEN}` }, 'test platform: connected');
    return {
      deliverer,
      async start() {},
      async stop() {},
      health: () => ({ ready: true }),
      // The transport: a line in, the rendered answer out, as any chat platform does.
      ask: async (line: string) =>
        toConsoleText((await ctx.core.ask(line, { platform: 'test', userId: 'u', channelId: 'room', lang: 'en', canManage: async () => true })).reply),
    } as never;
  },
};

describe('one adapter contract', () => {
  it('a test-only platform answers commands and briefings, through the same list, nothing else changed', async () => {
    const t = await startTestBot({ TEST_PLATFORM_TOKEN: 'test-platform-secret-token' }, { platforms: [...platforms, testPlatform as PlatformModule] });
    try {
      expect([...t.bot.adapters.keys()]).toEqual(['test']);
      const adapter = t.bot.adapters.get('test') as unknown as { ask(line: string): Promise<string> };
      expect(await adapter.ask('/province Yunnan')).toContain('Yunnan · prebaked anodes 2024');
      expect(await adapter.ask('/briefing subscribe utilization daily 09:00 UTC')).toContain('Subscribed: utilization briefing');
      const tomorrow = new Date();
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      tomorrow.setUTCHours(9, 0, 10, 0);
      await t.bot.scheduler.tick(tomorrow);
      await t.bot.scheduler.idle();
      expect(delivered.map((d) => [d.channel, d.message.reply.title])).toEqual([['room', 'Utilization briefing · 2024']]);
      // Its secret is the platform's to name, and never reaches a log line.
      expect(t.logs.text).toContain('connected with [redacted]');
      expect(t.logs.text).not.toContain('test-platform-secret-token');
      // Declared subscriptions may name it: platform ids are data from the list.
      expect(platforms.map((p) => p.id)).toEqual(['console', 'slack', 'discord', 'mcp', 'feishu']);
    } finally {
      await t.stop();
    }
  });
});

describe('only the platforms a process runs are loaded', () => {
  const ROOT = resolve('.');
  const trace = (args: string[], input?: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'anode-trace-')), 'imports.txt');
    const r = spawnSync(process.execPath, ['--import', join(ROOT, 'test/support/trace-imports.mjs'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      input: input ?? '',
      env: {
        PATH: process.env.PATH,
        ANODE_TRACE_IMPORTS: file,
        DATA_DIR: pinnedDataDir(),
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'anode-trace-db-')), 'bot.db'),
        CHART_DIR: mkdtempSync(join(tmpdir(), 'anode-trace-out-')),
      },
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    return readFileSync(file, 'utf8');
  };

  it('npm run ask loads neither Bolt nor discord.js (nor the chart canvas when no PNG is drawn)', () => {
    const loaded = trace(['dist/bin/ask.js', '/province Yunnan', '--no-png']);
    expect(loaded).toContain('/dist/bin/ask.js');
    expect(loaded).not.toMatch(/@slack\/bolt|discord\.js|@discordjs|@napi-rs\/canvas|\/pg\//);
  });

  it('the console loads neither Bolt nor discord.js', () => {
    const loaded = trace(['dist/main.js'], '/overview\nquit\n');
    // What the console does load is seen, so the trace is not blind to what it must not.
    expect(loaded).toMatch(/\/dist\/main\.js/);
    expect(loaded).toMatch(/better-sqlite3|node-schedule/);
    expect(loaded).not.toMatch(/@slack\/bolt|discord\.js|@discordjs/);
  });
});
