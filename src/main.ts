/**
 * Composition root: read the config, load the dataset, start the adapters the config asks for (the
 * console when no chat platform is configured), shut down cleanly on SIGINT/SIGTERM.
 */
import { readConfig, platformsOf } from './config.js';
import { createCore } from './core.js';
import { createLogger } from './log.js';
import { runConsole } from './adapters/console/console-bot.js';
import { startupFailure } from './cli/startup-failure.js';

async function main(): Promise<void> {
  const config = readConfig();
  const platforms = platformsOf(config);
  const chat = platforms.slack || platforms.discord;
  // The console prints replies on stdout; keep its stderr quiet unless asked.
  const log = createLogger(config.LOG_LEVEL ?? (chat ? 'info' : 'warn'));
  const started = performance.now();
  const core = createCore(config.DATA_DIR);
  log.info({ edition: core.data.edition.year, ...core.findings, ms: Math.round(performance.now() - started) }, 'dataset loaded');

  if (!chat) {
    await runConsole(core, { input: process.stdin, output: process.stdout, chartDir: config.CHART_DIR, log });
    return;
  }
  log.error('chat adapters are not built yet');
  process.exit(1);
}

main().catch(startupFailure);
