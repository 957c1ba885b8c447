#!/usr/bin/env node
/**
 * `npx anode-bot <ask|briefing|data-check|slack-manifest|discord-register|start> …`: every CLI of the
 * project behind one executable. Output formats (--format slack|discord) write only JSON to stdout.
 */
import { startupFailure } from '../cli/failure.js';

const USAGE = 'usage: anode-bot <ask|briefing|data-check|slack-manifest|discord-register|start> [options]\n  anode-bot ask "/province Yunnan" --format slack';

const [command, ...rest] = process.argv.slice(2);
const run: Record<string, () => Promise<unknown>> = {
  ask: async () => (await import('../cli/ask.js')).ask(rest),
  briefing: async () => (await import('../cli/briefing.js')).briefing(rest),
  'data-check': async () => (await import('../cli/data-check.js')).dataCheck(),
  'slack-manifest': async () => (await import('../cli/slack-manifest.js')).manifest(rest),
  'discord-register': async () => (await import('../cli/discord-register.js')).register(rest),
  start: async () => import('../main.js'),
};
const chosen = command ? run[command] : undefined;
if (!chosen) {
  console.error(command ? `anode-bot: unknown command "${command}"\n${USAGE}` : USAGE);
  process.exit(2);
}
chosen().catch(startupFailure);
