import { createServer as createNetServer } from 'node:net';
import type { Server } from 'node:http';
import { Writable } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';

/** Stops a fake server and its WebSocket clients at once (keep-alive connections included). */
export function closeServer(server: Server, wss: WebSocketServer, sockets: Set<WebSocket>): Promise<void> {
  return new Promise((resolve) => {
    for (const ws of sockets) ws.terminate();
    wss.close();
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

/** A pino destination that keeps what was logged, to check error ids and that no secret was logged. */
export class LogCapture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** A port nothing listens on now, picked by the OS: random ports collide with other tests' servers. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}
