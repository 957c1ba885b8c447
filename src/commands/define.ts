import type { Dataset } from '../dataset/types.js';
import type { NameIndex } from '../metrics/names.js';
import type { OptionSpecs, OptionValues } from './options.js';
import type { Reply } from './reply.js';

/** Who asked, where: adapters fill this in; commands that change a channel's settings read it. */
export interface Invocation {
  platform: 'console' | 'slack' | 'discord';
  userId: string;
  channelId: string;
  /** May change this channel's settings (Discord Manage Channels, Slack admin or BRIEFING_ADMINS). */
  canManage: boolean;
}

/** Everything a handler may use. Services are optional so pure commands never depend on them. */
export interface CommandContext {
  data: Dataset;
  names: NameIndex;
  invocation: Invocation;
  /** Extra capabilities wired by main (the briefing store, say), keyed by name. */
  services: Record<string, unknown>;
}

export interface LeafDefinition<O extends OptionSpecs = OptionSpecs> {
  description: string;
  options: O;
  run: (ctx: CommandContext, options: OptionValues<O>) => Reply | Promise<Reply>;
  /** Changing something for the whole channel: Discord sets Manage Channels as the default permission. */
  requiresManage?: boolean;
}

export interface CommandDefinition {
  name: string;
  description: string;
  examples: string[];
  /** A command has either its own options, or subcommands (Discord's shape), never both. */
  leaf?: LeafDefinition;
  subcommands?: Record<string, LeafDefinition>;
  /** Text input without a subcommand word goes here ("/exports 2023" is "/exports top 2023"). */
  defaultSubcommand?: string;
  /** The answer depends on who asks or on stored state (briefings): never served from the reply cache. */
  volatile?: boolean;
}

export function defineLeaf<O extends OptionSpecs>(leaf: LeafDefinition<O>): LeafDefinition {
  return leaf as unknown as LeafDefinition;
}

export function defineCommand<O extends OptionSpecs>(def: {
  name: string;
  description: string;
  examples: string[];
  options: O;
  run: LeafDefinition<O>['run'];
}): CommandDefinition {
  return {
    name: def.name,
    description: def.description,
    examples: def.examples,
    leaf: defineLeaf({ description: def.description, options: def.options, run: def.run }),
  };
}

export function defineGroup(def: {
  name: string;
  description: string;
  examples: string[];
  subcommands: Record<string, LeafDefinition>;
  defaultSubcommand?: string;
  volatile?: boolean;
}): CommandDefinition {
  return def;
}

/** `/exports top [N] [year]`: built from the option specs, used by /help and error replies. */
export function usageOf(def: CommandDefinition, sub?: string): string {
  const line = (name: string, leaf: LeafDefinition) =>
    [name, ...Object.values(leaf.options).map((o) => (o.keyword ? `[${o.keyword} N]` : o.placeholder))].join(' ');
  if (def.leaf) return line(`/${def.name}`, def.leaf);
  const subs = Object.entries(def.subcommands ?? {});
  const chosen = sub ? subs.filter(([n]) => n === sub) : subs;
  return chosen.map(([n, leaf]) => line(`/${def.name} ${n}`, leaf)).join('\n');
}
