import * as z from 'zod';
import { httpUrl } from '../../config/env.js';
import type { PlatformModule } from '../platform.js';

const env = z
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
  });

export type DiscordEnv = z.output<typeof env>;

/**
 * Discord: over the gateway through discord.js (DISCORD_TOKEN), or over HTTP interactions
 * (DISCORD_PUBLIC_KEY), which needs no gateway connection and so scales to any number of replicas.
 */
export const discordPlatform: PlatformModule<typeof env> = {
  id: 'discord',
  env,
  enabled: (e) => Boolean(e.DISCORD_TOKEN || e.DISCORD_PUBLIC_KEY),
  secrets: (e) => [e.DISCORD_TOKEN].filter((s): s is string => Boolean(s)),
  // Secrets only: the public key is public, and a signing key derived from it could be forged.
  componentKeys: (e) => [e.DISCORD_TOKEN].filter((s): s is string => Boolean(s)),
  payload: async () => (await import('./render.js')).toDiscordMessage,
  async create(ctx, e) {
    const { createDiscordAdapter } = await import('./discord-bot.js');
    return createDiscordAdapter(ctx, e);
  },
};
