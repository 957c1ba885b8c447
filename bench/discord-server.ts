/**
 * Child process for the Discord benchmark: the bot over the gateway, the bot over HTTP interactions,
 * a bare discord.js client that answers every interaction with the very reply the bot gives to
 * /province Yunnan (sent by the parent once it has seen it), a bare node:http server that checks
 * the signature and answers the same reply, and a trivial server that checks nothing (the load
 * generator's ceiling), all in one process.
 */
import { verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Events, GatewayIntentBits, type InteractionReplyOptions } from 'discord.js';
import { discordPublicKey } from '../src/adapters/discord/http-interactions.js';
import { startTestBot } from '../test/support/bot.js';
import { APP_ID } from '../test/support/fake-discord.js';

const [gatewayApi, httpApi, bareApi, publicKey] = process.argv.slice(2) as [string, string, string, string];
const gateway = await startTestBot({ DISCORD_TOKEN: 'bench.discord.token', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: gatewayApi, LOG_LEVEL: 'silent' });
const http = await startTestBot({ DISCORD_PUBLIC_KEY: publicKey, DISCORD_API_URL: httpApi, LOG_LEVEL: 'silent' });
process.send!({ httpPort: http.port });

const canned = await new Promise<{ components: unknown[]; flags: number }>((resolve) => process.once('message', (m) => resolve(m as never)));
const bare = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: bareApi } });
bare.on(Events.InteractionCreate, (interaction) => {
  if (!interaction.isChatInputCommand()) return;
  // The same Components V2 message (flags include IS_COMPONENTS_V2) as the bot's own reply.
  void interaction.reply({ components: canned.components, flags: canned.flags, allowedMentions: { parse: [] } } as InteractionReplyOptions);
});
await new Promise<void>((resolve) => {
  bare.once(Events.ClientReady, () => resolve());
  void bare.login('bench.bare.token');
});
// The bare reference for HTTP interactions: node:http, the Ed25519 check Discord requires, the same reply.
const key = discordPublicKey(publicKey);
const answer = JSON.stringify({ type: 4, data: canned });
const bareHttp = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const ok = verify(
      null,
      Buffer.concat([Buffer.from(String(req.headers['x-signature-timestamp'])), body]),
      key,
      Buffer.from(String(req.headers['x-signature-ed25519']), 'hex'),
    );
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? answer : '{}');
  });
});
await new Promise<void>((resolve) => bareHttp.listen(0, '127.0.0.1', resolve));
// The load generator's ceiling: a server that reads the body and answers at once, checking nothing.
const trivial = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});
await new Promise<void>((resolve) => trivial.listen(0, '127.0.0.1', resolve));
process.send!({ bareHttpPort: (bareHttp.address() as AddressInfo).port, trivialPort: (trivial.address() as AddressInfo).port });
process.on('SIGTERM', () => {
  bareHttp.close();
  trivial.close();
  void Promise.all([gateway.stop(), http.stop(), bare.destroy()]).finally(() => process.exit(0));
});
