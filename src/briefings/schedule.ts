import { createRequire } from 'node:module';
import type CronParser from 'cron-parser';

let loaded: typeof CronParser | undefined;
/** cron-parser (and the date library under it) loads on first use: a one-shot CLI never needs it. */
function parser(): typeof CronParser {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  loaded = require('cron-parser') as typeof CronParser;
  // A date made without a zone (cron-parser makes one for "now", node-schedule for every tick) makes
  // luxon ask ICU for the system's zone and locale, which maps about 8 MB of ICU data into a process
  // that needs none: the tick is the same in every zone, and schedules in UTC (the default) are pure
  // arithmetic. Every date that matters names its zone; luxon's defaults only fill in the rest. The
  // luxon set is the one cron-parser itself resolves.
  const { Settings } = createRequire(require.resolve('cron-parser'))('luxon') as LuxonSettings;
  Settings.defaultZone = 'utc';
  Settings.defaultLocale = 'en-US';
  return loaded;
}

interface LuxonSettings {
  Settings: { defaultZone: string; defaultLocale: string };
}

/** node-schedule, for the tick, with the date library under it set up as above. */
export function loadNodeSchedule(): typeof import('node-schedule') {
  parser();
  return createRequire(import.meta.url)('node-schedule') as typeof import('node-schedule');
}

/** A validated schedule: a cron expression and how the user wrote it. */
export interface Schedule {
  cron: string;
  label: string;
}

/** What is wrong with a schedule, by part, so the reply can say which part to fix. */
export type ScheduleProblem =
  | { part: 'empty' }
  | { part: 'time'; preset: string; got: string | undefined }
  | { part: 'weekday'; got: string | undefined }
  | { part: 'monthday'; got: string | undefined }
  | { part: 'extra'; preset: string; got: string }
  | { part: 'cron'; got: string; detail: string }
  | { part: 'unknown'; got: string };

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; problem: ScheduleProblem };

const DAYS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

function time(text: string | undefined): { h: number; m: number } | undefined {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text ?? '');
  return m ? { h: Number(m[1]), m: Number(m[2]) } : undefined;
}

/**
 * "daily 09:00", "weekdays 08:30", "weekly mon 09:00", "monthly 1 09:00" or a five-field cron
 * expression. Validated here: node-schedule returns null, silently, for what it cannot parse.
 */
export function parseSchedule(text: string): ScheduleResult {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const fail = (problem: ScheduleProblem): ScheduleResult => ({ ok: false, problem });
  const [preset, a, b, extra] = words;
  if (!preset) return fail({ part: 'empty' });
  if (preset === 'daily' || preset === 'weekdays') {
    const t = time(a);
    if (!t) return fail({ part: 'time', preset, got: a });
    if (b !== undefined) return fail({ part: 'extra', preset, got: words.slice(2).join(' ') });
    return { ok: true, schedule: { cron: `${t.m} ${t.h} * * ${preset === 'daily' ? '*' : '1-5'}`, label: `${preset} ${a}` } };
  }
  if (preset === 'weekly') {
    const day = DAYS[(a ?? '').slice(0, 3)];
    if (day === undefined) return fail({ part: 'weekday', got: a });
    const t = time(b);
    if (!t) return fail({ part: 'time', preset, got: b });
    if (extra !== undefined) return fail({ part: 'extra', preset, got: words.slice(3).join(' ') });
    return { ok: true, schedule: { cron: `${t.m} ${t.h} * * ${day}`, label: `weekly ${a!.slice(0, 3)} ${b}` } };
  }
  if (preset === 'monthly') {
    const day = Number(a);
    if (!Number.isInteger(day) || day < 1 || day > 28) return fail({ part: 'monthday', got: a });
    const t = time(b);
    if (!t) return fail({ part: 'time', preset, got: b });
    if (extra !== undefined) return fail({ part: 'extra', preset, got: words.slice(3).join(' ') });
    return { ok: true, schedule: { cron: `${t.m} ${t.h} ${day} * *`, label: `monthly ${day} ${b}` } };
  }
  if (words.length === 5) {
    try {
      parser().parseExpression(words.join(' '));
      return { ok: true, schedule: { cron: words.join(' '), label: `cron ${words.join(' ')}` } };
    } catch (err) {
      return fail({ part: 'cron', got: words.join(' '), detail: (err as Error).message });
    }
  }
  return fail({ part: 'unknown', got: text.trim().slice(0, 40) });
}

