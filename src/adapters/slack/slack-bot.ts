import { App, SocketModeReceiver } from './bolt.js';
import { InstallProvider } from '@slack/oauth';
import { WebClient, type RetryOptions } from '@slack/web-api';
import { createAnswerPipeline, type Presented } from '../../framework/answer-pipeline.js';
import type { Invocation } from '../../framework/define.js';
import type { Reply } from '../../framework/reply.js';
import { langOf, type Lang } from '../../i18n/lang.js';
import { messages } from '../../i18n/messages.js';
import type { ChartImage } from '../../render/images.js';
import { messageCharts, type ChartOptions, type MessageCharts } from '../shared/chart-pngs.js';
import { SLACK } from './limits.js';
import { slackControls, toSlackMessage, type SlackMessage } from './render.js';
import { PlatformFatalError, unreachable, type PlatformAdapter, type PlatformContext } from '../platform.js';
import { slackCanManage, slackLocales } from './admins.js';
import { boltLogger } from './bolt-logger.js';
import { REFUSED_TOKEN, slackDeliverer } from './deliverer.js';
import { register as actionListener } from './listeners/actions.js';
import { register as commandListener } from './listeners/commands.js';
import type { SlackListenerDeps } from './listeners/deps.js';
import { register as questionListener } from './listeners/questions.js';
import { register as registerUninstall } from './listeners/uninstall.js';
import { addInstallRoutes } from './install-routes.js';
import { SealedWithOtherKey, SqlInstallationStore, SqlStateStore } from './installations.js';
import { DeliveryError } from '../../briefings/scheduler.js';
import { SlackHttpReceiver } from './receiver.js';
import type { SlackEnv } from './env.js';

/** Who may change a channel's settings on Slack, as the reader reads it. */
const MANAGE_RIGHT: Record<Lang, string> = {
  en: 'a workspace admin or owner (or a user listed in BRIEFING_ADMINS)',
  'zh-CN': '工作区管理员或所有者身份（或列于 BRIEFING_ADMINS 中）',
};

/** Interactive answers retry briefly (a user is waiting); briefings have a client of their own. */
const INTERACTIVE_RETRIES: RetryOptions = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 };

/**
 * The Slack adapter: slash commands, buttons and menus through Bolt, in Socket Mode or over the
 * process's HTTP server, for one workspace (SLACK_BOT_TOKEN) or many (OAuth installs). Transport
 * only: every answer comes from the shared command definitions.
 */
