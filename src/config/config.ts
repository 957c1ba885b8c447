import * as z from 'zod';
import { isTimeZone } from '../briefings/schedule.js';
import { httpUrl, parseEnv, port } from './env.js';

/**
 * The variables every process reads, whatever platforms it serves; each platform adds its own section
 * (src/adapters/<platform>/index.ts). .env.example lists them all; a test checks it does.
 */
export const baseSchema = z.object({
  DATA_DIR: z.string().default('data'),
  DATASET_EDITION: z.coerce
    .number({ error: 'expected the year of an edition (four digits)' })
    .int('expected the year of an edition (four digits)')
    .min(1900, 'expected the year of an edition (four digits)')
    .max(2100, 'expected the year of an edition (four digits)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  QUICKCHART_BASE_URL: httpUrl('QUICKCHART_BASE_URL').default('https://quickchart.io'),
  CHART_MODE: z.enum(['url', 'upload']).default('url'),
  CHART_DIR: z.string().default('var/charts'),
  PORT: port.default(3000),
  /** The address PORT and HEALTH_PORT listen on: every interface when unset; 127.0.0.1 behind a local proxy. */
  HOST: z.string().trim().min(1).max(255).optional(),
  HEALTH_PORT: port.optional(),
  DATABASE_PATH: z.string().default('var/anode-bot.db'),
  DATABASE_URL: z
    .string()
    .refine((s) => /^postgres(ql)?:\/\//.test(s), 'expected postgres://user:password@host:5432/database')
    .optional(),
  /** PostgreSQL: how long a query may take before it is abandoned and its connection replaced. */
  DATABASE_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(300).default(15),
  COMPONENT_SECRET: z.string().min(16, 'expected at least 16 characters').optional(),
  BRIEFING_TZ: z.string().default('UTC').refine(isTimeZone, 'expected an IANA time zone (e.g. Europe/Berlin, UTC)'),
  BRIEFING_GRACE_MINUTES: z.coerce.number({ error: 'expected minutes' }).int('expected whole minutes').min(0).max(10_080).default(60),
  BRIEFINGS: z.string().optional(),
  BRIEFING_TICK_SECONDS: z.coerce
    .number()
    .int()
    .refine((n) => n >= 1 && 60 % n === 0, 'expected seconds dividing 60 (1, 2, 5, 10, 15, 20, 30 or 60)')
    .default(60),
  BRIEFING_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(120),
  BRIEFING_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(3),
  /** Subscriptions one workspace (or one channel, where there is no workspace) may hold. */
  BRIEFING_WORKSPACE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(100),
});

export type BaseConfig = z.output<typeof baseSchema>;

export function readBaseConfig(env: Record<string, string>): BaseConfig {
  return parseEnv(baseSchema, env);
}
