/** `npm run bench [suite]`: prints figures (medians, tails, ratios to a bare reference run alongside); asserts nothing. */
import { benchBriefings } from './briefings.js';
import { benchCommands } from './commands.js';
import { benchDiscord } from './discord.js';
import { benchFeishu } from './feishu.js';
import { benchMcp } from './mcp.js';
import { benchQuestions } from './questions.js';
import { benchSlack } from './slack.js';
import { benchStartup } from './startup.js';

const suites: Record<string, () => Promise<void>> = {
  startup: benchStartup,
  commands: benchCommands,
  slack: benchSlack,
  discord: benchDiscord,
  briefings: benchBriefings,
  mcp: benchMcp,
  feishu: benchFeishu,
  questions: benchQuestions,
};
const only = process.argv.slice(2);
const unknown = only.filter((s) => !(s in suites));
if (unknown.length) {
  console.error(`unknown suite ${unknown.join(', ')}; suites: ${Object.keys(suites).join(', ')}`);
  process.exit(2);
}
console.log(`anode-bot benchmark · ${new Date().toISOString()} · Node ${process.version} · ${(await import('node:os')).cpus().length} cores\n`);
for (const [name, suite] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  await suite();
  console.log('');
}
process.exit(0);
