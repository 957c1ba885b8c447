/** Splits command text into words; "double", 'single' or “curly” quotes keep spaces inside one word. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|“([^”]*)”|(\S+)/g;
  for (const m of text.matchAll(re)) {
    const word = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    if (word.length > 0) tokens.push(word);
  }
  return tokens;
}

/**
 * What a user typed, safe to quote back on any platform: no control or invisible characters, no line
 * breaks, none of the characters that make markup or mentions (`*_~|<>@#&\), bounded length.
 * Renderers escape everything again; this is the first of two walls.
 */
export function echo(text: string, max = 40): string {
  const clean = text
    .replace(/\p{Cc}|\p{Cf}/gu, ' ')
    .replace(/[`*_~|<>@#&\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** Flags any command line may end with, on every platform. Phones turn "--" into a dash: "—public" counts. */
export const LINE_FLAGS = ['public', 'full', 'compact'] as const;
export type LineFlag = (typeof LINE_FLAGS)[number];

export type SplitFlags = { ok: true; text: string; flags: Set<LineFlag> } | { ok: false; flag: string };

/** Takes "--public", "--full", "--compact" off a line, wherever they are; an unknown "--word" is an error. */
export function splitFlags(line: string): SplitFlags {
  const flags = new Set<LineFlag>();
  const words: string[] = [];
  for (const word of line.split(/(\s+)/)) {
    const m = /^(?:--|—|–)([a-z-]+)$/i.exec(word);
    if (!m) {
      words.push(word);
      continue;
    }
    const flag = m[1]!.toLowerCase();
    if (!(LINE_FLAGS as readonly string[]).includes(flag)) return { ok: false, flag: `--${flag}` };
    flags.add(flag as LineFlag);
  }
  return { ok: true, text: words.join('').replace(/\s+/g, ' ').trim(), flags };
}

/** The line a button re-runs: without the flags that only changed how this answer looked (one parser for every platform). */
export function lineWithoutFlags(line: string): string {
  const split = splitFlags(line.trim());
  return split.ok ? split.text : line.trim();
}
