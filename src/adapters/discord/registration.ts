import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandOption,
  type APIApplicationCommandSubcommandOption,
  type LocalizationMap,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord-api-types/v10';
import { changesChannel, isFlat, leavesOf, type CommandDefinition, type LeafDefinition, type Text } from '../../framework/define.js';
import type { OptionSpec } from '../../framework/option-kinds.js';
import { messages } from '../../i18n/messages.js';

/** The option every command gets: answer for everyone instead of only the asker. */
export const PUBLIC_OPTION = 'public';

/** What the adapter needs to turn Discord's options back into the command's. */
export interface OptionBinding {
  /** The Discord option's name. */
  option: string;
  /** The command's own option key it feeds. */
  key: string;
  spec: OptionSpec;
  /** For lists: Discord has no list type, so province1…provinceN carry one name each. */
  index?: number;
}

const cut = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const en = messages('en');
const zh = messages('zh-CN');

/** English description, with the zh-CN one as Discord's localization (the Chinese client shows it). */
function described(text: Text): { description: string; description_localizations: LocalizationMap } {
  return { description: cut(text(en), 100), description_localizations: { 'zh-CN': cut(text(zh), 100) } };
}

/** Command and option names stay English everywhere; the zh-CN entry says so to the Chinese client. */
const named = (name: string) => ({ name, name_localizations: { 'zh-CN': name } as LocalizationMap });

/** One option spec → its Discord option(s), from the kind's platform-neutral registration. */
export function discordOptionsOf(name: string, spec: OptionSpec): { options: APIApplicationCommandBasicOption[]; bindings: OptionBinding[] } {
  const r = spec.kind.registration(spec);
  const common = { ...described(spec.description) };
  const one = (optionName: string, required: boolean, description = common): APIApplicationCommandBasicOption => {
    switch (r.type) {
      case 'integer':
        return {
          type: ApplicationCommandOptionType.Integer,
          ...named(optionName),
          ...description,
          required,
          ...(r.min !== undefined ? { min_value: r.min } : {}),
          ...(r.max !== undefined ? { max_value: r.max } : {}),
        };
      case 'boolean':
        return { type: ApplicationCommandOptionType.Boolean, ...named(optionName), ...description, required };
      case 'string':
        return r.choices
          ? {
              type: ApplicationCommandOptionType.String,
              ...named(optionName),
              ...description,
              required,
              choices: r.choices.slice(0, 25).map((c) => ({ name: c, value: c })),
            }
          : {
              type: ApplicationCommandOptionType.String,
              ...named(optionName),
              ...description,
              required,
              ...(r.autocomplete ? { autocomplete: true } : {}),
              ...(r.maxLength ? { max_length: r.maxLength } : {}),
            };
    }
  };
  if (r.repeat) {
    const stem = name.replace(/s$/, '');
    const options = Array.from({ length: r.repeat.max }, (_, i) =>
      one(
        `${stem}${i + 1}`,
        i < r.repeat!.min,
        described((m) => m.options.nthProvince(i + 1, i < r.repeat!.min)),
      ),
    );
    return { options, bindings: options.map((o, i) => ({ option: o.name, key: name, spec, index: i })) };
  }
  return { options: [one(name, spec.required)], bindings: [{ option: name, key: name, spec }] };
}

function leafOptions(leaf: LeafDefinition): { options: APIApplicationCommandBasicOption[]; bindings: OptionBinding[] } {
  const options: APIApplicationCommandBasicOption[] = [];
  const bindings: OptionBinding[] = [];
  for (const [name, spec] of Object.entries(leaf.options)) {
    const built = discordOptionsOf(name, spec);
    options.push(...built.options);
    bindings.push(...built.bindings);
  }
  options.push({ type: ApplicationCommandOptionType.Boolean, ...named(PUBLIC_OPTION), ...described((m) => m.options.publicAnswer), required: false });
  // Discord wants required options first.
  options.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return { options, bindings };
}

/**
 * Discord's registration JSON for every command, generated from the same definitions as everything
 * else. No command carries a default member permission: everyone may use every command, and the ones
 * that change a channel's settings check Manage Channels when they run.
 */
export function discordCommands(commands: readonly CommandDefinition[]): RESTPutAPIApplicationCommandsJSONBody {
  return commands.map((def) => {
    const options: APIApplicationCommandOption[] = isFlat(def)
      ? leafOptions(leavesOf(def)[0]!.leaf).options
      : leavesOf(def).map(
          ({ sub, leaf }): APIApplicationCommandSubcommandOption => ({
            type: ApplicationCommandOptionType.Subcommand,
            ...named(sub!),
            ...described(leaf.description),
            options: leafOptions(leaf).options,
          }),
        );
    // Read-only commands install for servers and for users (then they work in DMs and group DMs too);
    // commands that change a channel stay with server installs, in servers.
    const where = changesChannel(def)
      ? { integration_types: [ApplicationIntegrationType.GuildInstall], contexts: [InteractionContextType.Guild] }
      : {
          integration_types: [ApplicationIntegrationType.GuildInstall, ApplicationIntegrationType.UserInstall],
          contexts: [InteractionContextType.Guild, InteractionContextType.BotDM, InteractionContextType.PrivateChannel],
        };
    return { type: ApplicationCommandType.ChatInput, ...named(def.name), ...described(def.description), options, ...where };
  });
}

/** Option bindings for each command and subcommand, built once for the adapter's lifetime. */
export function bindingsFor(commands: readonly CommandDefinition[]): Map<string, OptionBinding[]> {
  const out = new Map<string, OptionBinding[]>();
  for (const def of commands) for (const { sub, leaf } of leavesOf(def)) out.set(`${def.name} ${sub ?? ''}`, leafOptions(leaf).bindings);
  return out;
}
