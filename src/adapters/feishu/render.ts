import type { ChartSpec } from '../../charts/spec.js';
import type { Reply, ReplyTable } from '../../framework/reply.js';
import { en } from '../../i18n/en.js';
import type { Messages } from '../../i18n/messages.js';
import type { Control } from '../../render/controls.js';
import { fit } from '../../render/fit.js';
import type { ChartImage } from '../../render/images.js';
import { FEISHU } from './limits.js';
import { STRINGS } from './strings.js';

/** A Feishu card (JSON 2.0), as sent in an interactive message's content or a card callback's answer. */
export interface FeishuCard {
  schema: '2.0';
  config: { update_multi: true; width_mode: 'fill' };
  header: { title: { tag: 'plain_text'; content: string }; template: 'blue' | 'red' };
  body: { elements: FeishuElement[] };
}

type FeishuElement = Record<string, unknown> & { tag: string };

export interface FeishuOptions {
  images?: readonly ChartImage[];
  controls?: readonly Control[];
  m?: Messages;
  /** The open_id of who shared the answer in the chat (Share). */
  sharedBy?: string;
}

/**
 * Feishu's card markdown turns `<at id=all></at>` into a mention of everyone and reads HTML-like tags:
 * text a user typed (and every other text) goes in with `<`, `>` and `&` as entities, so nothing typed
 * can ping the chat or change the card.
 */
export function escapeFeishu(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const md = (content: string): FeishuElement => ({ tag: 'markdown', content });

/** The button's signed id (and a menu's) travel in the callback's value: any replica can check them. */
export interface ClickValue {
  c: string;
}

/**
 * A reply as a Feishu card: the headline, the key figures with their sources and marks, the table as
 * the card's native table, the chart as its native chart (VChart, drawn by the client; the QuickChart
 * image linked beside it for clients that cannot draw it), notes, sources and the controls as buttons
 * and a menu. Kept under Feishu's 30 KB by dropping the table rows, then the chart, with a note.
 */
export function toFeishuCard(reply: Reply, o: FeishuOptions = {}): FeishuCard {
  const m = o.m ?? en;
  const e = escapeFeishu;
  const error = reply.tone === 'error';
  const elements: FeishuElement[] = [];
  if (reply.understood) elements.push(md(`<font color='grey'>${e(m.question.understood(reply.understood))}</font>`));
  if (reply.summary) elements.push(md(e(reply.summary)));
  if (reply.usage) elements.push(md(`**${e(m.render.usage)}**\n\`${e(reply.usage)}\``));
  const fields = reply.fields ?? [];
  if (fields.length > 0)
    elements.push(md(fields.map((f) => `**${e(f.label)}** ${e(f.value)}${f.source ? `  <font color='grey'>[${e(f.source)}]</font>` : ''}`).join('\n')));
  const table = reply.table ? tableElement(reply.table) : undefined;
  if (table) elements.push(table);
  const charts = (reply.charts ?? []).slice(0, FEISHU.charts).flatMap((chart, i) => chartElements(chart, o.images?.[i], m));
  elements.push(...charts);
  const footer = [
    ...(reply.notes ?? []),
    ...(reply.files ?? []).map((f) => m.render.fileAttached(f.name)),
    ...(reply.sources?.length ? [m.render.labelled(m.render.sources, reply.sources.join(' · '))] : []),
  ];
  if (footer.length > 0) elements.push(md(`<font color='grey'>${footer.map(e).join('\n')}</font>`));
  // The one mention a card carries: who shared it, by a validated open_id (never typed text).
  if (o.sharedBy && /^ou_[A-Za-z0-9]{4,64}$/.test(o.sharedBy))
    elements.push(md(e(m.render.sharedBy('\u0000')).replace('\u0000', `<at id=${o.sharedBy}></at>`)));
  elements.push(...feishuControls(o.controls ?? []));
  const card: FeishuCard = {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill' },
    header: { title: { tag: 'plain_text', content: fit(`${error ? '⚠️ ' : ''}${reply.title}`, 150) }, template: error ? 'red' : 'blue' },
    body: { elements },
  };
  return withinSize(card, table, charts, m);
}

/** The card's size as Feishu counts it: the JSON, in UTF-8 bytes. */
export function cardBytes(card: FeishuCard): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

function withinSize(card: FeishuCard, table: FeishuElement | undefined, charts: FeishuElement[], m: Messages): FeishuCard {
  if (cardBytes(card) <= FEISHU.cardBytes) return card;
  // First the table rows beyond a page, then the charts: the figures and their sources stay.
  const without = (drop: Set<FeishuElement>, note: string): FeishuCard => ({
    ...card,
    body: { elements: [...card.body.elements.filter((x) => !drop.has(x)), md(`<font color='grey'>${escapeFeishu(note)}</font>`)] },
  });
  if (table) {
    const rows = table.rows as unknown[];
    const shortTable = { ...table, rows: rows.slice(0, FEISHU.tablePageSize) };
    const shorter = { ...card, body: { elements: card.body.elements.map((x) => (x === table ? shortTable : x)) } };
    if (cardBytes(shorter) <= FEISHU.cardBytes) return shorter;
  }
  const smaller = without(new Set([...(table ? [table] : []), ...charts]), m.render.moreBlocks(charts.length + (table ? 1 : 0)));
  return smaller;
}

/** The native table: one column per reply column, every cell as printed (marks such as † kept). */
function tableElement(t: ReplyTable): FeishuElement {
  const columns = t.columns.slice(0, FEISHU.tableColumns).map((c, i) => ({
    name: `c${i}`,
    display_name: c.label,
    data_type: 'text',
    horizontal_align: c.align,
    width: 'auto',
  }));
  return {
    tag: 'table',
    page_size: FEISHU.tablePageSize,
    row_height: 'low',
    freeze_first_column: true,
    header_style: { bold: true, background_style: 'grey' },
    columns,
    rows: t.rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.name, row[i] ?? '']))),
  };
}

