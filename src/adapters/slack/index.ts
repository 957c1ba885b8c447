import * as z from 'zod';
import { ConfigError } from '../../config/errors.js';
import { httpUrl } from '../../config/env.js';
import type { PlatformModule } from '../platform.js';

const env = z
  .object({
    SLACK_BOT_TOKEN: z.string().optional(),
    SLACK_APP_TOKEN: z.string().optional(),
    SLACK_SIGNING_SECRET: z.string().optional(),
    SLACK_API_URL: httpUrl('SLACK_API_URL').optional(),
    SLACK_CLIENT_ID: z.string().optional(),
    SLACK_CLIENT_SECRET: z.string().optional(),
    SLACK_STATE_SECRET: z.string().optional(),
    // The current key first, then older ones while rotating: "new,old".
    SLACK_TOKEN_KEY: z
      .string()
      .refine(
        (s) => s.split(',').every((k) => k.trim().length >= 16),
        'expected keys of at least 16 characters each (64 hex digits, or a long passphrase), comma-separated',
      )
      .optional(),
    SLACK_REDIRECT_URI: httpUrl('SLACK_REDIRECT_URI').optional(),
    BRIEFING_ADMINS: z
      .string()
      .default('')
      .transform((s) => s.split(/[\s,]+/).filter(Boolean)),
  })
  .superRefine((e, c) => {
    const problem = (message: string) => c.addIssue({ code: 'custom', message, path: [message.split(' ')[0]!] });
    if (e.SLACK_CLIENT_ID) {
      for (const v of ['SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_TOKEN_KEY', 'SLACK_SIGNING_SECRET'] as const)
        if (!e[v]) problem(`${v} is needed with SLACK_CLIENT_ID (Slack OAuth installs)`);
    } else if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
      problem('SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is needed with SLACK_BOT_TOKEN (HTTP mode or Socket Mode)');
    }
  });

export type SlackEnv = z.output<typeof env>;

/** Slack through Bolt: one workspace (SLACK_BOT_TOKEN) or many (SLACK_CLIENT_ID…, OAuth). */
export const slackPlatform: PlatformModule<typeof env> = {
  id: 'slack',
  env,
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
