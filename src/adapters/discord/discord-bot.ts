import { createAnswerPipeline } from '../../framework/answer-pipeline.js';
import { REST } from '@discordjs/rest';
import { Routes } from 'discord-api-types/v10';
import type { PlatformAdapter, PlatformContext } from '../platform.js';
import { discordDeliverer } from './deliverer.js';
import { interactionsRoute } from './http-interactions.js';
import { interactionHandler } from './interactions.js';
import type { DiscordEnv } from './env.js';
import { DISCORD } from './limits.js';
import { restAgent } from './rest-agent.js';

/** The Discord adapter: the shared interaction handler behind the gateway or the HTTP endpoint. */
export async function createDiscordAdapter(ctx: PlatformContext, env: DiscordEnv): Promise<PlatformAdapter> {
  const log = ctx.log.child({ adapter: 'discord' });
  const restOptions = { ...(env.DISCORD_API_URL ? { api: env.DISCORD_API_URL } : {}), timeout: 10_000, agent: restAgent() };
  // Deferred edits go to webhook routes with the interaction's own token: no bot token involved.
  const webhookRest = new REST(restOptions);
  const pipeline = createAnswerPipeline({ core: ctx.core, log, metrics: ctx.metrics, componentSecret: ctx.componentSecret, platform: 'discord' });
  const charts = { mode: ctx.config.CHART_MODE, quickChartBaseUrl: ctx.config.QUICKCHART_BASE_URL, urlLimit: DISCORD.imageUrl };
  const handle = interactionHandler({ core: ctx.core, log, pipeline, charts, rest: webhookRest });
  // Briefings: a client of their own with no retries (Discord's per-route 429 waits stay REST's).
  const deliverer = env.DISCORD_TOKEN
    ? discordDeliverer({
        rest: new REST({ ...restOptions, retries: 0 }).setToken(env.DISCORD_TOKEN),
        charts,
        componentSecret: ctx.componentSecret,
        log,
      })
    : undefined;

  if (env.DISCORD_PUBLIC_KEY) {
    ctx.http.add(interactionsRoute({ publicKey: env.DISCORD_PUBLIC_KEY, handle, log, replays: ctx.replays }));
    return {
      ...(deliverer ? { deliverer } : {}),
      async start() {
        log.info({ path: '/discord/interactions' }, 'Discord: serving HTTP interactions');
      },
      async stop() {},
      health: () => ({ ready: true }),
    };
  }
  const { createGateway } = await import('./gateway.js');
  const { questionHandler } = await import('./questions.js');
  let botId: string | undefined;
  const onMessage = questionHandler({
    pipeline,
    log,
    charts,
    botId: () => botId,
    post: (channel, body, files) => gateway.client.rest.post(Routes.channelMessages(channel), { body, ...(files ? { files } : {}) }),
  });
  const gateway = createGateway({
    token: env.DISCORD_TOKEN!,
    apiUrl: env.DISCORD_API_URL,
    shards: env.DISCORD_SHARDS,
    log,
    handle,
    onMessage,
    fatal: (err) => ctx.fatal(err),
  });
  let started = false;
  return {
    ...(deliverer ? { deliverer } : {}),
    async start() {
      await gateway.start();
      botId = gateway.client.user?.id;
      started = true;
    },
    async stop() {
      await gateway.stop();
    },
    health() {
      const s = gateway.shardsReady();
      return started && s.ready === s.of ? { ready: true } : { ready: false, detail: `${s.ready} of ${s.of} shards connected` };
    },
  };
}
