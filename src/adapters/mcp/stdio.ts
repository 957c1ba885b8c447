/**
 * `npx anode-bot mcp`: the MCP server over stdio, for an assistant that starts it as a subprocess
 * (Claude Desktop, Cursor). stdout carries only MCP messages; anything else goes to stderr.
 */
import { parseArgs } from 'node:util';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { parseCli } from '../../cli/failure.js';
import { readBaseConfig } from '../../config/config.js';
import { loadDotEnv, withoutEmpty } from '../../config/env.js';
import { createCore } from '../../core.js';
import { loadEditionsFast } from '../../dataset/prevalidated.js';
import { buildLibrary } from '../../editions.js';
import { createMcpServer } from './server.js';

export const MCP_USAGE =
  'usage: npx anode-bot mcp\n  Serves the figures to an AI assistant over MCP on stdin/stdout (tools per read-only command, the tables as CSV resources).\n  Over HTTP instead: set MCP_TOKEN and npm start (POST /mcp with Authorization: Bearer <MCP_TOKEN>).';

export async function serveMcpStdio(argv: string[]): Promise<void> {
  await parseCli(() => parseArgs({ args: argv, options: {}, strict: true }), MCP_USAGE, argv);
  loadDotEnv();
  const config = readBaseConfig(withoutEmpty(process.env));
  const core = createCore({ library: buildLibrary((await loadEditionsFast(config.DATA_DIR)).editions, config.DATASET_EDITION) });
  const server = createMcpServer(core, { quickChartBaseUrl: config.QUICKCHART_BASE_URL });
  await server.connect(new StdioServerTransport());
}
