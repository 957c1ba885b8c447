import { crypto } from '../crypto-on-demand.js';
import type { Answer, Core } from '../core.js';
import type { Lang } from '../i18n/lang.js';
import { messages } from '../i18n/messages.js';
import type { Logger } from '../log.js';
import { type Control, controlsFor, decodeClick } from '../render/controls.js';
import type { Invocation } from './define.js';
import type { QuestionReading } from './question.js';
import { compactReply, errorReply, type Reply } from './reply.js';
import { lineWithoutFlags } from './tokenize.js';
import { Lru } from '../memo.js';

/** How a request reaches the bot. Every platform's events become one of these. */
export type WayIn =
  /** A command line as typed in a slash command ("/province Yunnan --full"). */
  | { kind: 'line'; line: string }
  /** Typed options (Discord's slash commands): the line is what a button re-runs. */
  | { kind: 'options'; name: string; sub: string | undefined; raw: Record<string, unknown>; line: string; public?: boolean }
  /** Words typed to the bot (a mention, a direct message, the console): a question or a command. */
  | { kind: 'words'; text: string }
  /** A click on a signed button or menu; `selected` is a menu's choice. */
  | { kind: 'click'; id: string; selected?: string };

/**
 * Where a platform puts the answer: a new message; in place of the one clicked (a private answer that
 * grows); beside it, privately (clicks on public messages); or in the channel for everyone (Share).
 */
export type Placement = 'new' | 'update' | 'beside' | 'share';

/**
 * An answer ready for a platform's renderer: the form to show, who sees it, its signed controls. The
 * same object answers a repeated request, so it is never changed.
 */
export interface Presented {
  readonly answer: Answer;
  /** The reply in the form to show (compact unless --full). */
  readonly reply: Reply;
  readonly detail: 'compact' | 'full';
  readonly isPublic: boolean;
  readonly placement: Placement;
  /** The line the reply answers, without its flags: what More and Share re-run. */
  readonly line: string;
  /** The language answered in (a question in Chinese is answered in Chinese). */
  readonly lang: Lang;
  /** Buttons and menus, signed for the channel; rendered by the platform beside the cached body. */
  readonly controls: readonly Control[];
  /** Shared in the channel by this user (Share): the body names them, so it is not cached. */
  readonly sharedBy: string | undefined;
  /** Key for the platform's rendered-payload cache, or undefined when the body must be built afresh. */
  readonly variant: string | undefined;
  /** How a question in words was read (its choices, when the reader was unsure). */
  readonly reading: QuestionReading | undefined;
}

export type Outcome =
  | { ok: true; presented: Presented }
  /** A click that was forged, altered or for another channel: a short reply, nothing run. */
  | { ok: false; kind: 'refused'; reply: Reply; lang: Lang }
  /** A bug or an outage: logged with the id the apology shows. `error` for the adapter's own checks (a refused token). */
  | { ok: false; kind: 'failure'; reply: Reply; lang: Lang; errorId: string; error: unknown };

export interface PipelineDeps {
  core: Core;
  /** Only the two levels it writes, so a one-shot CLI can answer without loading pino. */
  log: Pick<Logger, 'warn' | 'error'>;
  metrics: { command(name: string, platform: string, outcome: 'ok' | 'user_error' | 'failure', seconds: number): void };
  /** Signs and checks the command lines buttons carry. */
  componentSecret: string;
  /** The platform's id, for metrics and logs. */
  platform: string;
}

export interface AnswerOptions {
  /** For everyone in the channel (a question asked in the open is answered there). */
  forcePublic?: boolean;
  sharedBy?: string;
  /** The form without a flag: chat starts compact (a phone); the console starts full (a terminal). */
  defaultDetail?: 'compact' | 'full';
}

export interface AnswerPipeline {
  /** Resolves, runs, picks the form and visibility, signs controls, records the outcome; never throws. */
  answer(way: WayIn, invocation: Invocation, o?: AnswerOptions): Promise<Outcome>;
}

/** A short id that ties an apology a user sees to the log line an operator reads. */
export function newErrorId(): string {
  return crypto().randomBytes(4).toString('hex');
}

export function apologyReply(errorId: string, lang: Lang): Reply {
  const m = messages(lang);
  return { tone: 'error', title: m.render.apologyTitle, summary: m.render.apology(errorId) };
}

/** Presented answers kept for requests made again (a meeting asking "/province Yunnan" five times). */
const REPEATS = 500;

/**
 * Everything a Presented is made from besides the dataset: the way in, the channel its controls are
 * signed for, the language, the default form. Undefined for what is made afresh each time: questions
 * in words (their reading is part of the answer) and Share (the message names who shared it).
 */
function repeatKey(way: WayIn, invocation: Invocation, o: AnswerOptions): string | undefined {
  if (way.kind === 'words' || o.sharedBy !== undefined || o.forcePublic) return undefined;
  // Free text is prefixed with its length or comes last: no two requests share a key.
  const made = `${invocation.lang}\n${invocation.channelId.length}:${invocation.channelId}\n${o.defaultDetail ?? ''}\n${way.kind}`;
  switch (way.kind) {
    case 'line':
      return `${made}\n${way.line}`;
    case 'options':
      return `${made}\n${way.name.length}:${way.name}\n${(way.sub ?? '').length}:${way.sub ?? ''}\n${way.public ? 1 : 0}\n${way.line.length}:${way.line}${JSON.stringify(way.raw)}`;
    case 'click':
      return `${made}\n${way.id.length}:${way.id}${way.selected ?? ''}\n${way.selected === undefined ? 0 : 1}`;
  }
}

