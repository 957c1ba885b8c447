import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../commands/reply.js';
import { DeliveryError, type Deliverer } from '../../briefings/scheduler.js';
import { quickChartImages } from '../../render/images.js';
import { toSlackMessage } from '../../render/slack-message.js';
import { uploadCharts } from './chart-upload.js';

/** Slack errors that retrying cannot fix: the channel or the bot's access is gone. */
const PERMANENT = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'missing_scope', 'account_inactive', 'invalid_auth', 'token_revoked', 'restricted_action', 'team_access_not_granted']);

/**
 * Posts briefings with chat.postMessage. The Web API client honours Retry-After on 429 and retries
 * server errors by its retry policy; what still fails is classified here.
 */
export function slackDeliverer(client: WebClient, charts: { mode: 'url' | 'upload'; quickChartBaseUrl: string }): Deliverer {
  return {
    async deliver(channelId: string, reply: Reply) {
      try {
        const images = charts.mode === 'upload' ? await uploadCharts(client, reply) : quickChartImages(reply, charts.quickChartBaseUrl);
        await client.chat.postMessage({ channel: channelId, ...toSlackMessage(reply, images) });
      } catch (err) {
        const e = err as { code?: string; data?: { error?: string }; message?: string };
        const platformError = e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
        throw new DeliveryError(platformError ?? e.message ?? String(err), platformError !== undefined && PERMANENT.has(platformError));
      }
    },
  };
}
