/**
 * `npm run ask -- "/province Yunnan" [--format text|slack|discord]`: answers one command and exits.
 * slack/discord print the exact JSON payload that platform would receive. User mistakes are replies
 * (exit 0); only start-up failures exit non-zero.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { createCore } from '../core.js';
import { writeChartFiles, stemOf } from '../charts/chart-files.js';
import { toConsoleText } from '../render/console-text.js';
import { toDiscordMessage } from '../render/discord-message.js';
import { toSlackMessage } from '../render/slack-message.js';
import { attachmentName, quickChartImages, type ChartImage } from '../render/images.js';
import { startupFailure } from './startup-failure.js';

const USAGE = 'usage: npm run ask -- "/province Yunnan" [--format text|slack|discord] [--no-png]';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { format: { type: 'string', default: 'text' }, 'no-png': { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const format = values.format;
  if (format !== 'text' && format !== 'slack' && format !== 'discord') {
    console.error(`--format must be text, slack or discord\n${USAGE}`);
    process.exit(2);
  }
  const line = positionals.join(' ').trim();
  if (!line) {
    console.error(USAGE);
    process.exit(2);
  }
  const config = readConfig();
  const core = createCore(config.DATA_DIR);
  const reply = await core.ask(line.startsWith('/') ? line : `/${line}`);
  if (format === 'text') {
    const images = values['no-png'] || reply.tone === 'error' ? quickChartImages(reply, config.QUICKCHART_BASE_URL) : writeChartFiles(reply, config.CHART_DIR, stemOf(line));
    console.log(toConsoleText(reply, images));
    return;
  }
  const images: ChartImage[] =
    config.CHART_MODE === 'upload'
      ? (reply.charts ?? []).map((_c, i) => ({ kind: 'attachment', name: attachmentName(i) }))
      : quickChartImages(reply, config.QUICKCHART_BASE_URL);
  const payload = format === 'slack' ? toSlackMessage(reply, images) : toDiscordMessage(reply, images);
  console.log(JSON.stringify(payload, null, 2));
}

main().catch(startupFailure);
