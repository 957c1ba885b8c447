import { commands as defaultCommands } from '../commands/index.js';
import type { CommandDefinition, Invocation, Services } from './framework/define.js';
import { CommandRegistry, dispatchOptions, route, runRoute, UMBRELLA, type ContextBase } from './framework/dispatch.js';
import { hasHan, readQuestion, type QuestionReading } from './framework/question.js';
import { questionReply } from './framework/question-reply.js';
import { errorReply, type Reply } from './framework/reply.js';
import { splitFlags, type LineFlag } from './framework/tokenize.js';
import type { Library } from './editions.js';
import { Lru } from './memo.js';
import { messages } from './i18n/messages.js';

/** A command's answer, with what the adapters need to present it. */
export interface Answer {
  reply: Reply;
  /** --public, --full, --compact, from the end of a text line. */
  flags: ReadonlySet<LineFlag>;
  /** The command's name (metrics); undefined when the line named none. */
  command: string | undefined;
  /**
   * Set only when the command's definition declares it pure: equal keys, equal replies, so platform
   * payloads built from the reply may be cached under it too.
   */
  cacheKey: string | undefined;
}

/** The console's own invocation: one user, one channel, who may change everything. */
export function consoleInvocation(lang: Invocation['lang'] = 'en'): Invocation {
  return { platform: 'console', userId: 'console', channelId: 'console', lang, canManage: async () => true };
}

/**
 * Answers of pure commands, and the payloads rendered from them, least recently used out. The dataset
 * does not change between reloads, so a meeting asking "/province Yunnan" five times computes it once;
 * the benchmark shows rendering Block Kit and chart URLs is most of an answer's cost.
 */
class AnswerCache {
  private readonly entries: Lru<string, { reply: Reply; rendered: Map<string, unknown> }>;
  constructor(capacity = 1000) {
    this.entries = new Lru(capacity);
  }
  get(key: string) {
    return this.entries.get(key);
  }
  /** The entry, kept unless the capacity is 0 (then it serves this one answer only). */
  set(key: string, reply: Reply) {
    const entry = { reply, rendered: new Map<string, unknown>() };
    this.entries.set(key, entry);
    return entry;
  }
  clear() {
    this.entries.clear();
  }
}

/** An answer to a line typed by a person, with how a question in words was read (if it was one). */
export interface TypedAnswer extends Answer {
  reading: QuestionReading | undefined;
  /** The language answered in: a question written in Chinese is answered in Chinese. */
  lang: Invocation['lang'];
  /** The command line answered, without its flags (what More and Share re-run): the understood one for a question. */
  line: string;
}

export interface Core {
  readonly registry: CommandRegistry;
  library(): Library;
  /**
   * A line as a person types it: "/province Yunnan" is a command; "yunnan utilization?" or
   * "山东和河南对比一下" is a question, read into a command whose answer says what was understood; a
   * question the reader is unsure of gets choices, one the paper cannot answer a short line and no
   * figure. "province yunnan" (a command without its slash) still works.
   */
  answer(text: string, invocation: Invocation): Promise<TypedAnswer>;
  /** A text line ("/province Yunnan --public") in, an answer out. Never throws for user mistakes. */
  ask(line: string, invocation: Invocation): Promise<Answer>;
  /** Typed options in (Discord, clicks): the same validation and name resolution as text. */
  run(name: string, sub: string | undefined, raw: Record<string, unknown>, invocation: Invocation): Promise<Answer>;
  /** A platform payload built once per cacheable answer and variant ("slack|compact|public"). */
  rendered<T>(answer: Answer, variant: string, build: () => T): T;
  /** Swaps in a new library (SIGHUP): later answers come from it; cached ones are dropped. */
  reload(library: Library): void;
}

export interface CoreOptions {
  library: Library;
  commands?: readonly CommandDefinition[];
  services?: Omit<Services, 'registry'>;
  /** Answers of pure commands kept, least recently used out; 0 keeps none (the benchmark's baseline). */
  cacheSize?: number;
}

