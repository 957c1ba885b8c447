import type {
  ActionsBlock,
  Button,
  ContextBlock,
  HeaderBlock,
  ImageBlock,
  KnownBlock,
  MrkdwnElement,
  SectionBlock,
  StaticSelect,
  TableBlock,
} from '@slack/types';
import type { Reply, ReplyTable } from '../../framework/reply.js';
import { en } from '../../i18n/en.js';
import type { Messages } from '../../i18n/messages.js';
import type { Control } from '../../render/controls.js';
import type { ChartImage } from '../../render/images.js';
import { fit } from '../../render/fit.js';
import { SLACK } from './limits.js';
import { tableText } from '../../render/table-text.js';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/**
 * Slack's mrkdwn escapes only &, < and >; with those escaped no text can form <!channel>, <!here>,
 * <@U…> or a link. Everything in a Reply is plain text, so everything goes through here.
 */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** plain_text is not parsed for mentions, but angle brackets there still read as markup to people: use look-alikes. */
export function plainSlack(text: string): string {
  return text.replace(/</g, '‹').replace(/>/g, '›');
}

const mrkdwn = (text: string, max: number = SLACK.sectionText): MrkdwnElement => ({ type: 'mrkdwn', text: fit(text, max) });

export interface SlackOptions {
  images?: readonly ChartImage[];
  /** Buttons and menus for the next question (see controls.ts). */
  controls?: readonly Control[];
  /** A Slack user id: adds "Shared by @user" (an id from Slack's payload, never user-typed text). */
  sharedBy?: string;
  m?: Messages;
  /** Blocks to leave free for controls added later. */
  reserve?: number;
}

/** Action ids: buttons are numbered (unique per message), the menu's signed line rides in its block_id. */
export const BUTTON_ACTION = /^anode_b\d+$/;
export const MENU_ACTION = 'anode_menu';

/** Action blocks for buttons and menus, to follow a message (cached messages get them per channel). */
export function slackControls(controls: readonly Control[]): ActionsBlock[] {
  const buttons: Button[] = [];
  const blocks: ActionsBlock[] = [];
  controls.forEach((c, i) => {
    if (c.kind === 'button') {
      buttons.push({
        type: 'button',
        action_id: `anode_b${i}`,
        text: { type: 'plain_text', text: fit(c.label, SLACK.buttonText), emoji: true },
        value: c.id,
        ...(c.primary ? { style: 'primary' as const } : {}),
      });
    } else {
      const select: StaticSelect = {
        type: 'static_select',
        action_id: MENU_ACTION,
        placeholder: { type: 'plain_text', text: fit(c.placeholder, SLACK.placeholder) },
        options: c.options
          .slice(0, SLACK.selectOptions)
          .map((o) => ({ text: { type: 'plain_text', text: fit(o.label, SLACK.optionText) }, value: o.value.slice(0, SLACK.optionValue) })),
      };
      blocks.push({ type: 'actions', block_id: c.id, elements: [select] });
    }
  });
  return buttons.length > 0 ? [{ type: 'actions', elements: buttons.slice(0, SLACK.actionsElements) }, ...blocks] : blocks;
}

