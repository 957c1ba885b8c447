/**
 * `npm run ask -- "/province Yunnan" [--format text|slack|discord] [--lang zh|en] [--compact|--full] [--no-png]`:
 * answers one command and exits. slack/discord print only the JSON that platform would receive.
 * User mistakes are replies (exit 0); bad flags exit 2; start-up failures exit 1.
 */
import { parseArgs } from 'node:util';
import { readBaseConfig } from '../config/config.js';
import { loadDotEnv, withoutEmpty } from '../config/env.js';
import { consoleInvocation, createCore } from '../core.js';
import { loadEditionsFast } from '../dataset/prevalidated.js';
import { buildLibrary } from '../editions.js';
import { langIfSaid, langOf, type Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import { writeChartFiles, writeReplyFiles, stemOf } from '../charts/chart-files.js';
import { toConsoleText } from '../render/console-text.js';
import { formatsOf, payloadFor } from './formats.js';
import type { PlatformModule } from '../adapters/platform.js';
import { createAnswerPipeline } from '../framework/answer-pipeline.js';
import { NO_CONTROLS } from '../render/controls.js';
import { attachmentName, quickChartImages, type ChartImage } from '../render/images.js';
import { parseCli, quietOnClosedPipe } from './failure.js';

const usageOf = (
  formats: readonly string[],
) => `usage: npm run ask -- "/province Yunnan" [--format ${formats.join('|')}] [--lang zh|en] [--compact|--full] [--public] [--no-png]
       npm run ask -- "yunnan utilization?"          a question in words, English or Chinese
       npm run ask -- --dry-run "<question>"         print only the command it was read as (exit 3 when unsure or out of scope)`;

/** Exit code of --dry-run when the question is not read as one command (it would ask back, or the paper cannot answer it). */
export const NOT_ONE_COMMAND = 3;

/** The reader's language: --lang, else LC_ALL or LANG (zh_* reads Chinese), else English. */
export function cliLang(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (flag !== undefined) return langOf(flag);
  return langIfSaid(env.LC_ALL) ?? langOf(env.LANG);
}

// Long on purpose: a CLI's straight line: flags, the answer, then one of three outputs.
/** `platforms`: the list whose payloads `--format` offers (the bot's own list unless a test brings one). */
export async function ask(argv: string[], o: { platforms?: readonly PlatformModule[] } = {}): Promise<void> {
  const formats = formatsOf(o.platforms);
  const usage = usageOf(formats);
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
    usage,
  );
  const format = values.format;
  if (!formats.includes(format)) {
    console.error(`--format must be ${formats.slice(0, -1).join(', ')} or ${formats.at(-1)}\n${usage}`);
    process.exit(2);
  }
  if (values.lang !== undefined && !/^(zh|en)/i.test(values.lang)) {
    console.error(`--lang must be zh or en\n${usage}`);
    process.exit(2);
  }
  const text = positionals.join(' ').trim();
  if (!text) {
    console.error(usage);
    process.exit(2);
  }
  loadDotEnv();
  const config = readBaseConfig(withoutEmpty(process.env));
  const lang = cliLang(values.lang);
  const core = createCore({ library: buildLibrary((await loadEditionsFast(config.DATA_DIR)).editions, config.DATASET_EDITION) });
  const flags = [values.compact && '--compact', values.full && '--full', values.public && '--public'].filter(Boolean).join(' ');
  // The same pipeline as the platforms: a fixed channel and key sign the buttons the JSON shows.
  const pipeline = createAnswerPipeline({
    core,
    // A failed answer is thrown below and printed by startupFailure; a refused click is the reply.
    log: { warn: () => {}, error: () => {} },
    metrics: { command: () => {} },
    // Text shows no buttons, so it signs none.
    componentSecret: format === 'text' ? NO_CONTROLS : 'npm-run-ask',
    platform: format,
  });
  const outcome = await pipeline.answer(
    { kind: 'words', text: `${text} ${flags}`.trim() },
    { ...consoleInvocation(lang), channelId: 'C0000000000' },
    { defaultDetail: format === 'text' ? 'full' : 'compact' },
  );
  if (!outcome.ok) throw outcome.kind === 'failure' ? outcome.error : new Error(outcome.reply.summary);
  const presented = outcome.presented;
  const m = messages(presented.lang);
  if (values['dry-run']) {
    // A contract for scripts: the canonical command line alone, or what the bot would say instead.
    const reading = presented.reading;
    if (!reading) return void process.stdout.write(`${text.replace(/\s+/g, ' ')}\n`);
    if (reading.kind === 'command') return void process.stdout.write(`${reading.line}\n`);
    process.stdout.write(`${toConsoleText(presented.answer.reply, { m, color: false })}\n`);
    process.exit(NOT_ONE_COMMAND);
  }
  const reply = presented.reply;
  if (format === 'text') {
    const images =
      values['no-png'] || reply.tone === 'error'
        ? quickChartImages(reply, config.QUICKCHART_BASE_URL)
        : await writeChartFiles(reply, config.CHART_DIR, stemOf(presented.answer.command, reply.subject), presented.lang);
    const files = reply.tone === 'info' ? await writeReplyFiles(reply, config.CHART_DIR) : [];
    process.stdout.write(`${toConsoleText(reply, { images, files, m, color: false })}\n`);
    return;
  }
  // What the platform would receive: the phone-sized form unless --full, with its buttons.
  const images: readonly ChartImage[] =
    config.CHART_MODE === 'upload'
      ? (reply.charts ?? []).map((_c, i) => ({ kind: 'attachment', name: attachmentName(i) }))
      : quickChartImages(reply, config.QUICKCHART_BASE_URL);
  const render = await payloadFor(format, o.platforms);
  process.stdout.write(`${JSON.stringify(render(reply, { images, controls: presented.controls, m }), null, 2)}\n`);
}
