/**
 * `npm run ask -- "/province Yunnan" [--format text|slack|discord] [--lang zh|en] [--compact|--full] [--no-png]`:
 * answers one command and exits. slack/discord print only the JSON that platform would receive.
 * User mistakes are replies (exit 0); bad flags exit 2; start-up failures exit 1.
 */
import { parseArgs } from 'node:util';
import { readBaseConfig } from '../config/config.js';
import { loadDotEnv, withoutEmpty } from '../config/env.js';
import { consoleInvocation, createCore } from '../core.js';
import { loadEditions } from '../dataset/load.js';
import { buildLibrary } from '../editions.js';
import { langIfSaid, langOf, type Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import { compactReply } from '../framework/reply.js';
import { writeChartFiles, writeReplyFiles, stemOf } from '../charts/chart-files.js';
import { toConsoleText } from '../render/console-text.js';
import { controlsFor } from '../render/controls.js';
import { toDiscordMessage } from '../adapters/discord/render.js';
import { attachmentName, quickChartImages, type ChartImage } from '../render/images.js';
import { toSlackMessage } from '../adapters/slack/render.js';
import { parseCli, quietOnClosedPipe } from './failure.js';

export const ASK_USAGE = `usage: npm run ask -- "/province Yunnan" [--format text|slack|discord] [--lang zh|en] [--compact|--full] [--public] [--no-png]
       npm run ask -- "yunnan utilization?"          a question in words, English or Chinese
       npm run ask -- --dry-run "<question>"         print only the command it was read as (exit 3 when unsure or out of scope)`;

/** Exit code of --dry-run when the question is not read as one command (it would ask back, or the paper cannot answer it). */
export const NOT_ONE_COMMAND = 3;

/** The reader's language: --lang, else LC_ALL or LANG (zh_* reads Chinese), else English. */
export function cliLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) return langOf(flag);
  return langIfSaid(env.LC_ALL) ?? langOf(env.LANG);
}

export async function ask(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  const { values, positionals } = await parseCli(
    () =>
      parseArgs({
        args: argv,
        options: {
          format: { type: 'string', default: 'text' },
          lang: { type: 'string' },
          'no-png': { type: 'boolean', default: false },
          compact: { type: 'boolean', default: false },
          full: { type: 'boolean', default: false },
          public: { type: 'boolean', default: false },
          'dry-run': { type: 'boolean', default: false },
        },
        allowPositionals: true,
        strict: true,
      }),
    ASK_USAGE,
  );
  const format = values.format;
  if (format !== 'text' && format !== 'slack' && format !== 'discord') {
    console.error(`--format must be text, slack or discord\n${ASK_USAGE}`);
    process.exit(2);
  }
  if (values.lang !== undefined && !/^(zh|en)/i.test(values.lang)) {
    console.error(`--lang must be zh or en\n${ASK_USAGE}`);
    process.exit(2);
  }
  const text = positionals.join(' ').trim();
  if (!text) {
    console.error(ASK_USAGE);
    process.exit(2);
  }
  loadDotEnv();
  const config = readBaseConfig(withoutEmpty(process.env));
  const lang = cliLang(values.lang);
  const core = createCore({ library: buildLibrary(loadEditions(config.DATA_DIR), config.DATASET_EDITION) });
  const flags = [values.compact && '--compact', values.full && '--full', values.public && '--public'].filter(Boolean).join(' ');
  const answer = await core.answer(`${text} ${flags}`.trim(), consoleInvocation(lang));
  const m = messages(answer.lang);
  if (values['dry-run']) {
    // A contract for scripts: the canonical command line alone, or what the bot would say instead.
    const reading = answer.reading;
    if (!reading) return void process.stdout.write(`${text.replace(/\s+/g, ' ')}\n`);
    if (reading.kind === 'command') return void process.stdout.write(`${reading.line}\n`);
    process.stdout.write(`${toConsoleText(answer.reply, { m, color: false })}\n`);
    process.exit(NOT_ONE_COMMAND);
  }
  if (format === 'text') {
    const reply = answer.flags.has('compact') ? compactReply(answer.reply) : answer.reply;
    const images =
      values['no-png'] || reply.tone === 'error'
        ? quickChartImages(reply, config.QUICKCHART_BASE_URL)
        : await writeChartFiles(reply, config.CHART_DIR, stemOf(answer.command, reply.subject), answer.lang);
    const files = reply.tone === 'info' ? await writeReplyFiles(reply, config.CHART_DIR) : [];
    process.stdout.write(`${toConsoleText(reply, { images, files, m, color: false })}\n`);
    return;
  }
  // What the platform would receive: the phone-sized form unless --full, with its buttons.
  const reply = answer.flags.has('full') ? answer.reply : compactReply(answer.reply);
  const images: ChartImage[] =
    config.CHART_MODE === 'upload'
      ? (reply.charts ?? []).map((_c, i) => ({ kind: 'attachment', name: attachmentName(i) }))
      : quickChartImages(reply, config.QUICKCHART_BASE_URL);
  const controls = controlsFor(answer.reply, {
    secret: 'npm-run-ask',
    channelId: 'C0000000000',
    line: answer.line,
    detail: answer.flags.has('full') ? 'full' : 'compact',
    isPublic: answer.flags.has('public'),
    shareable: Boolean(answer.cacheKey),
    m,
  });
  const payload = format === 'slack' ? toSlackMessage(reply, { images, controls, m }) : toDiscordMessage(reply, { images, controls, m });
  process.stdout.write(`${JSON.stringify(payload, null, 2)}\n`);
}
