import { createInterface } from 'node:readline';
import type { Core } from '../../core.js';
import { writeChartFiles, stemOf } from '../../charts/chart-files.js';
import { toConsoleText } from '../../render/console-text.js';
import type { Logger } from '../../log.js';
import type { Reply } from '../../commands/reply.js';
import type { Deliverer } from '../../briefings/scheduler.js';
import { quickChartImages } from '../../render/images.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  chartDir: string;
  log: Logger;
}

export const BANNER = [
  'anode-bot · China prebaked anodes 2024, in your terminal',
  'Type a command such as /province Yunnan, /exports top 5 or /help. Ctrl-D or /quit to leave.',
  'To serve Slack or Discord instead, set SLACK_BOT_TOKEN (+ SLACK_APP_TOKEN or SLACK_SIGNING_SECRET)',
  'or DISCORD_TOKEN + DISCORD_APPLICATION_ID; see README.md.',
].join('\n');

/**
 * The console adapter: one line in, one rendered reply out, charts written as PNG files. Resolves when
 * input ends. A failing command prints an error and the loop goes on.
 */
export async function runConsole(core: Core, o: ConsoleOptions): Promise<void> {
  const write = (s: string) => o.output.write(`${s}\n`);
  write(BANNER);
  write(`Dataset ${core.data.edition.year} v${core.data.edition.datasetVersion}: ${core.findings.inconsistencies} inconsistencies in the paper flagged (/sources).\n`);
  const rl = createInterface({ input: o.input, terminal: false });
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '') continue;
    if (line === '/quit' || line === '/exit') break;
    try {
      const reply = await core.ask(line.startsWith('/') ? line : `/${line}`);
      const images = reply.tone === 'info' ? writeChartFiles(reply, o.chartDir, stemOf(line)) : [];
      write(`${toConsoleText(reply, images)}\n`);
    } catch (err) {
      const id = Math.random().toString(36).slice(2, 10);
      o.log.error({ err, errorId: id }, 'command failed');
      write(`✖ Sorry, that failed on our side (error id ${id}).\n`);
    }
  }
  rl.close();
}

/** Briefings subscribed from the console print there when due. */
export function consoleDeliverer(output: NodeJS.WritableStream): Deliverer {
  return {
    async deliver(_channelId: string, reply: Reply) {
      output.write(`\n⏰ Scheduled briefing\n${toConsoleText(reply, quickChartImages(reply))}\n`);
    },
  };
}
