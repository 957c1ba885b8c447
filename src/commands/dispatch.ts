import Fuse from 'fuse.js';
import { z } from 'zod';
import type { CommandContext, CommandDefinition, LeafDefinition } from './define.js';
import { usageOf } from './define.js';
import { entityKindOf, type OptionSpec } from './options.js';
import { parseText } from './parse-text.js';
import { errorReply, type Reply } from './reply.js';
import { echo, tokenize } from './tokenize.js';

/** The explicit command list, looked up by name. */
export class CommandRegistry {
  private readonly byName: Map<string, CommandDefinition>;
  private readonly fuzzy: Fuse<string>;

  constructor(readonly commands: readonly CommandDefinition[]) {
    this.byName = new Map(commands.map((c) => [c.name, c]));
    this.fuzzy = new Fuse(commands.map((c) => c.name), { threshold: 0.4 });
  }

  get(name: string): CommandDefinition | undefined {
    return this.byName.get(name.toLowerCase());
  }

  suggest(name: string): string[] {
    return this.fuzzy.search(name).slice(0, 3).map((r) => r.item);
  }

  /** The command a text line names ("/anode briefing list" names /briefing), without running it. */
  commandOf(line: string): CommandDefinition | undefined {
    const words = line.trim().replace(/^\//, '').split(/\s+/, 2).map((w) => w.toLowerCase());
    return this.get(words[0] === UMBRELLA ? (words[1] ?? 'help') : (words[0] ?? ''));
  }
}

/** Whether some part of a command changes channel settings, so the caller's rights must be known. */
export function needsManage(def: CommandDefinition | undefined): boolean {
  if (!def) return false;
  return [def.leaf, ...Object.values(def.subcommands ?? {})].some((leaf) => leaf?.requiresManage);
}

/** The umbrella command: "/anode province Yunnan" is "/province Yunnan", for workspaces where names are taken. */
export const UMBRELLA = 'anode';

/** Text in, Reply out: "/province Yunnan", "exports top 5 2023". Never throws for user mistakes. */
export async function dispatchText(registry: CommandRegistry, ctx: CommandContext, line: string): Promise<Reply> {
  const tokens = tokenize(line.trim());
  const first = tokens.shift();
  if (!first || first === '/') {
    return errorReply('Type a command', 'For example /province Yunnan or /exports top 5.', '/help');
  }
  const name = first.replace(/^\//, '').toLowerCase();
  if (name === UMBRELLA) return dispatchText(registry, ctx, tokens.length > 0 ? tokens.join(' ') : '/help');
  const def = registry.get(name);
  if (!def) {
    const guesses = registry.suggest(name);
    const hint = guesses.length > 0 ? `Did you mean ${guesses.map((g) => `/${g}`).join(' or ')}?` : 'Type /help for the list.';
    return errorReply('Unknown command', `There is no /${echo(name, 32)}. ${hint}`, '/help');
  }
  let sub: string | undefined;
  if (def.subcommands) {
    const word = tokens[0]?.toLowerCase();
    if (word && def.subcommands[word]) {
      sub = word;
      tokens.shift();
    } else {
      sub = def.defaultSubcommand;
      if (!sub) {
        return errorReply(`/${def.name} needs a subcommand`, `Choose one of: ${Object.keys(def.subcommands).join(', ')}.`, usageOf(def));
      }
    }
  }
  const leaf = leafOf(def, sub)!;
  const parsed = parseText(leaf.options, tokens, ctx.names);
  if (!parsed.ok) return errorReply(`Cannot read that /${def.name}`, `${parsed.problem}.`, usageOf(def, sub));
  return runLeaf(def, sub, leaf, ctx, parsed.raw);
}

/** Typed options in (Discord), Reply out: the same validation and name resolution as text. */
export async function dispatchOptions(
  registry: CommandRegistry,
  ctx: CommandContext,
  name: string,
  sub: string | undefined,
  raw: Record<string, unknown>,
): Promise<Reply> {
  const def = registry.get(name);
  const leaf = def && leafOf(def, sub);
  if (!def || !leaf) return errorReply('Unknown command', `There is no /${echo(`${name} ${sub ?? ''}`.trim(), 40)}.`, '/help');
  return runLeaf(def, sub, leaf, ctx, raw);
}

export function leafOf(def: CommandDefinition, sub: string | undefined): LeafDefinition | undefined {
  if (def.leaf) return def.leaf;
  return sub === undefined ? undefined : def.subcommands?.[sub];
}

async function runLeaf(
  def: CommandDefinition,
  sub: string | undefined,
  leaf: LeafDefinition,
  ctx: CommandContext,
  raw: Record<string, unknown>,
): Promise<Reply> {
  const usage = usageOf(def, sub);
  const label = `/${def.name}${sub ? ` ${sub}` : ''}`;
  if (leaf.requiresManage && !ctx.invocation.canManage) {
    return errorReply('Not allowed here', `${label} changes this channel's settings; it needs the Manage Channels permission (Discord) or a workspace admin (Slack).`, usage);
  }
  const result = schemaOf(leaf).safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const field = String(issue.path[0] ?? '');
    const what = issue.code === 'invalid_type' && issue.input === undefined ? `${field} is required` : `${field}: ${issue.message}`;
    return errorReply(`Cannot read that ${label}`, `${what}.`, usage);
  }
  const values = result.data as Record<string, unknown>;
  for (const [key, spec] of Object.entries(leaf.options)) {
    const problem = resolveNames(ctx, spec, values, key);
    if (problem) return { ...problem, usage };
  }
  return leaf.run(ctx, values as never);
}

const schemas = new WeakMap<LeafDefinition, z.ZodType>();

/** One zod object per leaf, built once: building it is far dearer than using it. */
function schemaOf(leaf: LeafDefinition): z.ZodType {
  let schema = schemas.get(leaf);
  if (!schema) {
    schema = z.object(Object.fromEntries(Object.entries(leaf.options).map(([k, o]) => [k, o.schema])));
    schemas.set(leaf, schema);
  }
  return schema;
}

/** Replaces typed names with the dataset's own; returns a "did you mean" reply when one is unknown. */
function resolveNames(ctx: CommandContext, spec: OptionSpec, values: Record<string, unknown>, key: string): Reply | undefined {
  const kind = entityKindOf(spec);
  const value = values[key];
  if (!kind || value === undefined) return undefined;
  const resolved: string[] = [];
  for (const typed of Array.isArray(value) ? (value as string[]) : [value as string]) {
    const r = ctx.names.resolve(kind, typed);
    if (r.ok) {
      resolved.push(r.name);
      continue;
    }
    if (r.aggregate) {
      return errorReply(
        `"${echo(typed)}" is an aggregate, not a ${kind}`,
        r.aggregate === 'Total'
          ? 'For national figures type /overview.'
          : `"Others" groups different ${kind === 'province' ? 'provinces in Tables 1–2 and Table 3' : 'countries each year'}; it appears as a row in /mismatch, /utilization and /exports.`,
      );
    }
    const guess = r.suggestions.length > 0 ? ` Did you mean ${r.suggestions.join(', ')}?` : '';
    return errorReply(`Unknown ${kind}`, `No ${kind} called "${echo(typed)}" in the ${ctx.data.edition.year} data.${guess}`);
  }
  if (Array.isArray(value)) {
    if (new Set(resolved).size !== resolved.length) return errorReply('Same province twice', 'Name each province once.');
    values[key] = resolved;
  } else {
    values[key] = resolved[0];
  }
  return undefined;
}
