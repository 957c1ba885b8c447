import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { createAnswerPipeline, type AnswerPipeline, type PipelineDeps } from '../../framework/answer-pipeline.js';
import type { Core } from '../../core.js';
import { consoleInvocation } from '../../core.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/messages.js';
import type { Logger } from '../../log.js';
import { writeChartFiles, writeReplyFiles, stemOf } from '../../charts/chart-files.js';
import { toConsoleText } from '../../render/console-text.js';
import { NO_CONTROLS } from '../../render/controls.js';
import { completerFor } from './completer.js';

export interface ConsoleOptions {
  input: NodeJS.ReadableStream & { isTTY?: boolean };
  output: NodeJS.WritableStream & { isTTY?: boolean };
  chartDir: string;
  historyFile: string;
  lang: Lang;
  /** The language `/language` chose in this session, if any (read before every line). */
  sessionLang?: () => Promise<Lang | undefined>;
  log: Logger;
  /** Colour: a terminal, and NO_COLOR unset. */
  color: boolean;
  /** Answers counted with the other platforms' (the bot's /metrics); none for a one-off CLI. */
  metrics?: PipelineDeps['metrics'];
}

const NO_METRICS: PipelineDeps['metrics'] = { command: () => {} };

const HISTORY = 500;

function loadHistory(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(-HISTORY).reverse();
  } catch {
    return [];
  }
}

/** Leaving is not worth recalling: the first Up arrow after a restart should give a real command. */
const isQuit = (line: string) => /^\/?(quit|exit)$/i.test(line.trim());

function saveHistory(file: string, rl: Interface): void {
  const history = ((rl as unknown as { history?: string[] }).history ?? []).filter((l) => !isQuit(l));
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${[...history].reverse().slice(-HISTORY).join('\n')}\n`);
  } catch {
    // History is a convenience; a read-only folder must not stop the console.
  }
}

/**
 * Renders one answer for the terminal: full by default, --compact for the phone form; charts as PNG
 * files. A command or a question in words; `choices` are the readings of a question it was unsure of,
 * which the next line may pick by number.
 */
export async function consoleAnswer(
  pipeline: AnswerPipeline,
  line: string,
  o: { chartDir: string; lang: Lang; color: boolean },
): Promise<{ text: string; choices: string[] | undefined }> {
  const outcome = await pipeline.answer({ kind: 'words', text: line }, consoleInvocation(o.lang), { defaultDetail: 'full' });
  if (!outcome.ok)
    return {
      text:
        outcome.kind === 'failure'
          ? messages(o.lang).console.failed(outcome.errorId)
          : toConsoleText(outcome.reply, { m: messages(outcome.lang), color: o.color }),
      choices: undefined,
    };
  const p = outcome.presented;
  const reply = p.reply;
  const images = reply.tone === 'info' ? await writeChartFiles(reply, o.chartDir, stemOf(p.answer.command, reply.subject), p.lang) : [];
  const files = reply.tone === 'info' ? await writeReplyFiles(reply, o.chartDir) : [];
  const choices = p.reading?.kind === 'choices' ? p.reading.lines : undefined;
  return { text: toConsoleText(reply, { images, files, m: messages(p.lang), color: o.color }), choices };
}

/**
 * The console adapter: a prompt with line editing, history across runs and tab completion in a
 * terminal; plain lines in and out through a pipe. Resolves when input ends or the user quits.
 */
export async function runConsole(core: Core, o: ConsoleOptions): Promise<ConsoleSession> {
  const tty = Boolean(o.input.isTTY && o.output.isTTY);
  // The console's buttons are the commands it prints: nothing to sign.
  const pipeline = createAnswerPipeline({ core, log: o.log, metrics: o.metrics ?? NO_METRICS, componentSecret: NO_CONTROLS, platform: 'console' });
  const m = messages(o.lang);
  const write = (s: string) => o.output.write(`${s}\n`);
  let busy = false;
  // The readings offered for the last question, picked by typing their number.
  let offered: string[] | undefined;
  const lib = core.library();
  write(m.console.banner(lib.years));
  write(
    `${m.console.dataset(lib.current.year, lib.current.data.edition.datasetVersion, lib.current.findings.filter((f) => f.severity === 'inconsistency').length)}\n`,
  );
  const rl = createInterface({
    input: o.input,
    output: tty ? o.output : undefined,
    terminal: tty,
    ...(tty
      ? {
          completer: completerFor(core, o.lang),
          history: loadHistory(o.historyFile),
          historySize: HISTORY,
          removeHistoryDuplicates: true,
          prompt: o.color ? '\x1b[36manode›\x1b[39m ' : 'anode› ',
        }
      : {}),
  });
  const prompt = () => tty && rl.prompt();
  prompt();
  const finished = (async () => {
    try {
      for await (const raw of rl) {
        const line = raw.trim();
        if (line === '') {
          prompt();
          continue;
        }
        if (isQuit(line)) break;
        busy = true;
        try {
          const lang = (await o.sessionLang?.().catch(() => undefined)) ?? o.lang;
          const picked = offered && /^\d$/.test(line) ? offered[Number(line) - 1] : undefined;
          const answer = await consoleAnswer(pipeline, picked ?? line, { ...o, lang });
          offered = answer.choices;
          write(`${answer.text}\n`);
        } catch (err) {
          // Writing the answer failed (the pipeline itself never throws).
          o.log.error({ err }, 'console: could not write the answer');
        } finally {
          busy = false;
        }
        prompt();
      }
    } finally {
      if (tty) saveHistory(o.historyFile, rl);
      rl.close();
    }
  })();
  return {
    finished,
    print(text) {
      // Something arrived while the user may be typing (a briefing): clear the prompt line, print, and
      // draw the prompt again with what was typed so far, as shells do.
      if (!tty || busy) return void o.output.write(text);
      o.output.write('\r\x1b[2K');
      o.output.write(text);
      rl.prompt(true);
    },
  };
}

/** A running console: resolves `finished` when the user leaves; `print` writes output that arrived on its own. */
export interface ConsoleSession {
  finished: Promise<void>;
  print(text: string): void;
}
