import { Client, Events, GatewayIntentBits, Options } from 'discord.js';
import { Routes, type APIInteraction, type APIMessage } from 'discord-api-types/v10';
import type { Logger } from '../../log.js';
import { restAgent } from './rest-agent.js';
import { httpStatusOf, PlatformFatalError, unreachable } from '../platform.js';
import type { Handled } from './interactions.js';

/**
 * Caches the bot does not need, off: it reads nothing but interactions, so memory stays flat however
 * many servers it is in. Guilds stay (the Guilds intent keeps them current).
 */
const makeCache = Options.cacheWithLimits({
  ...Options.DefaultMakeCacheSettings,
  ApplicationCommandManager: 0,
  AutoModerationRuleManager: 0,
  BaseGuildEmojiManager: 0,
  DMMessageManager: 0,
  GuildBanManager: 0,
  GuildEmojiManager: 0,
  GuildForumThreadManager: 0,
  GuildInviteManager: 0,
  GuildMemberManager: 0,
  GuildMessageManager: 0,
  GuildScheduledEventManager: 0,
  GuildStickerManager: 0,
  GuildTextThreadManager: 0,
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  StageInstanceManager: 0,
  ThreadManager: 0,
  ThreadMemberManager: 0,
  UserManager: 0,
  VoiceStateManager: 0,
});

/** Close codes after which Discord will not take the bot back until someone fixes something. */
const FATAL_CLOSE: Record<number, string> = {
  4004: 'authentication failed: DISCORD_TOKEN is not a valid bot token',
  4010: 'invalid shard: check DISCORD_SHARDS',
  4011: 'sharding required: set DISCORD_SHARDS=auto',
  4012: 'invalid API version',
  4013: 'invalid intents',
  4014: 'disallowed intents: the bot asked for an intent it is not allowed',
};

/** How long start-up waits for every shard to be ready before giving up with one line. */
export const GATEWAY_START_TIMEOUT_MS = 30_000;

export interface GatewayOptions {
  token: string;
  apiUrl?: string | undefined;
  shards: 'auto' | number | undefined;
  log: Logger;
  handle: (i: APIInteraction) => Promise<Handled>;
  /** Messages that may be questions to the bot (mentions, direct messages). */
  onMessage?: (m: APIMessage & { guild_id?: string }) => Promise<void>;
  /** A shard closed for good (bad token, disallowed intents): the process must not look alive. */
  fatal: (err: PlatformFatalError) => void;
}

/**
 * The gateway connection through discord.js, sharded when asked (DISCORD_SHARDS): every shard hands
 * its guilds' raw INTERACTION_CREATE to the shared handler, which answers through REST.
 */
