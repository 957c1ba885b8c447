/**
 * `npm run discord:register`: registers the application commands, to DISCORD_GUILD_ID when set
 * (instant, for testing) or globally. `-- --dry-run` prints the exact JSON instead of sending it.
 */
import { REST, Routes } from 'discord.js';
import { parseArgs } from 'node:util';
import { commands } from '../../commands/index.js';
import { discordCommands } from '../adapters/discord/registration.js';
import { ConfigError, readConfig } from '../config.js';
import { startupFailure } from './startup-failure.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
  const body = discordCommands(commands);
  if (values['dry-run']) {
    console.log(JSON.stringify(body, null, 2));
    return;
  }
  const config = readConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new ConfigError('discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (or use -- --dry-run)');
  }
  const rest = new REST(config.DISCORD_API_URL ? { api: config.DISCORD_API_URL } : {}).setToken(config.DISCORD_TOKEN);
  const route = config.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(config.DISCORD_APPLICATION_ID, config.DISCORD_GUILD_ID)
    : Routes.applicationCommands(config.DISCORD_APPLICATION_ID);
  const result = (await rest.put(route, { body })) as unknown[];
  console.log(
    config.DISCORD_GUILD_ID
      ? `Registered ${result.length} commands to server ${config.DISCORD_GUILD_ID} (available now).`
      : `Registered ${result.length} commands globally (Discord may take up to an hour to show changes).`,
  );
}

main().catch(startupFailure);