/** An IANA time zone name the runtime knows ("Europe/Berlin", "Asia/Shanghai", "UTC"). */
export function isTimeZone(tz: string): boolean {
  // The default needs no Intl: the first DateTimeFormat with a zone loads ICU's zone data (17 ms of start-up).
  if (tz === 'UTC') return true;
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The next `n` run times after `from`, in absolute time. Five fields are what users write; six (with
 * seconds first) are accepted here for tests that need slots seconds apart.
 */
export function nextRuns(cron: string, tz: string, from: Date, n: number): Date[] {
  const it = parser().parseExpression(cron, { currentDate: from, tz });
  return Array.from({ length: n }, () => it.next().toDate());
}

/** The latest run time at or before `at` (for catching up a missed slot), or undefined. */
export function previousRun(cron: string, tz: string, at: Date): Date | undefined {
  // A fire time at `at` itself counts (prev() is strictly before its start); one a moment later does
  // not: a slot is never due, so never posted, before its time.
  const it = parser().parseExpression(cron, { currentDate: new Date(at.getTime() + 1), tz });
  try {
    return it.prev().toDate();
  } catch {
    return undefined;
  }
}

const zoned = new Map<string, Intl.DateTimeFormat>();

/** "Mon 2 Dec, 09:00 CET" (with the year) in the subscription's own time zone and the reader's language. */
export function formatInZone(date: Date, tz: string, locale: 'en' | 'zh-CN' = 'en'): string {
  const key = `${locale}|${tz}`;
  let f = zoned.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', {
      timeZone: tz,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    zoned.set(key, f);
  }
  return f.format(date);
}

/**
 * Zones as people name them, in English and Chinese: China has one zone, Asia/Shanghai, which IANA
 * names after Shanghai, not Beijing; and the export markets' capitals.
 */
const ZONE_NAMES: Record<string, string> = {
  beijing: 'Asia/Shanghai',
  peking: 'Asia/Shanghai',
  china: 'Asia/Shanghai',
  shanghai: 'Asia/Shanghai',
  北京: 'Asia/Shanghai',
  北京时间: 'Asia/Shanghai',
  上海: 'Asia/Shanghai',
  中国: 'Asia/Shanghai',
  香港: 'Asia/Hong_Kong',
  台北: 'Asia/Taipei',
  东京: 'Asia/Tokyo',
  新加坡: 'Asia/Singapore',
  吉隆坡: 'Asia/Kuala_Lumpur',
  雅加达: 'Asia/Jakarta',
  迪拜: 'Asia/Dubai',
  莫斯科: 'Europe/Moscow',
  奥斯陆: 'Europe/Oslo',
  伦敦: 'Europe/London',
  柏林: 'Europe/Berlin',
  纽约: 'America/New_York',
};

/** The IANA zone for a name people use ("北京", "Beijing" → Asia/Shanghai), or the text as it is. */
export function zoneNamed(text: string): string {
  return ZONE_NAMES[text.trim().toLowerCase()] ?? text.trim();
}

/** Time zone names for "did you mean": "Berlin" → Europe/Berlin. */
export function zonesLike(text: string, limit = 3): string[] {
  const t = text.trim().toLowerCase().replace(/\s+/g, '_');
  if (!t) return [];
  const all = Intl.supportedValuesOf('timeZone');
  const exact = all.filter((z) => z.toLowerCase().split('/').at(-1) === t);
  const partial = all.filter((z) => z.toLowerCase().includes(t));
  return [...new Set([...exact, ...partial])].slice(0, limit);
}
