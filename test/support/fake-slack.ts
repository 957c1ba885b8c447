import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeServer } from './local-server.js';

export interface FakeMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface FakeSlack {
  /** Web API base URL with the trailing slash the client needs. */
  apiUrl: string;
  base: string;
  /** Every Web API call, with the token it carried. */
  calls: { method: string; body: Record<string, unknown>; token: string | undefined }[];
  responses: { id: string; body: Record<string, unknown> }[];
  uploads: { id: string; bytes: number }[];
  /** Messages posted with chat.postMessage, by channel, as conversations.history returns them. */
  messages: FakeMessage[];
  /** When each message (by ts) was received, in ms since the epoch. */
  receivedAt: Map<string, number>;
  /** Answer the next calls of a method with this status and body (e.g. 429 with Retry-After). */
  failures: Map<string, { status: number; headers?: Record<string, string>; body?: unknown }[]>;
  /** While set, chat.postMessage to these channels answers 500. */
  down: Set<string>;
  /** chat.postMessage to these channels answers ok: false with this error (channel_not_found…). */
  channelErrors: Map<string, string>;
  /** chat.postMessage to these channels never answers (a hung API). */
  stall: Set<string>;
  /** Every Web API answer waits this long (a real network's latency). */
  latencyMs: number;
  /** Answer every Nth chat.postMessage with 429 and Retry-After: 1 (0: never). */
  rateLimitEvery: number;
  /** OAuth codes oauth.v2.access accepts, and the installation each gives. */
  /** Codes the OAuth flow exchanges; `orgWide` makes an Enterprise Grid org-wide install (no team). */
  oauthCodes: Map<string, { team: string; token: string; enterprise?: string; orgWide?: boolean }>;
  /** Tokens auth.test and every method accept; empty: any token. */
  validTokens: Set<string>;
  /** Socket Mode: envelopes the bot acknowledged over the WebSocket. */
  acks: { envelope_id: string; payload?: Record<string, unknown> }[];
  sendEnvelope(envelope: Record<string, unknown>): void;
  socketClients(): number;
  /** Socket Mode outage: close every connection, and refuse new ones while `refuseSockets` is set. */
  dropSockets(): void;
  refuseSockets: boolean;
  /** Posts per channel, counted from the log of calls that succeeded. */
  posted(channel?: string): FakeMessage[];
  /** Resolves when a response_url post with this id arrives. */
  waitForResponse(id: string): Promise<Record<string, unknown>>;
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

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function parse(req: IncomingMessage, raw: Buffer): Record<string, unknown> {
  const type = req.headers['content-type'] ?? '';
  const text = raw.toString('utf8');
  if (type.includes('application/json')) return JSON.parse(text || '{}');
  if (type.includes('x-www-form-urlencoded')) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of new URLSearchParams(text)) out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
    return out;
  }
  return { raw: text };
}

