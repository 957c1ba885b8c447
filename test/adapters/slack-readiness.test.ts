import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot } from '../support/bot.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { freePort } from '../support/local-server.js';
import { newSubscription } from '../support/subscriptions.js';

const ready = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/readyz`);
  return { status: res.status, body: JSON.stringify(await res.json()) };
};

describe('/readyz means it: Slack', () => {
  let fake: FakeSlack;
  beforeAll(async () => {
    fake = await startFakeSlack();
  });
  afterAll(async () => fake.close());

  it('a token Slack refuses while running (revoked) makes the process not ready, naming the variable', async () => {
    const t = await startTestBot({ SLACK_BOT_TOKEN: 'xoxb-soon-revoked', SLACK_SIGNING_SECRET: 'ready-signing-secret-0123456789', SLACK_API_URL: fake.apiUrl });
    try {
      expect((await ready(t.port)).status).toBe(200);
      await t.bot.store.add(newSubscription({ channelId: 'C-revoked', cron: '*/15 * * * *', label: 'x' }));
      // Revoked: from now on Slack accepts only another token.
      fake.validTokens.add('xoxb-some-other-token');
      const due = new Date(Math.ceil(Date.now() / 900_000) * 900_000 + 900_000);
      await t.bot.scheduler.tick(new Date(due.getTime() + 1000));
      await t.bot.scheduler.idle();
      const r = await ready(t.port);
      expect(r.status).toBe(503);
      expect(r.body).toContain('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
      expect(t.logs.text).not.toContain('xoxb-soon-revoked');
    } finally {
      fake.validTokens.clear();
      await t.stop();
    }
  });

  it('a Socket Mode connection that drops makes the process not ready until it reconnects', async () => {
    const health = await freePort();
    const t = await startTestBot({
      SLACK_BOT_TOKEN: 'xoxb-socket',
      SLACK_APP_TOKEN: 'xapp-socket-token',
      SLACK_API_URL: fake.apiUrl,
      HEALTH_PORT: String(health),
    });
    try {
      await expect.poll(async () => (await ready(health)).status, { timeout: 10_000 }).toBe(200);
      fake.refuseSockets = true;
      fake.dropSockets();
      await expect.poll(async () => (await ready(health)).body, { timeout: 10_000 }).toContain('Socket Mode connection lost');
      fake.refuseSockets = false;
      await expect.poll(async () => (await ready(health)).status, { timeout: 30_000 }).toBe(200);
    } finally {
      await t.stop();
    }
  }, 60_000);
});
