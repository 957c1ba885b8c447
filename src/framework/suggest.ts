/** Edit distance (insertions, deletions, substitutions, adjacent swaps), for "did you mean" on short words. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The words of a short fixed list closest to what was typed: those it starts (“cap” → capacity), then
 * those within a third of their length in edits (“utilisation” → utilization). Never an unrelated one.
 */
export function closestWords(typed: string, words: readonly string[], limit = 3): string[] {
  const t = typed.toLowerCase().trim();
  if (!t) return [];
  const prefixed = words.filter((w) => w.startsWith(t) || (t.length >= 3 && w.replace(/[-_]/g, '').startsWith(t.replace(/[-_]/g, ''))));
  const near = words
    .map((w) => ({ w, d: editDistance(t, w) }))
    .filter((x) => x.d <= Math.max(1, Math.floor(x.w.length / 3)))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.w);
  return [...new Set([...prefixed, ...near])].slice(0, limit);
}
