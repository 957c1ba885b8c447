/**
 * `npm run briefing -- [kind] [--delivery N] [--format text|<platform>] [--lang zh|en]`: prints the
 * Nth delivery (from 1) of a new subscription of that kind, so a reader can see what week N brings.
 */
import { parseArgs } from 'node:util';
import { BRIEFING_KINDS, type BriefingKind } from '../briefings/kinds.js';
import { createComposer } from '../briefings/briefing-cache.js';
import { readBaseConfig } from '../config/config.js';
import { loadDotEnv, withoutEmpty } from '../config/env.js';
import { loadEditionsFast } from '../dataset/prevalidated.js';
import { buildLibrary } from '../editions.js';
import { messages } from '../i18n/messages.js';
import { toConsoleText } from '../render/console-text.js';
import { quickChartImages } from '../render/images.js';
import { writeChartFiles, stemOf } from '../charts/chart-files.js';
import { cliLang } from './ask.js';
import { formatsOf, payloadFor } from './formats.js';
import { parseCli, quietOnClosedPipe } from './failure.js';

export const BRIEFING_USAGE = `usage: npm run briefing -- [${BRIEFING_KINDS.join('|')}] [--delivery N] [--format ${formatsOf().join('|')}] [--lang zh|en] [--no-png]`;

export async function briefing(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  const { values, positionals } = await parseCli(
    () =>
      parseArgs({
        args: argv,
        options: {
          format: { type: 'string', default: 'text' },
          delivery: { type: 'string', default: '1' },
          lang: { type: 'string' },
          'no-png': { type: 'boolean', default: false },
        },
        allowPositionals: true,
        strict: true,
      }),
    BRIEFING_USAGE,
  );
  const kind = (positionals[0] ?? 'full').toLowerCase();
  const n = Number(values.delivery);
  if (
    !(BRIEFING_KINDS as readonly string[]).includes(kind) ||
    positionals.length > 1 ||
    !formatsOf().includes(values.format) ||
    !Number.isInteger(n) ||
    n < 1 ||
    n > 10_000
  ) {
    console.error(BRIEFING_USAGE);
    process.exit(2);
  }
  loadDotEnv();
  const config = readBaseConfig(withoutEmpty(process.env));
  const library = buildLibrary((await loadEditionsFast(config.DATA_DIR)).editions, config.DATASET_EDITION);
  const lang = cliLang(values.lang);
  const message = createComposer(undefined).compose(kind as BriefingKind, library.current, lang, { subscriptionId: 0, cursor: n - 1 });
  const reply = message.reply;
  const m = messages(lang);
  if (values.format === 'text') {
    const images = values['no-png']
      ? quickChartImages(reply, config.QUICKCHART_BASE_URL)
      : await writeChartFiles(reply, config.CHART_DIR, stemOf('briefing', `${kind} ${n}`), lang);
    process.stdout.write(`${toConsoleText(reply, { images, m })}\n\n(${m.briefing.previewNote(message.spotlight.position + 1, message.spotlight.of)})\n`);
    return;
  }
  const images = quickChartImages(reply, config.QUICKCHART_BASE_URL);
  const render = await payloadFor(values.format);
  process.stdout.write(`${JSON.stringify(render(reply, { images, controls: [], m }), null, 2)}\n`);
}
