import { leavesOf } from '../../framework/define.js';
import type { KindContext } from '../../framework/option-kinds.js';
import type { Core } from '../../core.js';
import { messages } from '../../i18n/messages.js';
import type { Lang } from '../../i18n/lang.js';

const WORDS = ['quit', 'exit', 'help'];

/**
 * Tab completion for the console: command names, then subcommands, then the values the next option
 * takes (province and country names in English and Chinese, metrics, years, keywords), from the same
 * definitions that parse the line.
 */
export function completerFor(core: Core, lang: Lang): (line: string) => [string[], string] {
  return (line) => {
    const slash = line.startsWith('/') ? '/' : '';
    const words = line.replace(/^\//, '').split(/\s+/);
    const current = words.at(-1) ?? '';
    if (words.length <= 1) {
      const names = [...core.registry.commands.map((c) => c.name), ...(slash ? [] : WORDS)];
      const hits = names.filter((n) => n.startsWith(current.toLowerCase())).map((n) => `${slash}${n}`);
      return [hits, line];
    }
    const def = core.registry.get(words[0]!);
    if (!def) return [[], current];
    const leaves = leavesOf(def);
    const subs = leaves.map((l) => l.sub).filter((s): s is string => s !== undefined);
    const candidates = new Set<string>();
    if (words.length === 2) for (const s of subs) candidates.add(s);
    const sub = subs.includes(words[1]!.toLowerCase()) ? words[1]!.toLowerCase() : def.defaultSubcommand || undefined;
    const leaf = leaves.find((l) => l.sub === sub)?.leaf;
    const ctx: KindContext = { edition: core.library().current, library: core.library(), m: messages(lang) };
    for (const spec of Object.values(leaf?.options ?? {})) {
      if (spec.keyword) candidates.add(spec.keyword);
      if (spec.word) candidates.add(spec.word);
      for (const c of spec.choices ?? []) candidates.add(c);
      if (spec.kind.id === 'province' || spec.kind.id === 'provinces') for (const n of ctx.edition.names.spellings('province')) candidates.add(n);
      if (spec.kind.id === 'country') for (const n of ctx.edition.names.spellings('country')) candidates.add(n);
      if (spec.kind.id === 'edition') for (const y of ctx.library.years) candidates.add(String(y));
    }
    for (const flag of ['--public', '--full', '--compact']) candidates.add(flag);
    // Names of several words ("Inner Mongolia") complete from their first word on.
    const tail = words.slice(1).join(' ');
    const multi = [...candidates].filter((c) => c.includes(' ') && c.toLowerCase().startsWith(tail.toLowerCase()) && tail.length > 0);
    if (multi.length > 0) return [multi, tail];
    const hits = [...candidates].filter((c) => c.toLowerCase().startsWith(current.toLowerCase()) && !c.includes(' '));
    return [hits.sort(), current];
  };
}
