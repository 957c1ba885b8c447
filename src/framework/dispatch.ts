import { editionWithExportYear, yearsHeld, type Edition, type Library } from '../editions.js';
import type { Messages } from '../i18n/messages.js';
import {
  leafOf,
  leavesOf,
  usageOf,
  type CommandContext,
  type CommandDefinition,
  type CommandRegistryView,
  type Invocation,
  type LeafDefinition,
  type Services,
  applies,
  type PreconditionId,
  type Requirement,
} from './define.js';
import type { KindContext } from './option-kinds.js';
import { parseText } from './parse-text.js';
import { errorReply, type Reply } from './reply.js';
import { closestWords } from './suggest.js';
import { echo, tokenize } from './tokenize.js';

/** The umbrella command: "/anode province Yunnan" is "/province Yunnan", for workspaces where names are taken. */
export const UMBRELLA = 'anode';

/** The explicit command list, looked up by name. */
export class CommandRegistry implements CommandRegistryView {
  private readonly byName: Map<string, CommandDefinition>;

  constructor(readonly commands: readonly CommandDefinition[]) {
    this.byName = new Map(commands.map((c) => [c.name, c]));
  }

  get(name: string): CommandDefinition | undefined {
    return this.byName.get(name.toLowerCase());
  }

  names(): string[] {
    return [...this.byName.keys()];
  }
}

/** What a command runs with, before the edition is chosen. */
export interface ContextBase {
  library: Library;
  invocation: Invocation;
  m: Messages;
  services: Services;
}

/** A text line routed to one leaf of one command, not yet run. */
export type Route = { ok: true; def: CommandDefinition; sub: string | undefined; leaf: LeafDefinition; tokens: string[] } | { ok: false; reply: Reply };

