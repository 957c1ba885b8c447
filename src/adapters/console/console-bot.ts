import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { compactReply } from '../../framework/reply.js';
import type { Core } from '../../core.js';
import { consoleInvocation } from '../../core.js';
import type { Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/messages.js';
import type { Logger } from '../../log.js';
import { writeChartFiles, writeReplyFiles, stemOf } from '../../charts/chart-files.js';
import { toConsoleText } from '../../render/console-text.js';
import { newErrorId } from '../shared/failure.js';
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
}

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
    writeFileSync(file, [...history].reverse().slice(-HISTORY).join('\n') + '\n');
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
  core: Core,
  line: string,
  o: { chartDir: string; lang: Lang; color: boolean },
): Promise<{ text: string; choices: string[] | undefined }> {
  const answer = await core.answer(line, consoleInvocation(o.lang));
  const reply = answer.flags.has('compact') ? compactReply(answer.reply) : answer.reply;
  const images = reply.tone === 'info' ? await writeChartFiles(reply, o.chartDir, stemOf(answer.command, reply.subject), answer.lang) : [];
  const files = reply.tone === 'info' ? await writeReplyFiles(reply, o.chartDir) : [];
  const choices = answer.reading?.kind === 'choices' ? answer.reading.lines : undefined;
  return { text: toConsoleText(reply, { images, files, m: messages(answer.lang), color: o.color }), choices };
}

/**
 * The console adapter: a prompt with line editing, history across runs and tab completion in a
 * terminal; plain lines in and out through a pipe. Resolves when input ends or the user quits.
 */
export async function runConsole(core: Core, o: ConsoleOptions): Promise<ConsoleSession> {
  const tty = Boolean(o.input.isTTY && o.output.isTTY);
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
          const answer = await consoleAnswer(core, picked ?? line, { ...o, lang });
          offered = answer.choices;
          write(`${answer.text}\n`);
        } catch (err) {
          const id = newErrorId();
          o.log.error({ err, errorId: id }, 'command failed');
          write(`${m.console.failed(id)}\n`);
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
