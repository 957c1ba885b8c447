/**
 * `npm start`: the bot. Reads .env, starts the enabled platforms (the console when none is) and the
 * briefings, and shuts down cleanly on SIGINT/SIGTERM, from the first line on; SIGHUP reloads the data.
 */
import { parseArgs } from 'node:util';
import { StartupAborted, startBot, type RunningBot } from './bot.js';
import { loadDotEnv } from './config/env.js';
import { langOf } from './i18n/lang.js';
import { parseCli, quietOnClosedPipe, startupFailure } from './cli/failure.js';
import { keepWasmOnBaseline } from './wasm-baseline.js';

const USAGE = 'usage: npm start [-- --lang zh|en]\n  Starts the bot: Slack, Discord or MCP when their variables are set (see .env.example), else the console.';
/** A supervisor waits about 10 s before SIGKILL: finish or give back in-flight work before that. */
const STOP_DEADLINE_MS = 9500;

// Installed before anything else runs: a rolling deploy or a Ctrl-C during start-up ends the process
// cleanly (exit 0, claims given back) instead of killing it half-started.
const abort = new AbortController();
let bot: RunningBot | undefined;
let stopping = false;
async function shutdown(reason: string, code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const deadline = setTimeout(() => process.exit(code), STOP_DEADLINE_MS);
  if (bot) {
    bot.log.info({ reason }, 'shutting down');
    await bot.stop().catch((err: unknown) => bot?.log.error({ err }, 'stop failed'));
    clearTimeout(deadline);
    process.exit(code);
  }
  // Still starting: startBot sees the abort at its next step, undoes what it opened and throws
  // StartupAborted; the deadline covers a step that hangs (a gateway that never answers).
  abort.abort();
}
const onStop = (signal: string) => void shutdown(signal, 0);
process.on('SIGINT', onStop);
process.on('SIGTERM', onStop);
// A SIGHUP during start-up must not end the process: it is kept and acted on once the bot runs.
let reloadAsked = false;
process.on('SIGHUP', () => {
  if (bot) void bot.reload();
  else reloadAsked = true;
});

async function main(): Promise<void> {
  quietOnClosedPipe();
  const { values } = await parseCli(() => parseArgs({ options: { lang: { type: 'string' } }, strict: true }), USAGE);
  if (values.lang !== undefined && !/^(zh|en)/i.test(values.lang)) {
    console.error(`--lang must be zh or en\n${USAGE}`);
    process.exit(2);
  }
  loadDotEnv();
  try {
    bot = await startBot({
      env: process.env,
      signal: abort.signal,
      beforeNetwork: keepWasmOnBaseline,
      ...(values.lang ? { lang: langOf(values.lang) } : {}),
    });
  } catch (err) {
    if (err instanceof StartupAborted) process.exit(0);
    throw err;
  }
  const running = bot;
  // One failed request must never take the process down; the adapters catch per request, this is the net.
  process.on('unhandledRejection', (err) => running.log.error({ err }, 'unhandled rejection'));
  if (stopping) {
    stopping = false;
    return shutdown('signal during start-up', 0);
  }
  if (reloadAsked) void running.reload();
  const end = await running.finished;
  if (end.code !== 0) console.error(`anode-bot: stopping: ${end.reason}`);
  await shutdown(end.reason, end.code);
}

main().catch(startupFailure);
