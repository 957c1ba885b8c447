/**
 * Child process for the Discord benchmark: the bot over the gateway, the bot over HTTP interactions
 * (from source, through tsx), and a bare discord.js client that answers every interaction with the
 * very reply the bot gives to /province Yunnan (sent by the parent once it has seen it), all in one
 * process. The HTTP references and the shipped bot run in processes of their own (bench/discord.ts).
 */
import { Client, Events, GatewayIntentBits, type InteractionReplyOptions } from 'discord.js';
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
process.send!({ ready: true });
process.on('SIGTERM', () => {
  void Promise.all([gateway.stop(), http.stop(), bare.destroy()]).finally(() => process.exit(0));
});
