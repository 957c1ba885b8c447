import type { Reply } from '../commands/reply.js';
import type { ChartImage } from './images.js';
import { tableText } from './table-text.js';

/** Plain text for a terminal: no markup, columns aligned, charts as file paths or URLs. */
export function toConsoleText(reply: Reply, images: ChartImage[] = []): string {
  const out: string[] = [];
  out.push(reply.tone === 'error' ? `✖ ${reply.title}` : reply.title);
  out.push('─'.repeat(Math.min(60, Math.max(10, reply.title.length + 2))));
  if (reply.summary) out.push(reply.summary);
  if (reply.usage) out.push(`Usage: ${reply.usage.split('\n').join('\n       ')}`);
  if (reply.fields?.length) {
    out.push('');
    const width = Math.max(...reply.fields.map((f) => f.label.length));
    for (const f of reply.fields) {
      const [first, ...more] = f.value.split('\n');
      out.push(`  ${f.label.padEnd(width)}  ${first}${f.source ? `   [${f.source}]` : ''}`);
      for (const m of more) out.push(`  ${''.padEnd(width)}  ${m}`);
    }
  }
  if (reply.table) {
    out.push('');
    out.push(tableText(reply.table, 100_000).split('\n').map((l) => `  ${l}`).join('\n'));
  }
  (reply.charts ?? []).forEach((c, i) => {
    const img = images[i];
    const where = img?.kind === 'file' ? img.path : img?.kind === 'url' ? img.url : img?.kind === 'attachment' ? img.name : undefined;
    if (where) out.push('', `Chart: ${c.title}\n  ${where}`);
  });
  if (reply.notes?.length) {
    out.push('');
    for (const n of reply.notes) out.push(`  • ${n}`);
  }
  if (reply.sources?.length) out.push('', `Sources: ${reply.sources.join(' · ')}`);
  return out.join('\n');
}
