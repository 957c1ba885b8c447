import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChartSpec } from '../../src/charts/spec.js';
import type { Reply } from '../../src/framework/reply.js';
import { shiftPoint } from '../../src/format/numbers.js';

/**
 * Reads a reply as a reader does, number by number, and finds the figures that are neither printed
 * in the paper (its data files hold every printed figure, as printed) nor marked † as computed.
 * A figure is a number with a unit (Mt, kt, %, points, 万吨, 个百分点, kg/t) or a rank (#5, 第5位).
 * Left out on purpose: the paper's own words in quotes, command lines, years, table and section
 * numbers, and counts without a unit ("5 more named countries"), which are navigation, not findings.
 */
export function printedNumbers(dataDir: string, year: number): Set<string> {
  const out = new Set<string>();
  for (const file of readdirSync(join(dataDir, String(year)))) {
    const text = readFileSync(join(dataDir, String(year), file), 'utf8');
    // Thousands separators only in groups of three: a CSV's commas separate fields.
    for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) out.add(plain(m[0]));
  }
  return out;
}

function plain(n: string): string {
  return n.replace(/[,，+−-]/g, '');
}

const UNIT = String.raw`(?:\s?(?:Mt|kt|%|％|pp|points?|万吨|个百分点|kg/t|千克/吨))`;
const FIGURE = new RegExp(String.raw`([+−-]?\d[\d,]*(?:\.\d+)?)(${UNIT})`, 'g');
const RANK = /#\d+(?:\s*(?:of|\/)\s*\d+)?|第\d+位/g;

/** The text a reader meets in a reply, chart labels and captions included. */
export function readerText(reply: Reply): string[] {
  const chartText = (c: ChartSpec) => [c.title, c.caption, c.alt, ...c.labels, ...c.series.flatMap((s) => [s.label, ...s.shown])];
  return [
    reply.title,
    reply.summary ?? '',
    ...(reply.fields ?? []).map((f) => `${f.label}  ${f.value}`),
    // A cell is marked when it or its column's header is ("vs 2023 †": every change in it is computed).
    ...(reply.table?.rows ?? []).flatMap((r) => r.map((cell, i) => `${cell}${reply.table?.columns[i]?.label.includes('†') ? ' †' : ''}`)),
    ...(reply.notes ?? []),
    ...(reply.charts ?? []).flatMap(chartText),
  ];
}

/** Each segment (a sentence, a table cell, a field value) that states a computed figure must carry †. */
export function unmarkedFigures(lines: readonly string[], printed: Set<string>): string[] {
  const found: string[] = [];
  for (const line of lines) {
    // The paper's words are its own; command lines and references are navigation.
    const text = line
      .replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, ' ')
      .replace(/(?<![\w/])\/[a-z]+(?: [\w-]+)*/g, ' ')
      .replace(/(?:Table|Section)\s\d+(?:\.\d+)?|表\s?\d+|第\d+(?:\.\d+)?节/g, ' ');
    for (const segment of text.split(/\s{2,}|[;；。\n]|\. |, (?=[A-Z])/)) {
      const marked = segment.includes('†');
      if (marked) continue;
      for (const m of segment.matchAll(FIGURE)) {
        const n = plain(m[1]!);
        const unit = m[2]!.trim();
        // 420万吨 is ≈4.2 Mt: integer 万吨 cannot show that the trailing zero was not printed.
        const candidates = (unit === '万吨' ? [shiftPoint(n, -2), shiftPoint(n, 1)] : [n]).flatMap((c) =>
          c.includes('.') ? [c, c.replace(/\.?0+$/, '')] : [c],
        );
        // Half a unit of a printed digit ("under 0.005 Mt") is a rounding bound, not a figure.
        const bound = /^0\.0*5$/.test(n);
        if (!bound && !candidates.some((c) => printed.has(c) || printed.has(c.replace(/\.0+$/, '')))) found.push(`${m[0].trim()} in «${line.slice(0, 160)}»`);
      }
      for (const m of segment.matchAll(RANK)) found.push(`rank ${m[0]} in «${line.slice(0, 160)}»`);
    }
  }
  return found;
}
