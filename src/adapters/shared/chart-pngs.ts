import type { Reply } from '../../framework/reply.js';
import { toChartConfig } from '../../charts/chart-config.js';
import { quickChartPng } from '../../charts/quickchart-url.js';
import type { Logger } from '../../log.js';
import { attachmentName, quickChartImages, type ChartImage } from '../../render/images.js';
import { Lru } from '../../memo.js';

export interface ChartPng {
  name: string;
  title: string;
  alt: string;
  png: Buffer;
}

/**
 * PNGs by what they draw (the source and the Chart.js config), most recent kept: a briefing's chart
 * is the same in every channel of a slot though each subscription's message is its own object, so a
 * slot of thousands of channels draws each chart once. Bounded, since configs are few but unbounded.
 */
const drawnPngs = new Lru<string, Promise<Buffer>>(64);

function png(key: string, draw: () => Promise<Buffer>): Promise<Buffer> {
  const kept = drawnPngs.get(key);
  if (kept) return kept;
  const made = draw();
  drawnPngs.set(key, made);
  // A failure is not kept: the next message draws again.
  made.catch(() => drawnPngs.get(key) === made && drawnPngs.delete(key));
  return made;
}

/** The reply's charts rendered locally, for upload mode: no data goes to a third-party host. */
export function chartPngs(reply: Reply): Promise<ChartPng[]> {
  return Promise.all((reply.charts ?? []).map((_c, i) => drawn(reply, i)));
}

async function drawn(reply: Reply, i: number): Promise<ChartPng> {
  const chart = reply.charts![i]!;
  const config = toChartConfig(chart);
  const bytes = await png(`local\n${JSON.stringify(config)}`, async () => {
    const { renderChartPng } = await import('../../charts/render-png.js');
    return renderChartPng(config);
  });
  return { name: attachmentName(i), title: chart.title, alt: chart.alt, png: bytes };
}

/** How a platform shows charts: CHART_MODE, the QuickChart it links to, and the longest image URL it takes. */
export interface ChartOptions {
  mode: 'url' | 'upload';
  quickChartBaseUrl: string;
  urlLimit: number;
}

/** A reply's charts for one message: how each is shown, and the PNGs to upload with it. */
export interface MessageCharts {
  /** One per chart: a QuickChart URL, or an attachment (chart-N.png) that `pngs` holds. */
  images: readonly ChartImage[];
  /** Whether any chart is uploaded with the message. */
  uploads: boolean;
  /** The attachments' PNGs, in the order of `images`. */
  pngs(): Promise<ChartPng[]>;
}

/**
 * In upload mode, every chart is drawn locally and uploaded. In URL mode, each chart is a QuickChart
 * URL where that fits the platform; a longer one (a config QuickChart cannot take in `c` within the
 * platform's limit, even base64-encoded) is drawn by the same QuickChart through a POST
 * (quickChartPng) and uploaded, or drawn locally if QuickChart fails, so no chart is left out.
 */
export function messageCharts(reply: Reply, o: ChartOptions, log?: Pick<Logger, 'warn'>): MessageCharts {
  const charts = reply.charts ?? [];
  if (o.mode === 'upload' && charts.length > 0) {
    return { images: charts.map((_c, i) => ({ kind: 'attachment', name: attachmentName(i) })), uploads: true, pngs: () => chartPngs(reply) };
  }
  const urls = quickChartImages(reply, o.quickChartBaseUrl);
  const long = urls.flatMap((img, i) => (img.kind === 'url' && img.url.length > o.urlLimit ? [i] : []));
  if (long.length === 0) return { images: urls, uploads: false, pngs: async () => [] };
  return {
    images: urls.map((img, i) => (long.includes(i) ? { kind: 'attachment', name: attachmentName(i) } : img)),
    uploads: true,
    pngs: () => Promise.all(long.map((i) => fromQuickChart(reply, i, o.quickChartBaseUrl, log))),
  };
}

async function fromQuickChart(reply: Reply, i: number, baseUrl: string, log?: Pick<Logger, 'warn'>): Promise<ChartPng> {
  const chart = reply.charts![i]!;
  const config = toChartConfig(chart);
  try {
    const bytes = await png(`${baseUrl}\n${JSON.stringify(config)}`, () => quickChartPng(config, baseUrl));
    return { name: attachmentName(i), title: chart.title, alt: chart.alt, png: bytes };
  } catch (err) {
    log?.warn({ err: (err as Error).message, chart: chart.title }, 'QuickChart could not draw a chart too long for a URL; drawn locally instead');
    return drawn(reply, i);
  }
}
