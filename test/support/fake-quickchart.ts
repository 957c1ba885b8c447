import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeQuickChart {
  /**
   * The base URL to configure (QUICKCHART_BASE_URL): a self-hosted QuickChart under a path so long
   * that no chart URL fits Slack's 3,000 or Discord's 2,048 characters, and every chart goes by POST.
   */
  baseUrl: string;
  /** Every POST /chart, its JSON body as quickchart-js sent it. */
  posts: { width?: number; height?: number; version?: string; format?: string; backgroundColor?: string; chart?: string }[];
  /** The PNG it answers with: 3,000 bytes, told apart from a chart drawn locally by its size. */
  png: Buffer;
  /** Answer 500 instead, as QuickChart does when it cannot draw. */
  failing: boolean;
  /** Answer nothing, ever (a QuickChart that hangs). */
  hanging: boolean;
  /** Requests whose connection the caller closed before an answer came. */
  abandoned: number;
  close(): Promise<void>;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A local stand-in for QuickChart's POST /chart on 127.0.0.1 (what quickchart-js's toBinary() calls, and the bot in its stead). */
export async function startFakeQuickChart(): Promise<FakeQuickChart> {
  const path = `/qc/${'long-path-segment/'.repeat(170)}`;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== `${path}chart`) return void res.writeHead(404).end();
      fake.posts.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (fake.failing) return void res.writeHead(500, { 'x-quickchart-error': 'fake outage' }).end();
      if (fake.hanging) return void res.once('close', () => fake.abandoned++);
      res.writeHead(200, { 'content-type': 'image/png' }).end(fake.png);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeQuickChart = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    posts: [],
    png: Buffer.concat([SIGNATURE, Buffer.alloc(3000 - SIGNATURE.length, 7)]),
    failing: false,
    hanging: false,
    abandoned: 0,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}
