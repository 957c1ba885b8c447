/**
 * Child process for the Slack benchmark: the bot in HTTP mode and a bare Bolt app whose handler only
 * acks "ok", side by side, on loopback. Prints their ports as one JSON line.
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createSlackBot } from '../src/adapters/slack/slack-bot.js';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/log.js';
import { quickChartImages } from '../src/render/images.js';
import { toSlackMessage } from '../src/render/slack-message.js';

const secret = process.argv[2]!;
const identity = { botId: 'BBOT', botUserId: 'UBOT' };
const log = createLogger('silent');
const core = createCore('data');
const bot = createSlackBot({
  core,
  log,
  botToken: 'xoxb-bench',
  signingSecret: secret,
  port: 0,
  apiUrl: 'http://127.0.0.1:9/api/',
  chartMode: 'url',
  quickChartBaseUrl: 'https://quickchart.io',
  retryConfig: { retries: 0 },
  identity,
});
const { port } = await bot.start();

/** A Bolt app with nothing but a /province listener that acks `body`. */
function bareApp(body: unknown): App {
  const app = new App({
    token: 'xoxb-bench',
    receiver: new HTTPReceiver({ signingSecret: secret, endpoints: '/slack/events', logLevel: LogLevel.ERROR }),
    tokenVerificationEnabled: false,
    ...identity,
    logLevel: LogLevel.ERROR,
  });
  app.command('/province', async ({ ack }) => {
    await ack(body as never);
  });
  return app;
}

const bare = bareApp('ok');

// A third app that acks the bot's own reply, computed once: separates the cost of the payload from the
// cost of computing it.
const reply = await core.ask('/province Yunnan');
const fixed = { response_type: 'ephemeral', ...toSlackMessage(reply, quickChartImages(reply)) };
const canned = bareApp(fixed);

const portOf = async (app: App) => ((await app.start(0)) as import('node:http').Server).address() as import('node:net').AddressInfo;
console.log(JSON.stringify({ bot: port, bare: (await portOf(bare)).port, canned: (await portOf(canned)).port, bytes: JSON.stringify(fixed).length }));
// Exit normally on a signal so that --cpu-prof can write its profile when profiling this server.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(0));
