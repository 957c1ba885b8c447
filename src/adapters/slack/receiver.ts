import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import { HTTPModuleFunctions, HTTPResponseAck } from './bolt.js';
import type { Logger as BoltLogger } from '@slack/bolt';
import { BodyTooLarge, freshTimestamp, readBody, refuse, sendJson, signatureKey, type ReplayGuard, type Route } from '../../http/server.js';

/** Slash commands and clicks are a few KB; anything much larger is not Slack. */
export const SLACK_BODY_LIMIT = 64 * 1024;

/** Slack's request signature: v0 HMAC-SHA256 of "v0:{timestamp}:{body}" with the signing secret. */
export function slackSignature(secret: string, timestamp: string, body: Buffer | string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:`).update(body).digest('hex')}`;
}

/**
 * Bolt's receiver for the process's one HTTP server. In order: headers, then the timestamp (five
 * minutes either way), then the body read with a limit, then the signature, then replays, and only
 * then Bolt. Bolt's own HTTPReceiver reads a whole body (4 MB) before it checks anything.
 */
export class SlackHttpReceiver implements Receiver {
  private app: App | undefined;

  constructor(
    private readonly o: {
      signingSecret: string;
      logger: BoltLogger;
      warn: (detail: Record<string, unknown>, message: string) => void;
      replays: ReplayGuard;
      path?: string;
    },
  ) {}

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  route(): Route {
    return { method: 'POST', path: this.o.path ?? '/slack/events', handle: (req, res) => this.handle(req, res) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const signature = req.headers['x-slack-signature'];
    const timestamp = req.headers['x-slack-request-timestamp'];
    if (typeof signature !== 'string' || typeof timestamp !== 'string') {
      this.o.warn({ reason: 'missing signature headers' }, 'Slack: request refused');
      return refuse(res, 401, 'unauthorized');
    }
    if (!freshTimestamp(timestamp)) {
      this.o.warn({ reason: 'timestamp more than five minutes away' }, 'Slack: request refused');
      return refuse(res, 401, 'unauthorized');
    }
    let raw: Buffer;
    try {
      raw = await readBody(req, SLACK_BODY_LIMIT);
    } catch (err) {
      if (err instanceof BodyTooLarge) {
        this.o.warn({ reason: err.message }, 'Slack: request refused');
        return refuse(res, 413, 'payload too large');
      }
      throw err;
    }
    const expected = Buffer.from(slackSignature(this.o.signingSecret, timestamp, raw));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      this.o.warn({ reason: 'bad signature' }, 'Slack: request refused');
      return refuse(res, 401, 'unauthorized');
    }
    if (!(await this.o.replays.fresh(signatureKey('slack', signature)))) {
      this.o.warn({ reason: 'replayed request' }, 'Slack: request refused');
      return refuse(res, 401, 'unauthorized');
    }
    let body: Record<string, unknown>;
    try {
      const text = raw.toString('utf8');
      if ((req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        const form = parseQuery(text) as Record<string, unknown>;
        body = typeof form.payload === 'string' ? JSON.parse(form.payload) : form;
      } else {
        body = JSON.parse(text);
      }
    } catch {
      return refuse(res, 400, 'malformed body');
    }
    // Signed but not a Slack payload ("null", a number, a list): a client error, never a crash.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse(res, 400, 'malformed body');
    if (body.ssl_check === '1') return refuse(res, 200, '');
    if (body.type === 'url_verification') return sendJson(res, 200, { challenge: body.challenge });
    const ack = new HTTPResponseAck({
      logger: this.o.logger,
      processBeforeResponse: false,
      // Slack waits 3 s; if a listener never acknowledges, answer for it first.
      unhandledRequestTimeoutMillis: 2500,
      httpRequest: req,
      httpRequestBody: body,
      httpResponse: res,
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      ...(HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req) !== undefined ? { retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req)! } : {}),
      ...(HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req) !== undefined
        ? { retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req)! }
        : {}),
    };
    try {
      await this.app?.processEvent(event);
    } catch (err) {
      const done = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: err as Error,
        logger: this.o.logger,
        request: req,
        response: res,
        storedResponse: ack.storedResponse,
      });
      if (done) ack.ack();
    }
  }
}
