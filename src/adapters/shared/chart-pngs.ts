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

// Replies from the reply cache and composed briefings are reused objects: render their charts once.
const rendered = new WeakMap<Reply, ChartPng[]>();

/** The reply's charts rendered locally, for upload mode: no data leaves for a third-party host. */
export function chartPngs(reply: Reply): ChartPng[] {
  const hit = rendered.get(reply);
  if (hit) return hit;
  const pngs = (reply.charts ?? []).map((chart, i) => ({
    name: attachmentName(i),
    title: chart.title,
    alt: chart.alt,
    png: renderChartPng(toChartConfig(chart)),
  }));
  rendered.set(reply, pngs);
  return pngs;
}
