import type { APIMessage } from 'discord-api-types/v10';
import type { AnswerPipeline } from '../../framework/answer-pipeline.js';
import type { Logger } from '../../log.js';
import { messageCharts, type ChartOptions } from '../shared/chart-pngs.js';
import { messages } from '../../i18n/messages.js';
import { chartFiles, discordControls, toDiscordMessage, type DiscordMessage } from './render.js';

export interface QuestionOptions {
  pipeline: AnswerPipeline;
  log: Logger;
  /** Chart mode, QuickChart and Discord's image URL limit. */
  charts: ChartOptions;
  /** The bot's own user id, once the gateway is ready. */
  botId(): string | undefined;
  /** Posts a message to a channel (REST, the bot's token). */
  post(
    channel: string,
    body: DiscordMessage & { message_reference: { message_id: string; fail_if_not_exists: false } },
    files?: { name: string; data: Buffer; contentType: string }[],
  ): Promise<unknown>;
}

/** "<@123> yunnan utilization?" → "yunnan utilization?": mentions (users, roles, everyone) are not part of the question. */
export function questionText(content: string): string {
  return content
    .replace(/<@[!&]?\d+>|@everyone|@here/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Questions typed to the bot on Discord: a message that mentions it in a server, or any message in a
 * direct conversation with it (Discord sends the content of both without the privileged message-content
 * intent). Answered as a reply to that message, the understood command on top, with the usual buttons.
 */
export function questionHandler(o: QuestionOptions): (msg: APIMessage & { guild_id?: string }) => Promise<void> {
  return async (msg) => {
    const bot = o.botId();
    if (msg.author.bot || msg.webhook_id || !bot || msg.author.id === bot) return;
    const direct = msg.guild_id === undefined;
    if (!direct && !msg.mentions.some((u) => u.id === bot)) return;
    const reference = { message_id: msg.id, fail_if_not_exists: false as const };
    const invocation = {
      platform: 'discord',
      userId: msg.author.id,
      channelId: msg.channel_id,
      ...(msg.guild_id ? { workspaceId: msg.guild_id } : {}),
      lang: 'en' as const,
      // A question never changes a channel: subscribing stays a slash command with its permission check.
      canManage: async () => false,
    };
    try {
      // Answered where it was asked, for everyone who can see the question.
      const outcome = await o.pipeline.answer({ kind: 'words', text: questionText(msg.content) }, invocation, { forcePublic: true });
      const m = messages(outcome.ok ? outcome.presented.lang : outcome.lang);
      if (!outcome.ok) return void (await o.post(msg.channel_id, { ...toDiscordMessage(outcome.reply, { m }), message_reference: reference }));
      const p = outcome.presented;
      const charts = messageCharts(p.reply, o.charts, o.log);
      const body = toDiscordMessage(p.reply, { images: charts.images, m });
      const files = charts.uploads ? await chartFiles(charts) : undefined;
      await o.post(msg.channel_id, { ...body, components: [...body.components, ...discordControls(p.controls)], message_reference: reference }, files);
    } catch (err) {
      o.log.error({ err }, 'Discord: question: could not send the answer');
    }
  };
}
