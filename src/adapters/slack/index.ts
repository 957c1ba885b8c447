import type { PlatformModule } from '../platform.js';
import { ConfigError } from '../../config/errors.js';
import { env } from './env.js';

/** Slack through Bolt: one workspace (SLACK_BOT_TOKEN) or many (SLACK_CLIENT_ID…, OAuth). */
export const slackPlatform: PlatformModule<ReturnType<typeof env>> = {
  id: 'slack',
  get env() {
    return env();
  },
  enabled: (e) => Boolean(e.SLACK_BOT_TOKEN || e.SLACK_CLIENT_ID),
  secrets: (e) =>
    [
      e.SLACK_BOT_TOKEN,
      e.SLACK_APP_TOKEN,
      e.SLACK_SIGNING_SECRET,
      e.SLACK_CLIENT_SECRET,
      e.SLACK_STATE_SECRET,
      e.SLACK_TOKEN_KEY,
      ...(e.SLACK_TOKEN_KEY?.split(',').map((k) => k.trim()) ?? []),
    ].filter((s): s is string => Boolean(s)),
  componentKeys: (e) => [e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN, e.SLACK_BOT_TOKEN].filter((s): s is string => Boolean(s)),
  payload: async () => (await import('./render.js')).toSlackMessage,
  async create(ctx, e) {
    if (e.SLACK_CLIENT_ID && e.SLACK_APP_TOKEN)
      throw new ConfigError('SLACK_CLIENT_ID (OAuth installs) needs HTTP mode: unset SLACK_APP_TOKEN and set SLACK_SIGNING_SECRET');
    const { createSlackAdapter } = await import('./slack-bot.js');
    return createSlackAdapter(ctx, e);
  },
};
