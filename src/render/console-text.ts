import type { Reply } from '../framework/reply.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { ChartImage } from './images.js';
import { displayWidth, tableText } from './table-text.js';

export interface ConsoleOptions {
  images?: readonly ChartImage[];
  m?: Messages;
  /** ANSI colour (a terminal that wants it, and NO_COLOR unset). */
  color?: boolean;
  /** Where files attached to the reply were written. */
  files?: string[];
}

const style = (on: boolean) => ({
  bold: (s: string) => (on ? `\x1b[1m${s}\x1b[22m` : s),
  dim: (s: string) => (on ? `\x1b[2m${s}\x1b[22m` : s),
  red: (s: string) => (on ? `\x1b[31m${s}\x1b[39m` : s),
});

/** Plain text for a terminal: columns aligned, charts as file paths or URLs, the next questions as lines to type. */
export function toConsoleText(reply: Reply, o: ConsoleOptions = {}): string {
  const m = o.m ?? en;
  const s = style(o.color ?? false);
  const images = o.images ?? [];
  const out: string[] = [];
  if (reply.understood) out.push(s.dim(m.question.understood(reply.understood)));
  out.push(reply.tone === 'error' ? s.red(`✖ ${reply.title}`) : s.bold(reply.title));
  out.push('─'.repeat(Math.min(60, Math.max(10, displayWidth(reply.title) + 2))));
  if (reply.summary) out.push(reply.summary);
  if (reply.usage) out.push(m.render.labelled(m.render.usage, reply.usage.split('\n').join('\n       ')));
  if (reply.fields?.length) {
    out.push('');
    // A label may hold several lines (/help lists each form of a command): align on the widest line.
    const width = Math.max(...reply.fields.flatMap((f) => f.label.split('\n').map(displayWidth)));
    const pad = (text: string) => text + ' '.repeat(width - displayWidth(text));
    for (const f of reply.fields) {
      const labels = f.label.split('\n');
      const values = f.value.split('\n');
      for (let i = 0; i < Math.max(labels.length, values.length); i++) {
        const source = i === 0 && f.source ? s.dim(`   [${f.source}]`) : '';
        out.push(`  ${pad(labels[i] ?? '')}  ${values[i] ?? ''}${source}`.trimEnd());
      }
    }
  }
  if (reply.table) {
    out.push('');
    out.push(
      tableText(reply.table, 100_000, m)
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  (reply.charts ?? []).forEach((c, i) => {
    const img = images[i];
    const where = img?.kind === 'file' ? img.path : img?.kind === 'url' ? img.url : img?.kind === 'attachment' ? img.name : undefined;
    if (where) out.push('', `${m.render.labelled(m.render.chart, c.title)}\n  ${where}`);
  });
  for (const f of o.files ?? []) out.push('', m.render.fileAttached(f));
  if (reply.notes?.length) {
    out.push('');
    for (const n of reply.notes) out.push(`  • ${n}`);
  }
  if (reply.sources?.length) out.push('', s.dim(m.render.labelled(m.render.sources, reply.sources.join(' · '))));
  const next = [...(reply.followUps ?? []).map((f) => f.line), ...(reply.menu ? [`${reply.menu.prefix} …`] : [])];
  if (next.length > 0 && reply.tone === 'info') out.push('', s.dim(`→ ${next.join('   ')}`));
  return out.join('\n');
}
