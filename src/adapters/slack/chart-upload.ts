import type { WebClient } from '@slack/web-api';
import type { Reply } from '../../commands/reply.js';
import type { ChartImage } from '../../render/images.js';
import { chartPngs } from '../shared/chart-pngs.js';

/**
 * Upload mode: renders the reply's charts locally and uploads them with files.uploadV2 (private to the
 * app), so the message can show them as slack_file images and no data goes to a third-party host.
 */
export async function uploadCharts(client: WebClient, reply: Reply): Promise<ChartImage[]> {
  const pngs = chartPngs(reply);
  if (pngs.length === 0) return [];
  const result = (await client.files.uploadV2({
    file_uploads: pngs.map((p) => ({ file: p.png, filename: p.name, title: p.title, alt_text: p.alt })),
  })) as unknown as { files?: { files?: { id?: string }[] }[] };
  const ids = (result.files ?? []).flatMap((f) => f.files ?? []).map((f) => f.id).filter((id): id is string => Boolean(id));
  return ids.map((id) => ({ kind: 'slack-file', id }));
}
