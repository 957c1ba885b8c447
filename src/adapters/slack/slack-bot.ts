import { App, HTTPReceiver, SocketModeReceiver, type RespondArguments, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { RetryOptions, WebClient } from '@slack/web-api';
import type { Server } from 'node:http';
import type { Invocation } from '../../commands/define.js';
import { needsManage, UMBRELLA } from '../../commands/dispatch.js';
import type { Reply } from '../../commands/reply.js';
import type { Core } from '../../core.js';
import type { Logger } from '../../log.js';
import { quickChartImages, type ChartImage } from '../../render/images.js';
import { SLACK } from '../../render/limits.js';
import { toSlackMessage, type SlackBlock } from '../../render/slack-message.js';
import { apologyReply, newErrorId } from '../shared/failure.js';
import { splitVisibility } from '../shared/visibility.js';
import { boltLogger } from './bolt-logger.js';
import { uploadCharts } from './chart-upload.js';

export const SHARE_ACTION = 'share_in_channel';

export interface SlackBotOptions {
  core: Core;
  log: Logger;
  botToken: string;
  /** Socket Mode when set; HTTP mode (signingSecret, port) otherwise. */
  appToken?: string;
  signingSecret?: string;
  port: number;
  apiUrl?: string;
  chartMode: 'url' | 'upload';
  quickChartBaseUrl: string;
  /** The Web API client's retries; its default retries for about 30 minutes. */
  retryConfig: RetryOptions;
  /** Skips auth.test at start when the bot's identity is known (tests). */
  identity?: { botId: string; botUserId: string };
  /** May this user change the channel's settings? (briefings; false when not wired) */
  canManage?: (userId: string, client: WebClient) => Promise<boolean>;
}

export interface SlackBot {
  app: App;
  /** Resolves when serving; in HTTP mode with the port actually bound. */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
  /** Every slash command the app answers, without the slash. */
  commands: string[];
}

/** Slack escapes &, < and > in slash command text; the commands want what the user typed. */
export function decodeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * The Slack adapter: slash commands and the "Share in channel" button through Bolt, in Socket Mode or
 * HTTP mode. Transport only: every answer comes from the shared command definitions.
 */
export function createSlackBot(o: SlackBotOptions): SlackBot {
  const log = o.log.child({ adapter: 'slack' });
  const logger = boltLogger(log);
  // The Web API client appends method names to the base URL: it must end with a slash.
  const clientOptions = { ...(o.apiUrl ? { slackApiUrl: o.apiUrl.replace(/\/*$/, '/') } : {}), retryConfig: o.retryConfig, logger };
  const receiver = o.appToken
    ? new SocketModeReceiver({ appToken: o.appToken, logger, installerOptions: { clientOptions } })
    : new HTTPReceiver({
        signingSecret: o.signingSecret ?? '',
        endpoints: '/slack/events',
        logger,
        // Slack waits 3 s for the ack; Bolt answers for us if a listener never acks.
        unhandledRequestTimeoutMillis: 2500,
      });
  const app = new App({
    token: o.botToken,
    receiver,
    logger,
    clientOptions,
    ...(o.identity ? { tokenVerificationEnabled: false, botId: o.identity.botId, botUserId: o.identity.botUserId } : {}),
  });

  const commands = [...o.core.registry.commands.map((c) => c.name), UMBRELLA];

  // Asking Slack who is an admin costs an API call: only for commands that change channel settings.
  const invocationFor = async (line: string, userId: string, channelId: string, client: WebClient): Promise<Invocation> => ({
    platform: 'slack',
    userId,
    channelId,
    canManage: o.canManage && needsManage(o.core.registry.commandOf(line)) ? await o.canManage(userId, client) : false,
  });

  const imagesFor = async (reply: Reply, client: WebClient): Promise<ChartImage[]> =>
    o.chartMode === 'url' || reply.tone === 'error' ? quickChartImages(reply, o.quickChartBaseUrl) : uploadCharts(client, reply);

  const shareButton = (line: string): SlackBlock | undefined => {
    const value = JSON.stringify({ line });
    if (value.length > SLACK.buttonValue) return undefined;
    return {
      type: 'actions',
      elements: [{ type: 'button', action_id: SHARE_ACTION, text: { type: 'plain_text', text: 'Share in channel' }, value }],
    };
  };

  // Replies from the core's cache are the same objects each time: their Block Kit can be reused too.
  const rendered = new WeakMap<Reply, Map<string, RespondArguments>>();
  const messageFor = async (reply: Reply, line: string, isPublic: boolean, client: WebClient): Promise<RespondArguments> => {
    const key = `${isPublic}|${line}`;
    const reusable = o.chartMode === 'url' && Object.isFrozen(reply);
    const hit = reusable ? rendered.get(reply)?.get(key) : undefined;
    if (hit) return hit;
    const images = await imagesFor(reply, client);
    // Sharing re-runs the line; an answer that depends on state (/briefing) is not shared that way.
    const shareable = !isPublic && !reply.inChannel && reply.tone === 'info' && !o.core.registry.commandOf(line)?.volatile;
    const actions = shareable ? shareButton(line) : undefined;
    const message: RespondArguments = {
      response_type: (isPublic || reply.inChannel) && reply.tone === 'info' ? 'in_channel' : 'ephemeral',
      ...toSlackMessage(reply, images, actions ? { actions } : {}),
    };
    if (reusable) {
      const forReply = rendered.get(reply) ?? new Map<string, RespondArguments>();
      forReply.set(key, message);
      rendered.set(reply, forReply);
    }
    return message;
  };

  // One listener for every command: Bolt runs each listener's matcher on every request, so eleven
  // listeners cost measurably more than one that reads the command's name.
  const pattern = new RegExp(`^/(${commands.map((c) => c.replace(/[^a-z0-9_-]/g, '')).join('|')})$`);
  app.command(pattern, async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & { client: WebClient }) => {
    const name = command.command.slice(1);
    let acked = false;
    try {
      const { text, public: isPublic } = splitVisibility(decodeSlackText(command.text ?? ''));
      const line = `/${name} ${text}`.trim();
      // Local rendering and uploading, or asking Slack whether the user is an admin, can take a moment:
      // acknowledge first (Slack allows 3 s) and answer by response_url.
      if (o.chartMode === 'upload' || needsManage(o.core.registry.commandOf(line))) {
        await ack();
        acked = true;
      }
      const reply = await o.core.ask(line, await invocationFor(line, command.user_id, command.channel_id, client));
      const message = await messageFor(reply, line, isPublic, client);
      if (acked) await respond(message);
      else {
        await ack(message as never);
        acked = true;
      }
    } catch (err) {
      const errorId = newErrorId();
      log.error({ err, errorId, command: name }, 'slash command failed');
      const apology = { response_type: 'ephemeral' as const, ...toSlackMessage(apologyReply(errorId)) };
      try {
        if (acked) await respond(apology);
        else await ack(apology as never);
      } catch (second) {
        log.error({ err: second, errorId }, 'could not send the apology');
      }
    }
  });

  app.action(SHARE_ACTION, async ({ ack, body, respond, client }) => {
    await ack();
    const errorId = newErrorId();
    try {
      const action = (body as { actions?: { value?: string }[] }).actions?.[0];
      const parsed = JSON.parse(action?.value ?? '{}') as { line?: unknown };
      if (typeof parsed.line !== 'string' || parsed.line.length > SLACK.buttonValue) throw new Error('share button without a command');
      const userId = body.user.id;
      const channelId = (body as { channel?: { id?: string } }).channel?.id ?? '';
      const reply = await o.core.ask(parsed.line, await invocationFor(parsed.line, userId, channelId, client));
      const images = await imagesFor(reply, client);
      await respond({ response_type: 'in_channel', replace_original: false, ...toSlackMessage(reply, images, { sharedBy: userId }) });
      await respond({ delete_original: true });
    } catch (err) {
      log.error({ err, errorId }, 'share failed');
      await respond({ response_type: 'ephemeral', replace_original: false, ...toSlackMessage(apologyReply(errorId)) }).catch(() => {});
    }
  });

  app.error(async (err) => {
    log.error({ err }, 'unhandled Slack error');
  });

  return {
    app,
    commands,
    async start() {
      if (o.appToken) {
        await app.start();
        log.info('Slack: connected in Socket Mode');
        return {};
      }
      const server = (await app.start(o.port)) as Server;
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : o.port;
      log.info({ port, path: '/slack/events' }, 'Slack: listening in HTTP mode');
      return { port };
    },
    async stop() {
      await app.stop();
    },
  };
}
