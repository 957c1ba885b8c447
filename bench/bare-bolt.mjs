// The bare reference for start-up: a Bolt app in HTTP mode with one command, started the way Bolt's
// docs start one (token verified with auth.test against the given API URL), printing its port.
import bolt from '@slack/bolt';

const app = new bolt.App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: bolt.LogLevel.ERROR,
});
app.command('/province', async ({ ack }) => ack('ok'));
await app.start(Number(process.env.PORT));
