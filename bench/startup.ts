import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { freePort } from '../test/support/local-server.js';
import { fmt, ratio, summarize } from './stats.js';

const RUNS = 15;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const tmp = (p: string) => mkdtempSync(join(tmpdir(), p));

/** Spawn to exit, in ms. */
function whole(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}`))));
  });
}

/** Spawn until `text` appears on stdout; the child is then killed. */
function until(cmd: string, args: string[], text: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes(text)) {
        resolve(performance.now() - t);
        child.kill('SIGKILL');
      }
    });
    child.on('exit', () => reject(new Error(`exited before "${text}": ${out.slice(-300)}`)));
  });
}

/** Spawn until a TCP connection to `port` succeeds; returns that time and the idle RSS two seconds later. */
async function listening(cmd: string, args: string[], port: number, env: NodeJS.ProcessEnv): Promise<{ ms: number; rssMb: number }> {
  const t = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode}`);
      const open = await new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      if (open) break;
      await sleep(2);
    }
    const ms = performance.now() - t;
    await sleep(2000);
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited ${child.exitCode} while idle`);
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { ms, rssMb: rssKb / 1024 };
  } finally {
    child.kill('SIGKILL');
  }
}

export async function benchStartup(): Promise<void> {
  const node = process.execPath;
  const env = { ...process.env, CHART_DIR: tmp('anode-bench-charts-'), DATABASE_PATH: join(tmp('anode-bench-db-'), 'bot.db'), LOG_LEVEL: 'silent' };
  console.log(`## Start-up (compiled dist/, ${RUNS} runs each, interleaved; medians)`);

  const bare: number[] = [];
  const askText: number[] = [];
  const askPng: number[] = [];
  const askJson: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const b = await whole(node, ['-e', '0']);
    const t = await whole(node, ['dist/bin/ask.js', '/province Yunnan', '--no-png'], env);
    const p = await whole(node, ['dist/bin/ask.js', '/province Yunnan'], env);
    const j = await whole(node, ['dist/bin/ask.js', '/province Yunnan', '--format', 'slack'], env);
    if (i < 2) continue; // warm the page cache first
    bare.push(b);
    askText.push(t);
    askPng.push(p);
    askJson.push(j);
  }
  const base = summarize(bare).median;
  console.log('| process | median | against `node -e 0` |');
  console.log('|---|---|---|');
  console.log(`| \`node -e 0\` | ${fmt(base)} | 1.00× |`);
  for (const [name, samples] of [
    ['`ask "/province Yunnan" --no-png` (text, chart as a URL)', askText],
    ['`ask "/province Yunnan" --format slack` (JSON)', askJson],
    ['`ask "/province Yunnan"` (text, chart drawn to a PNG)', askPng],
  ] as const) {
    const m = summarize(samples).median;
    console.log(`| ${name} | ${fmt(m)} | ${ratio(m, base)} |`);
  }
  const verdict = (value: number, limit: number) => (value <= limit ? 'met' : '**not met**');
  const [textRatio, pngRatio] = [summarize(askText).median / base, summarize(askPng).median / base];
  console.log(
    `Targets (issue #23): ask as text ≤ 2× \`node -e 0\` (${verdict(textRatio, 2)}), with the PNG ≤ 3× (${verdict(pngRatio, 3)}). Drawing the PNG loads Chart.js and the canvas, on first use only.`,
  );

  // The console is ready to type when its prompt is drawn; `script` gives it a terminal.
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++)
    ready.push(await until('script', ['-qfec', `${node} dist/main.js`, '/dev/null'], 'anode›', { ...env, NO_COLOR: '1', HOME: tmp('anode-home-') }));
  const prompt = summarize(ready).median;
  console.log(
    `\nConsole (\`npm start\` with no tokens, in a terminal): spawn → prompt drawn, median ${fmt(prompt)} (target ≤ 150 ms: ${verdict(prompt, 150)})`,
  );

  const fake = await startFakeSlack();
  try {
    const slackEnv = { ...env, SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: 'bench-signing-secret-0123456789', SLACK_API_URL: fake.apiUrl };
    const bot: { ms: number; rssMb: number }[] = [];
    const bolt: { ms: number; rssMb: number }[] = [];
    for (let i = 0; i < 7; i++) {
      const [a, b] = [await freePort(), await freePort()];
      bolt.push(await listening(node, ['bench/bare-bolt.mjs'], a, { ...slackEnv, PORT: String(a) }));
      bot.push(await listening(node, ['dist/main.js'], b, { ...slackEnv, PORT: String(b), DATABASE_PATH: join(tmp('anode-bench-db-'), 'bot.db') }));
    }
    const med = (xs: { ms: number; rssMb: number }[], k: 'ms' | 'rssMb') => summarize(xs.map((x) => x[k])).median;
    console.log('\n## Slack HTTP mode: spawn → port open, and RSS after 2 s idle (7 runs each, medians)');
    console.log('| process | spawn → listening | idle RSS |');
    console.log('|---|---|---|');
    console.log(`| bare Bolt app (\`node bench/bare-bolt.mjs\`) | ${fmt(med(bolt, 'ms'))} | ${med(bolt, 'rssMb').toFixed(0)} MB |`);
    console.log(`| anode-bot (\`node dist/main.js\`, SQLite, the 2024 edition) | ${fmt(med(bot, 'ms'))} | ${med(bot, 'rssMb').toFixed(0)} MB |`);
    const [startRatio, rssRatio] = [med(bot, 'ms') / med(bolt, 'ms'), med(bot, 'rssMb') / med(bolt, 'rssMb')];
    console.log(
      `\nbot / bare Bolt: spawn → listening ${ratio(med(bot, 'ms'), med(bolt, 'ms'))} (target ≤ 1.3×, issue #23: ${verdict(startRatio, 1.3)}), idle RSS ${ratio(med(bot, 'rssMb'), med(bolt, 'rssMb'))} (no worse than 1.24×, issue #20: ${verdict(rssRatio, 1.24)})`,
    );
  } finally {
    await fake.close();
  }
}
