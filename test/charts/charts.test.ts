import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { Chart, type ChartItem, registerables, type Scale, Ticks } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { toChartConfig } from '../../src/charts/chart-config.js';
import { stemOf, writeChartFiles } from '../../src/charts/chart-files.js';
import { quickChartPng, toQuickChartUrl } from '../../src/charts/quickchart-url.js';
import { piecesFor, renderChartPng, tickLabel } from '../../src/charts/render-png.js';
import { quickChartImages } from '../../src/render/images.js';
import { ask, EVERY_COMMAND } from '../support/core.js';
import { startFakeQuickChart } from '../support/fake-quickchart.js';

describe('charts', () => {
  it('every bar carries its value as the text prints it, in its label (no plugin needed)', async () => {
    const mismatch = (await ask('/mismatch')).charts![0]!;
    const config = toChartConfig(mismatch);
    expect(config.data.labels).toContain('Inner Mongolia · −1.095 Mt');
    expect(JSON.stringify(config)).not.toMatch(/datalabels/);
    // A diverging chart has its value axis, ticks with the text's minus sign (U+2212 in the gsw locale),
    // and a line at zero across every row.
    expect((config.options.scales as { x: { ticks?: { display: boolean } } }).x.ticks?.display).not.toBe(false);
    expect(config.options.locale).toBe('gsw');
    expect(new Intl.NumberFormat('gsw').format(-1.5)).toBe('−1.5');
    expect(config.data.datasets.at(-1)).toMatchObject({ type: 'line', data: mismatch.labels.map(() => 0), indexAxis: 'y' });
    const exportsChart = toChartConfig((await ask('/exports top 3')).charts![0]!);
    expect(exportsChart.data.labels[0]).toEqual(['Malaysia', '2023 538.4 · 2024 549.9']);
  });

  it('configs are plain JSON with padding around labels and caption', async () => {
    const config = toChartConfig((await ask('/province Yunnan')).charts![0]!);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(config.options.layout).toEqual({ padding: { left: 12, right: 16, top: 4, bottom: 8 } });
    expect((config.options.plugins as { subtitle: { padding: { top: number } } }).subtitle.padding.top).toBeGreaterThanOrEqual(10);
  });

  it('a reply’s chart URLs are made once per base URL, and are those its charts give', async () => {
    const reply = await ask('/province Yunnan');
    const first = quickChartImages(reply, 'https://quickchart.io');
    expect(quickChartImages(reply, 'https://quickchart.io')).toBe(first);
    expect(first).toEqual(reply.charts!.map((c) => ({ kind: 'url', url: toQuickChartUrl(toChartConfig(c), 'https://quickchart.io') })));
    const selfHosted = quickChartImages(reply, 'http://charts.internal:3400/qc/');
    expect(selfHosted).not.toBe(first);
    expect((selfHosted[0] as { url: string }).url).toMatch(/^http:\/\/charts\.internal:3400\/qc\/chart\?/);
  });

  it('every chart URL requests Chart.js 4 and fits Discord’s 2,048 and Slack’s 3,000 characters', async () => {
    let longest = 0;
    for (const line of EVERY_COMMAND) {
      for (const chart of (await ask(line)).charts ?? []) {
        const url = toQuickChartUrl(toChartConfig(chart));
        expect(url).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
        expect(new URL(url).searchParams.get('v')).toBe('4');
        longest = Math.max(longest, url.length);
      }
    }
    expect(longest).toBeLessThanOrEqual(2048);
    // The stacked chart of eleven provinces, Chinese names and all, goes as base64 and decodes back.
    const stacked = toChartConfig((await ask('/utilization')).charts![0]!);
    const url = new URL(toQuickChartUrl(stacked));
    expect(url.searchParams.get('encoding')).toBe('base64');
    expect(JSON.parse(Buffer.from(url.searchParams.get('c')!, 'base64').toString('utf8'))).toEqual(stacked);
    expect(toQuickChartUrl(toChartConfig((await ask('/province Yunnan')).charts![0]!), 'http://charts.internal:3400/qc/')).toMatch(
      /^http:\/\/charts\.internal:3400\/qc\/chart\?/,
    );
    // Built by quickchart-js: its query string (a space as "+", which QuickChart decodes as a space).
    const plain = new URL(toQuickChartUrl(toChartConfig((await ask('/province Yunnan')).charts![0]!)));
    expect(plain.searchParams.get('ref')).toBe('qc-js');
    expect(plain.searchParams.get('c')).toContain("labels:['Capacity · 1.70'");
  });

  it('renders locally to PNG, Chinese labels included', async () => {
    const png = await renderChartPng(toChartConfig((await ask('/mismatch')).charts![0]!));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('local tick labels are Chart.js’s own in en-US, with no Intl: the same digits on every scale it makes', async () => {
    Chart.register(...registerables);
    const ranges = [
      [0, 0.3],
      [0, 1.7],
      [0, 2.46],
      [-1.095, 0.87],
      [0, 9.15],
      [0, 42.2],
      [0, 100],
      [0, 549.9],
      [0, 2841],
      [0, 28_410],
      [-3, 1_234_567],
      [0.001, 0.0042],
      [1.5, 7.25],
    ];
    let compared = 0;
    for (const [min, max] of ranges) {
      for (const count of [3, 6, 11]) {
        const chart = new Chart(createCanvas(600, 360) as unknown as ChartItem, {
          type: 'bar',
          data: { labels: ['a', 'b'], datasets: [{ data: [min!, max!] }] },
          options: { locale: 'en-US', responsive: false, animation: false, scales: { y: { ticks: { count } } } },
        });
        const scale = chart.scales.y as Scale;
        const ticks = scale.ticks;
        const theirs = ticks.map((t, i) => Ticks.formatters.numeric.call(scale, t.value, i, ticks));
        // Ours takes the fast path only without a locale: ask it as a chart with none would.
        chart.options.locale = undefined as unknown as string;
        expect(ticks.map((t, i) => tickLabel.call(scale, t.value, i, ticks))).toEqual(theirs);
        compared += ticks.length;
        chart.destroy();
      }
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('an English chart needs the Latin font piece alone; a Chinese one adds only the pieces of its characters', () => {
    const names = (text: string) => piecesFor(text).map((p) => p.file.split('/').at(-1));
    expect(names('High >90 % · 100 % Medium 62–90 % −1.095 Mt +2.56 (Mt)')).toEqual(['noto-sans-sc-latin-400-normal.woff2']);
    const zh = names('云南：各效率等级产能占比，2024年（%）');
    expect(zh).toContain('noto-sans-sc-latin-400-normal.woff2');
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.length).toBeLessThan(12);
  });

  it('chart files are named by subject, language and chart kind, so no two answers overwrite each other', async () => {
    expect(stemOf('province', 'Yunnan')).toBe('province-yunnan');
    expect(stemOf('compare', 'Inner Mongolia Yunnan 2024')).toBe('compare-inner-mongolia-yunnan-2024');
    const dir = mkdtempSync(join(tmpdir(), 'anode-charts-'));
    const names = (images: Awaited<ReturnType<typeof writeChartFiles>>) => images.map((x) => (x.kind === 'file' ? x.path.split('/').at(-1) : ''));
    const yunnan = await ask('/province 云南');
    const a = await writeChartFiles(yunnan, dir, stemOf('province', yunnan.subject), 'en');
    const aZh = await writeChartFiles(yunnan, dir, stemOf('province', yunnan.subject), 'zh-CN');
    const shandong = await ask('/province 山东');
    const b = await writeChartFiles(shandong, dir, stemOf('province', shandong.subject), 'en');
    const kinds = yunnan.charts!.map((c) => c.kind);
    expect(names(a)).toEqual(kinds.map((k, i) => `province-yunnan-en-${k}-${i + 1}.png`));
    expect(names(aZh)).toEqual(kinds.map((k, i) => `province-yunnan-zh-${k}-${i + 1}.png`));
    expect(names(b)).toEqual(shandong.charts!.map((c, i) => `province-shandong-en-${c.kind}-${i + 1}.png`));
    expect(new Set([...names(a), ...names(aZh), ...names(b)]).size).toBe(a.length + aZh.length + b.length);
  });
});

describe('QuickChart by POST (a chart too long for a URL)', () => {
  it('sends what quickchart-js builds to the self-hosted path, and gives back its PNG; a refusal names its status', async () => {
    const config = toChartConfig((await ask('/province Yunnan')).charts![0]!);
    const qc = await startFakeQuickChart();
    try {
      expect(await quickChartPng(config, qc.baseUrl)).toEqual(qc.png);
      expect(qc.posts[0]).toMatchObject({ width: 600, height: 360, version: '4', format: 'png', backgroundColor: 'white' });
      qc.failing = true;
      await expect(quickChartPng(config, qc.baseUrl)).rejects.toThrow('QuickChart answered 500: fake outage');
    } finally {
      await qc.close();
    }
  });

  it('gives up on a QuickChart that never answers, and closes the connection instead of leaving it open', async () => {
    const config = toChartConfig((await ask('/province Yunnan')).charts![0]!);
    const qc = await startFakeQuickChart();
    qc.hanging = true;
    try {
      await expect(quickChartPng(config, qc.baseUrl, 200)).rejects.toThrow('QuickChart did not answer within 200 ms');
      // The abort reaches the server as the connection closing; waited for, not assumed.
      for (let waited = 0; qc.abandoned === 0 && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      expect(qc.abandoned).toBe(1);
    } finally {
      await qc.close();
    }
  });
});
