// The bare reference for the 429 case: @slack/web-api as it comes, one WebClient per workspace (each
// with its own queue, up to 100 requests at once, which a 429 pauses for Retry-After), posting COUNT
// messages across WORKSPACES workspaces, all handed to the clients at once. No database, scheduler or
// logging. With NO_BACKOFF set, a rate-limited call is retried as soon as Retry-After has passed, without
// the SDK's own backoff on top. Prints the seconds from the first post to the last.
import { WebClient } from '@slack/web-api';

const count = Number(process.env.COUNT);
const workspaces = Number(process.env.WORKSPACES);
const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => 'error', setName() {} };
const retryConfig = process.env.NO_BACKOFF ? { retryConfig: { retries: 10, minTimeout: 0, maxTimeout: 0 } } : {};
const clients = Array.from(
  { length: workspaces },
  (_, i) => new WebClient(`xoxb-bare-${i}`, { slackApiUrl: process.env.SLACK_API_URL, logger: silent, ...retryConfig }),
);
await Promise.all(clients.map((c) => c.auth.test()));
// Channel i is workspace i % WORKSPACES. Handed over in a shuffled (seeded) order: in channel order,
// the fake's every tenth post would always land on the same workspace.
const order = Array.from({ length: count }, (_, i) => i);
let seed = 1;
for (let i = count - 1; i > 0; i--) {
  seed = (seed * 48271) % 2147483647;
  const j = seed % (i + 1);
  [order[i], order[j]] = [order[j], order[i]];
}
const start = performance.now();
await Promise.all(order.map((i) => clients[i % workspaces].chat.postMessage({ channel: `B${i}`, text: 'briefing' })));
console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000 }));
