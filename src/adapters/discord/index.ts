import type { PlatformModule } from '../platform.js';
import { env } from './env.js';

/**
 * Discord: over the gateway through discord.js (DISCORD_TOKEN), or over HTTP interactions
 * (DISCORD_PUBLIC_KEY), which needs no gateway connection and so scales to any number of replicas.
 */
export const discordPlatform: PlatformModule<ReturnType<typeof env>> = {
  id: 'discord',
  get env() {
    return env();
  },
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
