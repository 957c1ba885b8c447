import type { CommandDefinition, LeafDefinition } from '../../commands/define.js';
import type { OptionSpec } from '../../commands/options.js';

/** Discord's numbers, from its API documentation (application command option types, permissions). */
const OPTION = { SUB_COMMAND: 1, STRING: 3, INTEGER: 4, BOOLEAN: 5 } as const;
const MANAGE_CHANNELS = 1n << 4n;

/** The option every command gets: answer for everyone instead of only the asker. */
export const PUBLIC_OPTION = 'public';

export interface DiscordOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
  options?: DiscordOption[];
}

export interface DiscordCommand {
  name: string;
  description: string;
  type: 1;
  options: DiscordOption[];
  default_member_permissions?: string;
  contexts?: number[];
}

/** What the adapter needs to turn Discord's options back into the command's: kind by Discord option name. */
export interface OptionBinding {
  /** The Discord option's name. */
  option: string;
  /** The command's own option key it feeds. */
  key: string;
  spec: OptionSpec;
  /** For `provinces`: Discord has no list type, so province1…provinceN carry one name each. */
  index?: number;
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** One option spec → its Discord option(s); a list of provinces becomes province1…provinceN. */
export function discordOptionsOf(name: string, spec: OptionSpec): { options: DiscordOption[]; bindings: OptionBinding[] } {
  const description = cut(spec.description, 100);
  switch (spec.kind) {
    case 'province':
    case 'country':
      return {
        options: [{ type: OPTION.STRING, name, description, required: spec.required, autocomplete: true, max_length: 80 }],
        bindings: [{ option: name, key: name, spec }],
      };
    case 'provinces': {
      const stem = name.replace(/s$/, '');
      const max = spec.maxItems ?? 4;
      const min = spec.minItems ?? 1;
      const options = Array.from({ length: max }, (_, i) => ({
        type: OPTION.STRING,
        name: `${stem}${i + 1}`,
        description: cut(`${i < min ? 'Province' : 'Another province (optional)'} ${i + 1}`, 100),
        required: i < min,
        autocomplete: true,
        max_length: 80,
      }));
      return { options, bindings: options.map((o, i) => ({ option: o.name, key: name, spec, index: i })) };
    }
    case 'integer':
      return {
        options: [{ type: OPTION.INTEGER, name, description, required: spec.required, ...(spec.min !== undefined ? { min_value: spec.min } : {}), ...(spec.max !== undefined ? { max_value: spec.max } : {}) }],
        bindings: [{ option: name, key: name, spec }],
      };
    case 'choice':
      return {
        options: [{ type: OPTION.STRING, name, description, required: spec.required, choices: (spec.choices ?? []).slice(0, 25).map((c) => ({ name: c, value: c })) }],
        bindings: [{ option: name, key: name, spec }],
      };
    case 'string':
      return { options: [{ type: OPTION.STRING, name, description, required: spec.required, max_length: 80 }], bindings: [{ option: name, key: name, spec }] };
  }
}

function leafOptions(leaf: LeafDefinition): { options: DiscordOption[]; bindings: OptionBinding[] } {
  const options: DiscordOption[] = [];
  const bindings: OptionBinding[] = [];
  for (const [name, spec] of Object.entries(leaf.options)) {
    const built = discordOptionsOf(name, spec);
    options.push(...built.options);
    bindings.push(...built.bindings);
  }
  options.push({ type: OPTION.BOOLEAN, name: PUBLIC_OPTION, description: 'Post the answer in the channel for everyone (default: only you see it)', required: false });
  // Discord wants required options first.
  options.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return { options, bindings };
}

/** Discord's registration JSON for every command, generated from the same definitions as everything else. */
export function discordCommands(commands: readonly CommandDefinition[]): DiscordCommand[] {
  return commands.map((def) => {
    const leaves = def.leaf ? [def.leaf] : Object.values(def.subcommands ?? {});
    const needsManage = leaves.some((l) => l.requiresManage);
    const options: DiscordOption[] = def.leaf
      ? leafOptions(def.leaf).options
      : Object.entries(def.subcommands ?? {}).map(([sub, leaf]) => ({
          type: OPTION.SUB_COMMAND,
          name: sub,
          description: cut(leaf.description, 100),
          options: leafOptions(leaf).options,
        }));
    return {
      name: def.name,
      description: cut(def.description, 100),
      type: 1,
      options,
      ...(needsManage ? { default_member_permissions: MANAGE_CHANNELS.toString() } : {}),
    };
  });
}

const bindingsByLeaf = new WeakMap<LeafDefinition, OptionBinding[]>();

/** Option bindings for a command (and subcommand), to read an interaction's options back. Built once per leaf. */
export function bindingsOf(def: CommandDefinition, sub: string | undefined): OptionBinding[] {
  const leaf = def.leaf ?? (sub ? def.subcommands?.[sub] : undefined);
  if (!leaf) return [];
  let bindings = bindingsByLeaf.get(leaf);
  if (!bindings) {
    bindings = leafOptions(leaf).bindings;
    bindingsByLeaf.set(leaf, bindings);
  }
  return bindings;
}

/** The manage-channels permission bit, for the run-time check. */
export const MANAGE_CHANNELS_BIT = MANAGE_CHANNELS;
