import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import type { ChartConfiguration, ChartItem, Plugin, Scale, Tick } from 'chart.js';
import { builtFile } from '../built-file.js';
import type { ChartConfig } from './chart-config.js';

const FONT_FAMILY = 'Noto Sans SC';

const require = createRequire(import.meta.url);
/**
 * The build's Chart.js parts (chartjs-parts.ts), run with their code cache through the build's one
 * code-cache module (so the build's recording run sees them too); Chart.js itself when the sources
 * run directly.
 */
function chartParts(): typeof import('./chartjs-parts.js') {
  const [parts, loader] = [builtFile('vendor/chartjs-parts.js'), builtFile('code-cache.js')];
  if (!parts || !loader) return require('chart.js') as typeof import('./chartjs-parts.js');
  return (require(loader) as typeof import('../code-cache.js')).runBundle(parts) as typeof import('./chartjs-parts.js');
}
const { Chart, Ticks, registerables } = chartParts();

export interface FontPiece {
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
  const root = dirname(require.resolve('@fontsource/noto-sans-sc/package.json'));
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
  Chart.defaults.scales.linear.ticks.callback = tickLabel;
  return pieces;
}

/**
 * Registers the font pieces that hold the characters of `text` (once each). The pieces' ranges
 * overlap ("%" is in the Latin piece and in four of the CJK ones); as a browser does with the CSS,
 * the last piece declared that holds a character is the one used, so an English chart needs the
 * Latin piece alone. Registering every piece that held any character cost 20 ms of the first chart.
 */
function fontsFor(text: string): void {
  for (const piece of piecesFor(text)) {
    if (piece.registered) continue;
    GlobalFonts.registerFromPath(piece.file, FONT_FAMILY);
    piece.registered = true;
  }
}

/** The font pieces that draw `text`: for each character, the last piece declared that holds it. */
export function piecesFor(text: string): FontPiece[] {
  const all = fontPieces();
  const chosen = new Set<FontPiece>();
  for (const ch of new Set(text)) {
    const c = ch.codePointAt(0)!;
    const piece = all.findLast((p) => p.ranges.some(([a, b]) => c >= a && c <= b));
    if (piece) chosen.add(piece);
  }
  return [...chosen];
}

/**
 * Chart.js's own numeric tick label, without Intl when the chart sets no locale: the first
 * Intl.NumberFormat of a process costs about 12 ms (ICU's number data), a third of drawing the first
 * chart of `npm run ask`. The digits are those of Chart.js's formatter in en-US, its rule for decimal
 * places included (test/charts/charts.test.ts compares the two). A chart with a locale (diverging
 * charts use one for the minus sign), scientific notation or a format option goes to Chart.js.
 */
export function tickLabel(this: Scale, value: number | string, index: number, ticks: Tick[]): string {
  const numeric = () => Ticks.formatters.numeric.call(this, value as number, index, ticks);
  if (typeof value !== 'number' || this.chart.options.locale !== undefined || (this.options as { ticks?: { format?: unknown } }).ticks?.format !== undefined)
    return numeric();
  if (value === 0) return '0';
  let delta = value;
  if (ticks.length > 1) {
    const maxTick = Math.max(Math.abs(ticks[0]!.value), Math.abs(ticks.at(-1)!.value));
    if (maxTick < 1e-4 || maxTick > 1e15) return numeric();
    delta = ticks.length > 3 ? ticks[2]!.value - ticks[1]!.value : ticks[1]!.value - ticks[0]!.value;
    if (Math.abs(delta) >= 1 && value !== Math.floor(value)) delta = value - Math.floor(value);
  }
  const logDelta = Math.log10(Math.abs(delta));
  const decimals = Number.isNaN(logDelta) ? 1 : Math.max(Math.min(-Math.floor(logDelta), 20), 0);
  const [whole = '', fraction] = Math.abs(value).toFixed(decimals).split('.');
  return `${value < 0 ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
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

/**
 * Renders the same Chart.js config the URL carries, to PNG bytes, with no network. The chart is drawn
 * at once; the PNG is encoded on libuv's thread pool, so a reply's next chart is drawn meanwhile and
 * a bot's event loop is not held for the 10 ms or so an encode takes.
 */
export async function renderChartPng(config: ChartConfig, width = 800, height = 480): Promise<Buffer> {
  // Every string of the config is drawn somewhere (labels, title, caption, legend, axis titles).
  fontsFor(`${JSON.stringify(config).replace(/\\u([0-9a-f]{4})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))}0123456789.,−+-%`);
  const canvas = createCanvas(width, height);
  const chart = new Chart(canvas as unknown as ChartItem, {
    ...(structuredClone(config) as unknown as ChartConfiguration),
    options: { ...(structuredClone(config.options) as object), responsive: false, animation: false, devicePixelRatio: 1 },
    plugins: [whiteBackground],
  });
  try {
    return await canvas.encode('png');
  } finally {
    chart.destroy();
  }
}
