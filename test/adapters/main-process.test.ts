import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { postToBot, slashCommand, startFakeSlack } from '../support/fake-slack.js';

describe('npm start with Slack configured (HTTP mode)', () => {
  it('serves signed slash commands, lets admins manage briefings, and exits cleanly on SIGTERM', async () => {
    const fake = await startFakeSlack();
    const port = 30000 + Math.floor(Math.random() * 20000);
    const secret = 'main-process-secret';
    const child = spawn(join('node_modules', '.bin', 'tsx'), ['src/main.ts'], {
      env: {
        ...process.env,
        SLACK_BOT_TOKEN: 'xoxb-main-process-token',
        SLACK_SIGNING_SECRET: secret,
        SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''), // without the trailing slash: the bot adds it
        PORT: String(port),
        DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'anode-main-')), 'bot.db'),
        BRIEFING_ADMINS: 'ULISTED',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let logs = '';
    child.stderr.on('data', (c) => (logs += c));
    child.stdout.on('data', (c) => (logs += c));
    try {
      await expect.poll(() => logs.includes('listening in HTTP mode'), { timeout: 15_000 }).toBe(true);
      const answer = await postToBot(port, slashCommand('/province', 'Yunnan', `${fake.base}/respond/m1`), { secret });
      expect(JSON.stringify(answer.json())).toContain('Yunnan · prebaked anodes 2024');
      // Plain lookups never ask Slack who the user is.
      expect(fake.calls.some((c) => c.method === 'users.info')).toBe(false);
      // UADMIN is a workspace admin (users.info), ULISTED is in BRIEFING_ADMINS, U1 is neither.
      // /briefing is acknowledged at once (asking Slack about the user may take a while), answered by response_url.
      const answerOf = async (id: string) => {
        await expect.poll(() => fake.responses.some((r) => r.id === id), { timeout: 10_000 }).toBe(true);
        return JSON.stringify(fake.responses.find((r) => r.id === id)!.body);
      };
      await postToBot(port, slashCommand('/briefing', 'subscribe', `${fake.base}/respond/m2`, 'U1'), { secret });
      expect(await answerOf('m2')).toContain('Not allowed here');
      await postToBot(port, slashCommand('/briefing', 'subscribe mismatch daily 09:00 UTC', `${fake.base}/respond/m3`, 'UADMIN'), { secret });
      const subscribed = await answerOf('m3');
      expect(subscribed).toContain('Subscribed: mismatch briefing, daily 09:00 (UTC)');
      // A subscription is not an answer to share: no button that would subscribe again.
      expect(subscribed).not.toContain('share_in_channel');
      await postToBot(port, slashCommand('/briefing', 'unsubscribe all', `${fake.base}/respond/m4`, 'ULISTED'), { secret });
      expect(await answerOf('m4')).toContain('Unsubscribed: 1 briefing');
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(logs).toContain('shutting down');
      expect(logs).not.toContain('xoxb-main-process-token');
      expect(logs).not.toContain(secret);
    } finally {
      child.kill('SIGKILL');
      await fake.close();
    }
  });
});
