import { defineCommand, usageOf, type CommandDefinition } from '../src/commands/define.js';
import { opt } from '../src/commands/options.js';
import { errorReply, type Reply } from '../src/commands/reply.js';
import { echo } from '../src/commands/tokenize.js';

/** /help is generated from the definitions, so it cannot drift from what the commands accept. */
export function makeHelp(list: () => readonly CommandDefinition[]): CommandDefinition {
  return defineCommand({
    name: 'help',
    description: 'List the commands, or show one command with its options and examples',
    examples: ['/help', '/help exports'],
    options: { command: opt.text('A command to explain (optional)', { placeholder: '[command]' }) },
    run(_ctx, { command }): Reply {
      return helpReply(list(), command || undefined);
    },
  });
}

export function helpReply(commands: readonly CommandDefinition[], name?: string): Reply {
  if (name) {
    const def = commands.find((c) => c.name === name.replace(/^\//, '').toLowerCase());
    if (!def) return errorReply('Unknown command', `There is no /${echo(name, 32)}.`, '/help');
    return {
      tone: 'info',
      title: `/${def.name}`,
      summary: def.description,
      fields: [
        { label: 'Usage', value: usageOf(def) },
        ...optionLines(def),
        { label: 'Examples', value: def.examples.join('\n') },
      ],
    };
  }
  return {
    tone: 'info',
    title: 'anode-bot commands',
    summary: "Facts of China's prebaked-anode industry in 2024, with the paper's table or section for every figure.",
    fields: commands.map((c) => ({ label: usageOf(c).split('\n')[0]!, value: c.description })),
    notes: ['Names work in English or Chinese (云南, 内蒙古). Type /help <command> for details.'],
  };
}

function optionLines(def: CommandDefinition): { label: string; value: string }[] {
  const leaves = def.leaf ? [def.leaf] : Object.values(def.subcommands ?? {});
  const lines = leaves.flatMap((leaf) =>
    Object.entries(leaf.options).map(([name, o]) => `${name}: ${o.description}${o.choices ? ` (${o.choices.join(' | ')})` : ''}`),
  );
  return lines.length > 0 ? [{ label: 'Options', value: [...new Set(lines)].join('\n') }] : [];
}
