import * as z from 'zod';
import type { Edition, Library } from '../editions.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import type { OptionSpecs, OptionValues } from './option-kinds.js';
import type { Reply } from './reply.js';
import type { BriefingService } from '../briefings/service.js';
import type { ChannelSettings } from '../settings.js';

export type { Text } from './option-kinds.js';
import type { Text } from './option-kinds.js';

/** Who asked, where: adapters fill this in. Platform ids come from the platform list, not a union. */
export interface Invocation {
  platform: string;
  userId: string;
  channelId: string;
  /** Slack team or Discord guild, when there is one. */
  workspaceId?: string;
  /** Slack Enterprise Grid organisation, when the workspace belongs to one. */
  enterpriseId?: string;
  lang: Lang;
  /**
   * May this user change the channel's settings (Discord Manage Channels, Slack admin or
   * BRIEFING_ADMINS)? Asked only by commands that need it: for Slack it costs an API call.
   */
  canManage: () => Promise<boolean>;
  /** That right as the platform names it, in the reader's language ("the Manage Channels permission"). */
  manageRight?: string;
}

/** Capabilities a command may use, typed and injected when the core is created; never filled in later. */
export interface Services {
  registry: CommandRegistryView;
  briefings?: BriefingService;
  settings?: ChannelSettings;
}

/** What /help needs of the registry, without importing dispatch. */
export interface CommandRegistryView {
  readonly commands: readonly CommandDefinition[];
}

/** Everything a handler may use. */
export interface CommandContext {
  /** The edition the reply answers from: the current one, or the year the user asked for. */
  edition: Edition;
  /** The edition before it, when there is one: replies show the change against it. */
  previous: Edition | undefined;
  library: Library;
  invocation: Invocation;
  m: Messages;
  services: Services;
}

export interface LeafDefinition<O extends OptionSpecs = OptionSpecs> {
  description: Text;
  /** All options as one zod object, built with the definition. */
  readonly schema: z.ZodType;
  options: O;
  run: (ctx: CommandContext, options: OptionValues<O>) => Reply | Promise<Reply>;
  /**
   * Named preconditions, checked by the pipeline before the command runs, on every platform (no adapter
   * names a command). A requirement with `when` applies only to some uses (/language reads freely, and
   * needs the permission to change).
   */
  requires?: readonly Requirement[];
  /**
   * The reply depends only on the edition, the language and the options (not on who asks or on
   * stored state): it may be cached and shared. Declared, never guessed from the reply.
   */
  pure?: boolean;
  /**
   * About the bot rather than the paper's figures (/help): not offered where only figures make sense
   * (an AI assistant's tools).
   */
  meta?: boolean;
}

/** The key of the only leaf of a command without subcommands ("/province" has no "/province x"). */
export const ROOT = '';

/**
 * One shape for every command: a map of subcommands with a default. A command without subcommands
 * has a single leaf under ROOT.
 */
export interface CommandDefinition {
  name: string;
  description: Text;
  examples: readonly string[];
  subcommands: Readonly<Record<string, LeafDefinition>>;
  /** Text input without a subcommand word goes here ("/exports <year>" is "/exports top <year>"). */
  defaultSubcommand: string | undefined;
  /**
   * Changes a channel's settings or subscriptions (/briefing, /language): offered only where a channel
   * has members to manage it (Discord: server installs, in servers), never in a user's own install.
   */
  changesChannel?: boolean;
}

/** The preconditions a leaf may name. `manage-channel`: the platform's own "manage this channel" right. */
export type PreconditionId = 'manage-channel';
export type Requirement = PreconditionId | { id: PreconditionId; when: (options: Record<string, unknown>) => boolean };

/** Whether a requirement applies to this use of the command. */
export function applies(r: Requirement, options: Record<string, unknown>): boolean {
  return typeof r === 'string' || r.when(options);
}

/** Whether a command may change a channel: declared, or any of its leaves needs the manage permission. */
export function changesChannel(def: CommandDefinition): boolean {
  return Boolean(def.changesChannel) || leavesOf(def).some((l) => (l.leaf.requires?.length ?? 0) > 0);
}

export interface Leaf {
  /** undefined for a command without subcommands. */
  sub: string | undefined;
  leaf: LeafDefinition;
}

/** The leaves of a command: computed here and nowhere else. */
export function leavesOf(def: CommandDefinition): Leaf[] {
  return Object.entries(def.subcommands).map(([sub, leaf]) => ({ sub: sub === ROOT ? undefined : sub, leaf }));
}

export function isFlat(def: CommandDefinition): boolean {
  return ROOT in def.subcommands;
}

export function leafOf(def: CommandDefinition, sub: string | undefined): LeafDefinition | undefined {
  return def.subcommands[sub ?? ROOT];
}

export function defineLeaf<O extends OptionSpecs>(leaf: Omit<LeafDefinition<O>, 'schema'>): LeafDefinition {
  const schema = z.object(Object.fromEntries(Object.entries(leaf.options).map(([k, o]) => [k, o.schema])));
  return { ...leaf, schema } as unknown as LeafDefinition;
}

export function defineCommand<O extends OptionSpecs>(def: {
  name: string;
  description: Text;
  examples: readonly string[];
  options: O;
  run: LeafDefinition<O>['run'];
  pure?: boolean;
  meta?: boolean;
  requires?: readonly Requirement[];
  changesChannel?: boolean;
}): CommandDefinition {
  const { name, description, examples, changesChannel: changes, ...leaf } = def;
  return {
    name,
    description,
    examples,
    subcommands: { [ROOT]: defineLeaf({ description, ...leaf }) },
    defaultSubcommand: ROOT,
    ...(changes ? { changesChannel: true } : {}),
  };
}

export function defineGroup(def: {
  name: string;
  description: Text;
  examples: readonly string[];
  subcommands: Record<string, LeafDefinition>;
  defaultSubcommand?: string;
}): CommandDefinition {
  return { ...def, defaultSubcommand: def.defaultSubcommand };
}

/** `/exports top [N] [year]`: one line per leaf, built from the option specs (help, errors, manifest). */
export function usageOf(def: CommandDefinition, sub?: string): string {
  const line = (l: Leaf) =>
    [
      `/${def.name}`,
      ...(l.sub ? [l.sub] : []),
      ...Object.values(l.leaf.options).map((o) => (o.keyword ? `[${o.keyword} ${o.placeholder.replace(/^\[|\]$/g, '')}]` : o.placeholder)),
    ].join(' ');
  const leaves = leavesOf(def).filter((l) => sub === undefined || l.sub === sub);
  return leaves.map(line).join('\n');
}

/** What names a reply's chart files: the resolved subject, and the edition when it is not the current one. */
export function subjectOf(ctx: Pick<CommandContext, 'edition' | 'library'>, ...parts: (string | number | undefined)[]): string {
  const words = parts.filter((p) => p !== undefined && p !== '').map(String);
  if (ctx.edition !== ctx.library.current) words.push(String(ctx.edition.year));
  return words.join(' ');
}

/**
 * The leaves that only read the paper's figures: pure (no stored state, nothing changed) and about the
 * data. They become an AI assistant's tools; a new command of that kind is one by existing.
 */
export function readOnlyLeaves(commands: readonly CommandDefinition[]): { def: CommandDefinition; sub: string | undefined; leaf: LeafDefinition }[] {
  return commands.flatMap((def) =>
    leavesOf(def)
      .filter((l) => l.leaf.pure && !l.leaf.meta && !l.leaf.requires?.length)
      .map((l) => ({ def, ...l })),
  );
}
