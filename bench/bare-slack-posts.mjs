// The bare reference for a slot's memory: @slack/web-api posting one message to COUNT channels,
// CONCURRENCY at a time, with no database, scheduler or logging. It prints its resident size when
// idle and its peak while posting, in MB.
import { readFileSync, writeFileSync } from 'node:fs';
import { WebClient } from '@slack/web-api';

const mb = (field) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024;
const message = JSON.parse(readFileSync(process.env.MESSAGE_FILE, 'utf8'));
const client = new WebClient('xoxb-bare', { slackApiUrl: process.env.SLACK_API_URL, retryConfig: { retries: 0 } });
await client.auth.test();
await new Promise((r) => setTimeout(r, 2000));
const idle = mb('VmRSS');
writeFileSync('/proc/self/clear_refs', '5');
let next = 0;
const count = Number(process.env.COUNT);
await Promise.all(
  Array.from({ length: Number(process.env.CONCURRENCY) }, async () => {
    while (next < count) await client.chat.postMessage({ ...message, channel: `B${next++}` });
  }),
);
console.log(JSON.stringify({ idle, peak: mb('VmHWM') }));
