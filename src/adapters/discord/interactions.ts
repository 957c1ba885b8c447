import type { REST, RawFile } from '@discordjs/rest';
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  PermissionFlagsBits,
  Routes,
  type APIApplicationCommandInteractionDataOption,
  type APIInteraction,
  type APIInteractionResponse,
} from 'discord-api-types/v10';
import { entityKindOf } from '../../framework/option-kinds.js';
import type { Reply } from '../../framework/reply.js';
import { apologyReply, newErrorId, type AnswerPipeline, type Presented } from '../../framework/answer-pipeline.js';
import type { Core } from '../../core.js';
import { langOf, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/messages.js';
import type { Logger } from '../../log.js';
import { chartFiles, discordControls, ephemeral, toDiscordMessage, type DiscordMessage } from './render.js';
import { messageCharts, type ChartOptions, type MessageCharts } from '../shared/chart-pngs.js';
import { DISCORD } from './limits.js';
import { bindingsFor, PUBLIC_OPTION } from './registration.js';

/** The answer to one interaction: the response, files to send with it, and work for after it (a deferred edit). */
export interface Handled {
  response: APIInteractionResponse;
  /** The response serialized, on an answer kept for repeats: the HTTP endpoint sends these bytes as they are. */
  json?: Buffer;
  files?: RawFile[];
  after?: () => Promise<void>;
}

export interface InteractionOptions {
  core: Core;
  log: Logger;
  /** The one answer path: commands and clicks go through it. */
  pipeline: AnswerPipeline;
  /** Chart mode, QuickChart and Discord's image URL limit. */
  charts: ChartOptions;
  /** REST for deferred edits (webhook routes with the interaction token: no bot token needed). */
  rest: REST;
}

const MANAGE_CHANNELS = PermissionFlagsBits.ManageChannels;
/** Discord's name for that right, as the reader's client shows it. */
const MANAGE_RIGHT: Record<Lang, string> = { en: 'the Manage Channels permission', 'zh-CN': '“管理频道”权限' };

/**
 * Answers Discord interactions given as API payloads: the same handler serves the gateway (raw
 * INTERACTION_CREATE) and the HTTP interactions endpoint. Slash commands, autocomplete, buttons and
 * menus; every answer from the shared definitions and renderers.
 */
// Long on purpose: one switch over Discord's interaction types, each branch a few lines into the
// answer pipeline; the bindings and renderer are built once, outside the per-interaction function.
export function interactionHandler(o: InteractionOptions): (i: APIInteraction) => Promise<Handled> {
  const log = o.log;
  const bindings = bindingsFor(o.core.registry.commands);

  const pipeline = o.pipeline;

  /** A presented answer as a Discord message: the body built once per cacheable answer, the buttons signed per channel. */
  const present = (p: Presented): { message: DiscordMessage; ephemeral: boolean; files: RawFile[]; upload: boolean; charts: MessageCharts } => {
    const m = messages(p.lang);
    // Chart URLs are made inside build, so a cached answer costs none (they are most of its cost).
    const build = () => {
      const charts = messageCharts(p.reply, o.charts, o.log);
      return { charts, body: toDiscordMessage(p.reply, { images: charts.images, m, ...(p.sharedBy ? { sharedBy: p.sharedBy } : {}) }) };
    };
    const { charts, body: base } = p.variant ? o.core.rendered(p.answer, p.variant, build) : build();
    // The cached body (built without controls) is shared; the buttons are signed per channel, so added here.
    const message: DiscordMessage = { ...base, components: [...base.components, ...discordControls(p.controls)] };
    const files: RawFile[] = (p.reply.files ?? []).map((f) => ({ name: f.name, data: Buffer.from(f.content, 'utf8'), contentType: f.contentType }));
    return { message, ephemeral: !p.isPublic, files, upload: charts.uploads || files.length > 0, charts };
  };
  // The pipeline answers a repeated request with the Presented it gave before; the response made
  // from it is kept beside it, serialized, so a repeat costs neither controls, body nor JSON. A
  // deferred answer is not kept: its edit is for one interaction's token.
  const kept = new WeakMap<Presented, Handled>();
  const respond = (presented: Presented, make: (p: ReturnType<typeof present>) => Handled): Handled => {
    const before = kept.get(presented);
    if (before) return before;
    const h = make(present(presented));
    if (h.after || !presented.variant) return h;
    const keep = { ...h, json: Buffer.from(JSON.stringify(h.response)) };
    kept.set(presented, keep);
    return keep;
  };
  const errorResponse = (reply: Reply, lang: Lang): Handled => ({
    response: { type: InteractionResponseType.ChannelMessageWithSource, data: ephemeral(toDiscordMessage(reply, { m: messages(lang) })) },
  });

  /** Charts drawn for upload and files attached take longer than Discord's 3 s: defer, then edit. */
  const deferred = (i: APIInteraction, p: ReturnType<typeof present>, update: boolean): Handled => ({
    response: update
      ? { type: InteractionResponseType.DeferredMessageUpdate }
      : { type: InteractionResponseType.DeferredChannelMessageWithSource, data: p.ephemeral ? { flags: MessageFlags.Ephemeral } : {} },
    after: async () => {
      await o.rest.patch(Routes.webhookMessage(i.application_id, i.token), {
        body: p.message,
        files: [...(await chartFiles(p.charts)), ...p.files],
        auth: false,
      });
    },
  });

  const lineOf = (name: string, sub: string | undefined, options: readonly APIApplicationCommandInteractionDataOption[]) => {
    let line = sub ? `/${name} ${sub}` : `/${name}`;
    for (const opt of options) if ('value' in opt && opt.name !== PUBLIC_OPTION) line += ` ${String(opt.value)}`;
    return line;
  };

  // Long on purpose: the switch over Discord's interaction types the comment above speaks of.
  return async function handle(i: APIInteraction): Promise<Handled> {
    const lang = langOf((i as { locale?: string }).locale);
    const m = messages(lang);
    const channel = i.channel?.id ?? ('channel_id' in i ? String((i as { channel_id?: string }).channel_id ?? '') : '');
    const user = i.member?.user?.id ?? i.user?.id ?? '';
    const invocation = {
      platform: 'discord',
      userId: user,
      channelId: channel,
      ...(i.guild_id ? { workspaceId: i.guild_id } : {}),
      lang,
      // Checked when the command runs: a server can override a command's default permission.
      canManage: async () => (BigInt(i.member?.permissions ?? '0') & MANAGE_CHANNELS) === MANAGE_CHANNELS,
      manageRight: MANAGE_RIGHT[lang],
    };
    try {
      switch (i.type) {
        case InteractionType.Ping:
          return { response: { type: InteractionResponseType.Pong } };
        case InteractionType.ApplicationCommandAutocomplete: {
          const { name, sub, options } = unwrap(i.data.name, i.data.options ?? []);
          const focused = options.find((x) => 'focused' in x && x.focused) as { name: string; value: string | number } | undefined;
          const binding = bindings.get(`${name} ${sub ?? ''}`)?.find((b) => b.option === focused?.name);
          const kind = entityKindOf(binding?.spec);
          const edition = o.core.library().current;
          const choices =
            kind && binding?.spec.kind.complete
              ? binding.spec.kind.complete(binding.spec, { edition, library: o.core.library(), m }, String(focused?.value ?? ''), DISCORD.autocompleteChoices)
              : [];
          return {
            response: {
              type: InteractionResponseType.ApplicationCommandAutocompleteResult,
              data: { choices: choices.map((c) => ({ name: c.label.slice(0, DISCORD.choiceName), value: c.value.slice(0, DISCORD.choiceValue) })) },
            },
          };
        }
        case InteractionType.ApplicationCommand: {
          if (!('options' in i.data) && i.data.type !== 1)
            return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: { content: '…', flags: MessageFlags.Ephemeral } } };
          const data = i.data as { name: string; options?: APIApplicationCommandInteractionDataOption[] };
          const { name, sub, options } = unwrap(data.name, data.options ?? []);
          const raw: Record<string, unknown> = {};
          let isPublic = false;
          for (const opt of options) {
            if (!('value' in opt)) continue;
            if (opt.name === PUBLIC_OPTION) {
              isPublic = opt.value === true;
              continue;
            }
            const b = bindings.get(`${name} ${sub ?? ''}`)?.find((x) => x.option === opt.name);
            if (!b) continue;
            if (b.index === undefined) raw[b.key] = opt.value;
            else {
              raw[b.key] ??= [];
              (raw[b.key] as unknown[])[b.index] = opt.value;
            }
          }
          for (const k of Object.keys(raw)) if (Array.isArray(raw[k])) raw[k] = (raw[k] as unknown[]).filter((v) => v !== undefined);
          const outcome = await pipeline.answer({ kind: 'options', name, sub, raw, line: lineOf(name, sub, options), public: isPublic }, invocation);
          if (!outcome.ok) return errorResponse(outcome.reply, outcome.lang);
          return respond(outcome.presented, (p) =>
            p.upload
              ? deferred(i, p, false)
              : { response: { type: InteractionResponseType.ChannelMessageWithSource, data: p.ephemeral ? ephemeral(p.message) : p.message } },
          );
        }
        case InteractionType.MessageComponent: {
          const values = (i.data as { values?: string[] }).values;
          const outcome = await pipeline.answer({ kind: 'click', id: i.data.custom_id, ...(values ? { selected: values[0] ?? '' } : {}) }, invocation);
          if (!outcome.ok) return errorResponse(outcome.reply, outcome.lang);
          return respond(outcome.presented, (p) => {
            switch (outcome.presented.placement) {
              case 'share':
                if (p.upload) return deferred(i, p, false);
                return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: p.message } };
              case 'update':
                if (p.upload) return deferred(i, p, true);
                return { response: { type: InteractionResponseType.UpdateMessage, data: p.message } };
              default:
                if (p.upload) return deferred(i, { ...p, ephemeral: true }, false);
                return { response: { type: InteractionResponseType.ChannelMessageWithSource, data: ephemeral(p.message) } };
            }
          });
        }
        default:
          return { response: { type: InteractionResponseType.Pong } };
      }
    } catch (err) {
      // Autocomplete and the pipeline's own replies never throw; this is the net for the rest.
      const errorId = newErrorId();
      log.error({ err, errorId, interaction: i.type }, 'interaction failed');
      return errorResponse(apologyReply(errorId, lang), lang);
    }
  };
}

/** A subcommand arrives as the only option of its command: its own options are inside it. */
function unwrap(
  name: string,
  options: readonly APIApplicationCommandInteractionDataOption[],
): { name: string; sub: string | undefined; options: readonly APIApplicationCommandInteractionDataOption[] } {
  const first = options[0];
  if (first && first.type === 1) return { name, sub: first.name, options: first.options ?? [] };
  return { name, sub: undefined, options };
}