/** A chart spec as VChart (the card draws it), its caption under it, and the image link for old clients. */
function chartElements(chart: ChartSpec, image: ChartImage | undefined, m: Messages): FeishuElement[] {
  const horizontal = chart.kind !== 'bar';
  const values = chart.series.flatMap((s) => chart.labels.map((label, i) => ({ label, series: s.label, value: s.values[i] ?? null, shown: s.shown[i] ?? '' })));
  const spec: Record<string, unknown> = {
    type: 'bar',
    title: { text: chart.title },
    data: { values: values.filter((v) => v.value !== null) },
    ...(horizontal
      ? { direction: 'horizontal', xField: 'value', yField: chart.series.length > 1 && chart.kind !== 'stacked-bar' ? ['label', 'series'] : 'label' }
      : {}),
    ...(!horizontal ? { xField: chart.series.length > 1 ? ['label', 'series'] : 'label', yField: 'value' } : {}),
    ...(chart.series.length > 1 ? { seriesField: 'series', legends: { visible: true } } : {}),
    ...(chart.kind === 'stacked-bar' ? { stack: true } : {}),
    // Each bar carries the value as the text prints it (marks kept), not the raw number.
    label: { visible: true, formatter: '{shown}' },
    ...(chart.max !== undefined ? { axes: [{ orient: horizontal ? 'bottom' : 'left', max: chart.max }] } : {}),
  };
  const out: FeishuElement[] = [{ tag: 'chart', aspect_ratio: '4:3', chart_spec: spec }];
  const link = image?.kind === 'url' ? ` · [${escapeFeishu(STRINGS[m.lang].chartImage)}](${image.url})` : '';
  out.push(md(`<font color='grey'>${escapeFeishu(chart.caption)}${link}</font>`));
  return out;
}

/** Buttons (More first, as the primary one) and one menu, each carrying its signed command line. */
export function feishuControls(controls: readonly Control[]): FeishuElement[] {
  return controls.map((c) =>
    c.kind === 'button'
      ? {
          tag: 'button',
          text: { tag: 'plain_text', content: fit(c.label, FEISHU.buttonText) },
          type: c.primary ? 'primary' : 'default',
          behaviors: [{ type: 'callback', value: { c: c.id } satisfies ClickValue }],
        }
      : {
          tag: 'select_static',
          placeholder: { tag: 'plain_text', content: fit(c.placeholder, FEISHU.buttonText) },
          options: c.options.slice(0, FEISHU.selectOptions).map((x) => ({ text: { tag: 'plain_text', content: x.label }, value: x.value })),
          behaviors: [{ type: 'callback', value: { c: c.id } satisfies ClickValue }],
        },
  );
}
