#!/usr/bin/env node
/**
 * `npx anode-bot <ask|briefing|data-check|slack-manifest|discord-register|start> …`: every CLI of the
 * project behind one executable. Output formats (--format slack|discord) write only JSON to stdout.
 */
import { startupFailure } from '../cli/failure.js';

const USAGE = `usage: anode-bot <command> [options]      (anode-bot <command> --help for its options)
  ask "/province Yunnan"     answer one command or question and exit (--format, --lang, --dry-run)
  briefing [kind]            print a briefing as it would be posted
  data-check                 check the data folder against the paper's own totals
  slack-manifest             print the Slack app manifest
  discord-register           register the slash commands with Discord
  mcp                        serve the figures to AI assistants over MCP (stdio)
  start                      run the bot (npm start)`;

const [command, ...rest] = process.argv.slice(2);
const run: Record<string, () => Promise<unknown>> = {
  ask: async () => (await import('../cli/ask.js')).ask(rest),
  briefing: async () => (await import('../cli/briefing.js')).briefing(rest),
  'data-check': async () => (await import('../cli/data-check.js')).dataCheck(rest),
  'slack-manifest': async () => (await import('../adapters/slack/manifest-cli.js')).manifest(rest),
  'discord-register': async () => (await import('../adapters/discord/register-cli.js')).register(rest),
  mcp: async () => (await import('../adapters/mcp/stdio.js')).serveMcpStdio(rest),
  start: async () => import('../main.js'),
};
if (command === '--help' || command === '-h' || command === 'help') {
  console.log(USAGE);
  process.exit(0);
}
const chosen = command ? run[command] : undefined;
if (!chosen) {
  console.error(command ? `anode-bot: unknown command "${command}"\n${USAGE}` : USAGE);
  process.exit(2);
}
chosen().catch(startupFailure);
