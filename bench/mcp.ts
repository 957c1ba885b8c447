import { join } from 'node:path';
import { startFakeSlack } from '../test/support/fake-slack.js';
import { freePort } from '../test/support/local-server.js';
import { openDir, spawnBot } from '../test/support/process.js';
import { command, SECRET } from './slack.js';
import { atRate, fmt, interleavedThroughput, ratio, summarize } from './stats.js';

const TOKEN = 'bench-mcp-token-0123456789abcdef';
let seq = 0;

/**
 * One process serving Slack in HTTP mode and MCP at /mcp: the same question, /province Yunnan, as a
 * signed slash command and as an MCP tool call, in the same run.
 */
export async function benchMcp(): Promise<void> {
  const fake = await startFakeSlack();
  const port = await freePort();
  const bot = spawnBot({
    MCP_TOKEN: TOKEN,
    SLACK_BOT_TOKEN: 'xoxb-bench',
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    DATABASE_PATH: join(openDir('anode-bench-mcp-'), 'bot.db'),
  });
  try {
    await bot.waitFor(`listening on port ${port}`, 60_000);
    const slack = () => command(port, fake.base);
    const mcp = async () => {
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/mcp`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
        body: JSON.stringify({ jsonrpc: '2.0', id: ++seq, method: 'tools/call', params: { name: 'province', arguments: { name: 'Yunnan' } } }),
      });
      await res.text();
      if (res.status !== 200) throw new Error(`mcp ${res.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 200; i++) await Promise.all([slack(), mcp()]);
    const s = summarize(await atRate(slack, 100, 10));
    const m = summarize(await atRate(mcp, 100, 10));
    const [slackRps, mcpRps] = await interleavedThroughput([slack, mcp]);
    console.log("## MCP: a tool call over Streamable HTTP against the same command through Slack's HTTP path, one bot process, same run");
    console.log('| path | req/s (8 in flight) | p50 at 100/s | p99 at 100/s |');
    console.log('|---|---|---|---|');
    console.log(`| Slack: signed /province Yunnan | ${slackRps!.toFixed(0)} | ${fmt(s.median)} | ${fmt(s.p99)} |`);
    console.log(`| MCP: tools/call province {name: Yunnan} | ${mcpRps!.toFixed(0)} | ${fmt(m.median)} | ${fmt(m.p99)} |`);
    console.log(
      `\nMCP / Slack: throughput ${ratio(mcpRps!, slackRps!)}, p50 ${ratio(m.median, s.median)}. Each MCP request is stateless: a server and a transport are made per request, so any replica answers it.`,
    );
  } finally {
    bot.kill('SIGTERM');
    await bot.exited;
    await fake.close();
  }
}
