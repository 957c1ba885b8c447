import { z } from 'zod';
import { isTimeZone } from './briefings/schedule.js';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const httpUrl = (name: string) =>
  optionalText.refine((s) => s === undefined || /^https?:\/\/\S+$/.test(s), `${name} must be an http(s) URL`);

/** Every environment variable the bot reads; .env.example lists the same. Read once, in main. */
export const configSchema = z.object({
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  QUICKCHART_BASE_URL: httpUrl('QUICKCHART_BASE_URL').default('https://quickchart.io'),
  CHART_MODE: z.enum(['url', 'upload']).default('url'),
  CHART_DIR: z.string().default('var/charts'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText,
  SLACK_API_URL: httpUrl('SLACK_API_URL'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DISCORD_TOKEN: optionalText,
  DISCORD_APPLICATION_ID: optionalText,
  DISCORD_GUILD_ID: optionalText,
  DISCORD_API_URL: httpUrl('DISCORD_API_URL'),
  BRIEFING_TZ: z.string().trim().default('UTC'),
  DATABASE_PATH: z.string().trim().min(1).default('var/anode-bot.db'),
  BRIEFING_ADMINS: z
    .string()
    .default('')
    .transform((s) => s.split(/[\s,]+/).filter(Boolean)),
  BRIEFING_GRACE_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** Operator-declared subscriptions: a JSON array, or the path of a JSON file holding one. */
  BRIEFINGS: optionalText,
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment; a bad value stops start-up naming the variable (never its value: it may be a secret). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`environment variable ${String(issue.path[0])}: ${issue.message}`);
  }
  const c = result.data;
  if (c.SLACK_BOT_TOKEN && !c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is');
  }
  if (!isTimeZone(c.BRIEFING_TZ)) throw new ConfigError(`environment variable BRIEFING_TZ: "${c.BRIEFING_TZ}" is not an IANA time zone (e.g. Europe/Berlin, UTC)`);
  if (c.DISCORD_TOKEN && !c.DISCORD_APPLICATION_ID) {
    throw new ConfigError('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is not');
  }
  return c;
}

export function platformsOf(c: Config): { slack: boolean; discord: boolean } {
  return { slack: Boolean(c.SLACK_BOT_TOKEN), discord: Boolean(c.DISCORD_TOKEN) };
}
