import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { closeServer } from './local-server.js';

export const APP_ID = '1100000000000000001';
export const BOT_ID = '1100000000000000002';

export interface RecordedRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  files: { name: string; bytes: number }[];
  at: number;
}

export interface FakeDiscord {
  /** REST base URL for the client's `rest.api` option. */
  api: string;
  requests: RecordedRequest[];
  identified: () => boolean;
  /** Sends an INTERACTION_CREATE dispatch on every gateway connection. */
  dispatchInteraction(data: Record<string, unknown>): void;
  /** Resolves with the callback (or edit) for an interaction id. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Answer the next requests whose path contains `path` with a status (and Retry-After). */
  failures: { path: string; status: number; retryAfter?: number; body?: unknown }[];
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** JSON or multipart (payload_json + files), as discord.js sends them. */
async function parseBody(req: IncomingMessage, raw: Buffer): Promise<{ body: Record<string, unknown>; files: { name: string; bytes: number }[] }> {
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    const files: { name: string; bytes: number }[] = [];
    let body: Record<string, unknown> = {};
    for (const [key, value] of form.entries()) {
      if (key === 'payload_json') body = JSON.parse(String(value));
      else if (typeof value !== 'string') files.push({ name: value.name, bytes: value.size });
    }
    return { body, files };
  }
  return { body: raw.length ? JSON.parse(raw.toString('utf8')) : {}, files: [] };
}

/**
 * A local stand-in for Discord: the REST API under /api/v10 and a gateway WebSocket on the same port
 * (HELLO, IDENTIFY, READY with no guilds, heartbeat ACKs), then INTERACTION_CREATE on demand.
 */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: RecordedRequest[] = [];
  const failures: FakeDiscord['failures'] = [];
  const sockets = new Set<WebSocket>();
  let identified = false;
  let seq = 1;
  let base = '';
  const waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];
  let messageId = 1;

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const { body, files } = await parseBody(req, raw);
    const record: RecordedRequest = { method: req.method ?? 'GET', path, body, files, at: performance.now() };
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    const failure = failures.findIndex((f) => path.includes(f.path));
    if (failure >= 0) {
      const f = failures.splice(failure, 1)[0]!;
      requests.push(record);
      return json(f.status, f.body ?? { message: 'fake failure', code: 0, retry_after: f.retryAfter ?? 0, global: false }, f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter), 'x-ratelimit-scope': 'user' } : {});
    }
    requests.push(record);
    for (const w of [...waiters]) {
      if (w.match(record)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(record);
      }
    }
    if (path === '/api/v10/gateway/bot') {
      return json(200, { url: base.replace('http', 'ws'), shards: 1, session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 } });
    }
    if (/\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204);
      return res.end();
    }
    const message = (extra: Record<string, unknown> = {}) => ({
      id: String(messageId++), channel_id: '300', type: 20, content: '', embeds: [], attachments: [], mentions: [], mention_roles: [], pinned: false, mention_everyone: false, tts: false, timestamp: new Date().toISOString(), edited_timestamp: null, flags: 0, components: [], author: { id: BOT_ID, username: 'anode-bot', discriminator: '0', avatar: null, bot: true, global_name: null }, ...body, ...extra,
    });
    if (req.method === 'PATCH' && path.includes('/webhooks/')) return json(200, message());
    if (req.method === 'POST' && path.includes('/webhooks/')) return json(200, message());
    if (req.method === 'POST' && /\/channels\/\d+\/messages$/.test(path)) return json(200, message({ channel_id: path.split('/')[4] }));
    if (req.method === 'PUT' && path.includes('/commands')) return json(200, Array.isArray(body) ? body.map((c, i) => ({ id: String(i + 1), application_id: APP_ID, version: '1', ...c })) : []);
    json(404, { message: 'Unknown', code: 0 });
  });

  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d: unknown };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (msg.op === 2) {
        identified = true;
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: seq++,
            d: {
              v: 10,
              user: { id: BOT_ID, username: 'anode-bot', discriminator: '0', avatar: null, bot: true, global_name: null },
              guilds: [],
              session_id: 'fake-session',
              resume_gateway_url: base.replace('http', 'ws'),
              application: { id: APP_ID, flags: 0 },
              shard: [0, 1],
            },
          }),
        );
      }
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    api: `${base}/api`,
    requests,
    failures,
    identified: () => identified,
    dispatchInteraction(data) {
      const payload = JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: seq++, d: data });
      for (const ws of sockets) ws.send(payload);
    },
    waitFor(match, timeoutMs = 5000) {
      const existing = requests.find(match);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake Discord: no matching request')), timeoutMs);
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close: () => closeServer(server, wss, sockets),
  };
}

let nextId = 1_200_000_000_000_000_000n;

/** A slash command (type 2) or autocomplete (type 4) interaction, as the gateway delivers it. */
export function interaction(
  name: string,
  options: Record<string, unknown>[],
  o: { type?: 2 | 4; permissions?: string; user?: string } = {},
): Record<string, unknown> & { id: string; token: string } {
  const id = String(nextId++);
  return {
    id,
    application_id: APP_ID,
    type: o.type ?? 2,
    token: `tok-${id}`,
    version: 1,
    guild_id: '200',
    channel_id: '300',
    channel: { id: '300', type: 0, guild_id: '200', name: 'general' },
    member: {
      user: { id: o.user ?? '400', username: 'analyst', discriminator: '0', avatar: null, global_name: 'Analyst' },
      roles: [],
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
      permissions: o.permissions ?? '0',
    },
    app_permissions: '0',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': '200' },
    context: 0,
    data: { id: '500', name, type: 1, options },
  };
}
