import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import protobuf from 'protobufjs';
import { WebSocketServer, type WebSocket } from 'ws';
import { larkSignature } from '../../src/adapters/feishu/webhook.js';

/** One message the bot sent: a reply to a message, or a new one in a chat. */
export interface FeishuPost {
  kind: 'reply' | 'create';
  /** The message replied to, or the chat posted in. */
  target: string;
  msg_type: string;
  card: Record<string, unknown>;
  uuid?: string;
  reply_in_thread?: boolean;
  message_id: string;
  token: string | undefined;
}

export interface FakeFeishu {
  /** The Open API base URL: FEISHU_DOMAIN. */
  base: string;
  posts: FeishuPost[];
  /** Every request, method and path. */
  requests: { method: string; path: string }[];
  /** Owner and administrators per chat id (open_ids). */
  chats: Map<string, { owner: string; managers: string[] }>;
  /** App secrets the token endpoint accepts. */
  secret: string;
  /**
   * The next message posts (create or reply) answered with a frequency limit instead: HTTP 429, the
   * code (99991400 for the API, 230020 for a chat), and `x-ogw-ratelimit-reset` in seconds.
   */
  limited: { code: number; resetSeconds: number; chat?: string }[];
  /** Called with every post as it arrives (benchmarks wait on this rather than polling). */
  onPost?: (post: FeishuPost) => void;
  /** Resolves once `n` posts have arrived. */
  waitForPosts(n: number, timeoutMs?: number): Promise<FeishuPost[]>;
  /** Long connection: how many clients are connected, and an event sent down one (its answer back). */
  socketClients(): number;
  waitForSocket(timeoutMs?: number): Promise<void>;
  sendEvent(body: Record<string, unknown>): Promise<{ code: number; data?: unknown }>;
  close(): Promise<void>;
}

/**
 * The long connection's frame (the SDK's pbbp2.Frame), declared here from its field numbers. SeqID and
 * LogID are uint64 varints there; small ones read the same as uint32, which needs no Long support.
 */
const Header = new protobuf.Type('Header').add(new protobuf.Field('key', 1, 'string')).add(new protobuf.Field('value', 2, 'string'));
const Frame = new protobuf.Type('Frame')
  .add(new protobuf.Field('SeqID', 1, 'uint32'))
  .add(new protobuf.Field('LogID', 2, 'uint32'))
  .add(new protobuf.Field('service', 3, 'int32'))
  .add(new protobuf.Field('method', 4, 'int32'))
  .add(new protobuf.Field('headers', 5, 'Header', 'repeated'))
  .add(new protobuf.Field('payloadEncoding', 6, 'string'))
  .add(new protobuf.Field('payloadType', 7, 'string'))
  .add(new protobuf.Field('payload', 8, 'bytes'))
  .add(new protobuf.Field('LogIDNew', 9, 'string'));
new protobuf.Root().define('pbbp2').add(Header).add(Frame);
type FrameObject = { method: number; headers: { key: string; value: string }[]; payload?: Uint8Array };

const read = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

/**
 * A local stand-in for Feishu's Open API, enough for the bot's calls through the real SDK: the tenant
 * token, the bot's identity, replies and new messages (deduplicated by uuid, as Feishu does within
 * an hour) and a chat's owner and administrators.
 */
