/** Cuts text to `max` characters (JavaScript length: conservative for emoji), marking the cut. */
export function fit(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, Math.max(0, max - 1))}…`;
}