/** Finds the command and subcommand a line names ("/anode exports country Malaysia"). */
export function route(registry: CommandRegistry, m: Messages, line: string): Route {
  const tokens = tokenize(line.trim());
  let first = tokens.shift();
  if (first && first.replace(/^\//, '').toLowerCase() === UMBRELLA) first = tokens.shift() ?? '/help';
  if (!first || first === '/') return { ok: false, reply: errorReply(m.errors.typeACommand, m.errors.typeACommandHint, '/help') };
  const name = first.replace(/^\//, '').toLowerCase();
  const def = registry.get(name);
  if (!def) {
    const guesses = closestWords(name, registry.names());
    return { ok: false, reply: errorReply(m.errors.unknownCommand, m.errors.noSuchCommand(echo(name, 32), guesses), '/help') };
  }
  const word = tokens[0]?.toLowerCase();
  const subs = leavesOf(def)
    .map((l) => l.sub)
    .filter((s): s is string => s !== undefined);
  let sub = def.defaultSubcommand || undefined;
  if (word !== undefined && subs.includes(word)) {
    sub = word;
    tokens.shift();
  } else if (subs.length > 0 && def.defaultSubcommand === undefined) {
    const close = word ? closestWords(word, subs) : [];
    return {
      ok: false,
      reply: errorReply(
        m.errors.needsSubcommand(def.name),
        word ? m.errors.unknownSubcommand(echo(word), def.name, close, subs) : m.errors.chooseSubcommand(subs),
        usageOf(def),
      ),
    };
  }
  const leaf = leafOf(def, sub)!;
  return { ok: true, def, sub, leaf, tokens };
}

/** Text in, Reply out: "/province Yunnan", "exports top 5". Never throws for user mistakes. */
export async function runRoute(base: ContextBase, r: Extract<Route, { ok: true }>): Promise<Reply> {
  const kctx: KindContext = { edition: base.library.current, library: base.library, m: base.m };
  const parsed = parseText(r.leaf.options, r.tokens, kctx);
  if (!parsed.ok) {
    const usage = usageOf(r.def, r.sub);
    if ('keyword' in parsed) return errorReply(base.m.errors.cannotRead(label(r.def, r.sub)), base.m.errors.keywordNeedsNumber(parsed.keyword), usage);
    const elsewhere = otherLeafFor(r, kctx);
    return errorReply(base.m.errors.cannotRead(label(r.def, r.sub)), base.m.errors.notUnderstood(echo(parsed.token), elsewhere), usage);
  }
  return runLeaf(base, r.def, r.sub, r.leaf, parsed.raw);
}

/** Typed options in (Discord, clicks), Reply out: the same validation and name resolution as text. */
export async function dispatchOptions(
  registry: CommandRegistry,
  base: ContextBase,
  name: string,
  sub: string | undefined,
  raw: Record<string, unknown>,
): Promise<Reply> {
  const def = registry.get(name);
  const leaf = def && leafOf(def, sub);
  if (!def || !leaf) return errorReply(base.m.errors.unknownCommand, base.m.errors.noSuchCommand(echo(`${name} ${sub ?? ''}`.trim(), 40), []), '/help');
  return runLeaf(base, def, sub, leaf, raw);
}

function label(def: CommandDefinition, sub: string | undefined): string {
  return `/${def.name}${sub ? ` ${sub}` : ''}`;
}

/**
 * A line whose words fit another subcommand better ("/exports malaysia" means "/exports country
 * Malaysia"): that subcommand's line, for "did you mean".
 */
function otherLeafFor(r: Extract<Route, { ok: true }>, kctx: KindContext): string | undefined {
  for (const other of leavesOf(r.def)) {
    if (other.sub === r.sub || other.sub === undefined) continue;
    const parsed = parseText(other.leaf.options, r.tokens, kctx);
    if (!parsed.ok) continue;
    const names = Object.entries(other.leaf.options).filter(([k, spec]) => parsed.raw[k] !== undefined && spec.kind.resolve);
    if (names.length === 0) continue;
    const resolved = names.map(([k, spec]) => spec.kind.resolve!(spec, kctx, parsed.raw[k]));
    const words = resolved.flatMap((x) => (x.ok ? [([] as unknown[]).concat(x.value).join(' ')] : []));
    if (words.length === resolved.length) return `/${r.def.name} ${other.sub} ${words.join(' ')}`.trim();
  }
  return undefined;
}

/** What each named precondition asks of the platform, through the invocation. */
const PRECONDITIONS: Record<PreconditionId, (invocation: Invocation) => Promise<boolean>> = {
  'manage-channel': (invocation) => invocation.canManage(),
};

async function preconditionsHold(base: ContextBase, requires: readonly Requirement[], options: Record<string, unknown>): Promise<boolean> {
  for (const r of requires) {
    if (!applies(r, options)) continue;
    if (!(await PRECONDITIONS[typeof r === 'string' ? r : r.id](base.invocation))) return false;
  }
  return true;
}

async function runLeaf(base: ContextBase, def: CommandDefinition, sub: string | undefined, leaf: LeafDefinition, raw: Record<string, unknown>): Promise<Reply> {
  const { m } = base;
  const usage = usageOf(def, sub);
  const cmd = label(def, sub);
  // Preconditions that apply whatever the options are come first: nobody learns more by typing badly.
  if (
    !(await preconditionsHold(
      base,
      (leaf.requires ?? []).filter((r) => typeof r === 'string'),
      {},
    ))
  )
    return errorReply(m.errors.notAllowed, m.errors.needsManage(cmd, base.invocation.manageRight), usage);
  const result = leaf.schema.safeParse(raw);
  const kctx: KindContext = { edition: base.library.current, library: base.library, m };
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    const spec = leaf.options[key];
    const missing = issue.code === 'invalid_type' && issue.input === undefined;
    if (missing && spec)
      return errorReply(m.errors.cannotRead(cmd), m.errors.missing(spec.placeholder.replace(/[<>[\]]/g, ''), spec.kind.values?.(spec, kctx)), usage);
    return errorReply(m.errors.cannotRead(cmd), m.errors.badValue(key, issue.message), usage);
  }
  const values = result.data as Record<string, unknown>;
  if (!(await preconditionsHold(base, leaf.requires ?? [], values)))
    return errorReply(m.errors.notAllowed, m.errors.needsManage(cmd, base.invocation.manageRight), usage);
  // The edition first: names resolve against the edition the reply answers from.
  let edition: Edition = base.library.current;
  for (const [key, spec] of Object.entries(leaf.options)) {
    if (spec.kind.id !== 'edition' || values[key] === undefined) continue;
    const chosen = base.library.get(values[key] as number);
    if (!chosen) {
      const year = values[key] as number;
      // A year the edition holds as a column (the year before's exports in an edition) is not an edition:
      // say where that year is, rather than that it is nowhere.
      const holder = editionWithExportYear(base.library, year);
      if (holder)
        return errorReply(
          m.errors.yearIsColumn(year, holder.year),
          m.errors.onlyExportsGoBack(year, m.ref(holder.data.edition.tables['exports-by-country'].source)),
          usage,
        );
      return errorReply(m.errors.noEdition(year), m.errors.editionsAre(yearsHeld(base.library, m.ref)), usage);
    }
    edition = chosen;
  }
  const ectx: KindContext = { ...kctx, edition };
  for (const [key, spec] of Object.entries(leaf.options)) {
    if (!spec.kind.resolve || values[key] === undefined) continue;
    const r = spec.kind.resolve(spec, ectx, values[key]);
    if (!r.ok) return errorReply(m.errors.cannotRead(cmd), m.common.sentences(r.problem, r.hint), usage);
    values[key] = r.value;
  }
  const ctx: CommandContext = { ...base, edition, previous: base.library.previousOf(edition.year) };
  return leaf.run(ctx, values as never);
}
