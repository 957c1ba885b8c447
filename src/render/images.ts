import type { Reply } from '../framework/reply.js';
import { toChartConfig } from '../charts/chart-config.js';
import { toQuickChartUrl } from '../charts/quickchart-url.js';

/** How a chart reaches the reader: a public URL, a file uploaded alongside, one the platform already holds (its id), or a local file. */
export type ChartImage = { kind: 'url'; url: string } | { kind: 'attachment'; name: string } | { kind: 'hosted'; id: string } | { kind: 'file'; path: string };

/** QuickChart URLs for each chart of a reply (the default, no upload). */
export function quickChartImages(reply: Reply, baseUrl?: string): ChartImage[] {
  return (reply.charts ?? []).map((c) => ({ kind: 'url', url: toQuickChartUrl(toChartConfig(c), baseUrl) }));
}

/** File names for charts uploaded with a message: chart-1.png, chart-2.png. */
export function attachmentName(index: number): string {
  return `chart-${index + 1}.png`;
}
