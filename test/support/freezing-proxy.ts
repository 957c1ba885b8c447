import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy that can freeze: while frozen it keeps every connection open but forwards nothing, as a
 * database behind a stalled network or a hung server looks to its clients (no error, no answer).
 */
export async function startFreezingProxy(target: {
  host: string;
  port: number;
}): Promise<{ port: number; freeze(): void; thaw(): void; close(): Promise<void> }> {
  let frozen = false;
  const pairs = new Set<[Socket, Socket]>();
  const server: Server = createServer((client) => {
    const upstream = connect(target.port, target.host);
    const pair: [Socket, Socket] = [client, upstream];
    pairs.add(pair);
    for (const [from, to] of [pair, [upstream, client] as [Socket, Socket]]) {
      from.on('data', (chunk) => {
        if (!frozen) return void to.write(chunk);
        // Held back while frozen, then delivered late, as a stalled network finally does.
        from.pause();
        const wait = setInterval(() => {
          if (frozen) return;
          clearInterval(wait);
          to.write(chunk);
          from.resume();
        }, 50);
      });
      from.on('error', () => to.destroy());
      from.on('close', () => {
        to.destroy();
        pairs.delete(pair);
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => {
      frozen = true;
    },
    thaw: () => {
      frozen = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [a, b] of pairs) {
          a.destroy();
          b.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
