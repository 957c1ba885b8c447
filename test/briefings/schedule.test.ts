import { describe, expect, it } from 'vitest';
import { formatInZone, isTimeZone, nextRuns, parseSchedule, previousRun } from '../../src/briefings/schedule.js';

describe('schedules', () => {
  it.each([
    ['daily 09:00', '0 9 * * *'],
    ['weekdays 08:30', '30 8 * * 1-5'],
    ['weekly mon 09:00', '0 9 * * 1'],
    ['Weekly Friday 17:45', '45 17 * * 5'],
    ['monthly 1 09:00', '0 9 1 * *'],
    ['0 9 * * 1-5', '0 9 * * 1-5'],
  ])('%s → %s', (text, cron) => {
    const r = parseSchedule(text);
    expect(r.ok && r.schedule.cron).toBe(cron);
  });

  it.each(['daily 25:00', 'daily', 'weekly 09:00', 'monthly 31 09:00', '0 25 * * *', '* * *', 'sometimes', ''])('rejects %j with an example', (text) => {
    const r = parseSchedule(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problem).toContain('daily 09:00');
  });

  it('knows IANA time zones', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('UTC')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('Europe/Berlin; rm -rf')).toBe(false);
  });

  it('keeps local time across New York\'s March change (9:00 EST, then 9:00 EDT)', () => {
    const runs = nextRuns('0 9 * * *', 'America/New_York', new Date('2026-03-07T00:00:00Z'), 3).map((d) => d.toISOString());
    expect(runs).toEqual(['2026-03-07T14:00:00.000Z', '2026-03-08T13:00:00.000Z', '2026-03-09T13:00:00.000Z']);
  });

  it('keeps local time across Berlin\'s October change and runs once on the repeated hour', () => {
    const runs = nextRuns('30 2 * * *', 'Europe/Berlin', new Date('2026-10-24T12:00:00Z'), 3).map((d) => d.toISOString());
    expect(runs[0]).toBe('2026-10-25T00:30:00.000Z');
    expect(runs[1]).toBe('2026-10-26T01:30:00.000Z');
    expect(new Set(runs.map((r) => r.slice(0, 10))).size).toBe(3);
  });

  it('Asia/Shanghai has no DST: 09:00 is 01:00 UTC', () => {
    expect(nextRuns('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-28T02:00:00Z'), 1)[0]!.toISOString()).toBe('2026-11-29T01:00:00.000Z');
    expect(previousRun('0 9 * * *', 'Asia/Shanghai', new Date('2026-11-28T01:30:00Z'))!.toISOString()).toBe('2026-11-28T01:00:00.000Z');
    expect(formatInZone(new Date('2026-11-28T01:00:00Z'), 'Asia/Shanghai')).toContain('09:00');
  });
});