export async function startFakeFeishu(o: { secret?: string } = {}): Promise<FakeFeishu> {
  const posts: FeishuPost[] = [];
  const requests: { method: string; path: string }[] = [];
  const byUuid = new Map<string, string>();
  const chats = new Map<string, { owner: string; managers: string[] }>();
  let n = 0;
  const sockets = new Set<WebSocket>();
  const pending = new Map<string, (answer: { code: number; data?: unknown }) => void>();
  let sent = 0;
  const fake: FakeFeishu = {
    base: '',
    posts,
    requests,
    chats,
    limited: [],
    secret: o.secret ?? 'feishu-app-secret',
    async waitForPosts(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (posts.length < count) {
        if (Date.now() > deadline) throw new Error(`fake Feishu: ${posts.length} of ${count} posts arrived`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return posts;
    },
    socketClients: () => sockets.size,
    async waitForSocket(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (sockets.size === 0) {
        if (Date.now() > deadline) throw new Error('fake Feishu: no long connection');
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    sendEvent(body) {
      const socket = [...sockets][0];
      if (!socket) return Promise.reject(new Error('fake Feishu: no long connection'));
      const id = `msg-${++sent}`;
      const headers = [
        { key: 'type', value: 'event' },
        { key: 'message_id', value: id },
        { key: 'sum', value: '1' },
        { key: 'seq', value: '0' },
        { key: 'trace_id', value: `trace-${sent}` },
      ];
      const frame = Frame.encode(
        Frame.create({ SeqID: sent, LogID: sent, service: 1, method: 1, headers, payload: Buffer.from(JSON.stringify(body)) }),
      ).finish();
      return new Promise((resolve) => {
        pending.set(id, resolve);
        socket.send(frame);
      });
    },
    close: async () => {
      for (const s of sockets) s.terminate();
      wss.close();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
  const json = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ method: req.method ?? '', path: url.pathname });
    const raw = await read(req);
    const body = raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || undefined;
    if (url.pathname === '/callback/ws/endpoint') {
      if (body.AppSecret !== fake.secret) return json(res, 200, { code: 1000040343, msg: 'app secret invalid' });
      const port = (server.address() as AddressInfo).port;
      return json(res, 200, {
        code: 0,
        msg: 'ok',
        data: {
          URL: `ws://127.0.0.1:${port}/ws?device_id=d1&service_id=7`,
          ClientConfig: { ReconnectCount: -1, ReconnectInterval: 1, ReconnectNonce: 0, PingInterval: 120 },
        },
      });
    }
    if (url.pathname === '/open-apis/auth/v3/tenant_access_token/internal') {
      if (body.app_secret !== fake.secret) return json(res, 200, { code: 10014, msg: 'app secret invalid' });
      return json(res, 200, { code: 0, msg: 'ok', tenant_access_token: 't-fake-tenant', expire: 7200 });
    }
    if (token !== 't-fake-tenant') return json(res, 401, { code: 99991663, msg: 'invalid access token' });
    if (url.pathname === '/open-apis/bot/v3/info') return json(res, 200, { code: 0, msg: 'ok', bot: { open_id: 'ou_bot', app_name: 'anode-bot' } });
    const chat = /^\/open-apis\/im\/v1\/chats\/([^/]+)$/.exec(url.pathname);
    if (chat && req.method === 'GET') {
      const c = chats.get(chat[1]!) ?? { owner: 'ou_owner', managers: [] };
      return json(res, 200, { code: 0, msg: 'ok', data: { owner_id: c.owner, owner_id_type: 'open_id', user_manager_id_list: c.managers } });
    }
    const replyTo = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(url.pathname);
    const create = url.pathname === '/open-apis/im/v1/messages' && req.method === 'POST';
    if (replyTo || create) {
      const limit = fake.limited.findIndex((l) => l.chat === undefined || l.chat === body.receive_id);
      if (limit >= 0) {
        const l = fake.limited.splice(limit, 1)[0]!;
        res.writeHead(429, { 'content-type': 'application/json', 'x-ogw-ratelimit-limit': '5', 'x-ogw-ratelimit-reset': String(l.resetSeconds) });
        return res.end(JSON.stringify({ code: l.code, msg: 'request trigger frequency limit' }));
      }
      const uuid = typeof body.uuid === 'string' ? body.uuid : undefined;
      // Feishu sends one message per uuid (within an hour): a repeat gets the first one back.
      if (uuid && byUuid.has(uuid)) return json(res, 200, { code: 0, msg: 'ok', data: { message_id: byUuid.get(uuid) } });
      const message_id = `om_${++n}`;
      if (uuid) byUuid.set(uuid, message_id);
      const post: FeishuPost = {
        kind: replyTo ? 'reply' : 'create',
        target: replyTo ? replyTo[1]! : String(body.receive_id),
        msg_type: String(body.msg_type),
        card: JSON.parse(String(body.content)) as Record<string, unknown>,
        ...(uuid ? { uuid } : {}),
        ...(body.reply_in_thread ? { reply_in_thread: true } : {}),
        message_id,
        token,
      };
      posts.push(post);
      fake.onPost?.(post);
      return json(res, 200, { code: 0, msg: 'ok', data: { message_id } });
    }
    json(res, 404, { code: 404, msg: `fake Feishu: no ${req.method} ${url.pathname}` });
  });
  const wss = new WebSocketServer({ server, path: '/ws' });
  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data: Buffer) => {
      const frame = Frame.toObject(Frame.decode(data)) as FrameObject;
      const header = (k: string) => frame.headers.find((h) => h.key === k)?.value;
      // Data frames are the client's answers to events; control frames are its pings.
      if (frame.method !== 1) return;
      const resolve = pending.get(header('message_id') ?? '');
      if (!resolve || !frame.payload) return;
      pending.delete(header('message_id')!);
      const answer = JSON.parse(Buffer.from(frame.payload).toString('utf8')) as { code: number; data?: string };
      resolve({ code: answer.code, ...(answer.data ? { data: JSON.parse(Buffer.from(answer.data, 'base64').toString('utf8')) } : {}) });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

/** An event body as Feishu encrypts it: AES-256-CBC, key sha256(encrypt key), a random IV first, base64. */
export function encryptForFeishu(plain: string, encryptKey: string): string {
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', createHash('sha256').update(encryptKey).digest(), iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
}

/** Headers Feishu signs a request with, for a raw body. */
export function signedHeaders(raw: string, encryptKey: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(8).toString('hex');
  return {
    'content-type': 'application/json',
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': larkSignature(timestamp, nonce, encryptKey, Buffer.from(raw)),
  };
}

/** An im.message.receive_v1 event (schema 2.0) for a text message. */
export function messageEvent(o: {
  eventId: string;
  token: string;
  text: string;
  chat?: string;
  chatType?: 'p2p' | 'group';
  user?: string;
  mentionBot?: boolean;
}): Record<string, unknown> {
  const mentions = o.mentionBot ? [{ key: '@_user_1', id: { open_id: 'ou_bot' }, name: 'anode-bot' }] : [];
  return {
    schema: '2.0',
    header: {
      event_id: o.eventId,
      event_type: 'im.message.receive_v1',
      token: o.token,
      tenant_key: 'tenant-1',
      app_id: 'cli_test',
      create_time: String(Date.now()),
    },
    event: {
      sender: { sender_id: { open_id: o.user ?? 'ou_user' }, sender_type: 'user', tenant_key: 'tenant-1' },
      message: {
        message_id: `om_in_${o.eventId}`,
        chat_id: o.chat ?? 'oc_p2p',
        chat_type: o.chatType ?? 'p2p',
        message_type: 'text',
        content: JSON.stringify({ text: `${o.mentionBot ? '@_user_1 ' : ''}${o.text}` }),
        mentions,
      },
    },
  };
}

/** A card.action.trigger callback (schema 2.0) for a button or a menu choice. */
export function cardAction(o: {
  eventId: string;
  token: string;
  id: string;
  option?: string;
  chat: string;
  message: string;
  user?: string;
}): Record<string, unknown> {
  return {
    schema: '2.0',
    header: {
      event_id: o.eventId,
      event_type: 'card.action.trigger',
      token: o.token,
      tenant_key: 'tenant-1',
      app_id: 'cli_test',
      create_time: String(Date.now()),
    },
    event: {
      operator: { open_id: o.user ?? 'ou_user', tenant_key: 'tenant-1' },
      token: 'c-card-token',
      action: { value: { c: o.id }, tag: o.option === undefined ? 'button' : 'select_static', ...(o.option !== undefined ? { option: o.option } : {}) },
      context: { open_message_id: o.message, open_chat_id: o.chat },
    },
  };
}
