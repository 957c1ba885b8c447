import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedData } from '../support/process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const PRINT = join(ROOT, 'test/support/print-code-caches.cjs');

/** Runs `args` under node with the code-cache report preloaded (`input` on its stdin): stdout, and the report. */
function withReport(args: string[], env: Record<string, string> = {}, input = '') {
  const r = spawnSync(process.execPath, ['--require', PRINT, ...args], {
    cwd: ROOT,
    input,
    env: { PATH: process.env.PATH ?? '', DATA_DIR: sharedData(), CHART_DIR: mkdtempSync(join(tmpdir(), 'anode-charts-')), ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  const report = /CODE_CACHES (.*)/.exec(r.stderr)?.[1];
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, caches: report ? (JSON.parse(report) as { bundle: string; cache: string }[]) : [] };
}

const cacheOf = (caches: { bundle: string; cache: string }[], name: string) => caches.find((c) => c.bundle.endsWith(name))?.cache;

describe('bundles start from the code cache the build recorded', () => {
  it('npm run ask takes its bundle and the Chart.js parts from their caches, and answers as before', () => {
    const r = withReport(['dist/bin/ask.js', '/province Yunnan']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Yunnan · prebaked anodes 2024/);
    expect(cacheOf(r.caches, 'bin/ask.bundle.js')).toBe('used');
    expect(cacheOf(r.caches, 'vendor/chartjs-parts.js')).toBe('used');
  });

  it('the bot (npm start, the console answering a command) takes its bundle and the Chart.js parts from their caches', () => {
    const home = mkdtempSync(join(tmpdir(), 'anode-home-'));
    const r = withReport(
      ['dist/main.js'],
      { HOME: home, NO_COLOR: '1', LOG_LEVEL: 'silent', DATABASE_PATH: join(home, 'bot.db'), CHART_DIR: join(home, 'charts') },
      '/province Yunnan\n',
    );
    expect(r.status, r.stderr).toBe(0);
    expect(cacheOf(r.caches, 'dist/main.bundle.js')).toBe('used');
    expect(cacheOf(r.caches, 'vendor/chartjs-parts.js')).toBe('used');
  });

  it('a bundle with no cache, one older than the bundle, or one V8 refuses, is compiled afresh', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anode-bundle-'));
    const bundle = join(dir, 'tool.bundle.js');
    // A #! line (the CLI's), a require, __dirname, and a function compiled only when it is called.
    writeFileSync(
      bundle,
      `#!/usr/bin/env node\nconst { join } = require('node:path');\nmodule.exports = { where: join(__dirname, 'x'), twice: (n) => n * 2 };\nconsole.log(module.exports.twice(21), module.exports.where === join(${JSON.stringify(dir)}, 'x'));\n`,
    );
    const run = () => withReport(['-e', `require(${JSON.stringify(join(ROOT, 'dist/code-cache.js'))}).runBundle(${JSON.stringify(bundle)})`]);
    const record = () =>
      withReport([
        '-e',
        `const c = require(${JSON.stringify(join(ROOT, 'dist/code-cache.js'))}); c.recordCodeCachesAtExit(); c.runBundle(${JSON.stringify(bundle)})`,
      ]);

    const none = run();
    expect(none.stdout).toBe('42 true\n');
    expect(cacheOf(none.caches, 'tool.bundle.js')).toBe('none');

    expect(record().stdout).toBe('42 true\n');
    const used = run();
    expect(used.stdout).toBe('42 true\n');
    expect(cacheOf(used.caches, 'tool.bundle.js')).toBe('used');

    // The same length, another answer: V8 alone would take the old code from the cache.
    writeFileSync(bundle, readFileSync(bundle, 'utf8').replace('n * 2', 'n * 3'));
    utimesSync(bundle, new Date(), new Date(Date.now() + 5000));
    const edited = run();
    expect(edited.stdout).toBe('63 true\n');
    expect(cacheOf(edited.caches, 'tool.bundle.js')).toBe('stale');

    // A cache for this very bundle that V8 cannot read.
    record();
    const cacheFile = `${bundle}.code-cache`;
    const cache = readFileSync(cacheFile);
    writeFileSync(cacheFile, Buffer.concat([cache.subarray(0, 16), Buffer.from('not a code cache')]));
    const refused = run();
    expect(refused.stdout).toBe('63 true\n');
    expect(cacheOf(refused.caches, 'tool.bundle.js')).toBe('rejected');
  });
});
