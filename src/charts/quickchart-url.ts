import QuickChart from 'quickchart-js';
import type { ChartConfig } from './chart-config.js';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 360;
/** Discord takes image URLs up to 2,048 characters (Slack 3,000): the tighter one rules. */
export const MAX_URL = 2048;

/**
 * The chart as a QuickChart GET URL (https://quickchart.io/documentation/), built by quickchart-js:
 * the config in `c`, Chart.js version 4 asked for explicitly (QuickChart draws v2 otherwise, ignoring
 * indexAxis and subtitle). Its query string writes a space as "+", which hosted and open-source
 * QuickChart both decode as a space. A config too long for a URL that Discord accepts (Chinese labels
 * cost nine characters a glyph) goes base64-encoded in `c` with `encoding=base64`, a form both servers
 * document and quickchart-js does not build. The base URL may point at a self-hosted QuickChart.
 */
export function toQuickChartUrl(config: ChartConfig, baseUrl = 'https://quickchart.io'): string {
  const base = new URL(baseUrl);
  const chart = new QuickChart()
    .setConfig(config as never)
    .setWidth(CHART_WIDTH)
    .setHeight(CHART_HEIGHT)
    .setBackgroundColor('white')
    .setFormat('png')
    .setVersion('4')
    .setScheme(base.protocol.replace(/:$/, '') as 'http' | 'https')
    // A self-hosted QuickChart may live under a path ("http://charts.internal:3400/qc/").
    .setHost(`${base.host}${base.pathname.replace(/\/+$/, '')}`);
  const url = chart.getUrl();
  if (url.length <= MAX_URL) return url;
  const long = new URL(url);
  long.searchParams.set('c', Buffer.from(JSON.stringify(config), 'utf8').toString('base64url'));
  long.searchParams.set('encoding', 'base64');
  return long.href;
}
