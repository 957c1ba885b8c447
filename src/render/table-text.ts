import type { ReplyTable } from '../framework/reply.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';

/** Columns as a terminal or a code block shows them: a Chinese character takes two cells. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

/**
 * A monospace table for code blocks, kept within `maxChars`: rows that do not fit are replaced by a
 * visible "…and N more" line rather than cut mid-row.
 */
export function tableText(table: ReplyTable, maxChars: number, m: Messages = en): string {
  const widths = table.columns.map((c, i) => Math.max(displayWidth(c.label), ...table.rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => pad(cell, widths[i]!, table.columns[i]?.align === 'right'))
      .join('  ')
      .trimEnd();
  const header = line(table.columns.map((c) => c.label));
  const lines = [header];
  let used = header.length;
  for (let i = 0; i < table.rows.length; i++) {
    const next = line(table.rows[i]!);
    const remaining = table.rows.length - i;
    const moreLine = m.render.more(remaining);
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
