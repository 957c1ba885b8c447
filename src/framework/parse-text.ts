import type { KindContext, OptionSpecs } from './option-kinds.js';
import type { NameIndex, EntityKind } from '../metrics/names.js';

export type ParsedText = { ok: true; raw: Record<string, unknown> } | { ok: false; token: string } | { ok: false; keyword: string };

/**
 * Places the words of a text command into its options. Keywords first ("top 5"), then every word some
 * option takes by its shape (a year, a count, a flag, a known choice), and what is left goes to the
 * option that takes the rest of the line: "Inner Mongolia" needs no quotes, and a year may stand anywhere.
 */
export function parseText(options: OptionSpecs, tokens: string[], ctx: KindContext): ParsedText {
  const raw: Record<string, unknown> = {};
  const entries = Object.entries(options);
  const left: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const keyed = entries.find(([name, o]) => o.keyword === token.toLowerCase() && raw[name] === undefined);
    if (keyed) {
      const value = tokens[i + 1];
      if (value === undefined) return { ok: false, keyword: keyed[1].keyword! };
      raw[keyed[0]] = value;
      i++;
      continue;
    }
    const target = entries.find(([name, o]) => raw[name] === undefined && o.kind.takes(o, token) === true);
    if (target) raw[target[0]] = target[1].kind.id === 'flag' ? true : token;
    else left.push(token);
  }
  if (left.length > 0) {
    const rest = entries.find(([name, o]) => raw[name] === undefined && o.kind.takes(o, left[0]!) === 'rest');
    if (!rest) return { ok: false, token: left[0]! };
    const [name, spec] = rest;
    raw[name] = spec.kind.id === 'provinces' ? splitNames(left, ctx.edition.names, 'province') : left.join(' ');
  }
  return { ok: true, raw };
}

/**
 * "Inner Mongolia Yunnan" → ["Inner Mongolia", "Yunnan"]: commas split when present, otherwise the
 * longest run of words that is a known name wins; unknown words stay single so they get a suggestion.
 */
export function splitNames(tokens: string[], names: NameIndex, kind: EntityKind): string[] {
  const joined = tokens.join(' ');
  if (joined.includes(',') || joined.includes('，') || joined.includes('、')) {
    return joined
      .split(/[,，、]/)
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
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
