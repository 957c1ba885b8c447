import type { App } from '@slack/bolt';
import { decodeSlackText } from './escaping.js';
import type { WebClient } from '@slack/web-api';
import type { Invocation } from '../../framework/define.js';
import type { Answer } from '../../core.js';
import type { Lang } from '../../i18n/lang.js';
import type { Logger } from '../../log.js';
import type { Metrics } from '../../telemetry/metrics.js';
import type { SlackMessage } from '../../render/slack-message.js';
import type { Core } from '../../core.js';

/** What the question listeners need from the adapter: the same answer path as slash commands. */
export interface QuestionDeps {
  core: Core;
  log: Logger;
  metrics: Metrics;
  langFor(channel: string, user: string, team: string, client: WebClient): Promise<Lang>;
  invocation(user: string, channel: string, team: string, lang: Lang, client: WebClient): Invocation;
  present(answer: Answer, o: { line: string; channel: string; lang: Lang; client: WebClient; forcePublic?: boolean }): Promise<SlackMessage>;
  apology(lang: Lang): { errorId: string; message: SlackMessage };
}

/** "<@U0BOT> yunnan utilization?" → "yunnan utilization?": the mention of the bot (and any other user) is not part of the question. */
export function questionText(text: string | undefined): string {
  return decodeSlackText((text ?? '').replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Questions typed to the bot: an @mention in a channel (answered in its thread) and any message in a
 * direct conversation with the app. Each is answered like a slash command, with the command it was
 * read as on top. Slack's redeliveries (x-slack-retry-num) are not answered twice.
 */
export function registerQuestions(app: App, deps: QuestionDeps): void {
  const answerTo = async (o: {
    text: string;
    user: string;
    channel: string;
    team: string;
    threadTs: string | undefined;
    client: WebClient;
    retry: boolean;
  }) => {
    if (o.retry) return;
    const started = performance.now();
    let lang: Lang = 'en';
    try {
      lang = await deps.langFor(o.channel, o.user, o.team, o.client);
      const answer = await deps.core.answer(o.text || 'help', deps.invocation(o.user, o.channel, o.team, lang, o.client));
      const message = await deps.present(answer, { line: answer.line, channel: o.channel, lang: answer.lang, client: o.client, forcePublic: true });
      await o.client.chat.postMessage({
        channel: o.channel,
        ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
        unfurl_links: false,
        unfurl_media: false,
      });
      deps.metrics.command(answer.command ?? 'question', 'slack', answer.reply.tone === 'error' ? 'user_error' : 'ok', (performance.now() - started) / 1000);
    } catch (err) {
      const { errorId, message } = deps.apology(lang);
      deps.log.error({ err, errorId }, 'question failed');
      deps.metrics.command('question', 'slack', 'failure', (performance.now() - started) / 1000);
      await o.client.chat
        .postMessage({ channel: o.channel, ...(o.threadTs ? { thread_ts: o.threadTs } : {}), text: message.text, blocks: message.blocks })
        .catch(() => {});
    }
  };

  app.event('app_mention', async ({ event, client, context, body }) => {
    const e = event as { text?: string; user?: string; channel: string; ts: string; thread_ts?: string; bot_id?: string };
    if (e.bot_id || !e.user) return;
    await answerTo({
      text: questionText(e.text),
      user: e.user,
      channel: e.channel,
      team: context.teamId ?? '',
      threadTs: e.thread_ts ?? e.ts,
      client,
      retry: (context as { retryNum?: number }).retryNum !== undefined || Boolean((body as { retry_num?: number }).retry_num),
    });
  });

  app.message(async ({ message, client, context }) => {
    const msg = message as { channel_type?: string; subtype?: string; bot_id?: string; text?: string; user?: string; channel: string; thread_ts?: string };
    // Direct messages only: in channels the bot answers when mentioned (app_mention), never to every line.
    if (msg.channel_type !== 'im' || msg.subtype !== undefined || msg.bot_id || !msg.user) return;
    await answerTo({
      text: questionText(msg.text),
      user: msg.user,
      channel: msg.channel,
      team: context.teamId ?? '',
      threadTs: msg.thread_ts,
      client,
      retry: (context as { retryNum?: number }).retryNum !== undefined,
    });
  });
}
