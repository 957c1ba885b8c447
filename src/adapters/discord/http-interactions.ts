import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIInteraction } from 'discord-api-types/v10';
import { BodyTooLarge, freshTimestamp, readBody, refuse, sendJson, sendJsonBytes, signatureKey, type ReplayGuard, type Route } from '../../http/server.js';
import type { Logger } from '../../log.js';
import { redactInteraction } from './gateway.js';
import type { Handled } from './interactions.js';

/** Interactions are a few KB. */
export const DISCORD_BODY_LIMIT = 64 * 1024;

/** DER prefix of an Ed25519 public key (SubjectPublicKeyInfo): Discord gives the raw 32 bytes in hex. */
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');

export function discordPublicKey(hex: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI, Buffer.from(hex, 'hex')]), format: 'der', type: 'spki' });
}

/**
 * POST /discord/interactions, as Discord's "Interactions Endpoint URL" calls it: the Ed25519 signature
 * over timestamp + body checked before anything else is done with the body, stale or replayed
 * requests refused, the answer in the HTTP response (and a deferred edit through REST after it).
 */
export function interactionsRoute(o: {
  publicKey: string;
  handle: (i: APIInteraction) => Promise<Handled>;
  log: Logger;
  replays: ReplayGuard;
  path?: string;
}): Route {
  const key = discordPublicKey(o.publicKey);
  const replays = o.replays;
  return {
    method: 'POST',
    path: o.path ?? '/discord/interactions',
    async handle(req: IncomingMessage, res: ServerResponse) {
      const signature = req.headers['x-signature-ed25519'];
      const timestamp = req.headers['x-signature-timestamp'];
      // 128 characters that decode to 64 bytes are all hex: decoding stops at the first that is not.
      const signed = typeof signature === 'string' && signature.length === 128 ? Buffer.from(signature, 'hex') : undefined;
      if (typeof signature !== 'string' || typeof timestamp !== 'string' || signed?.length !== 64) {
        o.log.warn({ reason: 'missing or malformed signature' }, 'Discord: interaction refused');
        return refuse(res, 401, 'invalid request signature');
      }
      if (!freshTimestamp(timestamp)) {
        o.log.warn({ reason: 'timestamp more than five minutes away' }, 'Discord: interaction refused');
        return refuse(res, 401, 'invalid request signature');
      }
      let body: Buffer;
      try {
        body = await readBody(req, DISCORD_BODY_LIMIT);
      } catch (err) {
        if (err instanceof BodyTooLarge) return refuse(res, 413, 'payload too large');
        throw err;
      }
      if (!verify(null, Buffer.concat([Buffer.from(timestamp), body]), key, signed)) {
        o.log.warn({ reason: 'bad signature' }, 'Discord: interaction refused');
        return refuse(res, 401, 'invalid request signature');
      }
      // The hex is decoded without regard to case: the key is the signature's bytes, not its spelling.
      const fresh = replays.fresh(signatureKey('discord', signature));
      if (!(typeof fresh === 'boolean' ? fresh : await fresh)) {
        o.log.warn({ reason: 'replayed request' }, 'Discord: interaction refused');
        return refuse(res, 401, 'invalid request signature');
      }
      let interaction: APIInteraction;
      try {
        interaction = JSON.parse(body.toString('utf8'));
        if (typeof interaction !== 'object' || interaction === null || typeof (interaction as { type?: unknown }).type !== 'number')
          throw new Error('not an interaction');
      } catch {
        o.log.warn({ reason: 'malformed body' }, 'Discord: interaction refused');
        return refuse(res, 400, 'malformed interaction');
      }
      const h = await o.handle(interaction);
      if (h.json) sendJsonBytes(res, 200, h.json);
      else sendJson(res, 200, h.response);
      if (h.after) void h.after().catch((err: unknown) => o.log.error({ err: redactInteraction(err) }, 'Discord: deferred answer failed'));
    },
  };
}
