import type { RESTOptions } from '@discordjs/rest';
import { createRequire } from 'node:module';

/**
 * An HTTP agent of the undici that @discordjs/rest itself depends on, for every REST client. Without
 * one, REST sends through undici's global dispatcher, which another undici in the process may have
 * made first (Slack's Socket Mode brings undici 7, @discordjs/rest undici 6; they share the global's
 * name). A JSON body crosses versions unharmed, but a multipart one (a chart or a CSV uploaded) built
 * by one and sent by the other fails with "action is not a function": a bot serving Slack and Discord
 * could not attach a file on Discord.
 */
export function restAgent(): NonNullable<RESTOptions['agent']> {
  const fromRest = createRequire(createRequire(import.meta.url).resolve('@discordjs/rest'));
  const { Agent } = fromRest('undici') as { Agent: new () => NonNullable<RESTOptions['agent']> };
  return new Agent();
}
