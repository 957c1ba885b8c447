import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from 'discord-api-types/v10';
import type { Reply } from '../commands/reply.js';
import { en } from '../i18n/en.js';
import type { Messages } from '../i18n/messages.js';
import type { Control } from './controls.js';
import type { ChartImage } from './images.js';
import { DISCORD, fit } from './limits.js';
import { tableText } from './table-text.js';

export type DiscordRow = APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>;

export interface DiscordMessage {
  content?: string;
  embeds: APIEmbed[];
  components?: DiscordRow[];
  /** Always empty: nothing the bot posts may ping anyone, whatever the text says. */
  allowed_mentions: { parse: never[] };
}

const COLOR = { info: 0x1565c0, error: 0xc62828 } as const;
// Numbers from Discord's component reference, tied to discord-api-types' enums by their types.
const ACTION_ROW = 1 as ComponentType.ActionRow;
const BUTTON = 2 as ComponentType.Button;
const STRING_SELECT = 3 as ComponentType.StringSelect;
const PRIMARY = 1 as ButtonStyle.Primary;
const SECONDARY = 2 as ButtonStyle.Secondary;

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

function rows(controls: readonly Control[]): DiscordRow[] {
  const buttons: APIButtonComponentWithCustomId[] = controls.flatMap((c) =>
    c.kind === 'button' ? [{ type: BUTTON, style: c.primary ? PRIMARY : SECONDARY, custom_id: c.id, label: fit(c.label, DISCORD.buttonLabel) }] : [],
  );
  const out: DiscordRow[] = [];
  if (buttons.length > 0) out.push({ type: ACTION_ROW, components: buttons.slice(0, DISCORD.buttonsPerRow) });
  for (const c of controls) {
    if (c.kind !== 'select' || out.length >= DISCORD.actionRows) continue;
    out.push({
      type: ACTION_ROW,
      components: [{ type: STRING_SELECT, custom_id: c.id, placeholder: fit(c.placeholder, DISCORD.placeholder), options: c.options.slice(0, DISCORD.selectOptions).map((o) => ({ label: fit(o.label, DISCORD.optionLabel), value: o.value.slice(0, DISCORD.optionValue) })) }],
    });
  }
  return out;
}

export interface DiscordOptions {
  images?: ChartImage[];
  controls?: Control[];
  /** A Discord user id: "Shared by @user" (mentions stay off: it shows the name, pings nobody). */
  sharedBy?: string;
  m?: Messages;
}

/** Embeds (and components) for a Reply, within every embed limit, with mentions disabled. */
export function toDiscordMessage(reply: Reply, o: DiscordOptions = {}): DiscordMessage {
  const e = escapeDiscord;
  const m = o.m ?? en;
  const images = o.images ?? [];
  const color = COLOR[reply.tone];
  const parts: string[] = [];
  if (reply.summary) parts.push(e(reply.summary));
  if (reply.usage) parts.push(`**${m.render.usage}**\n\`\`\`\n${noPing(reply.usage.replace(/`/g, "'"))}\n\`\`\``);
  const notes = [...(reply.notes ?? []), ...(reply.files ?? []).map((f) => m.render.fileAttached(f.name))].map((n) => `*${e(n)}*`).join('\n');
  // The table sits in a code block (no escaping inside); it gets what the summary and notes leave.
  if (reply.table) {
    const room = DISCORD.description - parts.join('\n\n').length - notes.length - 20;
    parts.push(`\`\`\`\n${noPing(tableText(reply.table, Math.max(200, room), m).replace(/`/g, "'"))}\n\`\`\``);
  }
  if (notes) parts.push(notes);
  if (o.sharedBy && /^\d{5,25}$/.test(o.sharedBy)) parts.push(m.render.sharedBy(`<@${o.sharedBy}>`));
  const fields = (reply.fields ?? []).map((f) => ({
    name: fit(e(f.label), DISCORD.fieldName),
    value: fit(`${e(f.value)}${f.source ? `\n*${e(f.source)}*` : ''}`, DISCORD.fieldValue),
    inline: f.value.length <= 40,
  }));
  const main: APIEmbed = { title: fit(`${reply.tone === 'error' ? '⚠️ ' : ''}${e(reply.title)}`, DISCORD.title), color };
  const description = fit(parts.join('\n\n'), DISCORD.description);
  if (description) main.description = description;
  if (fields.length > 0) {
    main.fields = fields.slice(0, DISCORD.fields);
    if (fields.length > DISCORD.fields) main.fields[DISCORD.fields - 1] = { name: '…', value: m.render.more(fields.length - DISCORD.fields + 1) };
  }
  if (reply.sources?.length) main.footer = { text: fit(noPing(m.render.labelled(m.render.sources, reply.sources.join(' · '))), DISCORD.footer) };
  const embeds: APIEmbed[] = [main];
  (reply.charts ?? []).forEach((_chart, i) => {
    const img = images[i];
    const url = img?.kind === 'url' && img.url.length <= DISCORD.imageUrl && /^https?:\/\//.test(img.url) ? img.url : img?.kind === 'attachment' ? `attachment://${img.name}` : undefined;
    if (!url) return;
    if (i === 0) main.image = { url };
    else if (embeds.length < DISCORD.embeds) embeds.push({ color, image: { url } });
  });
  const components = rows(o.controls ?? []);
  // The command a question was read as goes first, above the embed, as plain text.
  const understood = reply.understood ? { content: fit(noPing(e(m.question.understood(reply.understood))), DISCORD.content) } : {};
  return { ...understood, embeds: fitTotal(embeds, m), ...(components.length > 0 ? { components } : {}), allowed_mentions: { parse: [] } };
}

function embedLength(x: APIEmbed): number {
  const t = (s?: string) => (s ?? '').trim().length;
  return t(x.title) + t(x.description) + t(x.footer?.text) + (x.fields ?? []).reduce((n, f) => n + t(f.name) + t(f.value), 0);
}

/** Keeps all embeds within the 6,000-character total: drops fields from the end, then trims the description. */
function fitTotal(embeds: APIEmbed[], m: Messages): APIEmbed[] {
  const total = () => embeds.reduce((n, x) => n + embedLength(x), 0);
  const main = embeds[0]!;
  let dropped = 0;
  while (total() > DISCORD.embedTotal && main.fields && main.fields.length > 1) {
    main.fields.pop();
    dropped++;
  }
  if (dropped > 0 && main.fields) main.fields[main.fields.length - 1] = { name: '…', value: m.render.more(dropped + 1) };
  if (total() > DISCORD.embedTotal && main.description) {
    main.description = fit(main.description, Math.max(1, main.description.length - (total() - DISCORD.embedTotal)));
  }
  return embeds;
}
