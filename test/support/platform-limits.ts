import { DISCORD, SLACK } from '../../src/render/limits.js';
import type { DiscordMessage } from '../../src/render/discord-message.js';
import type { SlackMessage } from '../../src/render/slack-message.js';

/** Every breach of Slack's documented limits in a message; empty when it fits. Independent of the renderer. */
export function slackViolations(m: SlackMessage): string[] {
  const v: string[] = [];
  const check = (ok: boolean, what: string) => ok || v.push(what);
  check(typeof m.text === 'string' && m.text.length > 0 && m.text.length <= 40_000, 'text fallback');
  check(m.blocks.length <= SLACK.blocks, `blocks ${m.blocks.length}`);
  const textObj = (t: unknown, max: number, where: string) => {
    const o = t as { type?: string; text?: string };
    check(Boolean(o) && (o.type === 'mrkdwn' || o.type === 'plain_text'), `${where} type`);
    check(typeof o?.text === 'string' && o.text.length >= 1 && o.text.length <= max, `${where} length ${o?.text?.length}`);
  };
  m.blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    if (b.type === 'header') {
      textObj(b.text, SLACK.headerText, where);
      check((b.text as { type: string }).type === 'plain_text', `${where} plain_text`);
    } else if (b.type === 'section') {
      check(Boolean(b.text) || Boolean(b.fields), `${where} needs text or fields`);
      if (b.text) textObj(b.text, SLACK.sectionText, where);
      const fields = (b.fields ?? []) as unknown[];
      check(fields.length <= SLACK.sectionFields, `${where} ${fields.length} fields`);
      fields.forEach((f, j) => textObj(f, SLACK.fieldText, `${where} field ${j}`));
    } else if (b.type === 'context') {
      const els = b.elements as unknown[];
      check(els.length >= 1 && els.length <= SLACK.contextElements, `${where} ${els.length} elements`);
      els.forEach((e, j) => textObj(e, SLACK.contextText, `${where} element ${j}`));
    } else if (b.type === 'image') {
      const url = b.image_url as string | undefined;
      check(Boolean(url) !== Boolean(b.slack_file), `${where} image_url xor slack_file`);
      if (url) check(/^https?:\/\//.test(url) && url.length <= SLACK.imageUrl, `${where} image_url ${url.length}`);
      check(typeof b.alt_text === 'string' && b.alt_text.length >= 1 && b.alt_text.length <= SLACK.altText, `${where} alt_text`);
      if (b.title) textObj(b.title, SLACK.imageTitle, `${where} title`);
    } else if (b.type === 'actions') {
      const els = b.elements as { text: { text: string }; value?: string; action_id: string }[];
      check(els.length <= 25, `${where} elements`);
      for (const e of els) {
        check(e.text.text.length <= SLACK.buttonText, `${where} button text`);
        check((e.value ?? '').length <= SLACK.buttonValue, `${where} button value ${e.value?.length}`);
        check(e.action_id.length <= 255, `${where} action_id`);
      }
    } else {
      v.push(`${where}: unexpected block type`);
    }
  });
  const json = JSON.stringify(m);
  check(!/<!(channel|here|everyone|group)/.test(json), 'special mention');
  return v;
}

/** Every breach of Discord's documented message and embed limits; empty when it fits. */
export function discordViolations(m: DiscordMessage): string[] {
  const v: string[] = [];
  const check = (ok: boolean, what: string) => ok || v.push(what);
  const len = (s?: string) => (s ?? '').trim().length;
  check(JSON.stringify(m.allowed_mentions) === '{"parse":[]}', 'allowed_mentions');
  check((m.content ?? '').length <= DISCORD.content, 'content');
  check(m.embeds.length <= DISCORD.embeds, `embeds ${m.embeds.length}`);
  check(Boolean(m.content) || m.embeds.length > 0, 'empty message');
  let total = 0;
  m.embeds.forEach((e, i) => {
    check(len(e.title) <= DISCORD.title, `embed ${i} title`);
    check(len(e.description) <= DISCORD.description, `embed ${i} description ${len(e.description)}`);
    check((e.fields ?? []).length <= DISCORD.fields, `embed ${i} fields`);
    for (const f of e.fields ?? []) {
      check(len(f.name) >= 1 && len(f.name) <= DISCORD.fieldName, `embed ${i} field name`);
      check(len(f.value) >= 1 && len(f.value) <= DISCORD.fieldValue, `embed ${i} field value ${len(f.value)}`);
    }
    check(len(e.footer?.text) <= DISCORD.footer, `embed ${i} footer`);
    if (e.image) check(/^(https?:\/\/|attachment:\/\/)/.test(e.image.url) && e.image.url.length <= DISCORD.imageUrl, `embed ${i} image ${e.image.url.length}`);
    total += len(e.title) + len(e.description) + len(e.footer?.text) + (e.fields ?? []).reduce((n, f) => n + len(f.name) + len(f.value), 0);
  });
  check(total <= DISCORD.embedTotal, `embed total ${total}`);
  return v;
}
