import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reply } from '../commands/reply.js';
import type { ChartImage } from '../render/images.js';
import { toChartConfig } from './chart-config.js';
import { renderChartPng } from './render-png.js';

/** Renders a reply's charts locally and writes them as PNG files; returns their paths as chart images. */
export function writeChartFiles(reply: Reply, dir: string, stem: string): ChartImage[] {
  const charts = reply.charts ?? [];
  if (charts.length === 0) return [];
  mkdirSync(dir, { recursive: true });
  return charts.map((chart, i) => {
    const path = resolve(join(dir, `${stem}-${i + 1}.png`));
    writeFileSync(path, renderChartPng(toChartConfig(chart)));
    return { kind: 'file', path };
  });
}

/** A file-name stem from the command line: "/province Yunnan" → "province-yunnan". */
export function stemOf(line: string): string {
  const slug = line
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return slug || 'chart';
}
