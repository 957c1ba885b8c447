import { existsSync, readFileSync } from 'node:fs';
import * as z from 'zod';
import { ConfigError } from '../config/errors.js';
import { en } from '../i18n/en.js';
import { BRIEFING_KINDS, LAYOUTS } from './kinds.js';
import { isTimeZone, parseSchedule } from './schedule.js';
import type { NewSubscription } from './subscriptions.js';

/**
 * Subscriptions the operator declares in BRIEFINGS (a JSON array, or the path of a JSON file with one):
 * [{"platform":"slack","channel":"C0123","kind":"mismatch","schedule":"weekdays 08:30","timezone":"Asia/Shanghai"}]
 * A bad entry stops start-up naming its index and field.
 */
export function declaredBriefings(value: string | undefined, defaultTz: string, platforms: readonly string[]): Omit<NewSubscription, 'lastEdition'>[] {
  if (!value) return [];
  const entry = z.object({
    platform: z.string().refine((p) => platforms.includes(p), `expected one of: ${platforms.join(', ')}`),
    channel: z.string().trim().min(1),
    workspace: z.string().trim().min(1).optional(),
    kind: z.enum(BRIEFING_KINDS).default('full'),
    schedule: z.string().trim().min(1),
    timezone: z.string().trim().optional(),
    layout: z.enum(LAYOUTS).default('compact'),
    onlyNewData: z.boolean().default(false),
  });
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
    if (!s.ok) throw new ConfigError(`${where}: entry ${i}, field schedule: ${en.briefing.scheduleProblem(s.problem)}`);
    return {
      platform: r.data.platform,
      channelId: r.data.channel,
      workspaceId: r.data.workspace ?? null,
      kind: r.data.kind,
      cron: s.schedule.cron,
      label: s.schedule.label,
      tz,
      layout: r.data.layout,
      onlyNewData: r.data.onlyNewData,
      createdBy: 'config',
      source: 'config' as const,
    };
  });
}
