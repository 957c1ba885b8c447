// The bare references for Discord HTTP interactions, in a process of their own (as the bot runs in
// its own): a node:http server that checks the Ed25519 signature Discord requires and answers the
// bot's own reply (read from ANSWER_FILE), and a trivial server that checks nothing (the load
// generator's ceiling). Prints their ports as one JSON line.
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const key = createPublicKey({
  key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(process.env.DISCORD_PUBLIC_KEY, 'hex')]),
  format: 'der',
  type: 'spki',
});
const answer = readFileSync(process.env.ANSWER_FILE, 'utf8');
const bare = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const ok = verify(
      null,
      Buffer.concat([Buffer.from(String(req.headers['x-signature-timestamp'])), body]),
      key,
      Buffer.from(String(req.headers['x-signature-ed25519']), 'hex'),
    );
    res.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' });
    res.end(ok ? answer : '{}');
  });
});
const trivial = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end('{}');
  });
});
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
console.log(JSON.stringify({ bare: await listen(bare), trivial: await listen(trivial) }));
process.on('SIGTERM', () => process.exit(0));
