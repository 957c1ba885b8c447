import { crypto } from '../crypto-on-demand.js';
import type { Messages } from '../i18n/messages.js';
import { hasMore, type Reply } from '../framework/reply.js';

/**
 * What a click does: `u` updates the message in place (a private answer grows or changes), `r` answers
 * privately beside it (public messages and briefings stay as they are), `p` posts in the channel.
 */
export type ClickMode = 'u' | 'r' | 'p';

/** A button or a menu, platform-neutral: its label and the signed command line it stands for. */
export type Control =
  | { kind: 'button'; label: string; id: string; primary?: boolean }
  | { kind: 'select'; placeholder: string; id: string; options: { label: string; value: string }[] };

const VERSION = 'a1';
/** Discord's custom_id limit: the tightest of the two platforms, so one encoding serves both. */
export const MAX_ID = 100;
const SIGNATURE = 10;

function sign(secret: string, channelId: string, mode: ClickMode, line: string): string {
  return crypto().createHmac('sha256', secret).update(`${channelId}\n${mode}\n${line}`).digest('base64url').slice(0, SIGNATURE);
}

/**
 * "a1|u|<signature>|province Yunnan --full": the line without its slash, signed with the channel it
 * was posted in. Any replica can answer it, after a restart too; undefined when it would not fit.
 */
export function encodeClick(secret: string, channelId: string, mode: ClickMode, line: string): string | undefined {
  const bare = line.replace(/^\//, '');
  const id = `${VERSION}|${mode}|${sign(secret, channelId, mode, bare)}|${bare}`;
  return id.length <= MAX_ID ? id : undefined;
}

export type DecodedClick = { ok: true; mode: ClickMode; line: string } | { ok: false; reason: 'malformed' | 'forged' };

/** The signing key when there is no secret to sign with: no controls are offered, and every click is refused. */
export const NO_CONTROLS = '';

/** Reads a click back; a menu's choice completes its line. Forged, altered or other channels' ids are refused. */
export function decodeClick(secret: string, channelId: string, id: string, selected?: string): DecodedClick {
  if (secret === NO_CONTROLS) return { ok: false, reason: 'forged' };
  const m = /^a1\|([urp])\|([A-Za-z0-9_-]{10})\|([^\n]{1,90})$/.exec(id);
  if (!m) return { ok: false, reason: 'malformed' };
  const [, mode, signature, bare] = m as unknown as [string, ClickMode, string, string];
  const expected = Buffer.from(sign(secret, channelId, mode, bare));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto().timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  if (selected !== undefined && (selected.length === 0 || selected.length > 80 || /[\n|]/.test(selected))) return { ok: false, reason: 'malformed' };
  return { ok: true, mode, line: `/${bare}${selected !== undefined ? ` ${selected}` : ''}` };
}

export interface ControlsContext {
  secret: string;
  channelId: string;
  /** The line the reply answers, without flags. */
  line: string;
  detail: 'compact' | 'full';
  /** The message is (or will be) visible to the channel: clicks then answer privately. */
  isPublic: boolean;
  /** Offer "Share in channel" (a private answer that can be re-run for everyone). */
  shareable: boolean;
  /** Offer More / Less (a command's answer; briefings have their own buttons only). */
  expand?: boolean;
  /** Briefings: More opens the full reply of this command (privately, as every click on a public message). */
  more?: string;
  m: Messages;
}

/**
 * Buttons and a menu for the next question, generated from the reply's follow-ups. Given the full
 * reply: More is offered when the compact form leaves something out.
 */
export function controlsFor(reply: Reply, c: ControlsContext): Control[] {
  if (reply.tone === 'error' || c.secret === NO_CONTROLS) return [];
  const mode: ClickMode = c.isPublic ? 'r' : 'u';
  const out: Control[] = [];
  const button = (label: string, line: string, m: ClickMode, primary = false) => {
    const id = encodeClick(c.secret, c.channelId, m, line);
    if (id) out.push({ kind: 'button', label, id, ...(primary ? { primary } : {}) });
  };
  if (c.more) button(c.m.follow.more, `${c.more} --full`, mode, true);
  else if (c.expand !== false && c.detail === 'compact' && hasMore(reply)) button(c.m.follow.more, `${c.line} --full`, mode, true);
  else if (c.expand !== false && c.detail === 'full' && hasMore(reply)) button(c.m.follow.less, `${c.line} --compact`, mode);
  for (const f of (reply.followUps ?? []).filter((f) => f.line !== c.more).slice(0, 3)) button(f.label, f.line, mode);
  if (c.shareable && !c.isPublic) button(c.m.follow.share, c.line, 'p');
  if (reply.menu && reply.menu.options.length > 0) {
    const id = encodeClick(c.secret, c.channelId, mode, reply.menu.prefix);
    if (id) out.push({ kind: 'select', placeholder: reply.menu.placeholder, id, options: reply.menu.options.slice(0, 25) });
  }
  return out;
}

/**
 * A briefing's buttons, the same on every platform: More (its kind's command in full) and its
 * follow-ups, each answered privately to whoever clicks, signed for the channel the message is in.
 */
export function briefingControls(reply: Reply, o: { secret: string; channelId: string; more: string; m: Messages }): Control[] {
  return controlsFor(reply, {
    secret: o.secret,
    channelId: o.channelId,
    line: '',
    detail: 'full',
    isPublic: true,
    shareable: false,
    expand: false,
    more: o.more,
    m: o.m,
  });
}
