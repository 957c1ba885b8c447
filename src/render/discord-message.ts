import type { Reply } from '../commands/reply.js';
import type { ChartImage } from './images.js';
import { DISCORD, fit } from './limits.js';
import { tableText } from './table-text.js';

export interface DiscordEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  image?: { url: string };
  footer?: { text: string };
}

export interface DiscordMessage {
  content?: string;
  embeds: DiscordEmbed[];
  /** Always empty: nothing the bot posts may ping anyone, whatever the text says. */
  allowed_mentions: { parse: never[] };
}

const COLOR = { info: 0x1565c0, error: 0xc62828 } as const;

/**
 * Escapes Discord markdown and neutralises mentions: @everyone/@here get a zero-width space, and
 * <@…>, <#…>, <@&…> lose their angle brackets' meaning through the backslash.
 */
export function escapeDiscord(text: string): string {
  // Inline markers anywhere; list, heading and quote markers only where they start a line.
  return noPing(text.replace(/[\\*_~`|[\]<]/g, (c) => `\\${c}`).replace(/^(\s*)([-#>])/gm, '$1\\$2'));
}

/** For places Discord shows as plain text (footers, code blocks): only the mass mentions need breaking. */
export function noPing(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1');
}

/** Embeds for a Reply, within every embed limit, with mentions disabled. */
export function toDiscordMessage(reply: Reply, images: ChartImage[] = []): DiscordMessage {
  const e = escapeDiscord;
  const color = COLOR[reply.tone];
  const parts: string[] = [];
  if (reply.summary) parts.push(e(reply.summary));
  if (reply.usage) parts.push(`**Usage**\n\`\`\`\n${noPing(reply.usage.replace(/`/g, "'"))}\n\`\`\``);
  const notes = (reply.notes ?? []).map((n) => `*${e(n)}*`).join('\n');
  // The table sits in a code block (no escaping inside); it gets what the summary and notes leave.
  if (reply.table) {
    const room = DISCORD.description - parts.join('\n\n').length - notes.length - 20;
    parts.push(`\`\`\`\n${noPing(tableText(reply.table, Math.max(200, room)).replace(/`/g, "'"))}\n\`\`\``);
  }
  if (notes) parts.push(notes);
  const fields = (reply.fields ?? []).map((f) => ({
    name: fit(e(f.label), DISCORD.fieldName),
    value: fit(`${e(f.value)}${f.source ? `\n*${e(f.source)}*` : ''}`, DISCORD.fieldValue),
    inline: f.value.length <= 40,
  }));
  const main: DiscordEmbed = {
    title: fit(`${reply.tone === 'error' ? '⚠️ ' : ''}${e(reply.title)}`, DISCORD.title),
    color,
  };
  const description = fit(parts.join('\n\n'), DISCORD.description);
  if (description) main.description = description;
  if (fields.length > 0) {
    main.fields = fields.slice(0, DISCORD.fields);
    if (fields.length > DISCORD.fields) {
      main.fields[DISCORD.fields - 1] = { name: '…', value: `and ${fields.length - DISCORD.fields + 1} more` };
    }
  }
  if (reply.sources?.length) main.footer = { text: fit(noPing(`Sources: ${reply.sources.join(' · ')}`), DISCORD.footer) };
  const embeds: DiscordEmbed[] = [main];
  (reply.charts ?? []).forEach((_chart, i) => {
    const img = images[i];
    const url = img?.kind === 'url' && img.url.length <= DISCORD.imageUrl && /^https?:\/\//.test(img.url) ? img.url : img?.kind === 'attachment' ? `attachment://${img.name}` : undefined;
    if (!url) return;
    if (i === 0) main.image = { url };
    else if (embeds.length < DISCORD.embeds) embeds.push({ color, image: { url } });
  });
  return { embeds: fitTotal(embeds), allowed_mentions: { parse: [] } };
}

function embedLength(x: DiscordEmbed): number {
  const t = (s?: string) => (s ?? '').trim().length;
  return t(x.title) + t(x.description) + t(x.footer?.text) + (x.fields ?? []).reduce((n, f) => n + t(f.name) + t(f.value), 0);
}

/** Keeps all embeds within the 6,000-character total: drops fields from the end, then trims the description. */
function fitTotal(embeds: DiscordEmbed[]): DiscordEmbed[] {
  const total = () => embeds.reduce((n, x) => n + embedLength(x), 0);
  const main = embeds[0]!;
  let dropped = 0;
  while (total() > DISCORD.embedTotal && main.fields && main.fields.length > 1) {
    main.fields.pop();
    dropped++;
  }
  if (dropped > 0 && main.fields) main.fields[main.fields.length - 1] = { name: '…', value: `and ${dropped + 1} more` };
  if (total() > DISCORD.embedTotal && main.description) {
    main.description = fit(main.description, Math.max(1, main.description.length - (total() - DISCORD.embedTotal)));
  }
  return embeds;
}
