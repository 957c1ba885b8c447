import type { SlackMessage } from '../../src/adapters/slack/render.js';
import type { DiscordMessage } from '../../src/adapters/discord/render.js';

/**
 * Every breach of Slack's documented limits in a message (../shared/PLATFORM-LIMITS.md); empty when it
 * fits. Written from the limits table, independently of the renderer.
 */
export function slackViolations(m: SlackMessage): string[] {
  const v: string[] = [];
  const check = (ok: boolean, what: string) => ok || v.push(what);
  check(typeof m.text === 'string' && m.text.length > 0 && m.text.length <= 40_000, 'text fallback');
  check(m.blocks.length <= 50, `blocks ${m.blocks.length}`);
  const textObj = (t: unknown, max: number, where: string) => {
    const o = t as { type?: string; text?: string };
    check(Boolean(o) && (o.type === 'mrkdwn' || o.type === 'plain_text'), `${where} type`);
    check(typeof o?.text === 'string' && o.text.length >= 1 && o.text.length <= max, `${where} length ${o?.text?.length}`);
  };
  m.blocks.forEach((block, i) => {
    const b = block as unknown as Record<string, unknown> & { type: string };
    const where = `block ${i} (${b.type})`;
    if (typeof b.block_id === 'string') check(b.block_id.length <= 255, `${where} block_id`);
    if (b.type === 'header') {
      textObj(b.text, 150, where);
      check((b.text as { type: string }).type === 'plain_text', `${where} plain_text`);
    } else if (b.type === 'section') {
      check(Boolean(b.text) || Boolean(b.fields), `${where} needs text or fields`);
      if (b.text) textObj(b.text, 3000, where);
      const fields = (b.fields ?? []) as unknown[];
      check(fields.length <= 10, `${where} ${fields.length} fields`);
      for (const [j, f] of fields.entries()) textObj(f, 2000, `${where} field ${j}`);
    } else if (b.type === 'context') {
      const els = b.elements as unknown[];
      check(els.length >= 1 && els.length <= 10, `${where} ${els.length} elements`);
      for (const [j, e] of els.entries()) textObj(e, 3000, `${where} element ${j}`);
    } else if (b.type === 'image') {
      const url = b.image_url as string | undefined;
      check(Boolean(url) !== Boolean(b.slack_file), `${where} image_url xor slack_file`);
      if (url) check(/^https?:\/\//.test(url) && url.length <= 3000, `${where} image_url ${url.length}`);
      check(typeof b.alt_text === 'string' && b.alt_text.length >= 1 && b.alt_text.length <= 2000, `${where} alt_text`);
      if (b.title) textObj(b.title, 2000, `${where} title`);
    } else if (b.type === 'actions') {
      const els = b.elements as Record<string, unknown>[];
      check(els.length >= 1 && els.length <= 25, `${where} elements`);
      const ids = els.map((e) => e.action_id as string);
      check(new Set(ids).size === ids.length, `${where} action_ids unique`);
      for (const e of els) {
        check(typeof e.action_id === 'string' && (e.action_id as string).length <= 255, `${where} action_id`);
        if (e.type === 'button') {
          textObj(e.text, 75, `${where} button text`);
          check(((e.value as string) ?? '').length <= 2000, `${where} button value`);
        } else if (e.type === 'static_select') {
          const options = e.options as { text: { text: string }; value: string }[];
          check(options.length >= 1 && options.length <= 100, `${where} options`);
          for (const o of options) check(o.text.text.length <= 75 && o.value.length <= 150, `${where} option`);
          textObj(e.placeholder, 150, `${where} placeholder`);
        } else v.push(`${where}: unexpected element ${String(e.type)}`);
      }
    } else if (b.type === 'table') {
      // docs/platform-limits.md: one table per message, 1–100 rows, 1–20 cells a row, cells raw_text,
      // rich_text or raw_number, column_settings at most 20 with align left, center or right.
      const rows = (b.rows as { type: string; text?: string }[][]) ?? [];
      check(rows.length >= 1 && rows.length <= 100, `${where} ${rows.length} rows`);
      for (const [r, row] of rows.entries()) {
        check(row.length >= 1 && row.length <= 20, `${where} row ${r}: ${row.length} cells`);
        for (const c of row) {
          check(['raw_text', 'rich_text', 'raw_number'].includes(c.type), `${where} row ${r}: cell type ${c.type}`);
          if (c.type === 'raw_text') check(typeof c.text === 'string' && c.text.length >= 1, `${where} row ${r}: empty cell`);
        }
      }
      const settings = (b.column_settings as { align?: string }[] | undefined) ?? [];
      check(settings.length <= 20, `${where} column_settings`);
      for (const s of settings) check(s.align === undefined || ['left', 'center', 'right'].includes(s.align), `${where} align ${s.align}`);
    } else {
      v.push(`${where}: unexpected block type`);
    }
  });
  check(m.blocks.filter((b) => (b as { type: string }).type === 'table').length <= 1, 'one table block per message');
  check(!/<!(channel|here|everyone|group)/.test(JSON.stringify(m)), 'special mention');
  return v;
}

type V2Component = {
  type: number;
  content?: string;
  components?: V2Component[];
  items?: { media: { url: string }; description?: string }[];
  custom_id?: string;
  label?: string;
  options?: { label: string; value: string }[];
  placeholder?: string;
  accent_color?: number;
};

/** Every component of a message, nested ones included (what Discord's 40 counts). */
function allComponents(list: readonly V2Component[]): V2Component[] {
  return list.flatMap((c) => [c, ...allComponents(c.components ?? [])]);
}

/**
 * Every breach of Discord's documented limits for a Components V2 message (PLATFORM-LIMITS.md:
 * IS_COMPONENTS_V2 with no content or embeds, 40 components, 4,000 characters of text, action rows,
 * custom ids, media gallery items); empty when it fits.
 */
export function discordViolations(message: DiscordMessage | Record<string, unknown>): string[] {
  const m = message as unknown as { flags?: number; content?: unknown; embeds?: unknown; components?: V2Component[]; allowed_mentions?: unknown };
  const v: string[] = [];
  const check = (ok: boolean, what: string) => ok || v.push(what);
  check(JSON.stringify(m.allowed_mentions) === '{"parse":[]}', 'allowed_mentions');
  check(((m.flags ?? 0) & 32768) === 32768, 'IS_COMPONENTS_V2 flag');
  check(m.content === undefined && m.embeds === undefined, 'content or embeds with IS_COMPONENTS_V2');
  check(((m.flags ?? 0) & ~(32768 | 64 | 4096 | 4)) === 0, `flags ${m.flags}`);
  const top = m.components ?? [];
  check(top.length > 0, 'empty message');
  const every = allComponents(top);
  check(every.length <= 40, `components ${every.length}`);
  const text = every.filter((c) => c.type === 10).reduce((n, c) => n + (c.content ?? '').length, 0);
  check(text <= 4000, `text ${text}`);
  for (const c of every) {
    check([1, 2, 3, 9, 10, 11, 12, 13, 14, 17].includes(c.type), `component type ${c.type}`);
    if (c.type === 10) check((c.content ?? '').length >= 1, 'empty text display');
    if (c.type === 12) {
      check((c.items ?? []).length >= 1 && (c.items ?? []).length <= 10, 'media gallery items');
      for (const item of c.items ?? []) {
        check(/^(https?:\/\/|attachment:\/\/)/.test(item.media.url), `media url ${item.media.url.slice(0, 40)}`);
        check((item.description ?? '').length <= 1024, 'media description');
      }
    }
    if (c.type === 17) check((c.accent_color ?? 0) >= 0 && (c.accent_color ?? 0) <= 0xffffff, 'accent colour');
  }
  const rows = top.filter((c) => c.type === 1);
  const ids: string[] = [];
  for (const [r, row] of rows.entries()) {
    const buttons = (row.components ?? []).filter((c) => c.type === 2);
    const selects = (row.components ?? []).filter((c) => c.type === 3);
    check(
      (buttons.length >= 1 && buttons.length <= 5 && selects.length === 0) || (selects.length === 1 && buttons.length === 0),
      `row ${r}: 1–5 buttons or one select`,
    );
    for (const c of row.components ?? []) {
      const id = c.custom_id ?? '';
      ids.push(id);
      check(id.length >= 1 && id.length <= 100, `row ${r} custom_id ${id.length}`);
      if (c.type === 2) check((c.label ?? '').length <= 80, `row ${r} button label`);
      if (c.type === 3) {
        check((c.options ?? []).length >= 1 && (c.options ?? []).length <= 25, `row ${r} options`);
        for (const o of c.options ?? []) check(o.label.length <= 100 && o.value.length <= 100, `row ${r} option`);
        check((c.placeholder ?? '').length <= 150, `row ${r} placeholder`);
      }
    }
  }
  check(new Set(ids).size === ids.length, 'custom_ids unique');
  return v;
}

/** The text a Components V2 message shows, its text displays joined (tests read it as a person would). */
export function discordText(message: unknown): string {
  const top = ((message as { components?: V2Component[] }).components ?? []) as V2Component[];
  return allComponents(top)
    .filter((c) => c.type === 10)
    .map((c) => c.content ?? '')
    .join('\n');
}

/** The title of a Components V2 reply: its "### " heading line. */
export function discordTitle(message: unknown): string {
  return /^### (.*)$/m.exec(discordText(message))?.[1]?.replace(/\\(.)/g, '$1') ?? '';
}

/** The buttons and menus of a message's action rows. */
export function discordButtons(message: unknown): { type: number; custom_id: string; label?: string }[] {
  return ((message as { components?: V2Component[] }).components ?? [])
    .filter((c) => c.type === 1)
    .flatMap((row) => (row.components ?? []) as { type: number; custom_id: string; label?: string }[]);
}

/** The labels of a Components V2 reply's figures ("**Capacity** · 1.70 Mt" lines). */
export function discordFieldLabels(message: unknown): string[] {
  return [...discordText(message).matchAll(/^\*\*(.+?)\*\* · /gm)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
}
