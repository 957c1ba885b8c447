import type { Reply } from '../framework/reply.js';
import { toChartConfig } from '../charts/chart-config.js';
import { toQuickChartUrl } from '../charts/quickchart-url.js';
import { memoOn } from '../memo.js';

/** How a chart reaches the reader: a public URL, a file uploaded alongside, one the platform already holds (its id), or a local file. */
export type ChartImage = { kind: 'url'; url: string } | { kind: 'attachment'; name: string } | { kind: 'hosted'; id: string } | { kind: 'file'; path: string };

const made = new WeakMap<Reply, Map<string, readonly ChartImage[]>>();

/**
 * QuickChart URLs for each chart of a reply (the default, no upload). Made once per reply and base
 * URL: replies are built once and shared (a briefing goes to every channel of its slot, a cached
 * answer to everyone who asks), and the URLs are most of what rendering one costs.
 */
export function quickChartImages(reply: Reply, baseUrl?: string): readonly ChartImage[] {
  return memoOn(made, reply, baseUrl ?? '', () => (reply.charts ?? []).map((c) => ({ kind: 'url' as const, url: toQuickChartUrl(toChartConfig(c), baseUrl) })));
}

/** File names for charts uploaded with a message: chart-1.png, chart-2.png. */
export function attachmentName(index: number): string {
  return `chart-${index + 1}.png`;
}
