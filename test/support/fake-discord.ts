import { generateKeyPairSync, type KeyObject } from 'node:crypto';
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
  auth: string | undefined;
  at: number;
}

export interface FakeDiscord {
  /** REST base URL for the client's `rest.api` option. */
  api: string;
  requests: RecordedRequest[];
  /** Shards that identified: [shard id, shard count]. */
  identified: [number, number][];
  /** How many shards /gateway/bot recommends. */
  shards: number;
  /** Close every gateway connection that identifies with this code (4004: authentication failed). */
  closeWith: number | undefined;
  /** Sends an INTERACTION_CREATE dispatch on every connection, or on one shard's. */
  dispatchInteraction(data: Record<string, unknown>, shard?: number): void;
  /** Sends any gateway dispatch (MESSAGE_CREATE…) on every connection. */
  dispatch(event: string, data: Record<string, unknown>): void;
  /** Resolves with the first request (now or later) that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest>;
  /** Answer the next requests whose path contains `path` with a status (and Retry-After). */
  failures: { path: string; status: number; retryAfter?: number; body?: unknown }[];
  /** While set, posts to these channel ids answer 500. */
  down: Set<string>;
  /** Every REST answer waits this long (a real network's latency). */
  latencyMs: number;
  /** Messages that reached a channel (nonce-deduplicated as Discord does with enforce_nonce). */
  messages: { id: string; channel: string; nonce?: string; body: Record<string, unknown> }[];
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
 * A local stand-in for Discord: REST under /api/v10 and the gateway on the same port (HELLO,
 * IDENTIFY, READY per shard, heartbeat ACKs), then INTERACTION_CREATE on demand. Messages keep
 * their nonces: a second send with the same nonce answers the first message, as enforce_nonce does.
 */
export async function startFakeDiscord(): Promise<FakeDiscord> {
  const shardOf = new Map<WebSocket, number>();
  let seq = 1;
  let base = '';
  let messageId = 5_000_000_000_000_000_000n;
  const waiters: { match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }[] = [];

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (fake.latencyMs > 0) await new Promise((r) => setTimeout(r, fake.latencyMs));
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    const { body, files } = await parseBody(req, raw);
    const auth = req.headers.authorization;
    const record: RecordedRequest = { method: req.method ?? 'GET', path, body, files, auth, at: performance.now() };
    const json = (status: number, data: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };
    const failure = fake.failures.findIndex((f) => path.includes(f.path));
    fake.requests.push(record);
    for (const w of [...waiters]) {
      if (w.match(record)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(record);
      }
    }
    if (failure >= 0) {
      const f = fake.failures.splice(failure, 1)[0]!;
      return json(
        f.status,
        f.body ?? { message: 'fake failure', code: 0, retry_after: f.retryAfter ?? 0, global: false },
        f.retryAfter !== undefined ? { 'retry-after': String(f.retryAfter), 'x-ratelimit-scope': 'user' } : {},
      );
    }
    if (path === '/api/v10/gateway/bot') {
      if (auth !== undefined && /invalid/.test(auth)) return json(401, { message: '401: Unauthorized', code: 0 });
      return json(200, {
        url: base.replace('http', 'ws'),
        shards: fake.shards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (/\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      res.writeHead(204);
      return res.end();
    }
    const message = (channel: string, extra: Record<string, unknown> = {}) => ({
      id: String(messageId++),
      channel_id: channel,
      type: 0,
      content: '',
      embeds: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      pinned: false,
      mention_everyone: false,
      tts: false,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
      components: [],
      author: { id: BOT_ID, username: 'anode-bot', discriminator: '0', avatar: null, bot: true, global_name: null },
      ...body,
      ...extra,
    });
    if (req.method === 'PATCH' && path.includes('/webhooks/')) return json(200, message('300'));
    if (req.method === 'POST' && path.includes('/webhooks/')) return json(200, message('300'));
    const channelPost = /^\/api\/v10\/channels\/(\d+)\/messages$/.exec(path);
    if (req.method === 'POST' && channelPost) {
      const channel = channelPost[1]!;
      if (fake.down.has(channel)) return json(500, { message: 'Internal Server Error', code: 0 });
      const nonce = typeof body.nonce === 'string' ? body.nonce : undefined;
      const seen = nonce && body.enforce_nonce ? fake.messages.find((m) => m.channel === channel && m.nonce === nonce) : undefined;
      if (seen) return json(200, message(channel, { id: seen.id }));
      const m = message(channel);
      fake.messages.push({ id: m.id, channel, ...(nonce ? { nonce } : {}), body });
      return json(200, m);
    }
    const thread = /^\/api\/v10\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path);
    if (req.method === 'POST' && thread) {
      if (fake.requests.filter((r) => r.path === path && r.method === 'POST').length > 1)
        return json(400, { message: 'A thread has already been created for this message', code: 160004 });
      return json(201, { id: thread[2], type: 11, guild_id: '200', parent_id: thread[1], name: body.name, owner_id: BOT_ID, flags: 0 });
    }
    if (req.method === 'PUT' && path.includes('/commands'))
      return json(200, Array.isArray(body) ? body.map((c, i) => ({ id: String(i + 1), application_id: APP_ID, version: '1', ...c })) : []);
    json(404, { message: 'Unknown', code: 0 });
  });

  const wss = new WebSocketServer({ server });
  wss.on('connection', (ws) => {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41250 }, s: null, t: null }));
    ws.on('message', (data) => {
      const msg = JSON.parse(String(data)) as { op: number; d: { shard?: [number, number] } };
      if (msg.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (msg.op === 2) {
        const shard = msg.d.shard ?? [0, 1];
        fake.identified.push(shard);
        if (fake.closeWith !== undefined) {
          ws.close(fake.closeWith, 'Authentication failed.');
          return;
        }
        shardOf.set(ws, shard[0]);
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: seq++,
            d: {
              v: 10,
              user: { id: BOT_ID, username: 'anode-bot', discriminator: '0', avatar: null, bot: true, global_name: null },
              guilds: [],
              session_id: `fake-session-${shard[0]}`,
              resume_gateway_url: base.replace('http', 'ws'),
              application: { id: APP_ID, flags: 0 },
              shard,
            },
          }),
        );
      }
    });
    ws.on('close', () => shardOf.delete(ws));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fake: FakeDiscord = {
    api: `${base}/api`,
    requests: [],
    identified: [],
    shards: 1,
    closeWith: undefined,
    failures: [],
    down: new Set(),
    latencyMs: 0,
    messages: [],
    dispatch(event, data) {
      const payload = JSON.stringify({ op: 0, t: event, s: seq++, d: data });
      for (const ws of shardOf.keys()) ws.send(payload);
    },
    dispatchInteraction(data, shard) {
      const payload = JSON.stringify({ op: 0, t: 'INTERACTION_CREATE', s: seq++, d: data });
      for (const [ws, id] of shardOf) if (shard === undefined || id === shard) ws.send(payload);
    },
    waitFor(match, timeoutMs = 8000) {
      const existing = fake.requests.find(match);
      if (existing) return Promise.resolve(existing);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake Discord: no matching request')), timeoutMs);
        waiters.push({ match, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      });
    },
    close: () => closeServer(server, wss, new Set(shardOf.keys())),
  };
  return fake;
}

