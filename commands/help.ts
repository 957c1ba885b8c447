import { defineCommand, leavesOf, usageOf, type CommandContext, type CommandDefinition } from '../src/framework/define.js';
import { opt, type KindContext } from '../src/framework/option-kinds.js';
import { errorReply, type Reply } from '../src/framework/reply.js';
import { closestWords } from '../src/framework/suggest.js';
import { echo } from '../src/framework/tokenize.js';

/** /help is generated from the definitions, so it cannot drift from what the commands accept. */
export const help = defineCommand({
  name: 'help',
  description: (m) => m.help.description,
  examples: ['/help', '/help exports'],
  options: { command: opt.text((m) => m.options.helpCommand, { placeholder: '[command]' }) },
  pure: true,
  meta: true,
  run(ctx, { command }): Reply {
    return helpReply(ctx, command || undefined);
  },
});

export function helpReply(ctx: CommandContext, name?: string): Reply {
  const { m } = ctx;
  const commands = ctx.services.registry.commands;
  if (name) {
    const wanted = name.replace(/^\//, '').toLowerCase();
    const def = commands.find((c) => c.name === wanted);
    if (!def)
      return errorReply(
        m.errors.unknownCommand,
        m.errors.noSuchCommand(
          echo(name, 32),
          closestWords(
            wanted,
            commands.map((c) => c.name),
          ),
        ),
        '/help',
      );
    return {
      tone: 'info',
      title: `/${def.name}`,
      summary: def.description(m),
      fields: [
        { label: m.help.usage, value: usageOf(def) },
        ...optionLines(def, ctx),
        { label: m.help.examples, value: def.examples.map((e) => exampleOf(ctx, e)).join('\n') },
      ],
    };
  }
  return {
    tone: 'info',
    title: m.help.title,
    summary: m.help.summary,
    // Every form of every command: one line per subcommand.
    fields: commands.map((c) => ({ label: usageOf(c), value: c.description(m) })),
    notes: [m.help.namesNote, m.help.flagsNote, m.help.moreNote],
  };
}

function optionLines(def: CommandDefinition, ctx: CommandContext): { label: string; value: string }[] {
  const kctx: KindContext = { edition: ctx.edition, library: ctx.library, m: ctx.m };
  const lines = leavesOf(def).flatMap(({ sub, leaf }) =>
    Object.entries(leaf.options).map(([name, o]) => {
      const values = o.kind.values?.(o, kctx);
      return `${sub ? `${sub} · ` : ''}${o.keyword ? `${o.keyword} ` : ''}${o.placeholder} (${name}): ${o.description(ctx.m)}${values ? ` — ${values}` : ''}`;
    }),
  );
  return lines.length > 0 ? [{ label: ctx.m.help.options, value: [...new Set(lines)].join('\n') }] : [];
}

/** Examples name editions by placeholder: the years shown are the data's own. */
function exampleOf(ctx: CommandContext, example: string): string {
  const previous = ctx.library.previousOf(ctx.library.current.year)?.year ?? ctx.library.current.year;
  return example.replace('{year}', String(ctx.library.current.year)).replace('{previous}', String(previous));
}
