import type { SlackMessage } from '../../src/render/slack-message.js';
import type { DiscordMessage } from '../../src/render/discord-message.js';

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
      fields.forEach((f, j) => textObj(f, 2000, `${where} field ${j}`));
    } else if (b.type === 'context') {
      const els = b.elements as unknown[];
      check(els.length >= 1 && els.length <= 10, `${where} ${els.length} elements`);
      els.forEach((e, j) => textObj(e, 3000, `${where} element ${j}`));
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
    } else {
      v.push(`${where}: unexpected block type`);
    }
  });
  check(!/<!(channel|here|everyone|group)/.test(JSON.stringify(m)), 'special mention');
  return v;
}

/** Every breach of Discord's documented message, embed and component limits; empty when it fits. */
export function discordViolations(m: DiscordMessage): string[] {
  const v: string[] = [];
  const check = (ok: boolean, what: string) => ok || v.push(what);
  const len = (s?: string) => (s ?? '').trim().length;
  check(JSON.stringify(m.allowed_mentions) === '{"parse":[]}', 'allowed_mentions');
  check((m.content ?? '').length <= 2000, 'content');
  check(m.embeds.length <= 10, `embeds ${m.embeds.length}`);
  check(Boolean(m.content) || m.embeds.length > 0, 'empty message');
  let total = 0;
  m.embeds.forEach((e, i) => {
    check(len(e.title) <= 256, `embed ${i} title`);
    check(len(e.description) <= 4096, `embed ${i} description ${len(e.description)}`);
    check((e.fields ?? []).length <= 25, `embed ${i} fields`);
    for (const f of e.fields ?? []) {
      check(len(f.name) >= 1 && len(f.name) <= 256, `embed ${i} field name`);
      check(len(f.value) >= 1 && len(f.value) <= 1024, `embed ${i} field value ${len(f.value)}`);
    }
    check(len(e.footer?.text) <= 2048, `embed ${i} footer`);
    if (e.image) check(/^(https?:\/\/|attachment:\/\/)/.test(e.image.url) && e.image.url.length <= 2048, `embed ${i} image ${e.image.url.length}`);
    total += len(e.title) + len(e.description) + len(e.footer?.text) + (e.fields ?? []).reduce((n, f) => n + len(f.name) + len(f.value), 0);
  });
  check(total <= 6000, `embed total ${total}`);
  const rows = m.components ?? [];
  check(rows.length <= 5, `action rows ${rows.length}`);
  const ids: string[] = [];
  for (const [r, row] of rows.entries()) {
    check(row.type === 1, `row ${r} type`);
    const buttons = row.components.filter((c) => c.type === 2);
    const selects = row.components.filter((c) => c.type === 3);
    check((buttons.length >= 1 && buttons.length <= 5 && selects.length === 0) || (selects.length === 1 && buttons.length === 0), `row ${r}: 1–5 buttons or one select`);
    for (const c of row.components) {
      const id = (c as { custom_id: string }).custom_id;
      ids.push(id);
      check(id.length >= 1 && id.length <= 100, `row ${r} custom_id ${id.length}`);
      if (c.type === 2) check((c.label ?? '').length <= 80, `row ${r} button label`);
      if (c.type === 3) {
        check(c.options.length >= 1 && c.options.length <= 25, `row ${r} options`);
        for (const o of c.options) check(o.label.length <= 100 && o.value.length <= 100, `row ${r} option`);
        check((c.placeholder ?? '').length <= 150, `row ${r} placeholder`);
      }
    }
  }
  check(new Set(ids).size === ids.length, 'custom_ids unique');
  return v;
}
