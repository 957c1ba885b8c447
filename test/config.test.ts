import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configSchema, ConfigError, platformsOf, readConfig } from '../src/config.js';
import { declaredBriefings } from '../src/briefings/declared.js';

describe('configuration', () => {
  it('.env.example lists exactly the variables the bot reads', () => {
    const listed = readFileSync('.env.example', 'utf8').match(/^[A-Z_]+(?==)/gm) ?? [];
    expect([...listed].sort()).toEqual(Object.keys(configSchema.shape).sort());
  });

  it('no tokens: console mode, with defaults', () => {
    const c = readConfig({});
    expect(platformsOf(c)).toEqual({ slack: false, discord: false });
    expect(c).toMatchObject({ DATA_DIR: 'data', CHART_MODE: 'url', PORT: 3000, BRIEFING_TZ: 'UTC', BRIEFING_GRACE_MINUTES: 60, DATABASE_PATH: 'var/anode-bot.db' });
  });

  it('names the variable, never its value', () => {
    const secret = 'xoxb-very-secret';
    let message = '';
    try {
      readConfig({ SLACK_BOT_TOKEN: secret });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toContain('SLACK_APP_TOKEN');
    expect(message).not.toContain(secret);
    expect(() => readConfig({ CHART_MODE: 'fax' })).toThrow(/CHART_MODE/);
    expect(() => readConfig({ BRIEFING_TZ: 'Mars/Base' })).toThrow(/BRIEFING_TZ/);
    expect(() => readConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  });

  it('reads declared briefings and names a bad entry', () => {
    const subs = declaredBriefings('[{"platform":"slack","channel":"C1","kind":"mismatch","schedule":"weekdays 08:30","timezone":"Asia/Shanghai"}]', 'UTC');
    expect(subs).toEqual([{ platform: 'slack', channelId: 'C1', kind: 'mismatch', cron: '30 8 * * 1-5', label: 'weekdays 08:30', tz: 'Asia/Shanghai', createdBy: 'config', source: 'config' }]);
    expect(() => declaredBriefings('[{"platform":"slack","channel":"C1","schedule":"hourly"}]', 'UTC')).toThrow(/entry 0, field schedule/);
    expect(() => declaredBriefings('[{"platform":"irc","channel":"C1","schedule":"daily 09:00"}]', 'UTC')).toThrow(/entry 0, field platform/);
    expect(() => declaredBriefings('no-such-file.json', 'UTC')).toThrow(/no such file/);
  });
});
