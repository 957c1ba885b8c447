import type { EntityKind, NameIndex } from '../metrics/names.js';
import type { OptionSpec, OptionSpecs } from './options.js';
import { echo } from './tokenize.js';

export type ParsedText = { ok: true; raw: Record<string, unknown> } | { ok: false; problem: string };

const takesRest = (o: OptionSpec) => o.kind === 'province' || o.kind === 'country' || o.kind === 'string' || o.kind === 'provinces';

/**
 * Places the words of a text command into its options. Keywords ("top 5") first, then each word goes to
 * the first unfilled option that takes it (a year to `year`, "5" to `top`); a name takes the rest of
 * the line, so "Inner Mongolia" needs no quotes.
 */
export function parseText(options: OptionSpecs, tokens: string[], names: NameIndex): ParsedText {
  const raw: Record<string, unknown> = {};
  const entries = Object.entries(options);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const keyed = entries.find(([name, o]) => o.keyword === token.toLowerCase() && raw[name] === undefined);
    if (keyed) {
      const value = tokens[i + 1];
      if (value === undefined) return { ok: false, problem: `"${keyed[1].keyword}" needs a number after it, e.g. ${keyed[1].keyword} 5` };
      raw[keyed[0]] = value;
      i++;
      continue;
    }
    const target = entries.find(([name, o]) => raw[name] === undefined && (takesRest(o) || (o.accepts?.(token) ?? false)));
    if (!target) return { ok: false, problem: `I did not understand "${echo(token)}"` };
    const [name, spec] = target;
    if (takesRest(spec)) {
      const rest = tokens.slice(i);
      raw[name] = spec.kind === 'provinces' ? splitNames(rest, names, 'province') : rest.join(' ');
      break;
    }
    raw[name] = token;
  }
  return { ok: true, raw };
}

/**
 * "Inner Mongolia Yunnan" → ["Inner Mongolia", "Yunnan"]: commas split when present, otherwise the
 * longest run of words that is a known name wins; unknown words stay single so they get a suggestion.
 */
export function splitNames(tokens: string[], names: NameIndex, kind: EntityKind): string[] {
  const joined = tokens.join(' ');
  if (joined.includes(',') || joined.includes('，')) {
    return joined.split(/[,，]/).map((s) => s.trim()).filter((s) => s.length > 0);
  }
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let taken = 1;
    for (let j = Math.min(tokens.length, i + 4); j > i + 1; j--) {
      if (names.exact(kind, tokens.slice(i, j).join(' ')) !== undefined) {
        taken = j - i;
        break;
      }
    }
    out.push(tokens.slice(i, i + taken).join(' '));
    i += taken;
  }
  return out;
}
