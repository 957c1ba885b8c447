/** Child process for the Discord benchmark: the real bot against the fake gateway; reports its memory over IPC. */
import { createDiscordBot } from '../src/adapters/discord/discord-bot.js';
import { createCore } from '../src/core.js';
import { createLogger } from '../src/log.js';

const bot = createDiscordBot({
  core: createCore('data'),
  log: createLogger('silent'),
  token: 'bench.discord.token',
  apiUrl: process.argv[2]!,
  chartMode: 'url',
  quickChartBaseUrl: 'https://quickchart.io',
});
await bot.start();
process.on('message', (msg) => {
  if (msg === 'memory') {
    globalThis.gc?.();
    process.send!({ rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
  }
});
process.send!('ready');
