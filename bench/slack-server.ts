/**
 * Child process for the Slack benchmark: the bot in HTTP mode (as npm start runs it) and a bare Bolt
 * app acking the very payload the bot sends for /province Yunnan, side by side. Prints their ports.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestBot } from '../test/support/bot.js';
import { postToBot, slashCommand } from '../test/support/fake-slack.js';

const [secret, apiUrl, fakeBase] = process.argv.slice(2) as [string, string, string];
const t = await startTestBot({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: secret, SLACK_API_URL: apiUrl, LOG_LEVEL: 'silent' });
// The bot's own answer, as Slack receives it: the bare app acks exactly this.
const canned = (await postToBot(t.port, slashCommand('/province', 'Yunnan', `${fakeBase}/respond/canned`), { secret })).json();

const bare = new App({
  token: 'xoxb-bench',
  receiver: new HTTPReceiver({ signingSecret: secret, endpoints: '/slack/events', logLevel: LogLevel.ERROR }),
  tokenVerificationEnabled: false,
  botId: 'BBOT',
  botUserId: 'UBOT',
  logLevel: LogLevel.ERROR,
});
bare.command('/province', async ({ ack }) => {
  await ack(canned as never);
});
const barePort = ((await bare.start(0)) as Server).address() as AddressInfo;
console.log(
  JSON.stringify({
    bot: t.port,
    bare: barePort.port,
    bytes: JSON.stringify(canned).length,
    more: (canned.blocks as { type: string; elements?: { text?: { text: string }; value?: string; action_id: string }[] }[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.text?.text === 'More'),
  }),
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