// Long on purpose: the core's four ways in (ask, answer, run, rendered) share one cache and library.
export function createCore(o: CoreOptions): Core {
  let library = o.library;
  const registry = new CommandRegistry(o.commands ?? defaultCommands);
  const services: Services = { ...o.services, registry };
  const cache = new AnswerCache(o.cacheSize);
  const base = (invocation: Invocation): ContextBase => ({ library, invocation, m: messages(invocation.lang), services });

  return {
    registry,
    library: () => library,
    async ask(line, invocation) {
      const m = messages(invocation.lang);
      const split = splitFlags(line.trim());
      if (!split.ok)
        return {
          reply: errorReply(m.errors.cannotRead(line.trim().split(/\s+/)[0] ?? ''), m.errors.unknownFlag(split.flag), '/help'),
          flags: new Set(),
          command: undefined,
          cacheKey: undefined,
        };
      const text = split.text.startsWith('/') ? split.text : `/${split.text}`;
      const r = route(registry, m, text);
      if (!r.ok) return { reply: r.reply, flags: split.flags, command: undefined, cacheKey: undefined };
      const cacheKey = r.leaf.pure ? `${library.current.year}|${invocation.lang}|${r.def.name}|${r.sub ?? ''}|${r.tokens.join(' ').toLowerCase()}` : undefined;
      const hit = cacheKey ? cache.get(cacheKey) : undefined;
      if (hit) return { reply: hit.reply, flags: split.flags, command: r.def.name, cacheKey };
      const reply = await runRoute(base(invocation), r);
      if (cacheKey) cache.set(cacheKey, reply);
      return { reply, flags: split.flags, command: r.def.name, cacheKey };
    },
    async answer(text, invocation) {
      const trimmed = text.trim();
      const split = splitFlags(trimmed);
      const words = split.ok ? split.text : trimmed;
      if (trimmed.startsWith('/')) return { ...(await this.ask(trimmed, invocation)), reading: undefined, lang: invocation.lang, line: words };
      const reading = readQuestion(words, { library, commands: registry.commands });
      const inv = hasHan(words) ? { ...invocation, lang: 'zh-CN' as const } : invocation;
      const flags = split.ok ? [...split.flags].map((f) => ` --${f}`).join('') : '';
      if (reading.kind === 'command') {
        const a = await this.ask(`${reading.line}${flags}`, inv);
        return {
          ...a,
          reply: { ...a.reply, understood: reading.line },
          cacheKey: a.cacheKey && `${a.cacheKey}|understood`,
          reading,
          lang: inv.lang,
          line: reading.line,
        };
      }
      // Not a question the reader is sure of, but a command typed without its slash ("briefing list").
      const first = words.split(/\s+/)[0]?.toLowerCase() ?? '';
      if (registry.get(first) || first === UMBRELLA)
        return { ...(await this.ask(`/${trimmed}`, invocation)), reading: undefined, lang: invocation.lang, line: `/${words}` };
      return {
        reply: questionReply(reading, library, messages(inv.lang)),
        flags: split.ok ? split.flags : new Set(),
        command: undefined,
        cacheKey: undefined,
        reading,
        line: `/${words}`,
        lang: inv.lang,
      };
    },
    async run(name, sub, raw, invocation) {
      const def = registry.get(name);
      const leaf = def?.subcommands[sub ?? ''];
      const cacheKey = leaf?.pure
        ? `${library.current.year}|${invocation.lang}|${name}|${sub ?? ''}|${JSON.stringify(Object.entries(raw).sort(([a], [b]) => a.localeCompare(b)))}`.toLowerCase()
        : undefined;
      const hit = cacheKey ? cache.get(cacheKey) : undefined;
      if (hit) return { reply: hit.reply, flags: new Set(), command: name, cacheKey };
      const reply = await dispatchOptions(registry, base(invocation), name, sub, raw);
      if (cacheKey) cache.set(cacheKey, reply);
      return { reply, flags: new Set(), command: def ? name : undefined, cacheKey };
    },
    rendered(answer, variant, build) {
      if (!answer.cacheKey) return build();
      const entry = cache.get(answer.cacheKey) ?? cache.set(answer.cacheKey, answer.reply);
      if (entry.rendered.has(variant)) return entry.rendered.get(variant) as ReturnType<typeof build>;
      const value = build();
      entry.rendered.set(variant, value);
      return value;
    },
    reload(next) {
      library = next;
      cache.clear();
    },
  };
}
