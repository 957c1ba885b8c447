import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { startFreezingProxy } from '../support/freezing-proxy.js';
import { freshDatabase } from '../support/postgres.js';
import { newSubscription } from '../support/subscriptions.js';

/**
 * A PostgreSQL connection that stops answering (no error, no answer): the bot must notice (/readyz,
 * one log line), keep its ticks alive, and deliver again by itself when the database answers.
 */
describe('a PostgreSQL that stalls', () => {
  let slack: FakeSlack;
  let proxy: Awaited<ReturnType<typeof startFreezingProxy>>;
  let t: TestBot;
  const timeoutSeconds = 2;
  beforeAll(async () => {
    slack = await startFakeSlack();
    const direct = new URL(await freshDatabase(inject('postgresUrl')));
    proxy = await startFreezingProxy({ host: direct.hostname, port: Number(direct.port) });
    const url = new URL(direct);
    url.port = String(proxy.port);
    const store = await openStore({ DATABASE_PATH: '', DATABASE_URL: url.toString() });
    await store.add(newSubscription({ channelId: 'C-stall', cron: '*/2 * * * * *', label: 'every 2 s' }));
    await store.close();
    t = await startTestBot({
      SLACK_BOT_TOKEN: 'xoxb-stall',
      SLACK_SIGNING_SECRET: 'stall-signing-secret-0123456789',
      SLACK_API_URL: slack.apiUrl,
      DATABASE_URL: url.toString(),
      DATABASE_TIMEOUT_SECONDS: String(timeoutSeconds),
      BRIEFING_TICK_SECONDS: '1',
      BRIEFING_LEASE_SECONDS: '4',
    });
  });
  afterAll(async () => {
    proxy.thaw();
    await t.stop();
    await proxy.close();
    await slack.close();
  });

  it('is seen (/readyz 503, one log line), and briefings resume by themselves when it answers again', async () => {
    const posted = () => slack.messages.filter((m) => m.channel === 'C-stall').length;
    await expect.poll(posted, { timeout: 20_000 }).toBeGreaterThan(0);
    const ready = async () => (await fetch(`http://127.0.0.1:${t.port}/readyz`)).status;
    expect(await ready()).toBe(200);

    proxy.freeze();
    // Within the readiness check's own wait (a few seconds), not never.
    await expect.poll(ready, { timeout: 20_000, interval: 500 }).toBe(503);
    expect(t.logs.text).toContain('database not answering');
    // The ticks give up on the stalled queries (DATABASE_TIMEOUT_SECONDS) and say so, rather than hang.
    await expect
      .poll(() => /cannot (read schedules|claim due slots|take over stale claims)|could not (renew|record|check)/.test(t.logs.text), { timeout: 30_000 })
      .toBe(true);

    proxy.thaw();
    await expect.poll(ready, { timeout: 30_000, interval: 500 }).toBe(200);
    const after = posted();
    await expect.poll(posted, { timeout: 30_000 }).toBeGreaterThan(after);
    expect(t.logs.text).toContain('database answers again');
  }, 120_000);
});
