/**
 * Load generator for Discord HTTP interactions, in a process of its own so that the servers it loads
 * do not share a CPU queue with it. Requests are signed with Ed25519 (as Discord signs them) before
 * each measurement starts, so signing is not part of what is timed; each is a distinct interaction,
 * since a replayed signature is refused.
 *
 * Asked over IPC: { kind: 'throughput', port, path, seconds, concurrency } → { rps }, or
 * { kind: 'latency', port, path, rps, seconds } → { ms: number[] }.
 */
import { createPrivateKey, sign } from 'node:crypto';
import { Agent, request } from 'node:http';
import { interaction } from '../test/support/fake-discord.js';
import { atRate } from './stats.js';

type Ask =
  | { kind: 'throughput'; port: number; path: string; seconds: number; concurrency: number }
  | { kind: 'latency'; port: number; path: string; rps: number; seconds: number };

const privateKey = createPrivateKey(process.argv[2]!);
const agent = new Agent({ keepAlive: true, maxSockets: 64 });

interface Signed {
  body: Buffer;
  headers: Record<string, string>;
}

function signedRequests(n: number): Signed[] {
  const ts = String(Math.floor(Date.now() / 1000));
  return Array.from({ length: n }, () => {
    const body = Buffer.from(JSON.stringify(interaction('province', [{ type: 3, name: 'name', value: 'Yunnan' }])));
    const signature = sign(null, Buffer.concat([Buffer.from(ts), body]), privateKey).toString('hex');
    return {
      body,
      headers: { 'content-type': 'application/json', 'content-length': String(body.length), 'x-signature-ed25519': signature, 'x-signature-timestamp': ts },
    };
  });
}

function post(port: number, path: string, r: Signed): Promise<number> {
  const t = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: r.headers, agent }, (res) => {
      res.resume();
      res.once('end', () => (res.statusCode === 200 ? resolve(performance.now() - t) : reject(new Error(`status ${res.statusCode}`))));
    });
    req.once('error', reject);
    req.end(r.body);
  });
}

async function throughput(a: Extract<Ask, { kind: 'throughput' }>): Promise<number> {
  // More than any server here answers in the time; a run that uses them all ends early and is timed as such.
  const ready = signedRequests(a.seconds * 8000);
  let next = 0;
  const start = performance.now();
  const end = start + a.seconds * 1000;
  await Promise.all(
    Array.from({ length: a.concurrency }, async () => {
      while (performance.now() < end && next < ready.length) await post(a.port, a.path, ready[next++]!);
    }),
  );
  return next / ((performance.now() - start) / 1000);
}

function latency(a: Extract<Ask, { kind: 'latency' }>): Promise<number[]> {
  const ready = signedRequests(a.rps * a.seconds);
  let next = 0;
  return atRate(() => post(a.port, a.path, ready[next++]!), a.rps, a.seconds);
}

process.on('message', (a: Ask) => {
  const work = a.kind === 'throughput' ? throughput(a).then((rps) => ({ rps })) : latency(a).then((ms) => ({ ms }));
  void work.then(
    (r) => process.send!(r),
    (err: unknown) => process.send!({ error: String(err) }),
  );
});
process.send!({ ready: true });
