/** `npm run bench`: prints figures (medians and tails), asserts nothing; the machines are shared and noisy. */
import { benchCommands } from './commands.js';
import { benchSlack } from './slack.js';
import { benchDiscord } from './discord.js';
import { benchBriefings } from './briefings.js';

const only = process.argv[2];
const suites: Record<string, () => Promise<void>> = { commands: benchCommands, slack: benchSlack, discord: benchDiscord, briefings: benchBriefings };

for (const [name, suite] of Object.entries(suites)) {
  if (only && only !== name) continue;
  await suite();
  console.log('');
}
