/**
 * Composition root: read the config, load the dataset, start the adapters the config asks for (the
 * console when no chat platform is configured) and the briefing scheduler, shut down cleanly on
 * SIGINT/SIGTERM.
 */
import webApi from '@slack/web-api';
import { readConfig, platformsOf } from './config.js';
import { createCore } from './core.js';
import { createLogger } from './log.js';
import { consoleDeliverer, runConsole } from './adapters/console/console-bot.js';
import { createSlackBot } from './adapters/slack/slack-bot.js';
import { slackCanManage } from './adapters/slack/admins.js';
import { slackDeliverer } from './adapters/slack/briefing-deliverer.js';
import { createDiscordBot } from './adapters/discord/discord-bot.js';
import { discordDeliverer } from './adapters/discord/briefing-deliverer.js';
import { setUpBriefings } from './briefings/setup.js';
import { startupFailure } from './cli/startup-failure.js';

interface Service {
  name: string;
  stop(): Promise<void>;
}

async function main(): Promise<void> {
  const config = readConfig();
  const platforms = platformsOf(config);
  const chat = platforms.slack || platforms.discord;
  // The console prints replies on stdout; keep its stderr quiet unless asked.
  const log = createLogger(config.LOG_LEVEL ?? (chat ? 'info' : 'warn'));
  const started = performance.now();
  const core = createCore(config.DATA_DIR);
  log.info({ edition: core.data.edition.year, ...core.findings, ms: Math.round(performance.now() - started) }, 'dataset loaded');
  const briefings = setUpBriefings(core, config, log);

  if (!chat) {
    briefings.deliverTo('console', consoleDeliverer(process.stdout));
    briefings.start();
    await runConsole(core, { input: process.stdin, output: process.stdout, chartDir: config.CHART_DIR, log });
    await briefings.stop();
    return;
  }

  // One failed request must never take the process down; the adapters catch per request, this is the net.
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

  const services: Service[] = [];
  const charts = { mode: config.CHART_MODE, quickChartBaseUrl: config.QUICKCHART_BASE_URL };
  if (platforms.slack) {
    const slack = createSlackBot({
      core,
      log,
      botToken: config.SLACK_BOT_TOKEN!,
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      port: config.PORT,
      ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
      chartMode: config.CHART_MODE,
      quickChartBaseUrl: config.QUICKCHART_BASE_URL,
      // Interactive answers: retry briefly, never for the client's default half hour.
      retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes,
      canManage: slackCanManage(config.BRIEFING_ADMINS),
    });
    await slack.start();
    briefings.deliverTo('slack', slackDeliverer(slack.app.client, charts));
    services.push({ name: 'slack', stop: () => slack.stop() });
  }
  if (platforms.discord) {
    const discord = createDiscordBot({
      core,
      log,
      token: config.DISCORD_TOKEN!,
      ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      chartMode: config.CHART_MODE,
      quickChartBaseUrl: config.QUICKCHART_BASE_URL,
    });
    await discord.start();
    briefings.deliverTo('discord', discordDeliverer(discord.client.rest, charts));
    services.push({ name: 'discord', stop: () => discord.stop() });
  }
  briefings.start();
  services.push({ name: 'briefings', stop: () => briefings.stop() });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Briefings first (no new posts), then the adapters, newest first.
    for (const s of services.reverse()) {
      await s.stop().catch((err: unknown) => log.error({ err, service: s.name }, 'stop failed'));
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(startupFailure);
