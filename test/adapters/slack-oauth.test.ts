import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../support/bot.js';
import { postToBot, slashCommand, startFakeSlack, type FakeSlack } from '../support/fake-slack.js';

const SECRET = 'oauth-signing-secret-0123456789';
const env = (fake: FakeSlack) => ({
  SLACK_CLIENT_ID: '111.222',
  SLACK_CLIENT_SECRET: 'client-secret-value-xyz',
  SLACK_STATE_SECRET: 'state-secret-value-xyz',
  SLACK_TOKEN_KEY: 'a long passphrase that encrypts installations',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: fake.apiUrl,
  SLACK_REDIRECT_URI: 'https://bot.example.com/slack/oauth_redirect',
});

/** Installs the app into a workspace as Slack's OAuth flow would: install page, then the redirect with a code. */
async function install(port: number, fake: FakeSlack, team: string, org?: { enterprise: string }): Promise<Response> {
  const page = await fetch(`http://127.0.0.1:${port}/slack/install`, { redirect: 'manual' });
  expect(page.status).toBe(200);
  const html = await page.text();
  const authorize = new URL(html.match(/href="(https:\/\/slack\.com[^"]+)"/)![1]!.replace(/&amp;/g, '&'));
  expect(authorize.searchParams.get('scope')).toContain('chat:write');
  const state = authorize.searchParams.get('state')!;
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  fake.oauthCodes.set(`code-${team}`, { team, token: `xoxb-${team}-token`, ...(org ? { enterprise: org.enterprise, orgWide: true } : {}) });
  return fetch(`http://127.0.0.1:${port}/slack/oauth_redirect?code=code-${team}&state=${encodeURIComponent(state)}`, { headers: { cookie } });
}

