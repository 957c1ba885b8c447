import type { Reply } from '../../framework/reply.js';
import { toChartConfig } from '../../charts/chart-config.js';
import { attachmentName } from '../../render/images.js';

export interface ChartPng {
  name: string;
  title: string;
  alt: string;
  png: Buffer;
}

// Cached answers and composed briefings are shared objects: their charts render once.
const rendered = new WeakMap<Reply, Promise<ChartPng[]>>();

/** The reply's charts rendered locally, for upload mode: no data goes to a third-party host. */
export function chartPngs(reply: Reply): Promise<ChartPng[]> {
  let pngs = rendered.get(reply);
  if (!pngs) {
    pngs = import('../../charts/render-png.js').then(({ renderChartPng }) =>
      Promise.all(
        (reply.charts ?? []).map(async (chart, i) => ({
          name: attachmentName(i),
          title: chart.title,
          alt: chart.alt,
          png: await renderChartPng(toChartConfig(chart)),
        })),
      ),
    );
    rendered.set(reply, pngs);
  }
  return pngs;
}