let nextId = 1_200_000_000_000_000_000n;

/** An interaction as the gateway or the HTTP endpoint delivers it: slash command (2), autocomplete (4), component (3). */
export function interaction(
  name: string,
  options: Record<string, unknown>[],
  o: { type?: 2 | 3 | 4; permissions?: string; user?: string; locale?: string; channel?: string; customId?: string; values?: string[]; guild?: string } = {},
): Record<string, unknown> & { id: string; token: string } {
  const id = String(nextId++);
  const channel = o.channel ?? '300';
  const type = o.type ?? 2;
  return {
    id,
    application_id: APP_ID,
    type,
    token: `tok-${id}-secret-interaction-token`,
    version: 1,
    guild_id: o.guild ?? '200',
    channel_id: channel,
    channel: { id: channel, type: 0, guild_id: o.guild ?? '200', name: 'general' },
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
    locale: o.locale ?? 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': o.guild ?? '200' },
    context: 0,
    ...(type === 3
      ? {
          message: {
            id: '900',
            channel_id: channel,
            type: 0,
            content: '',
            embeds: [],
            components: [],
            attachments: [],
            author: { id: BOT_ID, username: 'anode-bot', discriminator: '0', avatar: null },
            timestamp: new Date().toISOString(),
            edited_timestamp: null,
            flags: 64,
            mentions: [],
            mention_roles: [],
            pinned: false,
            mention_everyone: false,
            tts: false,
          },
          data: { custom_id: o.customId ?? '', component_type: o.values ? 3 : 2, ...(o.values ? { values: o.values } : {}) },
        }
      : { data: { id: '500', name, type: 1, options } }),
  };
}

let nextMessage = 1_300_000_000_000_000_000n;

/** A message as the gateway's MESSAGE_CREATE carries it: in a server channel (mentioning whom it names) or, without a guild, in a DM. */
export function userMessage(
  content: string,
  o: { channel?: string; guild?: string | null; mentions?: string[]; author?: string; bot?: boolean } = {},
): Record<string, unknown> {
  const guild = o.guild === undefined ? '200' : o.guild;
  return {
    id: String(nextMessage++),
    channel_id: o.channel ?? '300',
    ...(guild ? { guild_id: guild } : {}),
    type: 0,
    content,
    author: { id: o.author ?? '400', username: 'analyst', discriminator: '0', avatar: null, global_name: 'Analyst', ...(o.bot ? { bot: true } : {}) },
    mentions: (o.mentions ?? []).map((id) => ({ id, username: id === BOT_ID ? 'anode-bot' : 'someone', discriminator: '0', avatar: null, global_name: null })),
    mention_roles: [],
    mention_everyone: false,
    attachments: [],
    embeds: [],
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    flags: 0,
    components: [],
  };
}

/** An application key pair made for a test: "Discord" signs with the private key, the bot is given the public one in hex. */
export function discordKeys(): { publicHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return { publicHex: publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex'), privateKey };
}