// Long on purpose: the clients, receiver, readiness flags and token state are this process's Slack
// state, shared by the listeners, routes, deliverer and health; those each live in their own file.
export async function createSlackAdapter(ctx: PlatformContext, env: SlackEnv): Promise<PlatformAdapter> {
  const log = ctx.log.child({ adapter: 'slack' });
  const logger = boltLogger(log);
  const apiUrl = env.SLACK_API_URL?.replace(/\/*$/, '/');
  const clientOptions = { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), logger, retryConfig: INTERACTIVE_RETRIES };
  const oauth = Boolean(env.SLACK_CLIENT_ID);
  const installationStore = oauth ? new SqlInstallationStore(ctx.store, env.SLACK_TOKEN_KEY!) : undefined;
  const installer = oauth
    ? new InstallProvider({
        clientId: env.SLACK_CLIENT_ID!,
        clientSecret: env.SLACK_CLIENT_SECRET!,
        stateSecret: env.SLACK_STATE_SECRET!,
        stateStore: new SqlStateStore(ctx.store),
        installationStore: installationStore!,
        logger,
        clientOptions,
      })
    : undefined;
  const httpReceiver = env.SLACK_APP_TOKEN
    ? undefined
    : new SlackHttpReceiver({ signingSecret: env.SLACK_SIGNING_SECRET!, logger, warn: (d, msg) => log.warn(d, msg), replays: ctx.replays });
  const receiver = httpReceiver ?? new SocketModeReceiver({ appToken: env.SLACK_APP_TOKEN!, logger, installerOptions: { clientOptions } });

  let identity: { botId: string; botUserId: string } | undefined;
  const app = new App({
    receiver,
    logger,
    clientOptions,
    // Bolt's conversation store is unused here: off, it saves a lookup on every request.
    convoStore: false,
    deferInitialization: true,
    ...(installer
      ? { authorize: (source) => installer.authorize(source) }
      : { token: env.SLACK_BOT_TOKEN!, tokenVerificationEnabled: false, botId: 'B0', botUserId: 'U0' }),
  });

  const canManage = slackCanManage(env.BRIEFING_ADMINS, oauth);
  /** Set once the adapter is built: a refused token makes the process unready (see health). */
  let tokenRefused: (code: string) => void = () => {};
  const localeOf = slackLocales();
  /** The channel's setting; "auto" asks Slack for the user's locale; unset is English. */
  const langFor = async (channel: string, user: string, team: string, client: WebClient): Promise<Lang> => {
    const setting = await ctx.settings.language('slack', channel).catch(() => undefined);
    if (setting === 'zh-CN' || setting === 'en') return setting;
    if (setting === 'auto') return langOf(await localeOf(user, team, client));
    return 'en';
  };
  const invocation = (user: string, channel: string, team: string, lang: Lang, client: WebClient, enterprise?: string | null): Invocation => ({
    platform: 'slack',
    userId: user,
    channelId: channel,
    workspaceId: team,
    ...(enterprise ? { enterpriseId: enterprise } : {}),
    lang,
    canManage: () => canManage(user, team, client),
    manageRight: MANAGE_RIGHT[lang],
  });

  const charts: ChartOptions = { mode: ctx.config.CHART_MODE, quickChartBaseUrl: ctx.config.QUICKCHART_BASE_URL, urlLimit: SLACK.imageUrl };
  /** The charts of an answer, decided once per cached answer and form: the URLs are most of what a body costs. */
  const chartsOf = (p: Presented): MessageCharts => {
    const make = () => messageCharts(p.reply, charts, log);
    return p.variant ? ctx.core.rendered(p.answer, `${p.variant}|charts`, make) : make();
  };
  /** Uploads the charts a message cannot link (all in upload mode) and shows them as Slack-hosted files. */
  const upload = async (client: WebClient, c: MessageCharts): Promise<readonly ChartImage[]> => {
    const pngs = await c.pngs();
    if (pngs.length === 0) return c.images;
    const result = (await client.files.uploadV2({
      file_uploads: pngs.map((p) => ({ file: p.png, filename: p.name, title: p.title, alt_text: p.alt })),
    })) as unknown as { files?: { files?: { id?: string }[] }[] };
    const ids = (result.files ?? []).flatMap((f) => f.files ?? []).map((f) => f.id);
    let next = 0;
    return c.images.map((img) => {
      if (img.kind !== 'attachment') return img;
      const id = ids[next++];
      return id ? { kind: 'hosted' as const, id } : img;
    });
  };

  const pipeline = createAnswerPipeline({ core: ctx.core, log, metrics: ctx.metrics, componentSecret: ctx.componentSecret, platform: 'slack' });

  /** A presented answer as a Slack message: the body built once per cacheable answer, the buttons signed per channel. */
  const message = async (p: Presented, client: WebClient): Promise<SlackMessage & { response_type: 'ephemeral' | 'in_channel' }> => {
    const m = messages(p.lang);
    const c = chartsOf(p);
    const build = async () =>
      toSlackMessage(p.reply, {
        images: c.uploads ? await upload(client, c) : c.images,
        m,
        reserve: 2,
        ...(p.sharedBy ? { sharedBy: p.sharedBy } : {}),
      });
    // A body with uploaded files names files of one workspace: built for each message, never shared.
    const base = !c.uploads && p.variant ? await ctx.core.rendered(p.answer, p.variant, build) : await build();
    return { response_type: p.isPublic ? 'in_channel' : 'ephemeral', text: base.text, blocks: [...base.blocks, ...slackControls(p.controls)] };
  };
  const errorMessage = (reply: Reply, lang: Lang) => ({ response_type: 'ephemeral' as const, ...toSlackMessage(reply, { m: messages(lang) }) });

  const attach = async (reply: Reply, channel: string, client: WebClient) => {
    for (const f of reply.files ?? [])
      await client.files.uploadV2({ channel_id: channel, file: Buffer.from(f.content, 'utf8'), filename: f.name, title: f.name });
  };

  const deps: SlackListenerDeps = {
    core: ctx.core,
    pipeline,
    log,
    langFor,
    invocation,
    message,
    errorMessage,
    attach,
    uploadsCharts: (p) => chartsOf(p).uploads,
    tokenRefused: (err) => {
      const code = (err as { data?: { error?: string } } | undefined)?.data?.error;
      if (code && REFUSED_TOKEN.has(code)) tokenRefused(code);
    },
  };
  for (const listener of [commandListener, actionListener, questionListener]) listener(app, deps);

  if (installer) registerUninstall(app, { installer, subscriptions: ctx.subscriptions, log });

  app.error(async (err) => {
    log.error({ err }, 'unhandled Slack error');
  });

  if (httpReceiver) ctx.http.add(httpReceiver.route());
  if (installer) addInstallRoutes(ctx.http, installer, { redirectUri: env.SLACK_REDIRECT_URI, log });

  // Briefings: a client of their own with no retries; the scheduler's attempts are the only retry layer.
  const briefingClients = new Map<string, WebClient>();
  const briefingClient = (token: string) => {
    let c = briefingClients.get(token);
    if (!c) {
      c = new WebClient(token, {
        ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
        logger,
        retryConfig: { retries: 0 },
        rejectRateLimitedCalls: true,
        timeout: 10_000,
      });
      briefingClients.set(token, c);
    }
    return c;
  };
  const deliverer = slackDeliverer({
    async clientFor({ workspaceId, enterpriseId }) {
      if (!installer) return briefingClient(env.SLACK_BOT_TOKEN!);
      // The workspace's own install, else its organisation's org-wide install (Enterprise Grid). A
      // stored install no key opens is the operator's to fix (SLACK_TOKEN_KEY): retried, never paused.
      const auth = await installer
        .authorize({ teamId: workspaceId ?? undefined, enterpriseId: enterpriseId ?? undefined, isEnterpriseInstall: false })
        .catch((err: unknown) => {
          const cause = (err as { original?: unknown }).original ?? err;
          if (cause instanceof SealedWithOtherKey)
            throw new DeliveryError(`cannot open the stored Slack installation (${cause.message}): check SLACK_TOKEN_KEY`, false);
          return undefined;
        });
      if (!auth?.botToken) throw new Error('no_installation');
      return briefingClient(auth.botToken);
    },
    charts,
    componentSecret: ctx.componentSecret,
    upload,
    log,
    onRefusedToken: (code) => tokenRefused(code),
  });

  let started = false;
  // Readiness that means it: the Socket Mode connection as it is now, and a token Slack has refused
  // since start (revoked, app removed) until the process is restarted with a good one.
  let socketConnected = httpReceiver !== undefined;
  if (!httpReceiver) {
    const socket = (receiver as InstanceType<typeof SocketModeReceiver>).client;
    socket.on('connected', () => (socketConnected = true));
    for (const event of ['disconnected', 'reconnecting']) socket.on(event, () => (socketConnected = false));
  }
  let refusedToken: string | undefined;
  tokenRefused = (code) => {
    if (installer || refusedToken) return;
    refusedToken = code;
    log.error({ variable: 'SLACK_BOT_TOKEN', code }, `Slack refused SLACK_BOT_TOKEN (${code}) while running: /readyz reports not ready`);
  };
  return {
    deliverer,
    async start() {
      if (installationStore) {
        const keys = await installationStore.check();
        if (keys.stored > 0 && keys.opened === 0) {
          throw new PlatformFatalError(
            'slack',
            'SLACK_TOKEN_KEY',
            `SLACK_TOKEN_KEY opens none of the ${keys.stored} stored Slack installations: set the key they were sealed with (while rotating, the new key first: SLACK_TOKEN_KEY=new,old)`,
          );
        }
        if (keys.opened < keys.stored)
          log.warn(
            { stored: keys.stored, opened: keys.opened },
            'Slack: some stored installations open with none of the keys in SLACK_TOKEN_KEY; their workspaces get no answers until the key is listed',
          );
      }
      if (env.SLACK_BOT_TOKEN) {
        // A bad token fails now, loudly, instead of answering every command with an empty 200.
        const probe = new WebClient(env.SLACK_BOT_TOKEN, { ...(apiUrl ? { slackApiUrl: apiUrl } : {}), logger, retryConfig: { retries: 1 } });
        try {
          const who = await probe.auth.test();
          identity = { botId: String(who.bot_id ?? ''), botUserId: String(who.user_id ?? '') };
        } catch (err) {
          const code = (err as { data?: { error?: string } }).data?.error;
          if (code && REFUSED_TOKEN.has(code))
            throw new PlatformFatalError(
              'slack',
              'SLACK_BOT_TOKEN',
              `Slack refused SLACK_BOT_TOKEN (${code}); create a new bot token under OAuth & Permissions and set SLACK_BOT_TOKEN`,
            );
          throw (
            unreachable('slack', err, {
              host: apiUrl ?? 'https://slack.com/api/',
              variable: apiUrl ? 'SLACK_API_URL' : 'SLACK_BOT_TOKEN',
              requestFailed: (err as { code?: unknown }).code === 'slack_webapi_request_error',
            }) ?? err
          );
        }
      }
      await app.init();
      try {
        await app.start();
      } catch (err) {
        const code = (err as { data?: { error?: string } }).data?.error;
        if (code && REFUSED_TOKEN.has(code))
          throw new PlatformFatalError(
            'slack',
            'SLACK_APP_TOKEN',
            `Slack refused SLACK_APP_TOKEN (${code}); create an app-level token with connections:write and set SLACK_APP_TOKEN`,
          );
        throw (
          unreachable('slack', err, {
            host: apiUrl ?? 'https://slack.com/api/',
            variable: apiUrl ? 'SLACK_API_URL' : 'SLACK_APP_TOKEN',
            requestFailed: (err as { code?: unknown }).code === 'slack_webapi_request_error',
          }) ?? err
        );
      }
      started = true;
      log.info(
        { mode: httpReceiver ? 'http' : 'socket', oauth, bot: identity?.botUserId },
        httpReceiver ? 'Slack: serving /slack/events' : 'Slack: connected in Socket Mode',
      );
    },
    async stop() {
      await app.stop().catch(() => {});
    },
    health: () => {
      if (!started) return { ready: false, detail: 'not started' };
      if (refusedToken) return { ready: false, detail: `Slack refused SLACK_BOT_TOKEN (${refusedToken})` };
      if (!socketConnected) return { ready: false, detail: 'Socket Mode connection lost; reconnecting' };
      return { ready: true };
    },
  };
}
