import QuickChart from 'quickchart-js';
import type { ChartConfig } from './chart-config.js';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 360;
/** Discord takes image URLs up to 2,048 characters (Slack 3,000): the tighter one rules. */
export const MAX_URL = 2048;

/**
 * The chart as a QuickChart URL. Chart.js version set explicitly: QuickChart renders v2 otherwise, and
 * v4 options (indexAxis, subtitle) would be ignored. The base URL may point at a self-hosted QuickChart.
 * A config too long for a URL-encoded `c` (Chinese labels cost nine characters a glyph) goes as
 * base64 instead (`encoding=base64`, which QuickChart, hosted and open-source, decodes).
 */
export function toQuickChartUrl(config: ChartConfig, baseUrl = 'https://quickchart.io'): string {
  const base = new URL(baseUrl);
  const host = `${base.host}${base.pathname.replace(/\/+$/, '')}`;
  const json = JSON.stringify(config);
  const chart = new QuickChart()
    .setConfig(json)
    .setVersion('4')
    .setWidth(CHART_WIDTH)
    .setHeight(CHART_HEIGHT)
    .setBackgroundColor('white')
    .setScheme(base.protocol.replace(':', ''))
    .setHost(host);
  const url = chart.getUrl();
  if (url.length <= MAX_URL) return url;
  const encoded = Buffer.from(json, 'utf8').toString('base64url');
  return `${base.protocol}//${host}/chart?c=${encoded}&encoding=base64&w=${CHART_WIDTH}&h=${CHART_HEIGHT}&bkg=white&f=png&v=4`;
}
