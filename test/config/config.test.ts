import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platforms } from '../../src/adapters/index.js';
import { baseSchema, readBaseConfig } from '../../src/config/config.js';
import { loadDotEnv, parseEnv, withoutEmpty } from '../../src/config/env.js';
import { ConfigError } from '../../src/config/errors.js';
import { slackPlatform } from '../../src/adapters/slack/index.js';
import { discordPlatform } from '../../src/adapters/discord/index.js';
import { pinnedDataDir } from '../support/core.js';

const ROOT = resolve('.');

describe('configuration from the environment', () => {
  it('defaults without any variable', () => {
    const c = readBaseConfig({});
    expect(c).toMatchObject({ DATA_DIR: 'data', CHART_MODE: 'url', PORT: 3000, BRIEFING_TZ: 'UTC', BRIEFING_GRACE_MINUTES: 60 });
  });

  it('an empty value means unset, everywhere (PORT=, CHART_DIR=, LOG_LEVEL=)', () => {
    const c = readBaseConfig(withoutEmpty({ PORT: '', CHART_DIR: '  ', LOG_LEVEL: '', BRIEFING_GRACE_MINUTES: '' }));
    expect(c).toMatchObject({ PORT: 3000, CHART_DIR: 'var/charts', BRIEFING_GRACE_MINUTES: 60 });
    expect(c.LOG_LEVEL).toBeUndefined();
  });

  it('a bad value stops start-up naming the variable, never its value', () => {
    expect(() => readBaseConfig({ PORT: 'eighty' })).toThrow('environment variable PORT: expected a port number');
    expect(() => readBaseConfig({ BRIEFING_TZ: 'Mars/Olympus' })).toThrow(/BRIEFING_TZ/);
    expect(() => readBaseConfig({ DATASET_EDITION: 'latest' })).toThrow(/DATASET_EDITION: expected the year of an edition/);
    expect(() => parseEnv(slackPlatform.env, { SLACK_BOT_TOKEN: 'xoxb-secret-value' })).toThrow(ConfigError);
    try {
      parseEnv(slackPlatform.env, { SLACK_BOT_TOKEN: 'xoxb-secret-value' });
    } catch (err) {
      expect((err as Error).message).toMatch(/SLACK_SIGNING_SECRET or SLACK_APP_TOKEN/);
      expect((err as Error).message).not.toContain('xoxb-secret-value');
    }
    expect(() => parseEnv(discordPlatform.env, { DISCORD_TOKEN: 't' })).toThrow(/DISCORD_APPLICATION_ID is needed/);
    expect(() => parseEnv(slackPlatform.env, { SLACK_CLIENT_ID: '1', SLACK_SIGNING_SECRET: 's' })).toThrow(
      /SLACK_CLIENT_SECRET is needed with SLACK_CLIENT_ID/,
    );
  });

  it('.env is read when present, and the environment wins over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anode-env-'));
    const file = join(dir, '.env');
    writeFileSync(file, 'ANODE_TEST_FROM_FILE=file\nANODE_TEST_BOTH=file\nANODE_TEST_EMPTY=\n');
    process.env.ANODE_TEST_BOTH = 'environment';
    loadDotEnv(file);
    expect(process.env.ANODE_TEST_FROM_FILE).toBe('file');
    expect(process.env.ANODE_TEST_BOTH).toBe('environment');
    expect(withoutEmpty(process.env).ANODE_TEST_EMPTY).toBeUndefined();
    loadDotEnv(join(dir, 'missing.env'));
  });

  it('.env.example lists every variable the bot reads, and no other', () => {
    const example = readFileSync('.env.example', 'utf8');
    const listed = new Set([...example.matchAll(/^#?\s?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] as string));
    const read = new Set([...Object.keys(baseSchema.shape), ...platforms.flatMap((p) => Object.keys(p.env.shape))]);
    expect([...read].filter((k) => !listed.has(k))).toEqual([]);
    expect([...listed].filter((k) => !read.has(k))).toEqual([]);
  });

  it('the shipped .env.example, copied as .env, starts the console unchanged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anode-dotenv-'));
    copyFileSync('.env.example', join(dir, '.env'));
    const env = readFileSync(join(dir, '.env'), 'utf8')
      .replace('DATA_DIR=data', `DATA_DIR=${pinnedDataDir()}`)
      .replace('DATABASE_PATH=var/anode-bot.db', `DATABASE_PATH=${join(dir, 'bot.db')}`);
    writeFileSync(join(dir, '.env'), env);
    const r = spawnSync(process.execPath, [join(ROOT, 'dist/main.js')], {
      cwd: dir,
      input: '/province Yunnan --no-such-flag\n/province Yunnan\nquit\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
      timeout: 20_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Yunnan · prebaked anodes 2024');
  });
});
