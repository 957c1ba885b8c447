import type { ChartSpec } from './spec.js';

/** A Chart.js v4 configuration: plain JSON, no functions, so it travels in a URL and renders locally alike. */
export interface ChartConfig {
  type: 'bar';
  data: { labels: string[]; datasets: Record<string, unknown>[] };
  options: Record<string, unknown>;
}

/** Three significant decimals are more than a chart can show, and keep URLs short. */
const round = (n: number) => Math.round(n * 1000) / 1000;

export function toChartConfig(spec: ChartSpec): ChartConfig {
  const horizontal = spec.kind === 'horizontal-bar' || spec.kind === 'diverging-bar';
  const stacked = spec.kind === 'stacked-bar';
  const datasets = spec.series.map((s) => {
    const values = s.values.map(round);
    return {
      label: s.label,
      data: values,
      backgroundColor: s.colors ?? (spec.kind === 'diverging-bar' ? values.map((v) => (v < 0 ? '#c62828' : s.color)) : s.color),
    };
  });
  const valueAxis = { title: { display: true, text: spec.unit }, ...(stacked ? { stacked: true } : {}), ...(spec.max !== undefined ? { max: spec.max } : {}) };
  const labelAxis = stacked ? { stacked: true } : {};
  return {
    type: 'bar',
    data: { labels: spec.labels, datasets },
    options: {
      ...(horizontal ? { indexAxis: 'y' } : {}),
      plugins: {
        title: { display: true, text: spec.title },
        subtitle: { display: true, text: spec.caption, position: 'bottom' },
        legend: { display: spec.series.length > 1 },
      },
      scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
    },
  };
}
