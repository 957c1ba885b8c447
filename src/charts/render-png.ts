import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables, type ChartConfiguration, type ChartItem, type Plugin } from 'chart.js';
import type { ChartConfig } from './chart-config.js';

const FONT_FAMILY = 'Noto Sans SC';

interface FontPiece {
  file: string;
  ranges: [number, number][];
  registered: boolean;
}

let pieces: FontPiece[] | undefined;

/**
 * The machine has no CJK font, so Chinese labels would draw as boxes. The project brings Noto Sans SC
 * (npm @fontsource/noto-sans-sc), split into about a hundred files by Unicode range, as its CSS says.
 * Only the pieces a chart's text needs are registered, when it first needs them: registering all of
 * them cost more than drawing the chart.
 */
function fontPieces(): FontPiece[] {
  if (pieces) return pieces;
  const root = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));
  const css = readFileSync(join(root, '400.css'), 'utf8');
  pieces = [...css.matchAll(/url\(\.\/files\/([^)]+?-400-normal\.woff2)\)[^;]*;\s*unicode-range:\s*([^;]+);/g)].map((m) => ({
    file: join(root, 'files', m[1]!),
    ranges: m[2]!.split(',').map((r) => {
      const [a, b] = r.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
    }),
    registered: false,
  }));
  Chart.register(...registerables);
  Chart.defaults.font.family = `"${FONT_FAMILY}", "DejaVu Sans", sans-serif`;
  return pieces;
}

/** Registers the font pieces that hold the characters of `text` (once each). */
function fontsFor(text: string): void {
  const all = fontPieces();
  const codes = new Set<number>();
  for (const ch of text) codes.add(ch.codePointAt(0)!);
  for (const piece of all) {
    if (piece.registered) continue;
    if ([...codes].some((c) => piece.ranges.some(([a, b]) => c >= a && c <= b))) {
      GlobalFonts.registerFromPath(piece.file, FONT_FAMILY);
      piece.registered = true;
    }
  }
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
  // Every string of the config is drawn somewhere (labels, title, caption, legend, axis titles).
  fontsFor(`${JSON.stringify(config).replace(/\\u([0-9a-f]{4})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))}0123456789.,−+-%`);
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
