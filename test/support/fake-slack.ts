import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeServer } from './local-server.js';

export interface FakeSlack {
  /** Web API base URL with the trailing slash the client needs. */
  apiUrl: string;
  base: string;
  calls: { method: string; body: Record<string, unknown> }[];
  responses: { id: string; body: Record<string, unknown> }[];
  uploads: { id: string; bytes: number }[];
  /** Answer the next calls of a method with this status and body (e.g. 429 with Retry-After). */
  failures: Map<string, { status: number; headers?: Record<string, string>; body?: unknown }[]>;
  /** Answer every Nth chat.postMessage with 429 and Retry-After: 1 (0: never). */
  rateLimitEvery: number;
  /** chat.postMessage calls that were answered ok, by channel. */
  posted: Map<string, number>;
  /** Socket Mode: envelopes the bot acknowledged over the WebSocket. */
  acks: { envelope_id: string; payload?: Record<string, unknown> }[];
  /** Socket Mode: send an envelope to every connected client. */
  sendEnvelope(envelope: Record<string, unknown>): void;
  socketClients(): number;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function parse(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  const text = raw.toString('utf8');
  if (type.includes('application/json')) return JSON.parse(text || '{}');
  if (type.includes('x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(text)) {
      out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
    }
    return out;
  }
  return { raw: text };
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** A local stand-in for slack.com: the Web API, response_url hooks and file upload URLs, on 127.0.0.1. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeSlack['calls'] = [];
  const responses: FakeSlack['responses'] = [];
  const uploads: FakeSlack['uploads'] = [];
  const failures: FakeSlack['failures'] = new Map();
  let files = 0;
  let ts = 1;
  let postCalls = 0;
  let base = '';
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = req.url ?? '/';
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (url.startsWith('/api/')) {
      const method = url.slice(5).split('?')[0]!;
      const body = parse(req, raw);
      calls.push({ method, body });
      const failure = failures.get(method)?.shift();
      if (failure) return json(failure.status, failure.body ?? { ok: false, error: 'fake_failure' }, failure.headers);
      if (method === 'chat.postMessage' && fake.rateLimitEvery > 0 && ++postCalls % fake.rateLimitEvery === 0) {
        return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      }
      switch (method) {
        case 'auth.test':
          return json(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'anode-bot', team: 'Test' });
        case 'files.getUploadURLExternal': {
          const id = `F${++files}`;
          return json(200, { ok: true, file_id: id, upload_url: `${base}/upload/${id}` });
        }
        case 'files.completeUploadExternal': {
          const list = (body.files as { id: string; title?: string }[]) ?? [];
          return json(200, { ok: true, files: list.map((f) => ({ id: f.id, title: f.title })) });
        }
        case 'chat.postMessage':
          fake.posted.set(String(body.channel), (fake.posted.get(String(body.channel)) ?? 0) + 1);
          return json(200, { ok: true, channel: body.channel, ts: `${ts++}.000` });
        case 'apps.connections.open':
          return json(200, { ok: true, url: `${base.replace('http', 'ws')}/socket` });
        case 'users.info':
          return json(200, { ok: true, user: { id: body.user, is_admin: body.user === 'UADMIN', is_owner: false } });
        default:
          return json(200, { ok: true });
      }
    }
    if (url.startsWith('/upload/')) {
      uploads.push({ id: url.slice(8), bytes: raw.length });
      res.writeHead(200);
      return res.end('OK');
    }
    if (url.startsWith('/respond/')) {
      responses.push({ id: url.slice(9), body: parse(req, raw) });
      res.writeHead(200);
      return res.end('ok');
    }
    res.writeHead(404);
    res.end();
  });
  // Socket Mode: the WebSocket that apps.connections.open points at, on the same port.
  const acks: FakeSlack['acks'] = [];
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => acks.push(JSON.parse(String(data))));
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A1' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  const fake: FakeSlack = {
    rateLimitEvery: 0,
    posted: new Map(),
    apiUrl: `${base}/api/`,
    base,
    calls,
    responses,
    uploads,
    failures,
    acks,
    sendEnvelope: (envelope) => {
      for (const ws of sockets) ws.send(JSON.stringify(envelope));
    },
    socketClients: () => sockets.size,
    close: () => closeServer(server, wss, sockets),
  };
  return fake;
}

/** Slack's request signature: v0 HMAC-SHA256 of "v0:{timestamp}:{body}" with the signing secret. */
export function sign(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedResponse {
  status: number;
  text: string;
  json(): Record<string, unknown>;
}

/** POSTs a form body to the bot's /slack/events as Slack would, signed (or not, for the tests that want that). */
export async function postToBot(
  port: number,
  form: Record<string, string>,
  o: { secret: string; timestamp?: number; badSignature?: boolean },
): Promise<SignedResponse> {
  const body = new URLSearchParams(form).toString();
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = o.badSignature ? `v0=${'0'.repeat(64)}` : sign(o.secret, timestamp, body);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
}

/** The form of a slash command invocation. */
export function slashCommand(command: string, text: string, responseUrl: string, user = 'U1'): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: 'C1',
    channel_name: 'general',
    user_id: user,
    user_name: 'analyst',
    command,
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}
