import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One route of the process's HTTP server. Paths match exactly (no parameters are needed here). */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

/** The body was larger than the route allows: refused while reading, never buffered whole. */
export class BodyTooLarge extends Error {
  override name = 'BodyTooLarge';
}

/**
 * Reads a request body up to `limit` bytes. A larger one (by Content-Length or as it arrives) is
 * refused at once and the connection's remaining bytes are not read.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new BodyTooLarge(`body of ${declared} bytes over the ${limit}-byte limit`));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off('data', onData);
        req.pause();
        reject(new BodyTooLarge(`body over the ${limit}-byte limit`));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    // `on`, not `once`: each fires at most once per request, and `once` wraps every listener.
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** JSON serialized before (an answer kept for repeats): sent as the bytes it is. */
export function sendJsonBytes(res: ServerResponse, status: number, json: Buffer): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': json.length });
  res.end(json);
}

export function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Closes a refused request without reading the rest of its body (a 413 or 401 on a large upload). */
export function refuse(res: ServerResponse, status: number, text: string): void {
  res.setHeader('connection', 'close');
  sendText(res, status, text);
}

/**
 * The process's one HTTP server: Slack's routes, Discord's interactions endpoint and the health
 * routes all live on PORT, added by whoever serves them.
 */
export class HttpServer {
  private readonly routes = new Map<string, Route>();
  private server: Server | undefined;

  constructor(private readonly onError: (err: unknown, route: string) => void) {}

  add(route: Route): void {
    this.routes.set(`${route.method} ${route.path}`, route);
  }

  get size(): number {
    return this.routes.size;
  }

  paths(): string[] {
    return [...this.routes.keys()];
  }

  async listen(port: number, host?: string): Promise<number> {
    const server = createServer((req, res) => void this.dispatch(req, res));
    // Slack and Discord keep connections alive; a stuck client must not hold a socket forever.
    server.headersTimeout = 10_000;
    server.requestTimeout = 15_000;
    server.keepAliveTimeout = 65_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    return (server.address() as AddressInfo).port;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    // A GET with a body would be read (and thrown away) to its end to keep the connection: refuse it
    // and close the connection instead, whatever its size.
    if ((req.method === 'GET' || req.method === 'HEAD') && (req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0)) {
      res.once('finish', () => req.socket.destroy());
      return refuse(res, 400, 'a GET request carries no body');
    }
    const route = this.routes.get(`${req.method} ${path}`);
    if (!route) {
      const other = [...this.routes.values()].some((r) => r.path === path);
      // The body of a request nobody will read is not read either: answered, then the connection closed.
      res.once('finish', () => req.socket.destroy());
      return other ? refuse(res, 405, 'method not allowed') : refuse(res, 404, 'not found');
    }
    try {
      await route.handle(req, res);
    } catch (err) {
      this.onError(err, `${req.method} ${path}`);
      if (!res.headersSent) refuse(res, 500, 'internal error');
      else res.end();
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 2000).unref();
    });
  }
}

/** A record of requests seen, shared by replicas (the database): true the first time a key is seen before `until`. */
export interface SeenRequests {
  firstSeen(key: string, until: Date, now: Date): Promise<boolean>;
}

/**
 * Refuses a request seen before: a replayed signature within its validity window. Entries expire from
 * the front of an insertion-ordered map (every entry lives the same window, so the oldest expire
 * first): each check costs the same however many requests came before, and memory stays within the
 * window times the request rate. With `shared`, the record is also kept where every replica sees it,
 * so a request replayed to another replica is refused too.
 */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();
  constructor(
    private readonly windowMs = 10 * 60_000,
    private readonly shared?: SeenRequests,
  ) {}

  get size(): number {
    return this.seen.size;
  }

  /**
   * True the first time a key is seen within the window. Keys are compared as given: normalise first
   * (see signatureKey). Answered at once when only this process keeps the record.
   */
  fresh(key: string, now = Date.now()): boolean | Promise<boolean> {
    for (const [k, until] of this.seen) {
      if (until >= now) break;
      this.seen.delete(k);
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, now + this.windowMs);
    if (!this.shared) return true;
    // A database that cannot answer must not stop every command: this replica's own record still holds.
    return this.shared.firstSeen(key, new Date(now + this.windowMs), new Date(now)).catch(() => true);
  }
}

/** A signature as a replay key: its bytes, whatever letter case its hex came in ("ABC…" and "abc…" are one request). */
export function signatureKey(platform: string, signatureHex: string): string {
  return `${platform}:${signatureHex.toLowerCase()}`;
}

/** Platform timestamps are seconds; a request more than five minutes away, either way, is refused. */
export function freshTimestamp(seconds: string | undefined, now = Date.now(), skewMs = 5 * 60_000): boolean {
  if (!seconds || !/^\d{9,11}$/.test(seconds)) return false;
  return Math.abs(now - Number(seconds) * 1000) <= skewMs;
}
