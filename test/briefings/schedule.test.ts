import { afterEach, describe, expect, it } from 'vitest';
import { loadNodeSchedule, nextRuns, previousRun } from '../../src/briefings/schedule.js';

const realDateTimeFormat = Intl.DateTimeFormat;
afterEach(() => {
  Intl.DateTimeFormat = realDateTimeFormat;
});

/** Counts the DateTimeFormats made (each one maps ICU's date data into the process) while `run` runs. */
async function dateFormatsMadeBy(run: () => Promise<void> | void): Promise<number> {
  let made = 0;
  Intl.DateTimeFormat = new Proxy(realDateTimeFormat, {
    construct(target, args) {
      made++;
      return new target(...(args as ConstructorParameters<typeof Intl.DateTimeFormat>));
    },
  });
  await run();
  return made;
}

describe('schedule times', () => {
  // Runs first: luxon caches the system locale once asked, which would hide a lookup made later.
  it('the tick and UTC schedules are worked out without ICU, which would map 8 MB into an idle bot', async () => {
    const made = await dateFormatsMadeBy(async () => {
      expect(nextRuns('0 9 * * *', 'UTC', new Date('2026-12-06T10:00:00Z'), 2)).toEqual([new Date('2026-12-07T09:00:00Z'), new Date('2026-12-08T09:00:00Z')]);
      expect(previousRun('0 9 * * *', 'UTC', new Date('2026-12-06T10:00:00Z'))).toEqual(new Date('2026-12-06T09:00:00Z'));
      const schedule = loadNodeSchedule();
      const job = schedule.scheduleJob('*/5 * * * * *', () => {});
      expect(job?.nextInvocation()).toBeTruthy();
      job?.cancel();
    });
    expect(made).toBe(0);
  });

  it('a schedule in a zone keeps its wall-clock time across daylight saving, and is due at that time, not before', () => {
    // Berlin leaves winter time on 29 March 2026: 08:30 is 07:30 UTC before, 06:30 UTC after.
    expect(nextRuns('30 8 * * *', 'Europe/Berlin', new Date('2026-03-27T12:00:00Z'), 3)).toEqual([
      new Date('2026-03-28T07:30:00Z'),
      new Date('2026-03-29T06:30:00Z'),
      new Date('2026-03-30T06:30:00Z'),
    ]);
    expect(nextRuns('0 9 * * 1-5', 'Asia/Shanghai', new Date('2026-12-04T02:00:00Z'), 2)).toEqual([
      new Date('2026-12-07T01:00:00Z'),
      new Date('2026-12-08T01:00:00Z'),
    ]);
    const fire = new Date('2026-03-29T06:30:00Z');
    expect(previousRun('30 8 * * *', 'Europe/Berlin', fire)).toEqual(fire);
    expect(previousRun('30 8 * * *', 'Europe/Berlin', new Date(fire.getTime() - 1))).toEqual(new Date('2026-03-28T07:30:00Z'));
  });
});
