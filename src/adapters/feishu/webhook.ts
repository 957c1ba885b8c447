import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface WebhookKeys {
  verificationToken: string;
  encryptKey: string | undefined;
  /** The SDK's AES-256-CBC decryption (AESCipher), keyed by the encrypt key. */
  decrypt?: (encrypted: string) => string;
}

/** A Feishu webhook body once checked: plain JSON (decrypted when it came encrypted). */
export type Checked =
  | { ok: true; body: FeishuEnvelope }
  /** 400: not what Feishu sends; 401: a signature that does not match; 403: the wrong verification token. */
  | { ok: false; status: 400 | 401 | 403; reason: string };

/** What event subscription 2.0 sends: the challenge, or an event (messages, card actions) with its header. */
export interface FeishuEnvelope {
  type?: string;
  challenge?: string;
  token?: string;
  schema?: string;
  header?: { event_id?: string; event_type?: string; token?: string; tenant_key?: string; app_id?: string };
  event?: Record<string, unknown>;
}

/** sha256(timestamp + nonce + encrypt key + raw body), hex: Feishu's X-Lark-Signature. */
export function larkSignature(timestamp: string, nonce: string, encryptKey: string, raw: Buffer): string {
  return createHash('sha256').update(timestamp).update(nonce).update(encryptKey).update(raw).digest('hex');
}

const sameHex = (a: string, b: string) => {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Checks one webhook request exactly as event subscription 2.0 defines it, before anything reads it:
 * with an encrypt key, the body must be encrypted and (except the URL challenge, which Feishu sends
 * unsigned) signed over its raw bytes; the verification token inside must match. The SDK's dispatcher
 * checks neither the token nor, usefully, the signature (it re-serialises the body and answers a
 * mismatch with 200), so this runs first and the dispatcher only routes.
 */
export function checkWebhook(raw: Buffer, headers: IncomingHttpHeaders, keys: WebhookKeys): Checked {
  let outer: FeishuEnvelope & { encrypt?: unknown };
  try {
    outer = JSON.parse(raw.toString('utf8')) as FeishuEnvelope & { encrypt?: unknown };
  } catch {
    return { ok: false, status: 400, reason: 'not JSON' };
  }
  if (typeof outer !== 'object' || outer === null) return { ok: false, status: 400, reason: 'not an object' };
  let body: FeishuEnvelope = outer;
  if (keys.encryptKey) {
    if (typeof outer.encrypt !== 'string' || !keys.decrypt) return { ok: false, status: 400, reason: 'expected an encrypted body' };
    try {
      body = JSON.parse(keys.decrypt(outer.encrypt)) as FeishuEnvelope;
    } catch {
      return { ok: false, status: 400, reason: 'cannot decrypt' };
    }
    if (body.type !== 'url_verification') {
      const timestamp = String(headers['x-lark-request-timestamp'] ?? '');
      const nonce = String(headers['x-lark-request-nonce'] ?? '');
      const signature = String(headers['x-lark-signature'] ?? '');
      if (!timestamp || !nonce || !/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, status: 401, reason: 'unsigned' };
      if (!sameHex(larkSignature(timestamp, nonce, keys.encryptKey, raw), signature)) return { ok: false, status: 401, reason: 'bad signature' };
    }
  } else if ('encrypt' in outer) return { ok: false, status: 400, reason: 'encrypted, but no FEISHU_ENCRYPT_KEY is set' };
  const token = body.type === 'url_verification' ? body.token : (body.header?.token ?? body.token);
  if (typeof token !== 'string' || !sameText(token, keys.verificationToken)) return { ok: false, status: 403, reason: 'wrong verification token' };
  return { ok: true, body };
}

function sameText(a: string, b: string): boolean {
  const x = createHash('sha256').update(a).digest();
  const y = createHash('sha256').update(b).digest();
  return timingSafeEqual(x, y);
}
