import type { ChartSpec } from './spec.js';

/** A Chart.js v4 configuration: plain JSON, no functions, so it travels in a URL and renders locally alike. */
export interface ChartConfig {
  type: 'bar';
  data: { labels: (string | string[])[]; datasets: Record<string, unknown>[] };
  options: Record<string, unknown>;
}

/** Three significant decimals are more than a chart can show, and keep URLs short. */
const round = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

/**
 * Every bar carries its value as the text prints it, written into its category label: plugins that
 * draw labels (chartjs-plugin-datalabels) do not draw with Chart.js 4 on open-source QuickChart, and a
 * config with functions cannot travel in a URL. One series: "Yunnan 云南 · 99.24 %"; several: a
 * second line with each series' value.
 */
function labelsWithValues(spec: ChartSpec): (string | string[])[] {
  return spec.labels.map((label, i) => {
    const shown = spec.series.map((s) => s.shown[i] ?? '');
    if (spec.series.length === 1) return `${label} · ${shown[0]}`;
    return [label, spec.series.map((s, j) => (spec.kind === 'stacked-bar' ? shown[j] : `${s.label} ${shown[j]}`)).join(' · ')];
  });
}

export function toChartConfig(spec: ChartSpec): ChartConfig {
  // Stacked bars lie down too: eleven two-line province labels read across, not rotated.
  const horizontal = spec.kind === 'horizontal-bar' || spec.kind === 'diverging-bar' || spec.kind === 'stacked-bar';
  const stacked = spec.kind === 'stacked-bar';
  const datasets = spec.series.map((s) => {
    const values = s.values.map(round);
    return {
      label: s.label,
      data: values,
      backgroundColor: s.colors ?? (spec.kind === 'diverging-bar' ? values.map((v) => ((v ?? 0) < 0 ? '#c62828' : s.color)) : s.color),
    };
  });
  const negative = spec.series.some((s) => s.values.some((v) => (v ?? 0) < 0));
  const valueAxis = {
    title: { display: true, text: spec.unit },
    ...(stacked ? { stacked: true } : {}),
    ...(spec.max !== undefined ? { max: spec.max } : {}),
    beginAtZero: true,
  };
  // A diverging chart needs its zero drawn: a line dataset at 0 across every row, declarative (a
  // scriptable grid colour would be a function, which a URL cannot carry).
  const zeroLine =
    spec.kind === 'diverging-bar'
      ? [{ type: 'line', label: '0', data: spec.labels.map(() => 0), borderColor: '#212121', borderWidth: 1.5, pointRadius: 0, indexAxis: 'y', order: 0 }]
      : [];
  const labelAxis = { ...(stacked ? { stacked: true } : {}), ticks: { autoSkip: false, padding: 6 } };
  return {
    type: 'bar',
    data: { labels: labelsWithValues(spec), datasets: [...datasets, ...zeroLine] },
    options: {
      // Swiss German formats −1.5 with the minus sign the text uses (U+2212) and a decimal point; the
      // default locale would print a hyphen on negative ticks.
      ...(negative ? { locale: 'gsw' } : {}),
      ...(horizontal ? { indexAxis: 'y' } : {}),
      layout: { padding: { left: 12, right: 16, top: 4, bottom: 8 } },
      plugins: {
        title: { display: true, text: spec.title, padding: { top: 6, bottom: 10 } },
        subtitle: { display: true, text: spec.caption, position: 'bottom', padding: { top: 14 } },
        legend: { display: spec.series.length > 1 },
      },
      scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
    },
  };
}
