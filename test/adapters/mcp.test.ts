import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack } from '../support/fake-slack.js';
import { freePort } from '../support/local-server.js';
import { openDir, sharedData, spawnBot, type BotProcess } from '../support/process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'mcp-test-token-0123456789abcdef';
/** The read-only commands and subcommands, as the issue names them: each is a tool. */
const TOOLS = ['changes', 'compare', 'exports_country', 'exports_top', 'mismatch', 'overview', 'province', 'rank', 'sources', 'table', 'utilization'];

type ToolResult = {
  isError?: boolean;
  content: { type: string; text?: string }[];
  structuredContent?: {
    title: string;
    edition: number;
    sources: string[];
    figures: { label: string; value: string; unit: string; source: string; derived: boolean }[];
  };
};

/** One call of every tool, with arguments an assistant would send. */
const CALLS: Record<string, Record<string, unknown>> = {
  overview: {},
  province: { name: 'Yunnan' },
  exports_top: { count: 5 },
  exports_country: { name: 'Malaysia' },
  utilization: {},
  mismatch: {},
  compare: { provinces: ['Henan', 'Xinjiang'] },
  rank: { metric: 'capacity' },
  table: { number: 2 },
  changes: {},
  sources: {},
};

async function exercise(client: Client): Promise<void> {
  const { tools } = await client.listTools();
  expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
  for (const t of tools) {
    expect(t.annotations?.readOnlyHint, t.name).toBe(true);
    expect(t.outputSchema, t.name).toBeDefined();
  }
  const province = tools.find((t) => t.name === 'province')!;
  expect(province.inputSchema.required).toContain('name');
  const rank = tools.find((t) => t.name === 'rank')!;
  expect(JSON.stringify(rank.inputSchema.properties)).toContain('"enum"');

  for (const name of TOOLS) {
    const input = CALLS[name]!;
    const r = (await client.callTool({ name, arguments: input })) as ToolResult;
    if (name === 'changes') {
      // One edition loaded: the same error reply as in chat, as an error result.
      expect(r.isError).toBe(true);
      continue;
    }
    expect(r.isError ?? false, `${name}: ${r.content[0]?.text}`).toBe(false);
    expect(r.content[0]!.text!.length).toBeGreaterThan(20);
    expect(r.structuredContent!.edition).toBe(2024);
  }
  const yunnan = (await client.callTool({ name: 'province', arguments: { name: 'Yunnan' } })) as ToolResult;
  const capacity = yunnan.structuredContent!.figures.find((f) => f.label === 'Capacity');
  expect(capacity).toEqual({ label: 'Capacity', value: '1.70', unit: 'Mt', source: 'Table 2', derived: false });
  expect(yunnan.structuredContent!.figures.some((f) => f.derived && f.source.startsWith('derived from'))).toBe(true);
  expect(yunnan.content[0]!.text).toContain('Sources:');

  // Henan's demand and its output − demand both print 0.88 Mt: each is labelled and sourced as itself.
  const henan = ((await client.callTool({ name: 'province', arguments: { name: 'Henan' } })) as ToolResult).structuredContent!.figures;
  expect(henan.find((f) => f.label === 'In-province demand')).toMatchObject({ value: '0.88', source: 'Table 3', derived: false });
  expect(henan.find((f) => f.label === 'Output − in-province demand')).toMatchObject({ value: '+0.88', derived: true });
  const typo = (await client.callTool({ name: 'province', arguments: { name: 'Yunan' } })) as ToolResult;
  expect(typo.isError).toBe(true);
  expect(typo.content[0]!.text).toContain('Did you mean Yunnan?');

  const zh = (await client.callTool({ name: 'province', arguments: { name: '云南', lang: 'zh' } })) as ToolResult;
  expect(zh.content[0]!.text).toContain('云南');

  const { resources } = await client.listResources();
  expect(resources.map((x) => x.uri)).toEqual(expect.arrayContaining(['anode://2024/table/1', 'anode://2024/table/4', 'anode://2024/provenance']));
  const csv = await client.readResource({ uri: 'anode://2024/table/2' });
  const text = (csv.contents[0] as { text: string; mimeType: string }).text;
  expect((csv.contents[0] as { mimeType: string }).mimeType).toBe('text/csv');
  expect(text.split('\n')[0]).toMatch(/Province/);
  expect(text).toContain('Yunnan,1.70');
}

describe('MCP over stdio (npx anode-bot mcp)', () => {
  it('lists a tool per read-only command and the tables as resources; every tool answers, with sources', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [join(ROOT, 'dist/bin/anode-bot.js'), 'mcp'],
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: sharedData() },
      stderr: 'pipe',
    });
    const client = new Client({ name: 'anode-test', version: '1.0.0' });
    await client.connect(transport);
    try {
      await exercise(client);
    } finally {
      await client.close();
    }
  }, 60_000);
});

describe('MCP over Streamable HTTP (MCP_TOKEN, npm start)', () => {
  let bot: BotProcess;
  let port: number;
  beforeAll(async () => {
    port = await freePort();
    bot = spawnBot({ MCP_TOKEN: TOKEN, PORT: String(port), DATABASE_PATH: join(openDir('anode-mcp-'), 'bot.db') });
    await bot.waitFor(`listening on port ${port}`, 60_000);
  });
  afterAll(() => bot.kill('SIGKILL'));

  it('MCP_TOKEN alone is a platform: no console, the process stays up serving HTTP', async () => {
    expect(bot.output()).not.toContain('anode›');
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
  });

  it('with the bearer token: the same tools, calls and resources as over stdio', async () => {
    const client = new Client({ name: 'anode-test', version: '1.0.0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${port}/mcp`), { requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } } }),
    );
    try {
      await exercise(client);
    } finally {
      await client.close();
    }
  }, 60_000);

  it('a missing or wrong token gets 401, and the token never reaches the log', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} });
    const headers = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
    expect((await fetch(`http://127.0.0.1:${port}/mcp`, { method: 'POST', headers, body })).status).toBe(401);
    const wrong = await fetch(`http://127.0.0.1:${port}/mcp`, { method: 'POST', headers: { ...headers, authorization: 'Bearer not-the-token-at-all' }, body });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(bot.output()).not.toContain(TOKEN);
  });
});

describe('without MCP_TOKEN', () => {
  it('/mcp is not served (404), while the rest of the HTTP server is', async () => {
    const slack = await startFakeSlack();
    const port = await freePort();
    const bot = spawnBot({
      SLACK_BOT_TOKEN: 'xoxb-none',
      SLACK_SIGNING_SECRET: 'no-mcp-signing-secret-0123456',
      SLACK_API_URL: slack.apiUrl,
      PORT: String(port),
      DATABASE_PATH: join(openDir('anode-nomcp-'), 'bot.db'),
    });
    try {
      await bot.waitFor(`listening on port ${port}`, 60_000);
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const r = await fetch(`http://127.0.0.1:${port}/mcp`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(r.status).toBe(404);
    } finally {
      bot.kill('SIGKILL');
      await slack.close();
    }
  });
});
