import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { Reply } from '../../commands/reply.js';
import { DeliveryError, type Deliverer } from '../../briefings/scheduler.js';
import { toDiscordMessage } from '../../render/discord-message.js';
import { quickChartImages } from '../../render/images.js';
import { chartPngs } from '../shared/chart-pngs.js';

/** Discord error codes that retrying cannot fix: Unknown Channel, Missing Access, Missing Permissions… */
const PERMANENT_CODES = new Set([10003, 50001, 50013, 50007, 10004]);

/** Posts briefings through discord.js's REST client, which waits out 429s (Retry-After) by itself. */
export function discordDeliverer(rest: REST, charts: { mode: 'url' | 'upload'; quickChartBaseUrl: string }): Deliverer {
  return {
    async deliver(channelId: string, reply: Reply) {
      try {
        if (charts.mode === 'upload') {
          // Upload mode: the PNGs travel with the message as attachments; nothing goes to QuickChart.
          const pngs = chartPngs(reply);
          const images = pngs.map((p) => ({ kind: 'attachment' as const, name: p.name }));
          await rest.post(Routes.channelMessages(channelId), { body: toDiscordMessage(reply, images), files: pngs.map((p) => ({ name: p.name, data: p.png, contentType: 'image/png' })) });
          return;
        }
        await rest.post(Routes.channelMessages(channelId), { body: toDiscordMessage(reply, quickChartImages(reply, charts.quickChartBaseUrl)) });
      } catch (err) {
        if (err instanceof DiscordAPIError) {
          throw new DeliveryError(`${err.code}: ${err.message}`, PERMANENT_CODES.has(Number(err.code)) || err.status === 403 || err.status === 404);
        }
        throw new DeliveryError(err instanceof Error ? err.message : String(err), false);
      }
    },
  };
}
