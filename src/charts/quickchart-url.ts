import type { ChartConfig } from './chart-config.js';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 360;
/** Discord takes image URLs up to 2,048 characters (Slack 3,000): the tighter one rules. */
export const MAX_URL = 2048;

/**
 * The chart as a QuickChart GET URL (https://quickchart.io/documentation/): the Chart.js config in
 * `c`, version 4 asked for explicitly (QuickChart draws v2 otherwise, ignoring indexAxis and subtitle).
 * Built here rather than with quickchart-js, which loads a fetch polyfill to make a string: 30 ms of
 * every CLI start. `c` is percent-encoded with encodeURIComponent (a space is %20, never "+": the
 * open-source server decodes with decodeURIComponent). A config too long for that (Chinese labels
 * cost nine characters a glyph) goes as base64 (`encoding=base64`, decoded by hosted and open-source
 * QuickChart alike). The base URL may point at a self-hosted QuickChart.
 */
export function toQuickChartUrl(config: ChartConfig, baseUrl = 'https://quickchart.io'): string {
  const base = `${baseUrl.replace(/\/+$/, '')}/chart`;
  const json = JSON.stringify(config);
  const params = `w=${CHART_WIDTH}&h=${CHART_HEIGHT}&bkg=white&f=png&v=4`;
  const plain = `${base}?c=${encodeURIComponent(json)}&${params}`;
  if (plain.length <= MAX_URL) return plain;
  return `${base}?c=${Buffer.from(json, 'utf8').toString('base64url')}&encoding=base64&${params}`;
}