/** Block Kit for a Reply, with a plain `text` fallback for notifications and screen readers. */
export function toSlackMessage(reply: Reply, o: SlackOptions = {}): SlackMessage {
  const e = escapeSlack;
  const m = o.m ?? en;
  const images = o.images ?? [];
  const blocks: KnownBlock[] = [];
  const error = reply.tone === 'error';
  const header: HeaderBlock = {
    type: 'header',
    text: { type: 'plain_text', text: fit(plainSlack(`${error ? '⚠️ ' : ''}${reply.title}`), SLACK.headerText), emoji: true },
  };
  if (reply.understood) blocks.push({ type: 'context', elements: [mrkdwn(e(m.question.understood(reply.understood)))] } satisfies ContextBlock);
  blocks.push(header);
  if (reply.summary) blocks.push({ type: 'section', text: mrkdwn(e(reply.summary)) } satisfies SectionBlock);
  if (reply.usage) {
    const usage = fit(reply.usage, SLACK.sectionText - 20);
    blocks.push({ type: 'section', text: mrkdwn(`*${m.render.usage}*\n\`\`\`${e(usage)}\`\`\``) });
  }
  const fields = reply.fields ?? [];
  for (let i = 0; i < fields.length; i += SLACK.sectionFields) {
    blocks.push({
      type: 'section',
      fields: fields
        .slice(i, i + SLACK.sectionFields)
        .map((f) => mrkdwn(`*${e(f.label)}*\n${e(f.value)}${f.source ? `\n_${e(f.source)}_` : ''}`, SLACK.fieldText)),
    });
  }
  if (reply.table) blocks.push(...tableBlocks(reply.table, m));
  (reply.charts ?? []).forEach((chart, i) => {
    const img = images[i];
    const base = {
      type: 'image' as const,
      alt_text: fit(plainSlack(chart.alt), SLACK.altText),
      title: { type: 'plain_text' as const, text: fit(plainSlack(chart.title), SLACK.imageTitle) },
    };
    if (img?.kind === 'url' && img.url.length <= SLACK.imageUrl && /^https?:\/\//.test(img.url))
      blocks.push({ ...base, image_url: img.url } satisfies ImageBlock);
    else if (img?.kind === 'hosted') blocks.push({ ...base, slack_file: { id: img.id } } satisfies ImageBlock);
  });
  const footer = [
    ...(reply.notes ?? []),
    ...(reply.files ?? []).map((f) => m.render.fileAttached(f.name)),
    ...(reply.sources?.length ? [m.render.labelled(m.render.sources, reply.sources.join(' · '))] : []),
  ];
  if (footer.length > 0) {
    // Context holds ten elements; the overflow joins the last one rather than disappearing.
    const elements = footer.slice(0, SLACK.contextElements - 1);
    if (footer.length >= SLACK.contextElements) elements.push(footer.slice(SLACK.contextElements - 1).join('\n'));
    blocks.push({ type: 'context', elements: elements.map((t) => mrkdwn(e(t), SLACK.contextText)) } satisfies ContextBlock);
  }
  if (o.sharedBy && /^[UW][A-Z0-9]{2,30}$/.test(o.sharedBy)) {
    blocks.push({ type: 'context', elements: [mrkdwn(m.render.sharedBy(`<@${o.sharedBy}>`))] });
  }
  const controls = slackControls(o.controls ?? []);
  // The fallback (notifications, screen readers, clients without table blocks) carries the table as text.
  const tableFallback = reply.table ? `\n${tableText(reply.table, SLACK.fallbackText / 2, m)}` : '';
  const text = fit(e(`${[reply.title, reply.summary].filter(Boolean).join(': ')}${tableFallback}`), SLACK.fallbackText);
  return { text, blocks: [...capBlocks(blocks, Math.max(controls.length, o.reserve ?? 0), m), ...controls] };
}

/**
 * A table as Slack's native table block: the header row, then up to 99 rows, each cell as raw text
 * (marks such as † kept), numbers right-aligned. A longer table keeps its first rows and says how many
 * more there are and how to get them all (the CSV).
 */
function tableBlocks(table: ReplyTable, m: Messages): KnownBlock[] {
  const columns = table.columns.slice(0, SLACK.tableColumns);
  const cell = (text: string) => ({ type: 'raw_text' as const, text: fit(text.trim() || '—', SLACK.tableCell) });
  const body = table.rows.slice(0, SLACK.tableRows - 1);
  const block: TableBlock = {
    type: 'table',
    rows: [columns.map((c) => cell(c.label)), ...body.map((row) => columns.map((_c, i) => cell(row[i] ?? '')))],
    column_settings: columns.map((c, i) => ({ align: c.align, ...(i === 0 ? { is_wrapped: true } : {}) })),
  };
  const left = table.rows.length - body.length;
  return left > 0 ? [block, { type: 'context', elements: [mrkdwn(escapeSlack(m.render.moreRows(left)))] } satisfies ContextBlock] : [block];
}

/** Fifty blocks at most (less the control blocks); never expected with our replies, but a cut beats a rejection. */
function capBlocks(blocks: KnownBlock[], reserve: number, m: Messages): KnownBlock[] {
  const max = SLACK.blocks - reserve;
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  kept.push({ type: 'context', elements: [mrkdwn(m.render.moreBlocks(blocks.length - kept.length))] });
  return kept;
}
