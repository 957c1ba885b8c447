/**
 * `npm run discord:register`: registers the application commands, to DISCORD_GUILD_ID when set
 * (instant, for testing) or globally. `-- --dry-run` prints the exact JSON instead of sending it.
 */
import { parseArgs } from 'node:util';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import { commands } from '../../../commands/index.js';
import { discordCommands } from './registration.js';
import { discordPlatform } from './index.js';
import { httpStatusOf, PlatformFatalError, unreachable } from '../platform.js';
import { ConfigError } from '../../config/errors.js';
import { loadDotEnv, parseEnv, withoutEmpty } from '../../config/env.js';
import { parseCli, quietOnClosedPipe } from '../../cli/failure.js';

export const REGISTER_USAGE =
  'usage: npm run discord:register [-- --dry-run]\n  Registers the slash commands with Discord (DISCORD_TOKEN, DISCORD_APPLICATION_ID; DISCORD_GUILD_ID for one server).\n  --dry-run  print the JSON instead of sending it';

export async function register(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  const { values } = await parseCli(() => parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean', default: false } }, strict: true }), REGISTER_USAGE);
  const body = discordCommands(commands);
  if (values['dry-run']) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  loadDotEnv();
  const env = parseEnv(discordPlatform.env, withoutEmpty(process.env));
  if (!env.DISCORD_TOKEN || !env.DISCORD_APPLICATION_ID)
    throw new ConfigError('discord:register needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (or use -- --dry-run)');
  const rest = new REST(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}).setToken(env.DISCORD_TOKEN);
  const route = env.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(env.DISCORD_APPLICATION_ID, env.DISCORD_GUILD_ID)
    : Routes.applicationCommands(env.DISCORD_APPLICATION_ID);
  let result: unknown[];
  try {
    result = (await rest.put(route, { body })) as unknown[];
  } catch (err) {
    const status = httpStatusOf(err);
    if (status === 401)
      throw new PlatformFatalError(
        'discord',
        'DISCORD_TOKEN',
        'Discord refused DISCORD_TOKEN (401): reset the bot token in the Developer Portal and set DISCORD_TOKEN',
      );
    if (status === 403 || status === 404)
      throw new PlatformFatalError(
        'discord',
        'DISCORD_APPLICATION_ID',
        `Discord answered ${status} for this application${env.DISCORD_GUILD_ID ? ' and server' : ''}: check DISCORD_APPLICATION_ID${env.DISCORD_GUILD_ID ? ' and DISCORD_GUILD_ID (the bot must be in that server)' : ''}`,
      );
    throw (
      unreachable('discord', err, {
        host: env.DISCORD_API_URL ?? 'https://discord.com/api',
        variable: env.DISCORD_API_URL ? 'DISCORD_API_URL' : 'DISCORD_TOKEN',
      }) ?? err
    );
  }
  console.log(
    env.DISCORD_GUILD_ID
      ? `Registered ${result.length} commands to server ${env.DISCORD_GUILD_ID} (available now).`
      : `Registered ${result.length} commands globally (Discord may take up to an hour to show changes).`,
  );
}
