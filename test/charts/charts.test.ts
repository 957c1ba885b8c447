import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { toChartConfig } from '../../src/charts/chart-config.js';
import { toQuickChartUrl } from '../../src/charts/quickchart-url.js';
import { renderChartPng } from '../../src/charts/render-png.js';
import type { ChartSpec } from '../../src/charts/spec.js';
import { DISCORD, SLACK } from '../../src/render/limits.js';
import { ask, EVERY_COMMAND } from '../support/core.js';

async function everyChart(): Promise<ChartSpec[]> {
  const all: ChartSpec[] = [];
  for (const line of [...EVERY_COMMAND, '/exports top 25', '/exports top 25 2023', '/rank domestic-balance', '/utilization Yunnan']) {
    all.push(...((await ask(line)).charts ?? []));
  }
  return all;
}

describe('charts', () => {
  it('every chart has a title, units, a source caption and alt text', async () => {
    const charts = await everyChart();
    expect(charts.length).toBeGreaterThan(10);
    for (const c of charts) {
      expect(c.title).toMatch(/\d{4}|exports to/);
      expect(c.unit.length).toBeGreaterThan(0);
      expect(c.caption).toMatch(/^Source: (Table|Tables|Section)/);
      expect(c.alt.length).toBeGreaterThan(20);
      for (const s of c.series) expect(s.values).toHaveLength(c.labels.length);
    }
  });

  it('becomes a Chart.js v4 config with title, subtitle caption and axis unit', () => {
    const config = toChartConfig({ kind: 'diverging-bar', title: 'T', labels: ['a', 'b'], series: [{ label: 's', values: [1.23456, -2], color: '#123456' }], unit: 'Mt', caption: 'Source: Table 3', alt: 'alt' });
    expect(config.options).toMatchObject({ indexAxis: 'y', plugins: { title: { text: 'T' }, subtitle: { text: 'Source: Table 3', position: 'bottom' } }, scales: { x: { title: { text: 'Mt' } } } });
    expect(config.data.datasets[0]).toMatchObject({ data: [1.235, -2], backgroundColor: ['#123456', '#c62828'] });
  });

  it('QuickChart URLs ask for Chart.js 4 and fit Discord (2,048) and Slack (3,000)', async () => {
    for (const c of await everyChart()) {
      const url = toQuickChartUrl(toChartConfig(c));
      expect(url.startsWith('https://quickchart.io/chart?')).toBe(true);
      expect(new URL(url).searchParams.get('v')).toBe('4');
      expect(url.length, c.title).toBeLessThanOrEqual(Math.min(DISCORD.imageUrl, SLACK.imageUrl));
      expect(JSON.parse(new URL(url).searchParams.get('c')!)).toEqual(toChartConfig(c));
    }
  });

  it('uses a self-hosted QuickChart base URL', () => {
    const url = toQuickChartUrl(toChartConfig({ kind: 'bar', title: 't', labels: ['a'], series: [{ label: 's', values: [1], color: '#000' }], unit: 'Mt', caption: 'c', alt: 'a' }), 'http://charts.internal:8080/qc/');
    expect(url.startsWith('http://charts.internal:8080/qc/chart?c=')).toBe(true);
  });

  it('renders the same config locally to a PNG', async () => {
    const reply = await ask('/mismatch');
    const png = renderChartPng(toChartConfig(reply.charts![0]!));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(800);
    expect(png.readUInt32BE(20)).toBe(480);
    expect(png.length).toBeGreaterThan(10_000);
  });

  it('draws Chinese as glyphs, not boxes', () => {
    renderChartPng(toChartConfig({ kind: 'bar', title: '云南', labels: ['山东'], series: [{ label: 's', values: [1], color: '#000' }], unit: 'Mt', caption: 'c', alt: 'a' }));
    // After the first render registers the bundled font: two different characters must differ in ink.
    // With no CJK font both would be the same missing-glyph box.
    const ink = (ch: string) => {
      const canvas = createCanvas(64, 64);
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, 64, 64);
      ctx.fillStyle = '#000';
      ctx.font = '48px "Noto Sans SC"';
      ctx.fillText(ch, 4, 52);
      return Buffer.from(ctx.getImageData(0, 0, 64, 64).data);
    };
    const a = ink('云');
    const b = ink('南');
    const blank = ink(' ');
    expect(a.equals(blank)).toBe(false);
    expect(a.equals(b)).toBe(false);
  });
});
