import { randomBytes } from 'node:crypto';
import type { Reply } from '../../framework/reply.js';
import { en } from '../../i18n/en.js';
import type { Messages } from '../../i18n/messages.js';

/** A short id that ties an apology a user sees to the log line an operator reads. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apologyReply(errorId: string, m: Messages = en): Reply {
  return { tone: 'error', title: m.render.apologyTitle, summary: m.render.apology(errorId) };
}
