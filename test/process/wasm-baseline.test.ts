import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keepWasmOnBaseline } from '../../src/wasm-baseline.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { freePort } from '../support/local-server.js';
import { openDir, spawnBot, type BotProcess } from '../support/process.js';

const MB = 1024 * 1024;
/**
 * Measured on the bot after its first Slack calls: 3–6 MB of compiler memory with llhttp on Liftoff,
 * 30–40 MB once V8 has tiered it up to TurboFan. The line between them leaves room on both sides.
 */
const LINE = 15 * MB;

/** The bot's compiler-memory peak so far, read through the preload: the line it writes after this ask. */
async function compilerPeak(bot: BotProcess): Promise<number> {
  const before = bot.output().length;
  bot.kill('SIGUSR2');
  for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 20))) {
    const line = /compiler-memory-peak (\d+)\n/.exec(bot.output().slice(before));
    if (line) return Number(line[1]);
  }
  throw new Error(`no compiler-memory-peak line within 10 s; output:\n${bot.output().slice(-2000)}`);
}

describe('WebAssembly on the baseline compiler', () => {
  it('is set unless the operator gave a WebAssembly flag', () => {
    const set: string[] = [];
    expect(keepWasmOnBaseline([], (f) => set.push(f))).toBe(true);
    expect(set).toEqual(['--liftoff-only']);
    for (const given of ['--no-liftoff-only', '--liftoff', '--wasm-tiering-budget=10', '--wasm_dynamic_tiering'])
      expect(keepWasmOnBaseline(['--require', 'x.cjs', given], (f) => set.push(f))).toBe(false);
    expect(set).toHaveLength(1);
  });

  describe('in the bot as shipped, after its first Slack calls (fetch, whose parser is WebAssembly)', () => {
    let slack: FakeSlack;
    beforeAll(async () => {
      slack = await startFakeSlack();
    });
    afterAll(async () => slack.close());

    const start = async (nodeArgs: string[]): Promise<BotProcess> => {
      const port = await freePort();
      const bot = spawnBot(
        {
          SLACK_BOT_TOKEN: 'xoxb-wasm',
          SLACK_SIGNING_SECRET: 'wasm-signing-secret-0123456789',
          SLACK_API_URL: slack.apiUrl,
          PORT: String(port),
          DATABASE_PATH: join(openDir('anode-wasm-'), 'bot.db'),
        },
        { nodeArgs: ['--require', join(import.meta.dirname, '../support/report-compiler-memory.cjs'), ...nodeArgs] },
      );
      await bot.waitFor(`listening on port ${port}`, 60_000);
      return bot;
    };

    it("keeps V8's compilers small; the operator's --no-liftoff-only, left alone, shows what it saves", async () => {
      const shipped = await start([]);
      const operator = await start(['--no-liftoff-only']);
      try {
        // The control first: TurboFan's tier-up runs in the background, so wait for it (a busy machine
        // takes longer). Then the shipped bot has had at least as long to do the same.
        let tiered = 0;
        for (const deadline = Date.now() + 40_000; Date.now() < deadline && tiered <= LINE; ) {
          tiered = await compilerPeak(operator);
          if (tiered <= LINE) await new Promise((r) => setTimeout(r, 250));
        }
        expect(tiered).toBeGreaterThan(LINE);
        expect(await compilerPeak(shipped)).toBeLessThan(LINE);
      } finally {
        shipped.kill('SIGKILL');
        operator.kill('SIGKILL');
      }
    }, 120_000);
  });
});
