import QuickChart from 'quickchart-js';
import type { ChartConfig } from './chart-config.js';

export const CHART_WIDTH = 600;
export const CHART_HEIGHT = 360;

/**
 * The chart as a QuickChart URL. Chart.js version set explicitly: QuickChart renders v2 otherwise, and
 * v4 options (indexAxis, subtitle) would be ignored. The base URL may point at a self-hosted QuickChart.
 */
export function toQuickChartUrl(config: ChartConfig, baseUrl = 'https://quickchart.io'): string {
  const base = new URL(baseUrl);
  const chart = new QuickChart()
    .setConfig(JSON.stringify(config))
    .setVersion('4')
    .setWidth(CHART_WIDTH)
    .setHeight(CHART_HEIGHT)
    .setBackgroundColor('white')
    .setScheme(base.protocol.replace(':', ''))
    .setHost(`${base.host}${base.pathname.replace(/\/+$/, '')}`);
  return chart.getUrl();
}
