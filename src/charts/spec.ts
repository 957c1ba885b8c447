/** A chart as a command describes it: data and words only. Turned into Chart.js config by chart-config.ts. */
export interface ChartSpec {
  kind: 'bar' | 'horizontal-bar' | 'stacked-bar' | 'diverging-bar';
  title: string;
  labels: string[];
  /**
   * `values` are what the bars draw (null: no bar, the paper gives no value); `shown` is each value as
   * the text prints it, put on its bar. `colors` gives each bar its own colour; `color` the series'.
   */
  series: { label: string; values: (number | null)[]; shown: string[]; color: string; colors?: string[] }[];
  /** Axis unit: "Mt", "%", "kt". */
  unit: string;
  /** Shown under the chart: the paper's table or section, and what the chart leaves out. */
  caption: string;
  /** Read by screen readers and shown where images are off. */
  alt: string;
  /** Percentage charts end at 100. */
  max?: number;
}

export const COLORS = {
  high: '#2e7d32',
  medium: '#f9a825',
  low: '#ef6c00',
  shutdown: '#9e9e9e',
  capacity: '#90a4ae',
  output: '#1565c0',
  demand: '#ef6c00',
  exports: '#6a1b9a',
  surplus: '#1565c0',
  deficit: '#c62828',
  previous: '#b0bec5',
  current: '#1565c0',
} as const;

/** Bars of the four efficiency classes, in the order high, medium, low, shut down. */
export const CLASS_COLORS = [COLORS.high, COLORS.medium, COLORS.low, COLORS.shutdown];
