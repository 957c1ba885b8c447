import { shiftPoint } from '../../src/format/numbers.js';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discordTitle } from '../support/platform-limits.js';
import { sharedData } from '../support/process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const env = () => ({
  PATH: process.env.PATH ?? '',
  HOME: mkdtempSync(join(tmpdir(), 'anode-home-')),
  DATA_DIR: sharedData(),
  CHART_DIR: mkdtempSync(join(tmpdir(), 'anode-charts-')),
  LANG: 'C.UTF-8',
});
const run = (script: string, args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [join(ROOT, script), ...args], { cwd: ROOT, env: { ...env(), ...extra }, encoding: 'utf8', timeout: 30_000 });

describe('the command-line tools', () => {
  it('an unknown flag gets one line and the usage, exit 2, never a stack trace', () => {
    for (const [script, args] of [
      ['dist/bin/ask.js', ['/province Yunnan', '--bogus']],
      ['dist/bin/slack-manifest.js', ['--bogus']],
      ['dist/bin/briefing.js', ['--bogus']],
      ['dist/bin/discord-register.js', ['--bogus']],
      ['dist/bin/anode-bot.js', ['bogus']],
      ['dist/main.js', ['--bogus']],
    ] as const) {
      const r = run(script, [...args]);
      expect(r.status, script).toBe(2);
      expect(r.stderr, script).toMatch(/usage: /);
      expect(r.stderr, script).not.toMatch(/^\s+at /m);
      // One line for the problem, then the usage as --help prints it, nothing more.
      const usage = run(script, ['--help']).stdout.trim();
      expect(r.stderr.trim().split('\n').length, script).toBeLessThanOrEqual(1 + usage.split('\n').length);
    }
    expect(run('dist/bin/ask.js', ['/province Yunnan', '--format', 'xml']).stderr).toMatch(/--format must be text, slack, discord or feishu/);
  });

  it('--help on the executable and on every subcommand prints the usage on stdout and exits 0', () => {
    for (const [script, args] of [
      ['dist/bin/anode-bot.js', ['--help']],
      ['dist/bin/anode-bot.js', ['help']],
      ['dist/bin/anode-bot.js', ['ask', '--help']],
      ['dist/bin/anode-bot.js', ['briefing', '-h']],
      ['dist/bin/anode-bot.js', ['data-check', '--help']],
      ['dist/bin/anode-bot.js', ['slack-manifest', '--help']],
      ['dist/bin/anode-bot.js', ['discord-register', '--help']],
      ['dist/bin/ask.js', ['--help']],
      ['dist/main.js', ['--help']],
    ] as const) {
      const r = run(script, [...args]);
      expect(r.status, `${script} ${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout, `${script} ${args.join(' ')}`).toMatch(/^usage: /);
      expect(r.stderr).toBe('');
    }
  });

  it('discord:register with Discord unreachable: one line naming the host and the variable, exit 1', () => {
    const r = run('dist/bin/discord-register.js', [], {
      DISCORD_TOKEN: 'discord-offline',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot reach http:\/\/127\.0\.0\.1:9\/api \(ECONNREFUSED\); check DISCORD_API_URL/);
    expect(r.stderr).not.toContain('discord-offline');
    const debug = run('dist/bin/discord-register.js', [], {
      DISCORD_TOKEN: 'discord-offline',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
      LOG_LEVEL: 'debug',
    });
    expect(debug.stderr).toMatch(/^\s+at /m);
  });

  it('npm run --silent ask … | jq-style: stdout is the JSON alone, as the README pipes it', () => {
    const r = spawnSync('npm', ['run', '--silent', 'ask', '--', '/exports top 5', '--format', 'slack'], {
      cwd: ROOT,
      env: { ...env(), npm_config_update_notifier: 'false' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { blocks: unknown[] }).blocks[0]).toBeDefined();
  });

  it('ask --dry-run prints only the command a question was read as (exit 0), or what it would say instead (exit 3)', () => {
    for (const [q, line] of [
      ['yunnan utilization?', '/utilization Yunnan'],
      ['top 5 export destinations last year', '/exports top 5 2023'],
      ['compare henan and xinjiang', '/compare Henan Xinjiang'],
      ['山东和河南对比一下', '/compare Shandong Henan'],
      ['/exports top 5 2023', '/exports top 5 2023'],
    ]) {
      const r = run('dist/bin/anode-bot.js', ['ask', '--dry-run', q!]);
      expect(r.status, q).toBe(0);
      expect(r.stdout, q).toBe(`${line}\n`);
    }
    for (const q of ['what is the price of anodes', 'which province is top', '你好']) {
      const r = run('dist/bin/anode-bot.js', ['ask', '--dry-run', q]);
      expect(r.status, q).toBe(3);
      expect(r.stdout.length, q).toBeGreaterThan(10);
    }
  });

  it('a question in words answers with the command it understood on top', () => {
    const r = run('dist/bin/ask.js', ['compare henan and xinjiang', '--no-png']);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('→ /compare Henan Xinjiang');
    const zh = run('dist/bin/ask.js', ['内蒙古缺口多大', '--no-png']);
    expect(zh.stdout.split('\n')[0]).toBe('→ 理解为 /province Inner Mongolia');
  });

  it('--format slack and discord write only the JSON to stdout', () => {
    for (const format of ['slack', 'discord']) {
      const r = run('dist/bin/ask.js', ['/province Yunnan', '--format', format], { LOG_LEVEL: 'debug' });
      expect(r.status, r.stderr).toBe(0);
      const payload = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(payload[format === 'slack' ? 'blocks' : 'components']).toBeDefined();
    }
  });

  it('the bin entry answers like npm run ask (npx anode-bot ask …)', () => {
    const r = run('dist/bin/anode-bot.js', ['ask', '/exports top 3', '--format', 'discord']);
    expect(r.status, r.stderr).toBe(0);
    expect(discordTitle(JSON.parse(r.stdout))).toBe('Anode exports 2024: top 3 destinations');
  });

  it('a closed pipe ends quietly (| head), with no EPIPE trace', () => {
    const r = spawnSync(
      'bash',
      ['-c', `set -o pipefail; "${process.execPath}" dist/bin/ask.js "/table 3" --full --no-png | head -c 20 > /dev/null; echo "status \${PIPESTATUS[0]}"`],
      { cwd: ROOT, env: env(), encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('status 0');
    expect(r.stderr).toBe('');
  });

  it('a mistake in the command is a reply (exit 0); bad data stops with one line naming file, row and field (exit 1)', () => {
    const typo = run('dist/bin/ask.js', ['/province Yunan', '--no-png']);
    expect(typo.status).toBe(0);
    expect(typo.stdout).toContain('Did you mean Yunnan?');
    const data = mkdtempSync(join(tmpdir(), 'anode-bad-'));
    spawnSync('cp', ['-r', join(ROOT, 'data/2024'), join(ROOT, 'data/names.csv'), data]);
    const t2 = join(data, '2024/production-by-province.csv');
    writeFileSync(t2, readFileSync(t2, 'utf8').replace('Yunnan,province,1.70', 'Yunnan,province,lots'));
    const bad = run('dist/bin/ask.js', ['/overview'], { DATA_DIR: data });
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toMatch(/^anode-bot: cannot start: bad data file: .*2024\/production-by-province\.csv: row 6 \(Yunnan\), field capacity_mt/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('answers in Chinese with --lang zh, or when LANG or LC_ALL says zh_*', () => {
    const yunnan = run('dist/bin/ask.js', ['/province 云南', '--lang', 'zh', '--no-png']);
    expect(yunnan.status, yunnan.stderr).toBe(0);
    expect(yunnan.stdout).toContain('云南 · 2024年预焙阳极');
    for (const label of ['产能', '产量', '产能利用率']) expect(yunnan.stdout).toMatch(new RegExp(`^  ${label}\\s+`, 'm'));
    const english = run('dist/bin/ask.js', ['/province Yunnan', '--no-png']);
    // Every figure of every field line, its source left aside: the same numbers in both languages.
    // Chinese tonnages are in 万吨: the same digits with the point moved (1.70 Mt is 170万吨).
    const figures = (t: string) =>
      t
        .split('\n')
        .filter((l) => /^ {2}\S.*\[.*\]$/.test(l))
        .map((l) =>
          [
            ...l
              .replace(/\s+\[.*\]$/, '')
              .replace(/^ {2}\S+(\s\S+)*?\s{2,}/, '')
              .matchAll(/([−+]?\d[\d,.]*)\s?(Mt|kt)?/g),
          ]
            .map(([, n = '', unit]) => (unit ? shiftPoint(n, unit === 'Mt' ? 2 : -1) : n))
            .join(' '),
        );
    expect(figures(yunnan.stdout)).toEqual(figures(english.stdout));
    expect(figures(yunnan.stdout)).toHaveLength(11);
    expect(run('dist/bin/ask.js', ['/mismatch', '--no-png'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('区域阳极供需错配 · 2024年');
    expect(run('dist/bin/ask.js', ['/mismatch', '--no-png'], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }).stdout).toContain('区域阳极供需错配');
    expect(run('dist/bin/ask.js', ['/mismatch', '--no-png', '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).stdout).toContain('Regional anode mismatch');
    expect(run('dist/bin/ask.js', ['/mismatch', '--lang', 'fr']).status).toBe(2);
  });

  it("data:check lists the paper's inconsistencies and rounding gaps, correcting nothing", () => {
    const r = run('dist/bin/data-check.js', []);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/86 findings: 2 beyond rounding, 1 soft tension \(note\), 83 within rounding\. Nothing is corrected\./);
    expect(r.stdout).toMatch(/WARN .* Qinghai utilization_pct/);
  });
});
