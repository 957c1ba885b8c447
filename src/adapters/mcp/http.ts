import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { Core } from '../../core.js';
import { BodyTooLarge, readBody, refuse, sendJson, type HttpServer } from '../../http/server.js';
import type { Logger } from '../../log.js';
import { createMcpServer } from './server.js';

/** An MCP request is a JSON-RPC message or a small batch: far below this. */
const MAX_BODY = 256 * 1024;

/** Compares a bearer token in constant time (digests first, so the lengths never leak either). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(token));
}

/**
 * Streamable HTTP at POST /mcp, stateless (no session to share across replicas: any replica answers
 * any request) with JSON responses. Every request needs `Authorization: Bearer <MCP_TOKEN>`.
 */
export function addMcpRoute(http: HttpServer, core: Core, o: { token: string; log: Logger; quickChartBaseUrl?: string | undefined }): void {
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!bearerMatches(req.headers.authorization, o.token)) {
      res.setHeader('www-authenticate', 'Bearer realm="anode-bot"');
      return refuse(res, 401, 'unauthorized: send Authorization: Bearer <MCP_TOKEN>');
    }
    if (req.method !== 'POST') {
      // Stateless: no stream to resume and no session to end (the transport spec allows 405).
      res.setHeader('allow', 'POST');
      return refuse(res, 405, 'method not allowed: this server answers POST only');
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, MAX_BODY)).toString('utf8'));
    } catch (err) {
      if (err instanceof BodyTooLarge) return refuse(res, 413, 'request too large');
      return sendJson(res, 400, { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null });
    }
    const server = createMcpServer(core, o);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  };
  http.add({ method: 'POST', path: '/mcp', handle });
  http.add({ method: 'GET', path: '/mcp', handle });
}
