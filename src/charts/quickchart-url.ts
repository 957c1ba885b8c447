import QuickChart from 'quickchart-js';
import type { ChartConfig } from './chart-config.js';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 360;
/** Discord takes image URLs up to 2,048 characters (Slack 3,000): past it, the base64 form is tried. */
export const MAX_URL = 2048;

/**
 * The chart as a QuickChart GET URL (https://quickchart.io/documentation/), built by quickchart-js:
 * the config in `c`, Chart.js version 4 asked for explicitly (QuickChart draws v2 otherwise, ignoring
 * indexAxis and subtitle). Its query string writes a space as "+", which hosted and open-source
 * QuickChart both decode as a space. A config too long for a URL that Discord accepts (Chinese labels
 * cost nine characters a glyph) goes base64-encoded in `c` with `encoding=base64`, a form both servers
 * document and quickchart-js does not build. Longer still, a platform uploads the PNG instead
 * (quickChartPng). The base URL may point at a self-hosted QuickChart.
 */
export function toQuickChartUrl(config: ChartConfig, baseUrl = 'https://quickchart.io'): string {
  const url = quickChart(config, baseUrl).getUrl();
  if (url.length <= MAX_URL) return url;
  const long = new URL(url);
  long.searchParams.set('c', Buffer.from(JSON.stringify(config), 'utf8').toString('base64url'));
  long.searchParams.set('encoding', 'base64');
  return long.href;
}

/** How long a QuickChart POST may take before the chart is drawn locally instead. */
export const QUICKCHART_TIMEOUT_MS = 10_000;

/**
 * The chart drawn by QuickChart as PNG bytes: the config goes in a POST body, so no length limit
 * applies. For a chart whose URL is too long for the platform. quickchart-js builds the request (its
 * getPostData, what its toBinary() sends); it is sent here because toBinary() takes no signal, and a
 * QuickChart that never answers would hold the socket after the chart was drawn locally instead.
 */
export async function quickChartPng(config: ChartConfig, baseUrl = 'https://quickchart.io', timeoutMs = QUICKCHART_TIMEOUT_MS): Promise<Buffer> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const { scheme, host } = placeOf(baseUrl);
    const res = await fetch(`${scheme}://${host}/chart`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(quickChart(config, baseUrl).getPostData()),
      signal,
    });
    if (!res.ok) {
      const why = res.headers.get('x-quickchart-error');
      await res.body?.cancel();
      throw new Error(`QuickChart answered ${res.status}${why ? `: ${why}` : ''}`);
    }
    const png = Buffer.from(await res.arrayBuffer());
    if (png.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('QuickChart answered with something other than a PNG');
    return png;
  } catch (err) {
    if (signal.aborted) throw new Error(`QuickChart did not answer within ${timeoutMs} ms`);
    throw err;
  }
}

/** QuickChart's scheme, and its host with the path a self-hosted one may live under ("http://charts.internal:3400/qc/"). */
function placeOf(baseUrl: string): { scheme: 'http' | 'https'; host: string } {
  const base = new URL(baseUrl);
  return { scheme: base.protocol.replace(/:$/, '') as 'http' | 'https', host: `${base.host}${base.pathname.replace(/\/+$/, '')}` };
}

/** One chart as QuickChart draws it: the same size, background, format and Chart.js version for a URL and a POST. */
function quickChart(config: ChartConfig, baseUrl: string): QuickChart {
  const { scheme, host } = placeOf(baseUrl);
  return new QuickChart()
    .setConfig(config as never)
    .setWidth(CHART_WIDTH)
    .setHeight(CHART_HEIGHT)
    .setBackgroundColor('white')
    .setFormat('png')
    .setVersion('4')
    .setScheme(scheme)
    .setHost(host);
}
