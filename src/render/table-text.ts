import type { ReplyTable } from '../commands/reply.js';

/**
 * A monospace table for code blocks, kept within `maxChars`: rows that do not fit are replaced by a
 * visible "…and N more" line rather than cut mid-row.
 */
export function tableText(table: ReplyTable, maxChars: number): string {
  const widths = table.columns.map((c, i) => Math.max(c.label.length, ...table.rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (table.columns[i]?.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const header = line(table.columns.map((c) => c.label));
  const lines = [header];
  let used = header.length;
  for (let i = 0; i < table.rows.length; i++) {
    const next = line(table.rows[i]!);
    const remaining = table.rows.length - i;
    const moreLine = `…and ${remaining} more`;
    const mustLeaveRoom = remaining > 1 ? moreLine.length + 1 : 0;
    if (used + next.length + 1 + mustLeaveRoom > maxChars) {
      lines.push(moreLine);
      break;
    }
    lines.push(next);
    used += next.length + 1;
  }
  return lines.join('\n');
}
