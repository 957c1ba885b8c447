import parser from 'cron-parser';

/** A validated schedule: a five-field cron expression and how the user wrote it. */
export interface Schedule {
  cron: string;
  label: string;
}

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; problem: string };

export const SCHEDULE_EXAMPLES = ['daily 09:00', 'weekdays 08:30', 'weekly mon 09:00', 'monthly 1 09:00', '0 9 * * 1-5'];

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
  const problem = (what: string): ScheduleResult => ({ ok: false, problem: `${what}. Try for example: ${SCHEDULE_EXAMPLES.join(', ')}` });
  const [preset, a, b] = words;
  if (preset === 'daily' || preset === 'weekdays') {
    const t = time(a);
    if (!t || words.length !== 2) return problem(`"${preset}" needs a time like 09:00`);
    return { ok: true, schedule: { cron: `${t.m} ${t.h} * * ${preset === 'daily' ? '*' : '1-5'}`, label: `${preset} ${a}` } };
  }
  if (preset === 'weekly') {
    const day = DAYS[(a ?? '').slice(0, 3)];
    const t = time(b);
    if (day === undefined || !t || words.length !== 3) return problem('"weekly" needs a day and a time, like weekly mon 09:00');
    return { ok: true, schedule: { cron: `${t.m} ${t.h} * * ${day}`, label: `weekly ${a!.slice(0, 3)} ${b}` } };
  }
  if (preset === 'monthly') {
    const day = Number(a);
    const t = time(b);
    if (!Number.isInteger(day) || day < 1 || day > 28 || !t || words.length !== 3) return problem('"monthly" needs a day from 1 to 28 and a time, like monthly 1 09:00');
    return { ok: true, schedule: { cron: `${t.m} ${t.h} ${day} * *`, label: `monthly ${day} ${b}` } };
  }
  if (words.length === 5) {
    try {
      parser.parseExpression(words.join(' '));
      return { ok: true, schedule: { cron: words.join(' '), label: `cron ${words.join(' ')}` } };
    } catch (err) {
      return problem(`"${words.join(' ')}" is not a valid cron expression (${(err as Error).message})`);
    }
  }
  return problem(words.length === 0 ? 'A schedule is needed' : `"${text.trim().slice(0, 40)}" is not a schedule I know`);
}

/** An IANA time zone name the runtime knows ("Europe/Berlin", "Asia/Shanghai", "UTC"). */
export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** The next `n` run times after `from`, in absolute time. */
export function nextRuns(cron: string, tz: string, from: Date, n: number): Date[] {
  const it = parser.parseExpression(cron, { currentDate: from, tz });
  return Array.from({ length: n }, () => it.next().toDate());
}

/** The latest run time at or before `at` (for catching up a missed slot), or undefined. */
export function previousRun(cron: string, tz: string, at: Date): Date | undefined {
  const it = parser.parseExpression(cron, { currentDate: new Date(at.getTime() + 1000), tz });
  try {
    return it.prev().toDate();
  } catch {
    return undefined;
  }
}

/** "Mon 2 Dec 09:00 CET" in the subscription's own time zone. */
export function formatInZone(date: Date, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' }).format(date);
}
