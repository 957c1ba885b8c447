import * as z from 'zod';
import { httpUrl, once } from '../../config/env.js';

/** Discord's section of the environment; .env.example lists the same variables. */
/** Built on first use: a one-shot CLI lists the platforms but reads no platform's variables. */
export const env = once(() =>
  z
    .object({
      DISCORD_TOKEN: z.string().optional(),
      DISCORD_APPLICATION_ID: z
        .string()
        .regex(/^\d{5,25}$/, 'expected the numeric application id')
        .optional(),
      DISCORD_GUILD_ID: z
        .string()
        .regex(/^\d{5,25}$/, 'expected a numeric server id')
        .optional(),
      DISCORD_API_URL: httpUrl('DISCORD_API_URL').optional(),
      DISCORD_PUBLIC_KEY: z
        .string()
        .regex(/^[0-9a-f]{64}$/i, 'expected the 64-hex-digit public key (General Information page)')
        .optional(),
      DISCORD_SHARDS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(1024)], { error: 'expected auto or a number of shards' }).optional(),
    })
    .superRefine((e, c) => {
      if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID)
        c.addIssue({ code: 'custom', path: ['DISCORD_APPLICATION_ID'], message: 'DISCORD_APPLICATION_ID is needed with DISCORD_TOKEN' });
    }),
);

export type DiscordEnv = z.output<ReturnType<typeof env>>;
