import type { AllMiddlewareArgs, SlackActionMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { App, SocketModeReceiver } from './bolt.js';
import { InstallProvider, type CallbackOptions } from '@slack/oauth';
import { WebClient, type RetryOptions } from '@slack/web-api';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { leavesOf, type Invocation } from '../../framework/define.js';
import { UMBRELLA } from '../../framework/dispatch.js';
import { compactReply, errorReply, type Reply } from '../../framework/reply.js';
import type { Answer } from '../../core.js';
import { langOf, type Lang } from '../../i18n/lang.js';
import { messages, type Messages } from '../../i18n/messages.js';
import { controlsFor, decodeClick } from '../../render/controls.js';
import { quickChartImages, type ChartImage } from '../../render/images.js';
import { BUTTON_ACTION, MENU_ACTION, slackControls, toSlackMessage, type SlackMessage } from '../../render/slack-message.js';
import { PlatformFatalError, unreachable, type PlatformAdapter, type PlatformContext } from '../platform.js';
import { apologyReply } from '../shared/failure.js';
import { slackCanManage, slackLocales } from './admins.js';
import { boltLogger } from './bolt-logger.js';
import { REFUSED_TOKEN, slackDeliverer } from './deliverer.js';
import { decodeSlackText } from './escaping.js';
import { registerQuestions } from './questions.js';
import { SealedWithOtherKey, SqlInstallationStore, SqlStateStore } from './installations.js';
import { DeliveryError } from '../../briefings/scheduler.js';
import { BOT_SCOPES } from './manifest.js';
import { SlackHttpReceiver } from './receiver.js';
import type { SlackEnv } from './index.js';

/** Interactive answers retry briefly (a user is waiting); briefings have a client of their own. */
const INTERACTIVE_RETRIES: RetryOptions = { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 1000 };

/**
 * The Slack adapter: slash commands, buttons and menus through Bolt, in Socket Mode or over the
 * process's HTTP server, for one workspace (SLACK_BOT_TOKEN) or many (OAuth installs). Transport
 * only: every answer comes from the shared command definitions.
 */
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
  });

  const upload = async (client: WebClient, reply: Reply): Promise<ChartImage[]> => {
    const { chartPngs } = await import('../shared/chart-pngs.js');
    const pngs = await chartPngs(reply);
    if (pngs.length === 0) return [];
    const result = (await client.files.uploadV2({
      file_uploads: pngs.map((p) => ({ file: p.png, filename: p.name, title: p.title, alt_text: p.alt })),
    })) as unknown as { files?: { files?: { id?: string }[] }[] };
    return (result.files ?? []).flatMap((f) => f.files ?? []).flatMap((f) => (f.id ? [{ kind: 'slack-file' as const, id: f.id }] : []));
  };

  /** The message for an answer: compact unless --full; payloads of pure answers built once, buttons signed per channel. */
  const present = async (
    answer: Answer,
    o: { line: string; channel: string; lang: Lang; client: WebClient; sharedBy?: string; forcePublic?: boolean },
  ): Promise<SlackMessage & { response_type: 'ephemeral' | 'in_channel' }> => {
    const m = messages(o.lang);
    const detail = answer.flags.has('full') ? 'full' : 'compact';
    const reply = detail === 'compact' ? compactReply(answer.reply) : answer.reply;
    const isPublic = (o.forcePublic || answer.flags.has('public') || Boolean(reply.inChannel)) && reply.tone === 'info';
    const build = async () =>
      toSlackMessage(reply, {
        images:
          ctx.config.CHART_MODE === 'upload' && reply.tone === 'info' ? await upload(o.client, reply) : quickChartImages(reply, ctx.config.QUICKCHART_BASE_URL),
        m,
        reserve: 2,
        ...(o.sharedBy ? { sharedBy: o.sharedBy } : {}),
      });
    const base = ctx.config.CHART_MODE === 'url' && !o.sharedBy ? await ctx.core.rendered(answer, `slack|${detail}|${o.lang}`, build) : await build();
    const controls = controlsFor(answer.reply, {
      secret: ctx.componentSecret,
      channelId: o.channel,
      line: o.line,
      detail,
      isPublic,
      shareable: Boolean(answer.cacheKey) && !o.sharedBy,
      m,
    });
    return { response_type: isPublic ? 'in_channel' : 'ephemeral', text: base.text, blocks: [...base.blocks, ...slackControls(controls)] };
  };

  const attach = async (reply: Reply, channel: string, client: WebClient) => {
    for (const f of reply.files ?? [])
      await client.files.uploadV2({ channel_id: channel, file: Buffer.from(f.content, 'utf8'), filename: f.name, title: f.name });
  };

  const apology = (m: Messages) => {
    const errorId = randomBytes(4).toString('hex');
    return { errorId, message: { response_type: 'ephemeral' as const, ...toSlackMessage(apologyReply(errorId, m), { m }) } };
  };

  const commandNames = [...ctx.core.registry.commands.map((c) => c.name), UMBRELLA];
  const manages = new Set(ctx.core.registry.commands.filter((c) => leavesOf(c).some((l) => l.leaf.requiresManage) || c.name === 'language').map((c) => c.name));
  // One listener for every command: Bolt runs each listener's matcher on every request.
  const pattern = new RegExp(`^/(${commandNames.map((c) => c.replace(/[^a-z0-9_-]/g, '')).join('|')})$`);
  app.command(pattern, async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const started = performance.now();
    const name = command.command.slice(1);
    const text = decodeSlackText(command.text ?? '');
    const line = `/${name} ${text}`.trim();
    const target = name === UMBRELLA ? (text.trim().split(/\s+/)[0] ?? 'help').replace(/^\//, '').toLowerCase() : name;
    let acked = false;
    let lang: Lang = 'en';
    try {
      lang = await langFor(command.channel_id, command.user_id, command.team_id, client);
      // Asking Slack who is an admin, rendering or uploading can take a moment: acknowledge first.
      if (ctx.config.CHART_MODE === 'upload' || manages.has(target)) {
        await ack();
        acked = true;
      }
      const answer = await ctx.core.ask(line, invocation(command.user_id, command.channel_id, command.team_id, lang, client, command.enterprise_id));
      if (answer.reply.files?.length && !acked) {
        await ack();
        acked = true;
      }
      const message = await present(answer, { line: stripFlags(line), channel: command.channel_id, lang, client });
      if (answer.reply.files?.length && answer.reply.tone === 'info') await attach(answer.reply, command.channel_id, client);
      if (acked) await respond(message);
      else {
        await ack(message as never);
        acked = true;
      }
      ctx.metrics.command(answer.command ?? 'unknown', 'slack', answer.reply.tone === 'error' ? 'user_error' : 'ok', (performance.now() - started) / 1000);
    } catch (err) {
      const code = (err as { data?: { error?: string } }).data?.error;
      if (code && REFUSED_TOKEN.has(code)) tokenRefused(code);
      const { errorId, message } = apology(messages(lang));
      log.error({ err, errorId, command: name }, 'slash command failed');
      ctx.metrics.command(target, 'slack', 'failure', (performance.now() - started) / 1000);
      try {
        if (acked) await respond(message);
        else await ack(message as never);
      } catch (second) {
        log.error({ err: second, errorId }, 'could not send the apology');
      }
    }
  });

  const onClick = async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const started = performance.now();
    const b = body as { channel?: { id?: string }; container?: { channel_id?: string }; user: { id: string }; team?: { id?: string } | null };
    const channel = b.channel?.id ?? b.container?.channel_id ?? '';
    const team = b.team?.id ?? '';
    const a = action as { type: string; value?: string; block_id?: string; selected_option?: { value?: string } };
    let lang: Lang = 'en';
    try {
      lang = await langFor(channel, b.user.id, team, client);
      const m = messages(lang);
      const click =
        a.type === 'static_select'
          ? decodeClick(ctx.componentSecret, channel, a.block_id ?? '', a.selected_option?.value ?? '')
          : decodeClick(ctx.componentSecret, channel, a.value ?? '');
      if (!click.ok) {
        log.warn({ reason: click.reason, channel }, 'Slack: click refused');
        const reply =
          click.reason === 'forged' ? errorReply(m.render.clickElsewhere, m.render.clickElsewhereHint) : errorReply(m.render.badClick, m.render.badClickHint);
        await respond({ response_type: 'ephemeral', replace_original: false, ...toSlackMessage(reply, { m }) });
        return;
      }
      const answer = await ctx.core.ask(click.line, invocation(b.user.id, channel, team, lang, client));
      if (click.mode === 'p') {
        const message = await present(answer, { line: stripFlags(click.line), channel, lang, client, sharedBy: b.user.id, forcePublic: true });
        await respond({ ...message, replace_original: false });
        await respond({ delete_original: true });
      } else {
        const message = await present(answer, { line: stripFlags(click.line), channel, lang, client });
        await respond(
          click.mode === 'u'
            ? { ...message, response_type: 'ephemeral', replace_original: true }
            : { ...message, response_type: 'ephemeral', replace_original: false },
        );
      }
      ctx.metrics.command(answer.command ?? 'unknown', 'slack', answer.reply.tone === 'error' ? 'user_error' : 'ok', (performance.now() - started) / 1000);
    } catch (err) {
      const { errorId, message } = apology(messages(lang));
      log.error({ err, errorId }, 'click failed');
      await respond({ ...message, replace_original: false }).catch(() => {});
    }
  };
  app.action(BUTTON_ACTION, onClick);
  app.action(MENU_ACTION, onClick);
  registerQuestions(app, { core: ctx.core, log, metrics: ctx.metrics, langFor, invocation, present, apology: (lang) => apology(messages(lang)) });

  if (installer) {
    const forget = async (teamId: string | undefined, enterpriseId: string | undefined, isEnterpriseInstall: boolean, why: string) => {
      if (!teamId && !enterpriseId) return;
      await installer.installationStore.deleteInstallation?.({ teamId, enterpriseId, isEnterpriseInstall } as never);
      const paused = teamId ? await ctx.subscriptions.pauseWorkspace('slack', teamId, why) : 0;
      log.info({ team: teamId, enterprise: enterpriseId, paused }, `Slack: ${why}; installation removed, briefings paused`);
    };
    app.event('app_uninstalled', async ({ context }) => forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall), 'app uninstalled'));
    app.event('tokens_revoked', async ({ event, context }) => {
      if (((event as { tokens?: { bot?: string[] } }).tokens?.bot ?? []).length > 0)
        await forget(context.teamId, context.enterpriseId, Boolean(context.isEnterpriseInstall), 'bot token revoked');
    });
  }

  app.error(async (err) => {
    log.error({ err }, 'unhandled Slack error');
  });

  if (httpReceiver) ctx.http.add(httpReceiver.route());
  if (installer) {
    const installOptions = { scopes: BOT_SCOPES, ...(env.SLACK_REDIRECT_URI ? { redirectUri: env.SLACK_REDIRECT_URI } : {}) };
    const callback: CallbackOptions = {
      success: (installation, _options, _req, res) => {
        log.info({ team: installation.team?.id, enterprise: installation.enterprise?.id }, 'Slack: installed');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          '<!doctype html><meta charset="utf-8"><title>anode-bot installed</title><p>anode-bot is installed. Try <code>/anode help</code> in any channel.</p>',
        );
      },
      failure: (error, _options, _req, res) => {
        const code = (error as { code?: string }).code ?? 'unknown';
        const status =
          code === 'slack_oauth_invalid_state' || code === 'slack_oauth_missing_state' ? 400 : code === 'slack_oauth_installer_authorization_error' ? 400 : 502;
        // The code and status only: the request's code, state and tokens never reach the log.
        log.warn({ code, status }, 'Slack: installation refused');
        res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(
          status === 400
            ? 'This installation link is not valid (expired or altered). Start again from /slack/install.'
            : 'Slack did not confirm the installation. Start again from /slack/install.',
        );
      },
    };
    ctx.http.add({
      method: 'GET',
      path: '/slack/install',
      handle: (req: IncomingMessage, res: ServerResponse) => installer.handleInstallPath(req, res, {}, installOptions),
    });
    ctx.http.add({
      method: 'GET',
      path: '/slack/oauth_redirect',
      handle: (req: IncomingMessage, res: ServerResponse) => installer.handleCallback(req, res, callback, installOptions),
    });
  }

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
    charts: { mode: ctx.config.CHART_MODE, quickChartBaseUrl: ctx.config.QUICKCHART_BASE_URL },
    componentSecret: ctx.componentSecret,
    upload,
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

/** The line a button re-runs: without the flags that only changed how this answer looked. */
function stripFlags(line: string): string {
  return line.replace(/\s+(?:--|—|–)(?:public|full|compact)\b/gi, '').trim();
}
