/**
 * `npm run briefing -- [kind] [--format text|slack|discord]`: prints one briefing now (kind: utilization,
 * mismatch, exports or full; default full). slack/discord print the exact payload a channel would get.
 */
import { parseArgs } from 'node:util';
import { BRIEFING_KINDS, composeBriefing, type BriefingKind } from '../briefings/compose.js';
import { readConfig } from '../config.js';
import { createCore } from '../core.js';
import { toConsoleText } from '../render/console-text.js';
import { toDiscordMessage } from '../render/discord-message.js';
import { quickChartImages } from '../render/images.js';
import { toSlackMessage } from '../render/slack-message.js';
import { startupFailure } from './startup-failure.js';

const USAGE = `usage: npm run briefing -- [${BRIEFING_KINDS.join('|')}] [--format text|slack|discord]`;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { format: { type: 'string', default: 'text' } }, allowPositionals: true });
  const kind = (positionals[0] ?? 'full').toLowerCase();
  if (!(BRIEFING_KINDS as readonly string[]).includes(kind) || positionals.length > 1 || !['text', 'slack', 'discord'].includes(values.format)) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = readConfig();
  const core = createCore(config.DATA_DIR);
  const reply = composeBriefing(core.data, core.names, kind as BriefingKind);
  const images = quickChartImages(reply, config.QUICKCHART_BASE_URL);
  if (values.format === 'text') console.log(toConsoleText(reply, images));
  else console.log(JSON.stringify(values.format === 'slack' ? toSlackMessage(reply, images) : toDiscordMessage(reply, images), null, 2));
}

main().catch(startupFailure);
