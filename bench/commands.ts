import { compactReply } from '../src/framework/reply.js';
import { consoleInvocation, createCore } from '../src/core.js';
import { toDiscordMessage } from '../src/adapters/discord/render.js';
import { quickChartImages } from '../src/render/images.js';
import { toSlackMessage } from '../src/adapters/slack/render.js';
import { paperLibrary } from '../test/support/core.js';
import { fmt, summarize } from './stats.js';

const LINES = [
  '/overview',
  '/province Yunnan',
  '/exports top 5',
  '/exports country Malaysia',
  '/utilization',
  '/mismatch',
  '/compare Shandong Yunnan Henan',
  '/rank capacity top 5',
  '/table 3',
];

/** One answer computed from scratch (a core that caches nothing) and rendered for both platforms. */
export async function benchCommands(): Promise<void> {
  const library = paperLibrary();
  console.log('## Commands: text → reply → Slack and Discord payloads with chart URLs, computed (no answer cache), 2,000 runs each');
  console.log('| command | median | p99 |');
  console.log('|---|---|---|');
  const core = createCore({ library, cacheSize: 0 });
  for (const line of LINES) {
    const once = async () => {
      const t = performance.now();
      const reply = compactReply((await core.ask(line, consoleInvocation())).reply);
      const images = quickChartImages(reply);
      toSlackMessage(reply, { images });
      toDiscordMessage(reply, { images });
      return performance.now() - t;
    };
    for (let i = 0; i < 200; i++) await once();
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) samples.push(await once());
    const s = summarize(samples);
    console.log(`| \`${line}\` | ${fmt(s.median)} | ${fmt(s.p99)} |`);
  }
}
