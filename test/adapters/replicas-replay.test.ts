import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { postToBot, slashCommand, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { freshDatabase } from '../support/postgres.js';

const SECRET = 'replica-signing-secret-0123456789';

describe('replay protection across replicas sharing PostgreSQL', () => {
  let fake: FakeSlack;
  let a: TestBot;
  let b: TestBot;
  beforeAll(async () => {
    fake = await startFakeSlack();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-replicas',
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      DATABASE_URL: await freshDatabase(inject('postgresUrl')),
    };
    a = await startTestBot(env);
    b = await startTestBot(env);
  });
  afterAll(async () => {
    await a.stop();
    await b.stop();
    await fake.close();
  });

  it('a signed request accepted by one replica is refused when replayed to another', async () => {
    const form = slashCommand('/briefing', 'list', `${fake.base}/respond/replica-1`);
    const first = await postToBot(a.port, form, { secret: SECRET });
    expect(first.status).toBe(200);
    const replayed = await postToBot(b.port, form, { secret: SECRET, timestamp: first.timestamp, signature: first.signature });
    expect(replayed.status).toBe(401);
    expect(b.logs.text).toContain('"reason":"replayed request"');
    // A different request still passes on either replica.
    expect((await postToBot(b.port, slashCommand('/province', 'Yunnan', `${fake.base}/respond/replica-2`), { secret: SECRET })).status).toBe(200);
  });
});
