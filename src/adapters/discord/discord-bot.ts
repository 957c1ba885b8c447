import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Options,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
} from 'discord.js';
import type { Invocation } from '../../commands/define.js';
import type { Reply } from '../../commands/reply.js';
import type { Core } from '../../core.js';
import type { Logger } from '../../log.js';
import { toDiscordMessage } from '../../render/discord-message.js';
import { attachmentName, quickChartImages, type ChartImage } from '../../render/images.js';
import { DISCORD } from '../../render/limits.js';
import { bilingualName } from '../../metrics/names.js';
import { entityKindOf } from '../../commands/options.js';
import { chartPngs } from '../shared/chart-pngs.js';
import { apologyReply, newErrorId } from '../shared/failure.js';
import { bindingsOf, PUBLIC_OPTION } from './registration.js';

export interface DiscordBotOptions {
  core: Core;
  log: Logger;
  token: string;
  /** REST base URL, e.g. http://127.0.0.1:PORT/api; the gateway URL then comes from its /gateway/bot. */
  apiUrl?: string;
  chartMode: 'url' | 'upload';
  quickChartBaseUrl: string;
}

export interface DiscordBot {
  client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
}

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

/**
 * The Discord adapter: application commands and autocomplete through discord.js. Transport only: the
 * commands, their options and their answers come from the shared definitions.
 */
export function createDiscordBot(o: DiscordBotOptions): DiscordBot {
  const log = o.log.child({ adapter: 'discord' });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    makeCache,
    allowedMentions: { parse: [] },
    rest: o.apiUrl ? { api: o.apiUrl } : {},
  });

  const payloadOf = (reply: Reply, images: ChartImage[]) => {
    const m = toDiscordMessage(reply, images);
    return { embeds: m.embeds, allowedMentions: { parse: [] as never[] } };
  };

  async function answer(i: ChatInputCommandInteraction): Promise<void> {
    const def = o.core.registry.get(i.commandName);
    const sub = def?.subcommands ? (i.options.getSubcommand(false) ?? undefined) : undefined;
    const raw: Record<string, unknown> = {};
    if (def) {
      for (const b of bindingsOf(def, sub)) {
        const value = i.options.get(b.option)?.value;
        if (value === undefined || value === null) continue;
        if (b.index === undefined) raw[b.key] = value;
        else ((raw[b.key] ??= []) as unknown[]).push(value);
      }
    }
    const isPublic = i.options.getBoolean(PUBLIC_OPTION) ?? false;
    const invocation: Invocation = {
      platform: 'discord',
      userId: i.user.id,
      channelId: i.channelId,
      // Checked here too: a server can override the command's default permission.
      canManage: i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
    };
    const reply = await o.core.run(i.commandName, sub, raw, invocation);
    const ephemeral = !(isPublic || reply.inChannel) || reply.tone === 'error';
    const flags = ephemeral ? MessageFlags.Ephemeral : undefined;
    if (o.chartMode === 'upload' && reply.tone === 'info' && (reply.charts?.length ?? 0) > 0) {
      // Local rendering can pass Discord's 3-second window on a busy machine: defer, then edit.
      await i.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
      const pngs = chartPngs(reply);
      const images: ChartImage[] = pngs.map((_p, n) => ({ kind: 'attachment', name: attachmentName(n) }));
      await i.editReply({ ...payloadOf(reply, images), files: pngs.map((p) => ({ attachment: p.png, name: p.name, description: p.alt.slice(0, 1024) })) });
      return;
    }
    await i.reply({ ...payloadOf(reply, quickChartImages(reply, o.quickChartBaseUrl)), ...(flags ? { flags } : {}) } as InteractionReplyOptions);
  }

  async function suggest(i: AutocompleteInteraction): Promise<void> {
    const def = o.core.registry.get(i.commandName);
    const focused = i.options.getFocused(true);
    const sub = def?.subcommands ? (i.options.getSubcommand(false) ?? undefined) : undefined;
    const binding = def ? bindingsOf(def, sub).find((b) => b.option === focused.name) : undefined;
    const kind = entityKindOf(binding?.spec);
    if (!kind) return i.respond([]);
    const names = o.core.names.suggest(kind, String(focused.value ?? ''), DISCORD.autocompleteChoices);
    await i.respond(names.map((n) => ({ name: bilingualName(o.core.names, kind, n).slice(0, DISCORD.choiceName), value: n })));
  }

  async function handle(i: Interaction): Promise<void> {
    if (i.isAutocomplete()) {
      try {
        await suggest(i);
      } catch (err) {
        log.error({ err }, 'autocomplete failed');
      }
      return;
    }
    if (!i.isChatInputCommand()) return;
    try {
      await answer(i);
    } catch (err) {
      const errorId = newErrorId();
      log.error({ err, errorId, command: i.commandName }, 'interaction failed');
      const apology = { ...payloadOf(apologyReply(errorId), []), flags: MessageFlags.Ephemeral } as const;
      try {
        if (i.deferred) await i.editReply(payloadOf(apologyReply(errorId), []));
        else if (i.replied) await i.followUp(apology);
        else await i.reply(apology);
      } catch (second) {
        log.error({ err: second, errorId }, 'could not send the apology');
      }
    }
  }

  client.on(Events.InteractionCreate, (i) => void handle(i));
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardError, (err) => log.error({ err }, 'discord gateway error'));
  client.once(Events.ClientReady, (c) => log.info({ user: c.user.tag }, 'Discord: connected'));

  return {
    client,
    async start() {
      await new Promise<void>((resolve, reject) => {
        client.once(Events.ClientReady, () => resolve());
        client.login(o.token).catch(reject);
      });
    },
    async stop() {
      await client.destroy();
    },
  };
}