// Long on purpose: one closure over the discord.js client's lifecycle (login, ready, raw packets,
// shard errors, the start-up time-out), which its callers only start and stop.
export function createGateway(o: GatewayOptions) {
  const client = new Client({
    // Messages (not privileged): Discord sends the content of those that mention the bot and of DMs.
    intents: [GatewayIntentBits.Guilds, ...(o.onMessage ? [GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] : [])],
    makeCache,
    allowedMentions: { parse: [] },
    // Interaction callbacks must land within 3 s: one retry of a server error, no more.
    rest: { ...(o.apiUrl ? { api: o.apiUrl } : {}), timeout: 10_000, retries: 1, agent: restAgent() },
    ...(o.shards === 'auto'
      ? { shards: 'auto' as const }
      : typeof o.shards === 'number'
        ? { shards: Array.from({ length: o.shards }, (_, i) => i), shardCount: o.shards }
        : {}),
  });
  const ready = new Set<number>();
  let closedFor: PlatformFatalError | undefined;
  let started = false;
  const answerInteraction = (data: APIInteraction) =>
    void (async () => {
      const h = await o.handle(data);
      await client.rest.post(Routes.interactionCallback(data.id, data.token), {
        body: h.response,
        ...(h.files?.length ? { files: h.files } : {}),
        auth: false,
      });
      if (h.after) await h.after();
    })().catch((err: unknown) => o.log.error({ err: redactInteraction(err) }, 'Discord: could not answer an interaction'));
  // The raw gateway packets (discord.js's public Events.Raw): interactions and messages are handled as
  // API payloads, the same as over HTTP, with nothing needed in discord.js's caches.
  client.on(Events.Raw, (packet: { t?: string; d?: unknown }) => {
    if (packet.t === 'INTERACTION_CREATE') answerInteraction(packet.d as APIInteraction);
    else if (packet.t === 'MESSAGE_CREATE' && o.onMessage)
      void o.onMessage(packet.d as APIMessage & { guild_id?: string }).catch((err: unknown) => o.log.error({ err }, 'Discord: could not answer a message'));
  });
  client.on(Events.ShardReady, (id) => ready.add(id));
  client.on(Events.ShardDisconnect, (event, id) => {
    ready.delete(id);
    const why = FATAL_CLOSE[event.code];
    if (!why) return;
    closedFor = new PlatformFatalError('discord', 'DISCORD_TOKEN', `Discord closed shard ${id} with code ${event.code}: ${why}`);
    // After start, the process must not look alive; during start, start() reports it.
    if (ready.size > 0 || started) o.fatal(closedFor);
  });
  client.on(Events.ShardReconnecting, (id) => ready.delete(id));
  client.on(Events.ShardResume, (id) => ready.add(id));
  client.on(Events.Error, (err) => o.log.error({ err }, 'Discord client error'));
  client.on(Events.ShardError, (err, id) => o.log.error({ err, shard: id }, 'Discord gateway error'));
  return {
    client,
    async start() {
      try {
        await new Promise<void>((resolve, reject) => {
          // discord.js keeps retrying a gateway it cannot reach, silently: start-up gives up after this.
          const timer = setTimeout(
            () =>
              reject(
                new PlatformFatalError(
                  'discord',
                  o.apiUrl ? 'DISCORD_API_URL' : 'DISCORD_TOKEN',
                  `Discord: no gateway connection within ${GATEWAY_START_TIMEOUT_MS / 1000} s (${o.apiUrl ?? 'https://discord.com/api'}); check ${o.apiUrl ? 'DISCORD_API_URL' : 'DISCORD_TOKEN'} and the network, then start again`,
                ),
              ),
            GATEWAY_START_TIMEOUT_MS,
          );
          client.once(Events.ClientReady, () => {
            clearTimeout(timer);
            resolve();
          });
          client.login(o.token).catch((err: unknown) => {
            clearTimeout(timer);
            reject(err instanceof Error ? err : new Error(String(err)));
          });
        });
      } catch (err) {
        if (err instanceof PlatformFatalError) {
          await client.destroy().catch(() => {});
          throw err;
        }
        // Classified by the error's code, status or the gateway's close code, never by its text (an
        // address such as 127.0.0.1:24013 holds "401" too).
        const network = unreachable('discord', err, { host: o.apiUrl ?? 'https://discord.com/api', variable: o.apiUrl ? 'DISCORD_API_URL' : 'DISCORD_TOKEN' });
        if (network) throw network;
        const code = (err as { code?: unknown }).code;
        if (code === 'TokenInvalid' || httpStatusOf(err) === 401) {
          throw new PlatformFatalError(
            'discord',
            'DISCORD_TOKEN',
            'Discord refused DISCORD_TOKEN (401): reset the bot token in the Developer Portal and set DISCORD_TOKEN',
          );
        }
        if (closedFor) throw closedFor;
        throw err;
      }
      started = true;
      o.log.info({ shards: client.ws.shards.size }, 'Discord: connected');
    },
    shardsReady: () => ({ ready: ready.size, of: client.ws.shards.size }),
    async stop() {
      await client.destroy();
    },
  };
}

/** Interaction tokens sit inside webhook URLs: an error that quotes the URL must not carry them to the log. */
export function redactInteraction(err: unknown): unknown {
  if (!(err instanceof Error)) return err;
  const clean = (s: string | undefined) => s?.replace(/(\/(?:interactions|webhooks)\/\d+\/)[^/\s]+/g, '$1[token]');
  const copy = new Error(clean(err.message));
  copy.name = err.name;
  copy.stack = clean(err.stack) ?? '';
  const url = (err as { url?: string }).url;
  if (url) (copy as { url?: string }).url = clean(url);
  return copy;
}
