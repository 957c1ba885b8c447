import * as z from 'zod';
import { httpUrl, once } from '../../config/env.js';

/** Slack's section of the environment; .env.example lists the same variables. */
/** Built on first use: a one-shot CLI lists the platforms but reads no platform's variables. */
export const env = once(() =>
  z
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
    }),
);

export type SlackEnv = z.output<ReturnType<typeof env>>;
