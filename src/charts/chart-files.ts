import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Reply } from '../framework/reply.js';
import type { Lang } from '../i18n/lang.js';
import type { ChartSpec } from './spec.js';
import type { ChartImage } from '../render/images.js';
import { toChartConfig } from './chart-config.js';

/**
 * Renders a reply's charts locally and writes them as PNG files; returns their paths as chart images.
 * A file's name carries the subject (`stem`), the language and the chart's kind, so the English and
 * Chinese answers, or two previews of different briefings, never overwrite each other.
 */
export async function writeChartFiles(reply: Reply, dir: string, stem: string, lang: Lang): Promise<ChartImage[]> {
  const charts = reply.charts ?? [];
  if (charts.length === 0) return [];
  // The canvas and Chart.js load on the first chart, not at start-up: most answers never render locally.
  const { renderChartPng } = await import('./render-png.js');
  await mkdir(dir, { recursive: true });
  // Each chart is drawn when its turn comes, while the ones before it encode (renderChartPng).
  return Promise.all(
    charts.map(async (chart, i): Promise<ChartImage> => {
      const path = resolve(join(dir, chartFileName(stem, lang, chart.kind, i)));
      await writeFile(path, await renderChartPng(toChartConfig(chart)));
      return { kind: 'file', path };
    }),
  );
}

/** Writes the files a reply carries (a table as CSV) next to the charts; returns their paths. */
export async function writeReplyFiles(reply: Reply, dir: string): Promise<string[]> {
  if (!reply.files?.length) return [];
  await mkdir(dir, { recursive: true });
  return Promise.all(
    reply.files.map(async (f) => {
      const path = resolve(join(dir, f.name));
      await writeFile(path, f.content, 'utf8');
      return path;
    }),
  );
}

/** "province-yunnan-zh-horizontal-bar-1.png". */
export function chartFileName(stem: string, lang: Lang, kind: ChartSpec['kind'], index: number): string {
  return `${stem}-${lang === 'zh-CN' ? 'zh' : 'en'}-${kind}-${index + 1}.png`;
}

/**
 * A file-name stem for a reply's charts, from the command and the subject it resolved to, so that
 * "/province 云南" and "/province 山东" never overwrite each other: "province-yunnan".
 */
export function stemOf(command: string | undefined, subject: string | undefined): string {
  const slug = `${command ?? 'chart'} ${subject ?? ''}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'chart';
}
