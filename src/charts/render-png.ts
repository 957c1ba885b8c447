import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type ChartItem, type Plugin } from 'chart.js';
import type { ChartConfig } from './chart-config.js';

const FONT_FAMILY = 'Noto Sans SC';
let ready = false;

/**
 * The machine has no CJK font, so Chinese labels would draw as boxes. The project brings Noto Sans SC
 * (npm @fontsource/noto-sans-sc, split by Unicode range); Skia falls back across the pieces per glyph.
 * Done on first render, not at start-up: most replies never render locally.
 */
function prepare(): void {
  if (ready) return;
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');
  for (const file of readdirSync(dir)) {
    if (file.endsWith('-400-normal.woff2')) GlobalFonts.registerFromPath(join(dir, file), FONT_FAMILY);
  }
  Chart.register(...registerables);
  Chart.defaults.font.family = `"${FONT_FAMILY}", "DejaVu Sans", sans-serif`;
  ready = true;
}

const whiteBackground: Plugin = {
  id: 'white-background',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Renders the same Chart.js config the URL carries, to PNG bytes, with no network. */
export function renderChartPng(config: ChartConfig, width = 800, height = 480): Buffer {
  prepare();
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas as unknown as ChartItem, {
    ...(structuredClone(config) as unknown as ChartConfiguration),
    options: { ...(structuredClone(config.options) as object), responsive: false, animation: false, devicePixelRatio: 1 },
    plugins: [whiteBackground],
  });
  try {
    return canvas.toBuffer('image/png');
  } finally {
    chart.destroy();
  }
}