describe('Slack OAuth: many workspaces, each with its own token', () => {
  let fake: FakeSlack;
  let t: TestBot;
  let n = 0;
  const slash = (team: string, command: string, text: string, user = 'UADMIN') =>
    postToBot(t.port, slashCommand(command, text, `${fake.base}/respond/${team}-${++n}`, { team, user, channel: `C-${team}` }), { secret: SECRET });

  beforeAll(async () => {
    fake = await startFakeSlack();
    t = await startTestBot(env(fake));
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });

  it('two workspaces install through oauth.v2.access; tokens are sealed at rest', async () => {
    for (const team of ['TA', 'TB']) {
      const done = await install(t.port, fake, team);
      expect(done.status).toBe(200);
      expect(await done.text()).toContain('anode-bot is installed');
    }
    const rows = new Database(t.bot.config.DATABASE_PATH).prepare('SELECT key, sealed FROM installations ORDER BY key').all() as {
      key: string;
      sealed: string;
    }[];
    expect(rows.map((r) => r.key)).toEqual(['T:TA', 'T:TB']);
    expect(readFileSync(t.bot.config.DATABASE_PATH).includes('xoxb-TA-token')).toBe(false);
    expect(JSON.stringify(rows)).not.toContain('xoxb');
  });

  it('an OAuth state works once: the same redirect replayed is refused and installs nothing', async () => {
    const page = await fetch(`http://127.0.0.1:${t.port}/slack/install`, { redirect: 'manual' });
    const html = await page.text();
    const state = new URL(html.match(/href="(https:\/\/slack\.com[^"]+)"/)![1]!.replace(/&amp;/g, '&')).searchParams.get('state')!;
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    fake.oauthCodes.set('code-TONCE', { team: 'TONCE', token: 'xoxb-TONCE-token' });
    fake.oauthCodes.set('code-TTWICE', { team: 'TTWICE', token: 'xoxb-TTWICE-token' });
    const first = await fetch(`http://127.0.0.1:${t.port}/slack/oauth_redirect?code=code-TONCE&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(first.status).toBe(200);
    const again = await fetch(`http://127.0.0.1:${t.port}/slack/oauth_redirect?code=code-TTWICE&state=${encodeURIComponent(state)}`, { headers: { cookie } });
    expect(again.status).toBeGreaterThanOrEqual(400);
    expect(again.status).toBeLessThan(500);
    const keys = (new Database(t.bot.config.DATABASE_PATH).prepare('SELECT key FROM installations').all() as { key: string }[]).map((r) => r.key);
    expect(keys).toContain('T:TONCE');
    expect(keys).not.toContain('T:TTWICE');
  });

  it('a forged state or an unknown code: the right status, a log line with no secret, nothing stored', async () => {
    const forged = await fetch(`http://127.0.0.1:${t.port}/slack/oauth_redirect?code=code-TX&state=forged`);
    expect(forged.status).toBe(400);
    const page = await fetch(`http://127.0.0.1:${t.port}/slack/install`);
    const state = new URL((await page.text()).match(/href="(https:\/\/slack\.com[^"]+)"/)![1]!.replace(/&amp;/g, '&')).searchParams.get('state')!;
    const unknown = await fetch(`http://127.0.0.1:${t.port}/slack/oauth_redirect?code=never-issued&state=${encodeURIComponent(state)}`, {
      headers: { cookie: page.headers.get('set-cookie')!.split(';')[0]! },
    });
    expect(unknown.status).toBeGreaterThanOrEqual(400);
    expect(t.logs.text).toContain('Slack: installation refused');
    const count = new Database(t.bot.config.DATABASE_PATH).prepare("SELECT COUNT(*) AS n FROM installations WHERE key <> 'T:TONCE'").get() as { n: number };
    expect(count.n).toBe(2);
    for (const secret of ['client-secret-value-xyz', 'state-secret-value-xyz', 'xoxb-TA-token', 'never-issued', state])
      expect(t.logs.text).not.toContain(secret);
  });

  it('a command from each workspace is answered, and Slack sees each workspace’s own token', async () => {
    for (const team of ['TA', 'TB']) {
      const res = await slash(team, '/province', 'Yunnan');
      expect(JSON.stringify(res.json())).toContain('Yunnan · prebaked anodes 2024');
      await slash(team, '/briefing', 'subscribe mismatch daily 09:00 UTC');
      await expect.poll(() => fake.responses.some((r) => r.id === `${team}-${n}`), { timeout: 10_000 }).toBe(true);
    }
    expect(
      fake.calls
        .filter((c) => c.method === 'users.info')
        .map((c) => c.token)
        .sort(),
    ).toEqual(['xoxb-TA-token', 'xoxb-TB-token']);
  });

  it('uninstalling one workspace stops its replies and briefings while the other goes on', async () => {
    const event = {
      token: 'x',
      team_id: 'TA',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: 'Ev1',
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_uninstalled' },
    };
    const res = await postToBot(t.port, event as never, { secret: SECRET, json: true });
    expect(res.status).toBe(200);
    await expect.poll(() => t.logs.text.includes('app uninstalled; installation removed, briefings paused'), { timeout: 10_000 }).toBe(true);
    const gone = await slash('TA', '/province', 'Yunnan');
    expect(gone.text).not.toContain('Yunnan · prebaked anodes');
    expect(JSON.stringify((await slash('TB', '/province', 'Yunnan')).json())).toContain('Yunnan · prebaked anodes 2024');

    const tomorrow = new Date();
    tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
    tomorrow.setUTCHours(9, 0, 20, 0);
    await t.bot.scheduler.tick(tomorrow);
    await t.bot.scheduler.idle();
    const posts = fake.calls.filter((c) => c.method === 'chat.postMessage');
    expect(posts.map((c) => [c.body.channel, c.token])).toEqual([['C-TB', 'xoxb-TB-token']]);
  });

  it('Enterprise Grid: an org-wide install answers its workspaces, and delivers their briefings with the org token', async () => {
    const done = await install(t.port, fake, 'EORG', { enterprise: 'E1' });
    expect(done.status).toBe(200);
    const form = {
      ...slashCommand('/briefing', 'subscribe exports daily 09:00 UTC', `${fake.base}/respond/grid-1`, { team: 'TG1', user: 'UADMIN', channel: 'C-grid' }),
      enterprise_id: 'E1',
      is_enterprise_install: 'true',
    };
    const res = await postToBot(t.port, form, { secret: SECRET });
    expect(res.status).toBe(200);
    await expect.poll(() => fake.responses.some((r) => r.id === 'grid-1'), { timeout: 10_000 }).toBe(true);
    expect(JSON.stringify(fake.responses.find((r) => r.id === 'grid-1')!.body)).toContain('Subscribed');
    const sub = (await t.bot.store.listChannel('slack', 'C-grid'))[0]!;
    expect(sub).toMatchObject({ workspaceId: 'TG1', enterpriseId: 'E1' });
    const nine = new Date(Date.UTC(2031, 0, 2, 9, 0, 5));
    await t.bot.scheduler.tick(nine);
    await t.bot.scheduler.idle();
    const post = fake.calls.find((c) => c.method === 'chat.postMessage' && c.body.channel === 'C-grid');
    expect(post?.token).toBe('xoxb-EORG-token');
    expect((await t.bot.store.get(sub.id))!.paused).toBe(false);
  });
});

describe('SLACK_TOKEN_KEY rotation', () => {
  it('a key that opens no stored installation stops start-up naming SLACK_TOKEN_KEY; "new,old" opens them and reseals with the new key', async () => {
    const fake = await startFakeSlack();
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const db = join(mkdtempSync(join(tmpdir(), 'anode-rotate-')), 'bot.db');
    const OLD = 'the old token key of this test and long enough';
    const NEW = 'the new token key of this test and long enough';
    try {
      const first = await startTestBot({ ...env(fake), SLACK_TOKEN_KEY: OLD, DATABASE_PATH: db });
      expect((await install(first.port, fake, 'TR')).status).toBe(200);
      await first.stop();
      const sealedBefore = (new Database(db).prepare("SELECT sealed FROM installations WHERE key = 'T:TR'").get() as { sealed: string }).sealed;

      await expect(startTestBot({ ...env(fake), SLACK_TOKEN_KEY: NEW, DATABASE_PATH: db })).rejects.toThrow(
        /SLACK_TOKEN_KEY opens none of the 1 stored Slack installations/,
      );

      const rotating = await startTestBot({ ...env(fake), SLACK_TOKEN_KEY: `${NEW},${OLD}`, DATABASE_PATH: db });
      try {
        const res = await postToBot(rotating.port, slashCommand('/province', 'Yunnan', `${fake.base}/respond/rotate-1`, { team: 'TR', channel: 'C-TR' }), {
          secret: SECRET,
        });
        expect(res.status).toBe(200);
        expect(JSON.stringify(res.json())).toContain('Yunnan');
        const sealedAfter = (new Database(db).prepare("SELECT sealed FROM installations WHERE key = 'T:TR'").get() as { sealed: string }).sealed;
        expect(sealedAfter.split(':')[1]).not.toBe(sealedBefore.split(':')[1]);
        expect(rotating.logs.text).not.toContain(OLD);
        expect(rotating.logs.text).not.toContain(NEW);
      } finally {
        await rotating.stop();
      }
      // Once resealed, the new key alone opens it.
      const after = await startTestBot({ ...env(fake), SLACK_TOKEN_KEY: NEW, DATABASE_PATH: db });
      await after.stop();
    } finally {
      await fake.close();
    }
  });
});
