import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { ConfigError } from '../config.js';
import { BRIEFING_KINDS } from './compose.js';
import { isTimeZone, parseSchedule } from './schedule.js';
import type { NewSubscription } from './store.js';

const entry = z.object({
  platform: z.enum(['slack', 'discord', 'console']),
  channel: z.string().trim().min(1),
  kind: z.enum(BRIEFING_KINDS).default('full'),
  schedule: z.string().trim().min(1),
  timezone: z.string().trim().optional(),
});

/**
 * Subscriptions the operator declares in BRIEFINGS (a JSON array, or the path of a JSON file with one):
 * [{"platform":"slack","channel":"C0123","kind":"mismatch","schedule":"weekdays 08:30","timezone":"Asia/Shanghai"}]
 * A bad entry stops start-up naming its index and field.
 */
export function declaredBriefings(value: string | undefined, defaultTz: string): NewSubscription[] {
  if (!value) return [];
  const fromFile = !value.trim().startsWith('[');
  if (fromFile && !existsSync(value)) throw new ConfigError(`BRIEFINGS: no such file ${value} (give a JSON array or a path to one)`);
  const where = fromFile ? value : 'BRIEFINGS';
  let json: unknown;
  try {
    json = JSON.parse(fromFile ? readFileSync(value, 'utf8') : value);
  } catch (err) {
    throw new ConfigError(`${where}: not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(json)) throw new ConfigError(`${where}: expected a JSON array of subscriptions`);
  return json.map((raw, i) => {
    const r = entry.safeParse(raw);
    if (!r.success) {
      const issue = r.error.issues[0]!;
      throw new ConfigError(`${where}: entry ${i}, field ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
    }
    const tz = r.data.timezone ?? defaultTz;
    if (!isTimeZone(tz)) throw new ConfigError(`${where}: entry ${i}, field timezone: "${tz}" is not an IANA time zone`);
    const s = parseSchedule(r.data.schedule);
    if (!s.ok) throw new ConfigError(`${where}: entry ${i}, field schedule: ${s.problem}`);
    return { platform: r.data.platform, channelId: r.data.channel, kind: r.data.kind, cron: s.schedule.cron, label: s.schedule.label, tz, createdBy: 'config', source: 'config' as const };
  });
}
