import type { Reply } from '../../commands/reply.js';
import { toChartConfig } from '../../charts/chart-config.js';
import { renderChartPng } from '../../charts/render-png.js';
import { attachmentName } from '../../render/images.js';

export interface ChartPng {
  name: string;
  title: string;
  alt: string;
  png: Buffer;
}

/** The reply's charts rendered locally, for upload mode: no data leaves for a third-party host. */
export function chartPngs(reply: Reply): ChartPng[] {
  return (reply.charts ?? []).map((chart, i) => ({
    name: attachmentName(i),
    title: chart.title,
    alt: chart.alt,
    png: renderChartPng(toChartConfig(chart)),
  }));
}
