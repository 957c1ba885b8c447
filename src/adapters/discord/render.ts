import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIComponentInContainer,
  APIContainerComponent,
  APIMessageTopLevelComponent,
  APIStringSelectComponent,
  APITextDisplayComponent,
  ButtonStyle,
  ComponentType,
  MessageFlags,
} from 'discord-api-types/v10';
import type { Reply } from '../../framework/reply.js';
import { en } from '../../i18n/en.js';
import type { Messages } from '../../i18n/messages.js';
import type { Control } from '../../render/controls.js';
import type { ChartImage } from '../../render/images.js';
import type { MessageCharts } from '../shared/chart-pngs.js';
import { fit } from '../../render/fit.js';
import { DISCORD } from './limits.js';
import { tableText } from '../../render/table-text.js';

export type DiscordRow = APIActionRowComponent<APIButtonComponentWithCustomId | APIStringSelectComponent>;

/** Components V2: everything is a component (no content, no embeds), flagged IS_COMPONENTS_V2. */
export const COMPONENTS_V2 = 32768 as MessageFlags.IsComponentsV2;
const EPHEMERAL = 64 as MessageFlags.Ephemeral;

export interface DiscordMessage {
  flags: number;
  components: APIMessageTopLevelComponent[];
  /** Always empty: nothing the bot posts may ping anyone, whatever the text says. */
  allowed_mentions: { parse: never[] };
}

/** The same message, seen only by whoever asked (an interaction response). */
export function ephemeral(message: DiscordMessage): DiscordMessage {
  return { ...message, flags: message.flags | EPHEMERAL };
}

const COLOR = { info: 0x1565c0, error: 0xc62828 } as const;
// Numbers from Discord's component reference, tied to discord-api-types' enums by their types.
const ACTION_ROW = 1 as ComponentType.ActionRow;
const TEXT_DISPLAY = 10 as ComponentType.TextDisplay;
const MEDIA_GALLERY = 12 as ComponentType.MediaGallery;
const SEPARATOR = 14 as ComponentType.Separator;
const CONTAINER = 17 as ComponentType.Container;
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

/** Buttons and menus as action rows, within Discord's per-row limits. */
export function discordControls(controls: readonly Control[]): DiscordRow[] {
  const buttons: APIButtonComponentWithCustomId[] = controls.flatMap((c) =>
    c.kind === 'button' ? [{ type: BUTTON, style: c.primary ? PRIMARY : SECONDARY, custom_id: c.id, label: fit(c.label, DISCORD.buttonLabel) }] : [],
  );
  const out: DiscordRow[] = [];
  if (buttons.length > 0) out.push({ type: ACTION_ROW, components: buttons.slice(0, DISCORD.buttonsPerRow) });
  for (const c of controls) {
    if (c.kind !== 'select' || out.length >= DISCORD.actionRows) continue;
    out.push({
      type: ACTION_ROW,
      components: [
        {
          type: STRING_SELECT,
          custom_id: c.id,
          placeholder: fit(c.placeholder, DISCORD.placeholder),
          options: c.options
            .slice(0, DISCORD.selectOptions)
            .map((o) => ({ label: fit(o.label, DISCORD.optionLabel), value: o.value.slice(0, DISCORD.optionValue) })),
        },
      ],
    });
  }
  return out;
}

export interface DiscordOptions {
  images?: readonly ChartImage[];
  controls?: readonly Control[];
  /** A Discord user id: "Shared by @user" (mentions stay off: it shows the name, pings nobody). */
  sharedBy?: string;
  m?: Messages;
}

/**
 * A Reply as a Components V2 message: one container (the understood command, title and summary, the
 * figures with their sources, the chart in a media gallery, the table, notes, sources), then the
 * buttons and menus. Within every documented limit (40 components, 4,000 characters of text), with
 * mentions disabled.
 */
export function toDiscordMessage(reply: Reply, o: DiscordOptions = {}): DiscordMessage {
  const e = escapeDiscord;
  const m = o.m ?? en;
  const images = o.images ?? [];
  const text = (content: string): APITextDisplayComponent => ({ type: TEXT_DISPLAY, content });
  const head = fit(
    [
      ...(reply.understood ? [`-# ${e(m.question.understood(reply.understood))}`] : []),
      `### ${reply.tone === 'error' ? '⚠️ ' : ''}${fit(e(reply.title), DISCORD.title)}`,
      ...(reply.summary ? [fit(e(reply.summary), DISCORD.summary)] : []),
      ...(reply.usage ? [`**${m.render.usage}**\n\`\`\`\n${noPing(fit(reply.usage, 300).replace(/`/g, "'"))}\n\`\`\``] : []),
    ].join('\n'),
    DISCORD.headText,
  );
  const fields = fit(
    (reply.fields ?? []).map((f) => `**${e(f.label)}** · ${e(f.value)}${f.source ? `\n-# ${e(f.source)}` : ''}`).join('\n'),
    DISCORD.fieldsText,
  );
  const notes = fit(
    [...(reply.notes ?? []), ...(reply.files ?? []).map((f) => m.render.fileAttached(f.name))].map((n) => `*${e(n)}*`).join('\n'),
    DISCORD.notesText,
  );
  const shared = o.sharedBy && /^\d{5,25}$/.test(o.sharedBy) ? fit(m.render.sharedBy(`<@${o.sharedBy}>`), 100) : '';
  const sources = reply.sources?.length ? fit(`-# ${noPing(m.render.labelled(m.render.sources, reply.sources.join(' · ')))}`, DISCORD.sourcesText) : '';
  // The table sits in a code block (no escaping inside) and gets the text the rest leaves.
  const used = [head, fields, notes, shared, sources].reduce((n, t) => n + t.length, 0);
  const table = reply.table ? `\`\`\`\n${noPing(tableText(reply.table, Math.max(200, DISCORD.componentText - used - 12), m).replace(/`/g, "'"))}\n\`\`\`` : '';

  const inside: APIComponentInContainer[] = [text(head)];
  const divider = { type: SEPARATOR, divider: true, spacing: 1 } as APIComponentInContainer;
  if (fields) inside.push(divider, text(fields));
  const gallery = (reply.charts ?? []).flatMap((chart, i) => {
    const img = images[i];
    const url =
      img?.kind === 'url' && img.url.length <= DISCORD.imageUrl && /^https?:\/\//.test(img.url)
        ? img.url
        : img?.kind === 'attachment'
          ? `attachment://${img.name}`
          : undefined;
    return url ? [{ media: { url }, description: fit(chart.alt, DISCORD.mediaDescription) }] : [];
  });
  if (gallery.length > 0) inside.push({ type: MEDIA_GALLERY, items: gallery.slice(0, DISCORD.galleryItems) } as APIComponentInContainer);
  if (table) inside.push(divider, text(table));
  if (notes) inside.push(text(notes));
  if (shared) inside.push(text(shared));
  if (sources) inside.push(text(sources));
  const container: APIContainerComponent = { type: CONTAINER, accent_color: COLOR[reply.tone], components: inside };
  return { flags: COMPONENTS_V2, components: [container, ...discordControls(o.controls ?? [])], allowed_mentions: { parse: [] } };
}

/** The PNGs a message uploads, as REST attachments under the names its images give them (none when it links them all). */
export async function chartFiles(charts: MessageCharts): Promise<{ name: string; data: Buffer; contentType: string }[]> {
  if (!charts.uploads) return [];
  return (await charts.pngs()).map((p) => ({ name: p.name, data: p.png, contentType: 'image/png' }));
}
