import { createHash } from 'node:crypto';
import { FEISHU } from './limits.js';

/**
 * The `uuid` of a send: Feishu posts one message per uuid within an hour, so a retried or taken-over
 * briefing slot, or an event delivered twice, posts once. Derived from what identifies the post.
 */
export function uuidOf(what: string): string {
  return createHash('sha256').update(what).digest('base64url').slice(0, Math.min(43, FEISHU.uuid));
}
