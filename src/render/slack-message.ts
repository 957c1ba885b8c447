import type { Reply } from '../commands/reply.js';
import type { ChartImage } from './images.js';
import { SLACK, fit } from './limits.js';
import { tableText } from './table-text.js';

export type SlackBlock = Record<string, unknown> & { type: string };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
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

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: fit(text, SLACK.sectionText) });

export interface SlackExtras {
  /** Appended after the reply, inside the 50-block limit (the "Share in channel" button). */
  actions?: SlackBlock;
  /** A Slack user id: adds "Shared by @user" (an id from Slack's payload, never user-typed text). */
  sharedBy?: string;
}

/** Block Kit for a Reply, with a plain `text` fallback for notifications and screen readers. */
export function toSlackMessage(reply: Reply, images: ChartImage[] = [], extras: SlackExtras = {}): SlackMessage {
  const e = escapeSlack;
  const blocks: SlackBlock[] = [];
  const error = reply.tone === 'error';
  blocks.push({ type: 'header', text: { type: 'plain_text', text: fit(plainSlack(`${error ? '⚠️ ' : ''}${reply.title}`), SLACK.headerText), emoji: true } });
  if (reply.summary) blocks.push({ type: 'section', text: mrkdwn(e(reply.summary)) });
  if (reply.usage) {
    const usage = fit(reply.usage, SLACK.sectionText - 20);
    blocks.push({ type: 'section', text: mrkdwn(`*Usage*\n\`\`\`${e(usage)}\`\`\``) });
  }
  const fields = reply.fields ?? [];
  for (let i = 0; i < fields.length; i += SLACK.sectionFields) {
    blocks.push({
      type: 'section',
      fields: fields.slice(i, i + SLACK.sectionFields).map((f) =>
        mrkdwnField(`*${e(f.label)}*\n${e(f.value)}${f.source ? `\n_${e(f.source)}_` : ''}`),
      ),
    });
  }
  if (reply.table) {
    // The fence (6) and escaping can only grow the text; leave room for both.
    const budget = SLACK.sectionText - 6;
    let body = tableText(reply.table, budget);
    while (e(body).length > budget) body = tableText(reply.table, budget - (e(body).length - budget) - 10);
    blocks.push({ type: 'section', text: mrkdwn(`\`\`\`${e(body)}\`\`\``) });
  }
  (reply.charts ?? []).forEach((chart, i) => {
    const img = images[i];
    const base = { type: 'image', alt_text: fit(plainSlack(chart.alt), SLACK.altText), title: { type: 'plain_text', text: fit(plainSlack(chart.title), SLACK.imageTitle) } };
    if (img?.kind === 'url' && img.url.length <= SLACK.imageUrl && /^https?:\/\//.test(img.url)) blocks.push({ ...base, image_url: img.url });
    else if (img?.kind === 'slack-file') blocks.push({ ...base, slack_file: { id: img.id } });
  });
  const footer = [...(reply.notes ?? []), ...(reply.sources?.length ? [`Sources: ${reply.sources.join(' · ')}`] : [])];
  if (footer.length > 0) {
    // Context holds ten elements; the overflow joins the last one rather than disappearing.
    const elements = footer.slice(0, SLACK.contextElements - 1);
    if (footer.length >= SLACK.contextElements) elements.push(footer.slice(SLACK.contextElements - 1).join('\n'));
    blocks.push({ type: 'context', elements: elements.map((t) => mrkdwn(e(t))) });
  }
  if (extras.sharedBy && /^[UW][A-Z0-9]{2,30}$/.test(extras.sharedBy)) {
    blocks.push({ type: 'context', elements: [mrkdwn(`Shared by <@${extras.sharedBy}>`)] });
  }
  const text = fit(e([reply.title, reply.summary].filter(Boolean).join(': ')), SLACK.fallbackText);
  const capped = capBlocks(blocks, extras.actions ? 1 : 0);
  if (extras.actions) capped.push(extras.actions);
  return { text, blocks: capped };
}

function mrkdwnField(text: string) {
  return { type: 'mrkdwn', text: fit(text, SLACK.fieldText) };
}

/** Fifty blocks at most (less `reserve`); never expected with our replies, but a cut beats a rejection. */
function capBlocks(blocks: SlackBlock[], reserve: number): SlackBlock[] {
  const max = SLACK.blocks - reserve;
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  kept.push({ type: 'context', elements: [mrkdwn(`…and ${blocks.length - kept.length} more blocks not shown`)] });
  return kept;
}
