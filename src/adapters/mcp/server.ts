import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Core } from '../../core.js';
import { registerResources, registerTools } from './tools.js';

/** The MCP server's name and version as clients show them. */
export const SERVER_INFO = { name: 'anode-bot', version: '0.1.0' } as const;

/** One MCP server over the core: a tool per read-only command, the tables and provenance as resources. */
export function createMcpServer(core: Core, o: { quickChartBaseUrl?: string | undefined } = {}): McpServer {
  const server = new McpServer(SERVER_INFO, {
    instructions:
      "Figures of China's prebaked-anode industry from one industry paper (an edition per year). Cite each figure with its source (table or section); say 'computed' for figures with derived: true. Never state a figure the tools did not return.",
  });
  registerTools(server, core, o);
  registerResources(server, core);
  return server;
}
