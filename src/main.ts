/**
 * `npm start`: the bot. Reads .env, starts the enabled platforms (the console when none is) and the
 * briefings, and shuts down cleanly on SIGINT/SIGTERM; SIGHUP reloads the data folder.
 */
import { parseArgs } from 'node:util';
import { startBot } from './bot.js';
import { loadDotEnv } from './config/env.js';
import { langOf } from './i18n/lang.js';
import { parseCli, quietOnClosedPipe, startupFailure } from './cli/failure.js';

const USAGE = 'usage: npm start [-- --lang zh|en]';

async function main(): Promise<void> {
  quietOnClosedPipe();
  const { values } = await parseCli(() => parseArgs({ options: { lang: { type: 'string' } }, strict: true }), USAGE);
  if (values.lang !== undefined && !/^(zh|en)/i.test(values.lang)) {
    console.error(`--lang must be zh or en\n${USAGE}`);
    process.exit(2);
  }
  loadDotEnv();
  // A SIGHUP during start-up (the port opens before the scheduler starts) must not end the process:
  // it is kept and acted on once the bot runs. One listener throughout: one removed while the signal
  // is still pending in the event loop would drop it.
  let reloadAsked = false;
  let onHangup = () => void (reloadAsked = true);
  process.on('SIGHUP', () => onHangup());
  const bot = await startBot({ env: process.env, ...(values.lang ? { lang: langOf(values.lang) } : {}) });
  // One failed request must never take the process down; the adapters catch per request, this is the net.
  process.on('unhandledRejection', (err) => bot.log.error({ err }, 'unhandled rejection'));
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    bot.log.info({ reason }, 'shutting down');
    // A supervisor waits about 10 s before SIGKILL: finish or give back in-flight work before that.
    const deadline = setTimeout(() => process.exit(code), 9500);
    await bot.stop().catch((err: unknown) => bot.log.error({ err }, 'stop failed'));
    clearTimeout(deadline);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  onHangup = () => void bot.reload();
  if (reloadAsked) bot.reload();
  const end = await bot.finished;
  if (end.code !== 0) console.error(`anode-bot: stopping: ${end.reason}`);
  await shutdown(end.reason, end.code);
}

main().catch(startupFailure);
