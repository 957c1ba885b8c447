import { randomBytes } from 'node:crypto';
import type { Reply } from '../../commands/reply.js';

/** A short id that ties an apology a user sees to the log line an operator reads. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

export function apologyReply(errorId: string): Reply {
  return {
    tone: 'error',
    title: 'Sorry, that failed on our side',
    summary: `Something went wrong while answering. Please try again; if it keeps failing, quote error id ${errorId}.`,
  };
}
