import * as z from 'zod';
import { once } from '../../config/env.js';
import type { PlatformModule } from '../platform.js';

const env = once(() =>
  z.object({
    /** Serves MCP over Streamable HTTP at /mcp on PORT; every request must carry it as a bearer token. */
    MCP_TOKEN: z.string().min(16, 'MCP_TOKEN must be at least 16 characters').optional(),
  }),
);

/**
 * MCP for AI assistants: on PORT when MCP_TOKEN is set. It counts as a platform: with it and no chat
 * tokens, the bot serves HTTP and stays up without a console. (stdio: `npx anode-bot mcp`.)
 */
export const mcpPlatform: PlatformModule<ReturnType<typeof env>> = {
  id: 'mcp',
  get env() {
    return env();
  },
  enabled: (e) => e.MCP_TOKEN !== undefined,
  secrets: (e) => (e.MCP_TOKEN ? [e.MCP_TOKEN] : []),
  async create(ctx, e) {
    const { addMcpRoute } = await import('./http.js');
    addMcpRoute(ctx.http, ctx.core, { token: e.MCP_TOKEN!, log: ctx.log, quickChartBaseUrl: ctx.config.QUICKCHART_BASE_URL });
    return {
      async start() {
        ctx.log.info('MCP: serving Streamable HTTP at /mcp');
      },
      async stop() {},
      health: () => ({ ready: true }),
    };
  },
};
