import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createCore } from '../src/core.js';
import { quickChartImages } from '../src/render/images.js';
import { toDiscordMessage } from '../src/render/discord-message.js';
import { toSlackMessage } from '../src/render/slack-message.js';
import { fmt, summarize } from './stats.js';

const LINES = ['/overview', '/province Yunnan', '/exports top 5', '/exports country Malaysia', '/utilization', '/mismatch', '/compare Shandong Yunnan Henan', '/rank capacity top 5', '/help'];

/** Text in → Slack and Discord payloads with chart URLs out, per command; and start-up time. */
export async function benchCommands(): Promise<void> {
  const core = createCore('data');
  console.log('## Commands: text → rendered Slack + Discord payloads with QuickChart URLs (computed, reply cache bypassed)');
  console.log('| command | median | p99 | runs |');
  console.log('|---|---|---|---|');
  for (const line of LINES) {
    const samples: number[] = [];
    for (let i = 0; i < 2500; i++) {
      const t = performance.now();
      const reply = await core.answer(line);
      const images = quickChartImages(reply);
      toSlackMessage(reply, images);
      toDiscordMessage(reply, images);
      if (i >= 500) samples.push(performance.now() - t); // the first 500 warm the JIT
    }
    const s = summarize(samples);
    console.log(`| \`${line}\` | ${fmt(s.median)} | ${fmt(s.p99)} | ${s.n} |`);
  }

  const cached: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const line = LINES[i % LINES.length]!;
    const t = performance.now();
    await core.ask(line);
    if (i >= 2000) cached.push(performance.now() - t);
  }
  const c0 = summarize(cached);
  console.log(`\nRepeated lines through the reply cache (core.ask, no rendering): median ${fmt(c0.median)}, p99 ${fmt(c0.p99)}`);

  const loads: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    createCore('data');
    loads.push(performance.now() - t);
  }
  const l = summarize(loads);
  console.log(`\n## Start-up\n- dataset load + validation + cross-checks + indexes (createCore), in process: median ${fmt(l.median)}, p99 ${fmt(l.p99)} over ${l.n} runs`);
  const cold: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    execFileSync(join('node_modules', '.bin', 'tsx'), ['src/cli/ask.ts', '/overview', '--no-png'], { stdio: 'ignore' });
    cold.push(performance.now() - t);
  }
  const c = summarize(cold);
  console.log(`- whole process, \`npm run ask -- /overview\` without npm (tsx start, module load, answer, exit): median ${fmt(c.median)} over ${c.n} runs`);
}
