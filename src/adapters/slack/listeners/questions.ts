import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { decodeSlackText } from '../escaping.js';
import type { SlackListenerDeps } from './deps.js';

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
export function register(app: App, deps: SlackListenerDeps): void {
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
    const post = (m: { text: string; blocks: unknown[] }) =>
      o.client.chat.postMessage({
        channel: o.channel,
        ...(o.threadTs ? { thread_ts: o.threadTs } : {}),
        text: m.text,
        blocks: m.blocks as never,
        unfurl_links: false,
        unfurl_media: false,
      });
    try {
      const lang = await deps.langFor(o.channel, o.user, o.team, o.client);
      // Answered where it was asked, for everyone who can see the question.
      const outcome = await deps.pipeline.answer({ kind: 'words', text: o.text }, deps.invocation(o.user, o.channel, o.team, lang, o.client), {
        forcePublic: true,
      });
      await post(outcome.ok ? await deps.message(outcome.presented, o.client) : deps.errorMessage(outcome.reply, outcome.lang));
    } catch (err) {
      deps.log.error({ err }, 'question: could not send the answer');
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
