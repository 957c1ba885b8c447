import webApi from '@slack/web-api';
import { slackDeliverer } from '../src/adapters/slack/briefing-deliverer.js';
import { composeBriefing } from '../src/briefings/compose.js';
import { BriefingScheduler } from '../src/briefings/scheduler.js';
import { openSqliteStore } from '../src/briefings/sqlite-store.js';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/log.js';
import { startFakeSlack } from '../test/support/fake-slack.js';

/**
 * 1,000 subscriptions due in the same minute, delivered to a local fake Slack that answers 429
 * (Retry-After: 1) to one request in ten. The slot is released at once through the start-up catch-up
 * path, the same claim → compose → post → record path a timer takes.
 */
export async function benchBriefings(): Promise<void> {
  const fake = await startFakeSlack();
  fake.rateLimitEvery = 10;
  const core = createCore('data');
  const store = openSqliteStore(':memory:');
  const channels = Array.from({ length: 1000 }, (_, i) => `C${String(i).padStart(4, '0')}`);
  for (const channelId of channels) {
    store.add({ platform: 'slack', channelId, kind: 'full', cron: '0 9 * * *', label: 'daily 09:00', tz: 'UTC', createdBy: 'bench', source: 'config' });
  }
  const client = new webApi.WebClient('xoxb-bench', { slackApiUrl: fake.apiUrl, retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes, logLevel: webApi.LogLevel.ERROR });
  const scheduler = new BriefingScheduler({
    store,
    deliverers: { slack: slackDeliverer(client, { mode: 'url', quickChartBaseUrl: 'https://quickchart.io' }) },
    compose: (kind) => composeBriefing(core.data, core.names, kind),
    log: createLogger('silent'),
    owner: 'bench',
    graceMinutes: 60,
  });
  const t = performance.now();
  scheduler.start(new Date(new Date().toISOString().slice(0, 10) + 'T09:00:30Z'));
  await scheduler.drained();
  const seconds = (performance.now() - t) / 1000;
  const duplicates = [...fake.posted.values()].filter((n) => n > 1).length;
  const losses = channels.filter((c) => !fake.posted.has(c)).length;
  const rateLimited = fake.calls.filter((c) => c.method === 'chat.postMessage').length - [...fake.posted.values()].reduce((a, b) => a + b, 0);
  console.log('## Briefings: 1,000 subscriptions due in the same minute → local fake Slack, 429 (Retry-After 1 s) to one request in ten');
  console.log(`- delivered all in ${seconds.toFixed(1)} s (8 in flight); ${rateLimited} requests answered 429 and were retried after Retry-After`);
  console.log('  (the Web API client pauses all its calls for Retry-After on a 429, as Slack asks: ~1 s per 429 is the floor)');
  console.log(`- duplicates: ${duplicates}; losses: ${losses}`);
  await scheduler.stop();
  store.close();
  await fake.close();
}