/** A local stand-in for slack.com: the Web API, response_url hooks, file uploads and Socket Mode, on 127.0.0.1. */
export async function startFakeSlack(): Promise<FakeSlack> {
  let files = 0;
  let ts = 1;
  const responseWaiters = new Map<string, (body: Record<string, unknown>) => void>();
  let postCalls = 0;
  let base = '';
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = req.url ?? '/';
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    if (fake.latencyMs > 0) await new Promise((r) => setTimeout(r, fake.latencyMs));
    if (url.startsWith('/api/')) {
      const method = url.slice(5).split('?')[0]!;
      const body = { ...Object.fromEntries(new URL(url, base).searchParams), ...parse(req, raw) };
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof body.token === 'string' ? body.token : undefined;
      fake.calls.push({ method, body, token });
      const failure = fake.failures.get(method)?.shift();
      if (failure) return json(failure.status, failure.body ?? { ok: false, error: 'fake_failure' }, failure.headers);
      if (method !== 'oauth.v2.access' && fake.validTokens.size > 0 && (!token || !fake.validTokens.has(token)))
        return json(200, { ok: false, error: 'invalid_auth' });
      if (method === 'chat.postMessage' && fake.stall.has(String(body.channel))) return;
      if (method === 'chat.postMessage' && fake.down.has(String(body.channel))) return json(500, { ok: false, error: 'internal_error' });
      if (method === 'chat.postMessage' && fake.channelErrors.has(String(body.channel)))
        return json(200, { ok: false, error: fake.channelErrors.get(String(body.channel)) });
      if (method === 'chat.postMessage' && fake.rateLimitEvery > 0 && ++postCalls % fake.rateLimitEvery === 0) {
        return json(429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' });
      }
      switch (method) {
        case 'auth.test':
          return json(200, { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', user: 'anode-bot', team: 'Test' });
        case 'oauth.v2.access': {
          const grant = fake.oauthCodes.get(String(body.code));
          if (!grant) return json(200, { ok: false, error: 'invalid_code' });
          fake.oauthCodes.delete(String(body.code));
          fake.validTokens.add(grant.token);
          return json(200, {
            ok: true,
            app_id: 'A1',
            authed_user: { id: 'UINSTALLER' },
            scope: 'commands,chat:write',
            token_type: 'bot',
            access_token: grant.token,
            bot_user_id: `UBOT${grant.team}`,
            team: grant.orgWide ? null : { id: grant.team, name: `Team ${grant.team}` },
            enterprise: grant.enterprise ? { id: grant.enterprise, name: 'Org' } : null,
            is_enterprise_install: Boolean(grant.orgWide),
          });
        }
        case 'files.getUploadURLExternal': {
          const id = `F${++files}`;
          return json(200, { ok: true, file_id: id, upload_url: `${base}/upload/${id}` });
        }
        case 'files.completeUploadExternal': {
          const list = (body.files as { id: string; title?: string }[]) ?? [];
          return json(200, { ok: true, files: list.map((f) => ({ id: f.id, title: f.title })) });
        }
        case 'chat.postMessage': {
          const message: FakeMessage = {
            channel: String(body.channel),
            ts: `${1700000000 + ts++}.000100`,
            ...(body.thread_ts ? { thread_ts: String(body.thread_ts) } : {}),
            ...(typeof body.text === 'string' ? { text: body.text } : {}),
            ...(Array.isArray(body.blocks) ? { blocks: body.blocks } : {}),
            ...(body.metadata ? { metadata: body.metadata as FakeMessage['metadata'] } : {}),
          };
          fake.messages.push(message);
          fake.receivedAt.set(message.ts, Date.now());
          return json(200, { ok: true, channel: body.channel, ts: message.ts, message });
        }
        case 'conversations.history': {
          const list = fake.messages.filter((m) => m.channel === body.channel && !m.thread_ts).reverse();
          return json(200, { ok: true, messages: list.map((m) => (body.include_all_metadata ? m : { ...m, metadata: undefined })), has_more: false });
        }
        case 'conversations.replies': {
          const list = fake.messages.filter((m) => m.channel === body.channel && (m.ts === body.ts || m.thread_ts === body.ts));
          return json(200, { ok: true, messages: list, has_more: false });
        }
        case 'apps.connections.open':
          return json(200, { ok: true, url: `${base.replace('http', 'ws')}/socket` });
        case 'users.info':
          return json(200, {
            ok: true,
            user: { id: body.user, is_admin: body.user === 'UADMIN', is_owner: false, locale: body.user === 'UZH' ? 'zh-CN' : 'en-US' },
          });
        default:
          return json(200, { ok: true });
      }
    }
    if (url.startsWith('/upload/')) {
      fake.uploads.push({ id: url.slice(8), bytes: raw.length });
      res.writeHead(200);
      return res.end('OK');
    }
    if (url.startsWith('/respond/')) {
      const response = { id: url.slice(9), body: parse(req, raw) };
      fake.responses.push(response);
      responseWaiters.get(response.id)?.(response.body);
      responseWaiters.delete(response.id);
      res.writeHead(200);
      return res.end('ok');
    }
    res.writeHead(404);
    res.end();
  });
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ server, path: '/socket' });
  wss.on('connection', (ws) => {
    if (fake.refuseSockets) return void ws.close(1011, 'fake outage');
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('message', (data) => fake.acks.push(JSON.parse(String(data))));
    ws.send(
      JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake', approximate_connection_time: 3600 }, connection_info: { app_id: 'A1' } }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeSlack = {
    apiUrl: `${base}/api/`,
    base,
    calls: [],
    responses: [],
    uploads: [],
    messages: [],
    receivedAt: new Map(),
    failures: new Map(),
    down: new Set(),
    channelErrors: new Map(),
    stall: new Set(),
    latencyMs: 0,
    rateLimitEvery: 0,
    oauthCodes: new Map(),
    validTokens: new Set(),
    acks: [],
    sendEnvelope: (envelope) => {
      for (const ws of sockets) ws.send(JSON.stringify(envelope));
    },
    socketClients: () => sockets.size,
    refuseSockets: false,
    dropSockets: () => {
      for (const ws of sockets) ws.terminate();
    },
    posted: (channel) => fake.messages.filter((m) => channel === undefined || m.channel === channel),
    waitForResponse: (id) => {
      const seen = fake.responses.find((r) => r.id === id);
      return seen ? Promise.resolve(seen.body) : new Promise((resolve) => responseWaiters.set(id, resolve));
    },
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

/** POSTs a body to the bot's /slack/events as Slack would, signed (or not, for the tests that want that). */
export async function postToBot(
  port: number,
  form: Record<string, string>,
  o: { secret: string; timestamp?: number; badSignature?: boolean; json?: boolean; signature?: string },
): Promise<SignedResponse & { signature: string; body: string; timestamp: number }> {
  const body = o.json ? JSON.stringify(form) : new URLSearchParams(form).toString();
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = o.signature ?? (o.badSignature ? `v0=${'0'.repeat(64)}` : sign(o.secret, timestamp, body));
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': o.json ? 'application/json' : 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text), signature, body, timestamp };
}

/** The form of a slash command invocation. */
export function slashCommand(
  command: string,
  text: string,
  responseUrl: string,
  o: { user?: string; team?: string; channel?: string } = {},
): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: o.team ?? 'T1',
    team_domain: 'test',
    channel_id: o.channel ?? 'C1',
    channel_name: 'general',
    user_id: o.user ?? 'U1',
    user_name: 'analyst',
    command,
    text,
    api_app_id: 'A1',
    response_url: responseUrl,
    trigger_id: '1.2.3',
  };
}

/** A block_actions payload for a click on a button (value) or a menu (block_id and selected value). */
export function blockAction(o: {
  responseUrl: string;
  user?: string;
  channel?: string;
  team?: string;
  button?: { action_id: string; value: string };
  menu?: { block_id: string; value: string };
}): Record<string, string> {
  const action = o.button
    ? { type: 'button', action_id: o.button.action_id, block_id: 'b', value: o.button.value, action_ts: '1' }
    : {
        type: 'static_select',
        action_id: 'anode_menu',
        block_id: o.menu!.block_id,
        selected_option: { text: { type: 'plain_text', text: o.menu!.value }, value: o.menu!.value },
        action_ts: '1',
      };
  const payload = {
    type: 'block_actions',
    team: { id: o.team ?? 'T1', domain: 'test' },
    user: { id: o.user ?? 'U1', username: 'analyst', team_id: o.team ?? 'T1' },
    api_app_id: 'A1',
    token: 'legacy',
    container: { type: 'message', message_ts: '1.1', channel_id: o.channel ?? 'C1', is_ephemeral: true },
    trigger_id: '1.2.3',
    channel: { id: o.channel ?? 'C1', name: 'general' },
    response_url: o.responseUrl,
    actions: [action],
  };
  return { payload: JSON.stringify(payload) };
}
