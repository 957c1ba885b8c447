import type { WebClient } from '@slack/web-api';
import { DeliveryError, type Deliverer, type DeliveryTarget } from '../../briefings/scheduler.js';
import type { BriefingMessage } from '../../briefings/compose.js';
import { messages } from '../../i18n/messages.js';
import { briefingControls } from '../../render/controls.js';
import type { ChartImage } from '../../render/images.js';
import { messageCharts, type ChartOptions, type MessageCharts } from '../shared/chart-pngs.js';
import type { Logger } from '../../log.js';
import { toSlackMessage, type SlackMessage } from './render.js';
import type { Reply } from '../../framework/reply.js';

/** Slack errors that retrying cannot fix: the channel or the bot's access is gone. */
const PERMANENT = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'invalid_auth',
  'token_revoked',
  'restricted_action',
  'team_access_not_granted',
  'not_authed',
  'no_installation',
]);

/** The event type of the metadata every briefing carries: what a taken-over slot looks for. */
export const BRIEFING_EVENT = 'anode_briefing';

export interface SlackDelivererOptions {
  /** The Web API client for a workspace (its own token in OAuth mode): no retries of its own. */
  clientFor(workspace: { workspaceId: string | null; enterpriseId?: string | null | undefined }): Promise<WebClient>;
  /** Chart mode, QuickChart and Slack's image URL limit. */
  charts: ChartOptions;
  componentSecret: string;
  /** Uploads the charts a message cannot link and returns every chart's image, uploaded ones as Slack files. */
  upload(client: WebClient, charts: MessageCharts): Promise<readonly ChartImage[]>;
  log?: Pick<Logger, 'warn'>;
  /** Slack refused the token itself (revoked, app removed): the adapter reports itself not ready. */
  onRefusedToken?(code: string): void;
}

/** Slack errors that say the token itself is refused (not the channel): the operator must fix the token. */
export const REFUSED_TOKEN = new Set(['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive', 'token_expired']);

function classify(err: unknown): DeliveryError {
  const e = err as { code?: string; data?: { error?: string }; message?: string; retryAfter?: number };
  if (e.code === 'slack_webapi_rate_limited_error') return new DeliveryError('rate limited', false, (e.retryAfter ?? 1) * 1000);
  const platformError = e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
  // The app's scopes are the operator's to fix, not a sign the channel is gone: retried, never paused.
  if (platformError === 'missing_scope') {
    const needed = (e.data as { needed?: string } | undefined)?.needed;
    return new DeliveryError(`missing_scope: the Slack app lacks ${needed ?? 'a scope'}; reinstall it with the manifest of npm run slack:manifest`, false);
  }
  if (e.message === 'no_installation') return new DeliveryError('no installation for this workspace', true);
  return new DeliveryError(platformError ?? e.message ?? String(err), platformError !== undefined && PERMANENT.has(platformError));
}

/**
 * Posts briefings with chat.postMessage, each message carrying metadata that names its slot. A slot
 * taken over after a crash first looks for that metadata among the channel's recent messages, so a
 * briefing the dead process had already posted is not posted again. Long because the caches it keeps
 * per channel and the post they serve are one piece: splitting them would pass the caches around.
 */
export function slackDeliverer(o: SlackDelivererOptions): Deliverer {
  // Uploaded charts are kept per channel (where they are shared), so a part is uploaded once per
  // channel; chart URLs are made once per reply by quickChartImages. The message around them is built
  // per post, since its controls are signed for the channel. (Whole messages kept per channel, up to
  // 2,000 of them at some 15 KB each, were about a third of a large slot's memory growth.)
  const uploaded = new Map<string, readonly ChartImage[]>();
  const imagesFor = async (client: WebClient, b: BriefingMessage, reply: Reply, channelId: string): Promise<readonly ChartImage[]> => {
    const charts = messageCharts(reply, o.charts, o.log);
    if (!charts.uploads) return charts.images;
    const key = `${b.key}|${reply === b.details ? 'd' : reply === b.headline ? 'h' : 'w'}|${channelId}`;
    const made = uploaded.get(key) ?? (await o.upload(client, charts));
    if (uploaded.size > 2000) uploaded.clear();
    uploaded.set(key, made);
    return made;
  };
  const render = async (client: WebClient, b: BriefingMessage, reply: Reply, channelId: string): Promise<SlackMessage> => {
    const m = messages(b.lang);
    const controls = briefingControls(reply, { secret: o.componentSecret, channelId, more: b.more, m });
    return toSlackMessage(reply, { images: await imagesFor(client, b, reply, channelId), controls, m });
  };
  const metadata = (t: DeliveryTarget, part: 'headline' | 'details' | 'whole') => ({
    event_type: BRIEFING_EVENT,
    event_payload: { subscription: t.subscription.id, slot: t.slot, part },
  });

  /** A message of this slot already in the channel (or in the thread), from an earlier attempt. */
  const alreadyPosted = async (client: WebClient, t: DeliveryTarget, part: string, thread?: string): Promise<string | undefined> => {
    const oldest = String(Math.floor(Date.parse(t.slot) / 1000) - 60);
    const page = thread
      ? await client.conversations.replies({ channel: t.subscription.channelId, ts: thread, oldest, limit: 50, include_all_metadata: true })
      : await client.conversations.history({ channel: t.subscription.channelId, oldest, limit: 100, include_all_metadata: true });
    const found = (page.messages ?? []).find((msg) => {
      const md = (msg as { metadata?: { event_type?: string; event_payload?: { subscription?: number; slot?: string; part?: string } } }).metadata;
      return (
        md?.event_type === BRIEFING_EVENT &&
        md.event_payload?.subscription === t.subscription.id &&
        md.event_payload?.slot === t.slot &&
        md.event_payload?.part === part
      );
    });
    return found?.ts;
  };

  /** Posts one part, unless a resumed slot finds it in the channel already (then `found`). */
  const post = async (
    client: WebClient,
    t: DeliveryTarget,
    message: SlackMessage,
    part: 'headline' | 'details' | 'whole',
    thread?: string,
  ): Promise<{ ts: string; found: boolean }> => {
    if (t.resumed) {
      const ts = await alreadyPosted(client, t, part, thread);
      if (ts) return { ts, found: true };
    }
    const res = await client.chat.postMessage({
      channel: t.subscription.channelId,
      ...message,
      metadata: metadata(t, part),
      ...(thread ? { thread_ts: thread } : {}),
    });
    return { ts: String(res.ts ?? ''), found: false };
  };

  return {
    // Slack's limits are per workspace and method, and briefings post with chat.postMessage (the
    // channel check of a resumed slot, conversations.history, is rare and has a laxer tier).
    rateScopes: (s) => [`slack:${s.enterpriseId ?? ''}:${s.workspaceId ?? ''}:chat.postMessage`],
    async deliver(t: DeliveryTarget, b: BriefingMessage) {
      try {
        const client = await o.clientFor(t.subscription);
        if (t.subscription.layout === 'thread') {
          const headline = await post(client, t, await render(client, b, b.headline, t.subscription.channelId), 'headline');
          const details = await post(client, t, await render(client, b, b.details, t.subscription.channelId), 'details', headline.ts);
          return { messageRef: headline.ts, alreadyPosted: headline.found && details.found };
        }
        const whole = await post(client, t, await render(client, b, b.reply, t.subscription.channelId), 'whole');
        return { messageRef: whole.ts, alreadyPosted: whole.found };
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error;
        if (code && REFUSED_TOKEN.has(code)) o.onRefusedToken?.(code);
        throw err instanceof DeliveryError ? err : classify(err);
      }
    },
  };
}
