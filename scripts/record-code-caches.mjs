// Runs each bundle the way it is used, once, and saves what V8 compiled meanwhile beside it
// (src/code-cache.ts). A run that fails leaves that bundle without a cache: it then compiles at
// start-up, as it would without any, so the build goes on and says which one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = [
  { bin: 'dist/main.js', args: [], stdin: '/province Yunnan\n' },
  { bin: 'dist/bin/ask.js', args: ['/province Yunnan'] },
  { bin: 'dist/bin/anode-bot.js', args: ['ask', '/exports top 5', '--no-png'] },
  { bin: 'dist/bin/briefing.js', args: ['--no-png'] },
  { bin: 'dist/bin/data-check.js', args: [] },
  { bin: 'dist/bin/slack-manifest.js', args: [] },
];

export async function recordCodeCaches() {
  const scratch = mkdtempSync(join(tmpdir(), 'anode-code-cache-'));
  // Only what a run needs: no tokens (the console), and its files kept out of the repository.
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: scratch,
    NO_COLOR: '1',
    LOG_LEVEL: 'silent',
    CHART_DIR: join(scratch, 'charts'),
    DATABASE_PATH: join(scratch, 'bot.db'),
    ...(process.env.DATA_DIR ? { DATA_DIR: process.env.DATA_DIR } : {}),
  };
  const preload = new URL('./record-code-cache-preload.cjs', import.meta.url).pathname;
  for (const run of RUNS) {
    const r = spawnSync(process.execPath, ['--require', preload, run.bin, ...run.args], {
      env,
      input: run.stdin ?? '',
      stdio: ['pipe', 'ignore', 'pipe'],
      timeout: 60_000,
    });
    if (r.status !== 0)
      console.warn(`code cache: ${run.bin} ${run.args.join(' ')} exited ${r.status ?? r.signal}; it starts without one.\n${String(r.stderr).slice(-500)}`);
  }
}
