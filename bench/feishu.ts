import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { AESCipher } from '@larksuiteoapi/node-sdk';
import { checkWebhook } from '../src/adapters/feishu/webhook.js';
import { encryptForFeishu, messageEvent, signedHeaders, startFakeFeishu, type FakeFeishu } from '../test/support/fake-feishu.js';
import { freePort } from '../test/support/local-server.js';
import { openDir, spawnBot } from '../test/support/process.js';
import { atRate, fmt, interleavedThroughput, ratio, summarize } from './stats.js';

const TOKEN = 'bench-verification-token';
const KEY = 'bench-encrypt-key-0123456789';
let seq = 0;

/**
 * The bare reference: node:http verifying and decrypting the same event (the same checks, the SDK's
 * AESCipher), acknowledging it, then replying with a fixed card through fetch: what any Feishu bot must
 * do at the least, with no answer to compute.
 */
async function bareServer(fake: FakeFeishu): Promise<{ port: number; close(): void }> {
  const cipher = new AESCipher(KEY);
  const card = JSON.stringify({ schema: '2.0', body: { elements: [{ tag: 'markdown', content: 'ok' }] } });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const checked = checkWebhook(Buffer.concat(chunks), req.headers, { verificationToken: TOKEN, encryptKey: KEY, decrypt: (s) => cipher.decrypt(s) });
      res.writeHead(checked.ok ? 200 : checked.status, { 'content-type': 'application/json' });
      res.end('{}');
      if (!checked.ok) return;
      const message = (checked.body.event as { message: { message_id: string } }).message.message_id;
      void fetch(`${fake.base}/open-apis/im/v1/messages/${message}/reply`, {
        method: 'POST',
        headers: { authorization: 'Bearer t-fake-tenant', 'content-type': 'application/json' },
        body: JSON.stringify({ msg_type: 'interactive', content: card, uuid: `bare-${message}` }),
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

/** From the event's POST to its reply arriving at the (local) Open API, in ms. */
function replyTime(port: number, fake: FakeFeishu, waiting: Map<string, () => void>): () => Promise<number> {
  return async () => {
    const id = `bench-${++seq}`;
    const raw = JSON.stringify({ encrypt: encryptForFeishu(JSON.stringify(messageEvent({ eventId: id, token: TOKEN, text: '/province Yunnan' })), KEY) });
    const t = performance.now();
    const arrived = new Promise<void>((r) => waiting.set(`om_in_${id}`, r));
    const res = await fetch(`http://127.0.0.1:${port}/feishu/events`, { method: 'POST', headers: signedHeaders(raw, KEY), body: raw });
    await res.text();
    if (res.status !== 200) throw new Error(`feishu ${res.status}`);
    await arrived;
    return performance.now() - t;
  };
}

/** A Feishu webhook answered by the bot against the bare node:http reference, same fake Open API, same run. */
export async function benchFeishu(): Promise<void> {
  const fake = await startFakeFeishu();
  const waiting = new Map<string, () => void>();
  fake.onPost = (p) => {
    waiting.get(p.target)?.();
    waiting.delete(p.target);
  };
  const port = await freePort();
  const bot = spawnBot({
    FEISHU_APP_ID: 'cli_0123456789abcdef',
    FEISHU_APP_SECRET: fake.secret,
    FEISHU_DOMAIN: fake.base,
    FEISHU_EVENT_MODE: 'webhook',
    FEISHU_VERIFICATION_TOKEN: TOKEN,
    FEISHU_ENCRYPT_KEY: KEY,
    PORT: String(port),
    DATABASE_PATH: join(openDir('anode-bench-feishu-'), 'bot.db'),
  });
  const bare = await bareServer(fake);
  try {
    await bot.waitFor(`listening on port ${port}`, 60_000);
    const ours = replyTime(port, fake, waiting);
    const theirs = replyTime(bare.port, fake, waiting);
    for (let i = 0; i < 200; i++) await Promise.all([ours(), theirs()]);
    const b = summarize(await atRate(theirs, 50, 10));
    const o = summarize(await atRate(ours, 50, 10));
    const [bareRps, botRps] = await interleavedThroughput([theirs, ours]);
    console.log('## Feishu: an encrypted, signed webhook event to its reply card, against bare node:http doing the same checks, same run');
    console.log('| server | replies/s (8 in flight) | p50 at 50/s | p99 at 50/s |');
    console.log('|---|---|---|---|');
    console.log(`| bare node:http: verify, decrypt, ack, fixed card | ${bareRps!.toFixed(0)} | ${fmt(b.median)} | ${fmt(b.p99)} |`);
    console.log(
      `| anode-bot: the same, then /province Yunnan as a card (event_id kept in SQLite) | ${botRps!.toFixed(0)} | ${fmt(o.median)} | ${fmt(o.p99)} |`,
    );
    console.log(`\nbot / bare: throughput ${ratio(botRps!, bareRps!)}, p50 ${ratio(o.median, b.median)}.`);
  } finally {
    bare.close();
    bot.kill('SIGTERM');
    await bot.exited;
    await fake.close();
  }
}
