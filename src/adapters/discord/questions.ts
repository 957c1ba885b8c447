import type { APIMessage } from 'discord-api-types/v10';
import { compactReply } from '../../framework/reply.js';
import type { Core } from '../../core.js';
import { messages } from '../../i18n/messages.js';
import type { Logger } from '../../log.js';
import type { Metrics } from '../../telemetry/metrics.js';
import { controlsFor } from '../../render/controls.js';
import { toDiscordMessage, type DiscordMessage } from '../../render/discord-message.js';
import { quickChartImages } from '../../render/images.js';
import { apologyReply, newErrorId } from '../shared/failure.js';

export interface QuestionOptions {
  core: Core;
  log: Logger;
  metrics: Metrics;
  componentSecret: string;
  quickChartBaseUrl: string;
  /** The bot's own user id, once the gateway is ready. */
  botId(): string | undefined;
  /** Posts a message to a channel (REST, the bot's token). */
  post(channel: string, body: DiscordMessage & { message_reference: { message_id: string; fail_if_not_exists: false } }): Promise<unknown>;
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
    const started = performance.now();
    const text = questionText(msg.content) || 'help';
    const reference = { message_id: msg.id, fail_if_not_exists: false as const };
    try {
      const answer = await o.core.answer(text, {
        platform: 'discord',
        userId: msg.author.id,
        channelId: msg.channel_id,
        ...(msg.guild_id ? { workspaceId: msg.guild_id } : {}),
        lang: 'en',
        // A question never changes a channel: subscribing stays a slash command with its permission check.
        canManage: async () => false,
      });
      const m = messages(answer.lang);
      const reply = compactReply(answer.reply);
      const controls = controlsFor(answer.reply, {
        secret: o.componentSecret,
        channelId: msg.channel_id,
        line: answer.line,
        detail: 'compact',
        isPublic: true,
        shareable: false,
        m,
      });
      const message = toDiscordMessage(reply, { images: quickChartImages(reply, o.quickChartBaseUrl), controls, m });
      await o.post(msg.channel_id, { ...message, message_reference: reference });
      o.metrics.command(answer.command ?? 'question', 'discord', answer.reply.tone === 'error' ? 'user_error' : 'ok', (performance.now() - started) / 1000);
    } catch (err) {
      const errorId = newErrorId();
      o.log.error({ err, errorId }, 'Discord: question failed');
      o.metrics.command('question', 'discord', 'failure', (performance.now() - started) / 1000);
      await o.post(msg.channel_id, { ...toDiscordMessage(apologyReply(errorId, messages('en')), {}), message_reference: reference }).catch(() => {});
    }
  };
}