/**
 * The one path from a platform event to an answer, shared by every platform: text, typed options, a
 * question in words or a click in; the reply in its variant, its visibility, its signed controls and
 * its metrics out; an error reply with an id when something breaks. Adapters only translate events
 * into a WayIn and a Presented into their payload.
 */
export function createAnswerPipeline(deps: PipelineDeps): AnswerPipeline {
  const { core, log, metrics, componentSecret, platform } = deps;
  // A repeated request gets the very Presented it got before, so a platform can keep its payload
  // beside it (the Discord endpoint sends the same bytes). Only answers of pure commands are kept,
  // and only for the library they came from.
  const repeats = new Lru<string, Presented>(REPEATS);
  let repeatsOf = core.library();

  const run = async (
    way: Exclude<WayIn, { kind: 'click' }>,
    invocation: Invocation,
  ): Promise<{ answer: Answer; line: string; lang: Lang; public: boolean; reading?: QuestionReading | undefined }> => {
    switch (way.kind) {
      case 'line':
        return { answer: await core.ask(way.line, invocation), line: lineWithoutFlags(way.line), lang: invocation.lang, public: false };
      case 'options':
        return { answer: await core.run(way.name, way.sub, way.raw, invocation), line: way.line, lang: invocation.lang, public: way.public ?? false };
      case 'words': {
        const a = await core.answer(way.text || 'help', invocation);
        return { answer: a, line: a.line, lang: a.lang, public: false, reading: a.reading };
      }
    }
  };

  return {
    async answer(way, invocation, o = {}) {
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      let lang = invocation.lang;
      if (core.library() !== repeatsOf) {
        repeats.clear();
        repeatsOf = core.library();
      }
      const key = repeatKey(way, invocation, o);
      const repeated = key === undefined ? undefined : repeats.get(key);
      if (repeated) {
        metrics.command(repeated.answer.command ?? 'unknown', platform, repeated.reply.tone === 'error' ? 'user_error' : 'ok', seconds());
        return { ok: true, presented: repeated };
      }
      try {
        let placement: Placement = 'new';
        let forcePublic = o.forcePublic ?? false;
        let sharedBy = o.sharedBy;
        let request: Exclude<WayIn, { kind: 'click' }>;
        if (way.kind === 'click') {
          const click = decodeClick(componentSecret, invocation.channelId, way.id, way.selected);
          if (!click.ok) {
            log.warn({ reason: click.reason, channel: invocation.channelId, platform }, 'click refused');
            const m = messages(lang);
            const reply =
              click.reason === 'forged'
                ? errorReply(m.render.clickElsewhere, m.render.clickElsewhereHint)
                : errorReply(m.render.badClick, m.render.badClickHint);
            return { ok: false, kind: 'refused', reply, lang };
          }
          request = { kind: 'line', line: click.line };
          placement = click.mode === 'p' ? 'share' : click.mode === 'u' ? 'update' : 'beside';
          if (click.mode === 'p') {
            forcePublic = true;
            sharedBy ??= invocation.userId;
          }
        } else request = way;
        const r = await run(request, invocation);
        lang = r.lang;
        const { answer } = r;
        const detail = answer.flags.has('full') ? 'full' : answer.flags.has('compact') ? 'compact' : (o.defaultDetail ?? 'compact');
        const reply = detail === 'compact' ? compactReply(answer.reply) : answer.reply;
        const isPublic =
          (placement === 'beside' || placement === 'update' ? false : forcePublic || r.public || answer.flags.has('public') || Boolean(reply.inChannel)) &&
          reply.tone === 'info';
        // An error never replaces the answer a user was reading: it goes beside it.
        if (placement === 'update' && reply.tone !== 'info') placement = 'beside';
        const controls = controlsFor(answer.reply, {
          secret: componentSecret,
          channelId: invocation.channelId,
          line: r.line,
          detail,
          isPublic,
          shareable: Boolean(answer.cacheKey) && !sharedBy,
          m: messages(lang),
        });
        metrics.command(answer.command ?? (way.kind === 'words' ? 'question' : 'unknown'), platform, reply.tone === 'error' ? 'user_error' : 'ok', seconds());
        const variant = answer.cacheKey && !sharedBy ? `${platform}|${detail}|${lang}` : undefined;
        const presented: Presented = { answer, reply, detail, isPublic, placement, line: r.line, lang, controls, sharedBy, variant, reading: r.reading };
        if (key !== undefined && variant !== undefined) repeats.set(key, presented);
        return { ok: true, presented };
      } catch (error) {
        const errorId = newErrorId();
        log.error({ err: error, errorId, platform, way: way.kind }, 'answer failed');
        metrics.command(way.kind === 'options' ? way.name : way.kind === 'words' ? 'question' : 'unknown', platform, 'failure', seconds());
        return { ok: false, kind: 'failure', reply: apologyReply(errorId, lang), lang, errorId, error };
      }
    },
  };
}
