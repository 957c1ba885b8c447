import { createHash } from 'node:crypto';
import { DiscordAPIError, type REST } from '@discordjs/rest';
import { Routes, type APIMessage } from 'discord-api-types/v10';
import type { BriefingMessage } from '../../briefings/compose.js';
import { DeliveryError, type Deliverer, type DeliveryTarget } from '../../briefings/scheduler.js';
import type { Reply } from '../../framework/reply.js';
import { messages } from '../../i18n/messages.js';
import { briefingControls } from '../../render/controls.js';
import { chartFiles, toDiscordMessage } from './render.js';
import { messageCharts, type ChartOptions } from '../shared/chart-pngs.js';
import type { Logger } from '../../log.js';

/** Discord error codes that retrying cannot fix: Unknown Channel, Missing Access, Missing Permissions… */
const PERMANENT_CODES = new Set([10003, 10004, 50001, 50007, 50013]);
/** "A thread has already been created for this message": an earlier attempt got that far. */
const THREAD_EXISTS = 160004;

/**
 * The nonce of one part of one slot: Discord keeps the first message sent with a nonce (enforce_nonce)
 * and answers a second send with that message, so a slot taken over after a crash is not posted twice.
 */
export function nonceOf(t: DeliveryTarget, part: string): string {
  return createHash('sha256').update(`${t.subscription.id}|${t.slot}|${part}`).digest('base64url').slice(0, 25);
}

/** Posts briefings through REST with no retries of its own; Discord's per-route 429 waits are REST's. */
export function discordDeliverer(o: { rest: REST; charts: ChartOptions; componentSecret: string; log?: Pick<Logger, 'warn'> }): Deliverer {
  const post = async (t: DeliveryTarget, channelId: string, b: BriefingMessage, reply: Reply, part: string): Promise<APIMessage> => {
    const m = messages(b.lang);
    const charts = messageCharts(reply, o.charts, o.log);
    // Signed for where the message is: a click in a thread comes from the thread's own channel id.
    const controls = briefingControls(reply, { secret: o.componentSecret, channelId, more: b.more, m });
    const body = { ...toDiscordMessage(reply, { images: charts.images, controls, m }), nonce: nonceOf(t, part), enforce_nonce: true };
    const files = charts.uploads ? await chartFiles(charts) : undefined;
    return (await o.rest.post(Routes.channelMessages(channelId), { body, ...(files ? { files } : {}) })) as APIMessage;
  };
  return {
    async deliver(t, b) {
      try {
        const channel = t.subscription.channelId;
        if (t.subscription.layout === 'thread') {
          const headline = await post(t, channel, b, b.headline, 'headline');
          let thread = headline.id;
          try {
            const created = (await o.rest.post(Routes.threads(channel, headline.id), {
              body: { name: b.details.title.slice(0, 100), auto_archive_duration: 1440 },
            })) as { id: string };
            thread = created.id;
          } catch (err) {
            // A thread started from a message has the message's id; an earlier attempt may have made it.
            if (!(err instanceof DiscordAPIError && Number(err.code) === THREAD_EXISTS)) throw err;
          }
          await post(t, thread, b, b.details, 'details');
          return { messageRef: headline.id };
        }
        return { messageRef: (await post(t, channel, b, b.reply, 'whole')).id };
      } catch (err) {
        if (err instanceof DiscordAPIError)
          throw new DeliveryError(`${err.code}: ${err.message}`, PERMANENT_CODES.has(Number(err.code)) || err.status === 403 || err.status === 404);
        throw new DeliveryError(err instanceof Error ? err.message : String(err), false);
      }
    },
  };
}
