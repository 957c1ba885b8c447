import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.js';
import { sharedData } from '../support/process.js';
import { newSubscription } from '../support/subscriptions.js';

const ROOT = resolve(import.meta.dirname, '../..');
const MAIN = join(ROOT, 'dist/main.js');

/** The environment of a user with no chat tokens: the console, in a folder of their own. */
function userEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: mkdtempSync(join(tmpdir(), 'anode-home-')),
    DATA_DIR: sharedData(),
    CHART_DIR: mkdtempSync(join(tmpdir(), 'anode-charts-')),
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'anode-db-')), 'bot.db'),
    LANG: 'C.UTF-8',
  };
}

describe('the console through a pipe', () => {
  it('answers line by line with no prompt in the output; bare help works, quit ends it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'anode-cwd-'));
    const r = spawnSync(process.execPath, [MAIN], {
      cwd,
      env: userEnv(),
      input: '/province Yunnan\nprovince yunnan\nhelp\nquit\n/overview\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('anode›');
    expect(r.stdout.match(/Yunnan · prebaked anodes 2024/g)).toHaveLength(2);
    expect(r.stdout).toContain('anode-bot commands');
    // Nothing after quit is answered.
    expect(r.stdout).not.toContain('overview ·');
    // No escape codes when the output is not a terminal.
    expect(r.stdout).not.toMatch(/\x1b\[/);
    // History is kept only for a terminal.
    expect(existsSync(join(cwd, 'var/console-history'))).toBe(false);
  });

  it('the build: its own data folder is read as the build validated it, any other is validated in full', () => {
    const loaded = (dataDir: string) => {
      const r = spawnSync(process.execPath, [MAIN], {
        cwd: ROOT,
        env: { ...userEnv(), DATA_DIR: dataDir, LOG_LEVEL: 'info' },
        input: '/province Yunnan\nquit\n',
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toContain('Yunnan · prebaked anodes 2024');
      return JSON.parse(r.stderr.split('\n').find((l) => l.includes('"dataset loaded"')) ?? '{}') as { validated?: string };
    };
    // The build (npm test builds first) validated data/, read from the repository's root.
    expect(loaded('data').validated).toBe('build');
    expect(loaded(sharedData()).validated).toBe('now');
  });

  it('/language changes the language of this console session, and says so', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'anode-cwd-'));
    const env = userEnv();
    const r = spawnSync(process.execPath, [MAIN], {
      cwd,
      env,
      input: '/language zh\n/province 山东\n/language en\n/province Shandong\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('语言已设置');
    expect(r.stdout).toContain('山东 · 2024年预焙阳极');
    expect(r.stdout.indexOf('山东 · 2024年预焙阳极')).toBeLessThan(r.stdout.lastIndexOf('Shandong · prebaked anodes 2024'));
    // The next session starts from LANG again, not from the last session's choice.
    const next = spawnSync(process.execPath, [MAIN], { cwd, env, input: '/language zh\n', encoding: 'utf8', timeout: 30_000 });
    void next;
    const after = spawnSync(process.execPath, [MAIN], { cwd, env, input: '/province 山东\n', encoding: 'utf8', timeout: 30_000 });
    expect(after.stdout).toContain('Shandong · prebaked anodes 2024');
  });

  it('a question in words is answered with the command it understood; an unsure one offers numbered choices', () => {
    const r = spawnSync(process.execPath, [MAIN], {
      cwd: mkdtempSync(join(tmpdir(), 'anode-cwd-')),
      env: userEnv(),
      input: 'what is the capacity of yunnan?\nwhich province is top\n2\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('→ /province Yunnan\nYunnan · prebaked anodes 2024');
    expect(r.stdout).toMatch(/1\.\s+\/rank capacity/);
    // "2" picks the second reading.
    expect(r.stdout).toContain('Provinces by output');
  });

  it('ends quietly at the end of input, and a bad line never stops it', () => {
    const r = spawnSync(process.execPath, [MAIN], {
      cwd: mkdtempSync(join(tmpdir(), 'anode-cwd-')),
      env: userEnv(),
      input: '/province <@U1> @everyone\n/nonsense\n/exports top 3\n',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('There is no /nonsense');
    expect(r.stdout).toContain('Anode exports 2024: top 3');
    expect(r.stdout).not.toContain('@everyone');
  });
});

const tmuxAvailable = spawnSync('tmux', ['-V']).status === 0;

/** A real terminal: tmux runs the console in a pane, keys go in with send-keys, the screen comes back with capture-pane. */
class Terminal {
  readonly session = `anode-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  constructor(cwd: string, env: Record<string, string>) {
    const exports = Object.entries(env)
      .map(([k, v]) => `${k}='${v}'`)
      .join(' ');
    execFileSync('tmux', [
      '-u',
      'new-session',
      '-d',
      '-s',
      this.session,
      '-x',
      '160',
      '-y',
      '60',
      `cd '${cwd}' && env ${exports} ${process.execPath} ${MAIN}; echo "[exited $?]"; sleep 30`,
    ]);
  }
  screen(escapes = false): string {
    return execFileSync('tmux', ['capture-pane', '-p', ...(escapes ? ['-e'] : []), '-S', '-200', '-t', this.session], { encoding: 'utf8' });
  }
  keys(...keys: string[]): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, ...keys]);
  }
  type(text: string): void {
    execFileSync('tmux', ['send-keys', '-t', this.session, '-l', text]);
  }
  async waitFor(match: RegExp | string, timeoutMs = 20_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const s = this.screen();
      if (typeof match === 'string' ? s.includes(match) : match.test(s)) return s;
      if (Date.now() > deadline) throw new Error(`terminal never showed ${String(match)}:\n${s}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  /** The line the prompt is on (the last one with the prompt). */
  promptLine(): string {
    return (
      this.screen()
        .split('\n')
        .filter((l) => l.includes('anode›'))
        .at(-1) ?? ''
    );
  }
  close(): void {
    spawnSync('tmux', ['kill-session', '-t', this.session]);
  }
}

describe.skipIf(!tmuxAvailable)('the console in a terminal (tmux)', () => {
  let term: Terminal | undefined;
  afterEach(() => term?.close());

  it('prompts, completes commands and names (English and Chinese), keeps history across runs, and quits', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'anode-cwd-'));
    const env = userEnv();
    term = new Terminal(cwd, env);
    await term.waitFor('anode›');

    // Tab completes the command, then the name.
    term.type('/prov');
    term.keys('Tab');
    await term.waitFor(/anode› \/province\s*$/m);
    term.type(' Yun');
    term.keys('Tab');
    await term.waitFor(/anode› \/province Yunnan/);
    term.keys('Enter');
    await term.waitFor('Yunnan · prebaked anodes 2024');

    // Chinese names complete too.
    term.type('/province 山');
    term.keys('Tab');
    await term.waitFor(/anode› \/province 山东/);
    term.keys('Enter');
    await term.waitFor('Shandong · prebaked anodes 2024');

    // Line editing: arrows move the cursor instead of arriving as ^[[D.
    term.type('/exports top 53');
    term.keys('Left', 'BSpace', 'End', 'Enter');
    await term.waitFor('Anode exports 2024: top 3');
    expect(term.screen()).not.toContain('^[[');

    // Colour in a terminal when NO_COLOR is unset.
    expect(term.screen(true)).toMatch(/\x1b\[\d+(;\d+)*m/);

    term.type('quit');
    term.keys('Enter');
    await term.waitFor('[exited 0]');
    const history = readFileSync(join(cwd, 'var/console-history'), 'utf8');
    expect(history).toContain('/province Yunnan');
    expect(history).toContain('/exports top 3');
    term.close();

    // quit is not kept: leaving is not worth recalling.
    expect(history.split('\n')).not.toContain('quit');
    term.close();

    // A second run in the same folder: the first up-arrow brings back the last command, not "quit".
    term = new Terminal(cwd, env);
    await term.waitFor('anode›');
    term.keys('Up');
    await term.waitFor(/anode› \/exports top 3/);
    term.keys('C-u');
    term.type('exit');
    term.keys('Enter');
    await term.waitFor('[exited 0]');
  }, 60_000);

  it('a briefing printed while the user types redraws the prompt with what was typed', async () => {
    const env: Record<string, string> = { ...userEnv(), BRIEFING_TICK_SECONDS: '1' };
    const store = await openStore({ DATABASE_PATH: env.DATABASE_PATH! });
    await store.add(newSubscription({ platform: 'console', channelId: 'console', kind: 'exports', cron: '*/3 * * * * *', label: 'every 3 s' }));
    await store.close();
    term = new Terminal(mkdtempSync(join(tmpdir(), 'anode-cwd-')), env);
    await term.waitFor('anode›');
    term.type('/province Yun');
    await term.waitFor('⏰');
    // The last line of the screen is the prompt again, with the half-typed line on it.
    await term.waitFor(/anode› \/province Yun\s*$/);
    const lines = term.screen().trimEnd().split('\n');
    expect(lines.at(-1)).toMatch(/^anode› \/province Yun\s*$/);
    term.type('nan');
    term.keys('Enter');
    await term.waitFor('Yunnan · prebaked anodes 2024');
    term.keys('C-d');
  }, 60_000);

  it('ends when its terminal goes away, as when the window is closed', async () => {
    term = new Terminal(mkdtempSync(join(tmpdir(), 'anode-cwd-')), userEnv());
    await term.waitFor('anode›');
    const shell = execFileSync('tmux', ['list-panes', '-t', term.session, '-F', '#{pane_pid}'], { encoding: 'utf8' }).trim();
    const bot = Number(readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(' ')[0]);
    const alive = () => {
      try {
        return !/^State:\s+Z/m.test(readFileSync(`/proc/${bot}/status`, 'utf8'));
      } catch {
        return false; // gone, and reaped
      }
    };
    expect(alive()).toBe(true);
    term.close();
    // A clean stop takes well under a second; the shutdown deadline is 9.5 s.
    const deadline = Date.now() + 15_000;
    while (alive() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const lingered = alive();
    if (lingered) process.kill(bot, 'SIGKILL');
    expect(lingered).toBe(false);
  }, 60_000);

  it('NO_COLOR turns colour off; Ctrl-D leaves', async () => {
    term = new Terminal(mkdtempSync(join(tmpdir(), 'anode-cwd-')), { ...userEnv(), NO_COLOR: '1' });
    await term.waitFor('anode›');
    term.type('/overview');
    term.keys('Enter');
    await term.waitFor('overview');
    const escapes = term
      .screen(true)
      .split('\n')
      .filter((l) => !l.includes('[exited'));
    expect(escapes.join('\n')).not.toMatch(/\x1b\[(3\d|9\d|1)m/);
    term.keys('C-d');
    await term.waitFor('[exited 0]');
  }, 60_000);
});
