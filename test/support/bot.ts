import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlatformModule } from '../../src/adapters/platform.js';
import { startBot, type RunningBot } from '../../src/bot.js';
import type { Lang } from '../../src/i18n/lang.js';
import { pinnedDataDir } from './core.js';
import { LogCapture } from './local-server.js';

let dataDir: string | undefined;

export interface TestBot {
  bot: RunningBot;
  logs: LogCapture;
  port: number;
  stop(): Promise<void>;
}

/**
 * The whole bot in this process, as main starts it, on the pinned edition, a fresh database and any
 * free port: adapters are tested through it, so the composition is tested too.
 */
export async function startTestBot(env: Record<string, string>, o: { platforms?: readonly PlatformModule[]; lang?: Lang } = {}): Promise<TestBot> {
  dataDir ??= pinnedDataDir();
  const logs = new LogCapture();
  const bot = await startBot({
    env: {
      DATA_DIR: dataDir,
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'anode-bot-')), 'bot.db'),
      PORT: '0',
      LOG_LEVEL: 'info',
      CHART_DIR: mkdtempSync(join(tmpdir(), 'anode-out-')),
      ...env,
    },
    logDestination: logs,
    ...(o.platforms ? { platforms: o.platforms } : {}),
    ...(o.lang ? { lang: o.lang } : {}),
  });
  return { bot, logs, port: bot.port ?? 0, stop: () => bot.stop() };
}
