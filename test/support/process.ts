import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pinnedDataDir } from './core.js';

const ROOT = resolve('.');

export interface BotProcess {
  child: ChildProcess;
  output(): string;
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

/** A folder anyone can read and write (the bot may run as another user in these tests). */
export function openDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o777);
  return dir;
}

let data: string | undefined;

/** The data folder of the pinned edition, readable by every user. */
export function sharedData(): string {
  if (!data) {
    data = pinnedDataDir();
    chmodSync(data, 0o755);
  }
  return data;
}

/**
 * `npm start` as a real process: the compiled bot, its own environment, optionally as another user or
 * with a file-size limit (a disk that fills up).
 */
export function spawnBot(env: Record<string, string>, o: { user?: string; fsizeKb?: number; stdin?: string; nodeArgs?: string[] } = {}): BotProcess {
  const node = [process.execPath, ...(o.nodeArgs ?? []), join(ROOT, 'dist/main.js')].join(' ');
  const script = `${o.fsizeKb ? `ulimit -S -f ${o.fsizeKb}; ` : ''}exec ${node}`;
  const base = { PATH: process.env.PATH ?? '', DATA_DIR: sharedData(), LOG_LEVEL: 'info', CHART_DIR: openDir('anode-out-'), ...env };
  const cmd = o.user
    ? ['runuser', ['-u', o.user, '--', 'env', ...Object.entries(base).map(([k, v]) => `${k}=${v}`), '/bin/sh', '-c', script]]
    : ['/bin/sh', ['-c', script]];
  const child = spawn(cmd[0] as string, cmd[1] as string[], { cwd: ROOT, env: o.user ? { PATH: base.PATH } : base, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (c) => (out += c));
  child.stderr!.on('data', (c) => (out += c));
  if (o.stdin !== undefined) child.stdin!.end(o.stdin);
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return {
    child,
    output: () => out,
    exited,
    kill: (signal) => child.kill(signal),
    async waitFor(text, timeoutMs = 20_000) {
      const deadline = Date.now() + timeoutMs;
      while (!(typeof text === 'string' ? out.includes(text) : text.test(out))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)}; output:\n${out.slice(-3000)}`);
        if (child.exitCode !== null || child.signalCode !== null)
          throw new Error(`process exited (${child.exitCode ?? child.signalCode}) before ${String(text)}; output:\n${out.slice(-3000)}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
