import { createHash, randomBytes } from 'node:crypto';
import { NO_CONTROLS } from './render/controls.js';
import { hostname } from 'node:os';
import type { z } from 'zod';
import { platforms as defaultPlatforms } from './adapters/index.js';
import { PlatformFatalError, type PlatformAdapter, type PlatformContext, type PlatformModule } from './adapters/platform.js';
import { createComposer } from './briefings/briefing-cache.js';
import { declaredBriefings } from './briefings/declared.js';
import { BriefingScheduler, type Deliverer } from './briefings/scheduler.js';
import { createBriefingService } from './briefings/service.js';
import { readBaseConfig, type BaseConfig } from './config/config.js';
import { ConfigError } from './config/errors.js';
import { parseEnv, withoutEmpty } from './config/env.js';
import { createCore, type Core } from './core.js';
import { loadEditionsFast } from './dataset/prevalidated.js';
import { buildLibrary, type Library } from './editions.js';
import { addHealthRoutes } from './http/health-routes.js';
import { HttpServer, ReplayGuard } from './http/server.js';
import type { Lang } from './i18n/lang.js';
import { createLogger, type Logger } from './log.js';
import { deferredMetrics, noMetrics, type Metrics } from './telemetry/metrics.js';
import { cachedSettings } from './settings.js';
import { openStore } from './store/open.js';
import type { SqlStore } from './store/sql-store.js';

/** Signed requests are valid five minutes either way: a signature is remembered for ten. */
const REPLAY_WINDOW_MS = 10 * 60_000;

export interface BotOptions {
  env: NodeJS.ProcessEnv;
  /** The platform list; tests add platforms of their own, nothing else changes. */
  platforms?: readonly PlatformModule[];
  /** --lang on the command line. */
  lang?: Lang;
  /** Where logs go (stderr by default). */
  logDestination?: NodeJS.WritableStream;
  /** Aborted by a signal during start-up: start-up stops at its next step and undoes what it opened. */
  signal?: AbortSignal;
  /** Called once, before the first platform connects, when a chat platform runs (never for the console alone). */
  beforeNetwork?: () => void;
}

/** Start-up was stopped by a signal; everything it had opened is closed again and nothing is claimed. */
export class StartupAborted extends Error {
  override name = 'StartupAborted';
}

export interface RunningBot {
  core: Core;
  log: Logger;
  config: BaseConfig;
  store: SqlStore;
  scheduler: BriefingScheduler;
  adapters: ReadonlyMap<string, PlatformAdapter>;
  /** The HTTP port actually bound, when the process serves HTTP. */
  port: number | undefined;
  healthPort: number | undefined;
  /** Resolves when the process should end by itself: the console's user left, or a platform failed for good. */
  finished: Promise<{ code: number; reason: string }>;
  /** Loads the data folder again (SIGHUP); a broken new edition is refused and the running one stays. */
  reload(): Promise<boolean>;
  stop(): Promise<void>;
}

/**
 * The composition root: configuration, dataset, database, briefings, the enabled platforms (the
 * console when none is), one HTTP server, health and metrics. Platforms come from one explicit list.
 * Long because it holds startSteps (below, which says why) beside the undo list it fills.
 */
export async function startBot(o: BotOptions): Promise<RunningBot> {
  const list = o.platforms ?? defaultPlatforms;
  const env = withoutEmpty(o.env);
  const config = readBaseConfig(env);
  const sections = list.map((p) => ({ module: p, env: parseEnv(p.env, env) as z.output<z.ZodObject> }));
  const enabled = sections.filter((s) => s.module.enabled(s.env));
  const fallback = sections.find((s) => s.module.id === 'console');
  const running = enabled.length > 0 ? enabled : fallback ? [fallback] : [];
  const chat = enabled.length > 0;
  if (chat) o.beforeNetwork?.();
  const secrets = [
    ...sections.flatMap((s) => s.module.secrets(s.env)),
    ...(config.COMPONENT_SECRET ? [config.COMPONENT_SECRET] : []),
    ...(config.DATABASE_URL ? [new URL(config.DATABASE_URL).password].filter(Boolean) : []),
  ];
  // The console prints replies on stdout; its stderr stays quiet unless asked.
  const log = createLogger(config.LOG_LEVEL ?? (chat ? 'info' : 'warn'), o.logDestination, secrets);

  // What start-up has opened so far, undone in reverse when it stops half-way (a signal, a failure).
  const opened: (() => Promise<unknown>)[] = [];
  const step = () => {
    if (o.signal?.aborted) throw new StartupAborted('stopped by a signal during start-up');
  };
  // A step that waits on the network (a gateway, a database) ends at once when a signal comes.
  const orAbort = <T>(work: Promise<T>): Promise<T> => {
    const signal = o.signal;
    if (!signal) return work;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new StartupAborted('stopped by a signal during start-up'));
      if (signal.aborted) return onAbort();
      signal.addEventListener('abort', onAbort, { once: true });
      work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
  try {
    return await startSteps();
  } catch (err) {
    for (const undo of opened.reverse()) await undo().catch(() => {});
    if (err instanceof StartupAborted) log.info('start-up stopped by a signal; nothing was left claimed');
    throw err;
  }

  // One function on purpose: start-up is a sequence (dataset, database, core, platforms, port,
  // scheduler) whose order matters and whose every step registers its undo; read top to bottom.
  async function startSteps(): Promise<RunningBot> {
    // `validated`: "build" when the files are the ones the build validated, "now" when checked in full.
    const load = async (): Promise<Library> => {
      const started = performance.now();
      const { editions, validated } = await loadEditionsFast(config.DATA_DIR);
      const library = buildLibrary(editions, config.DATASET_EDITION);
      log.info({ editions: library.years, current: library.current.year, validated, ms: Math.round(performance.now() - started) }, 'dataset loaded');
      return library;
    };
    const library = await load();

    step();
    const storeOpening = openStore(config);
    opened.push(() => storeOpening.then((s) => s.close()));
    const store = await orAbort(storeOpening);
    step();
    const served = chat || config.HEALTH_PORT !== undefined ? deferredMetrics() : undefined;
    const metrics: Metrics = served ?? noMetrics;
    const declared = declaredBriefings(
      config.BRIEFINGS,
      config.BRIEFING_TZ,
      list.map((p) => p.id),
    );
    for (const sub of declared) await store.add({ ...sub, lastEdition: library.current.year });
    const resumed = await store.resumeDeclared();
    if (resumed > 0) log.info({ resumed }, 'briefings: operator-declared subscriptions resumed at start');

    let core!: Core;
    const composer = createComposer(store);
    const briefings = createBriefingService({
      store,
      composer,
      library: () => core.library(),
      defaultTz: config.BRIEFING_TZ,
      workspaceLimit: config.BRIEFING_WORKSPACE_LIMIT,
    });
    const settings = cachedSettings(store);
    core = createCore({ library, services: { briefings, settings } });

    const http = new HttpServer((err, route) => log.error({ err, route }, 'HTTP handler failed'));
    const componentSecret = componentSecretFor(config, running, log);
    let onFinish: (r: { code: number; reason: string }) => void = () => {};
    const finished = new Promise<{ code: number; reason: string }>((resolve) => (onFinish = resolve));
    const adapters = new Map<string, PlatformAdapter>();
    const unhealthy = new Map<string, string>();
    const fatal = (err: PlatformFatalError) => {
      unhealthy.set(err.platform, err.message);
      const others = [...adapters.keys()].filter((id) => id !== err.platform && !unhealthy.has(id));
      if (others.length > 0) log.error({ platform: err.platform, variable: err.variable }, `${err.message} (the other platforms go on)`);
      else onFinish({ code: 1, reason: `${err.message}` });
    };
    // One replay record for every platform; replicas on one PostgreSQL database share it.
    const replays = new ReplayGuard(REPLAY_WINDOW_MS, config.DATABASE_URL ? store : undefined);
    const ctx = (): PlatformContext => ({
      core,
      log,
      config,
      http,
      store,
      settings,
      subscriptions: store,
      metrics,
      replays,
      componentSecret,
      lang: o.lang,
      fatal,
    });
    for (const s of running) adapters.set(s.module.id, await s.module.create(ctx(), s.env));
    step();

    const failed: PlatformFatalError[] = [];
    for (const [id, adapter] of adapters) {
      try {
        step();
        opened.push(() => adapter.stop());
        await orAbort(adapter.start());
      } catch (err) {
        if (!(err instanceof PlatformFatalError)) throw err;
        unhealthy.set(id, err.message);
        failed.push(err);
      }
    }
    const healthy = [...adapters.keys()].filter((id) => !unhealthy.has(id));
    // One platform with bad credentials must not take down a healthy one; /readyz reports it.
    if (healthy.length > 0)
      for (const err of failed) log.error({ platform: err.platform, variable: err.variable }, `${err.message} (the other platforms go on)`);
    if (healthy.length === 0 && unhealthy.size > 0) {
      throw new PlatformFatalError([...unhealthy.keys()].join(', '), '', [...unhealthy.values()].join('; '));
    }

    const healthRoutes = (server: HttpServer) =>
      addHealthRoutes(server, {
        dataset: () => core.library().current !== undefined,
        ping: () => store.ping(),
        platforms: () =>
          [...adapters].map(([id, a]): [string, { ready: boolean; detail?: string }] => [
            id,
            unhealthy.has(id) ? { ready: false, detail: unhealthy.get(id)! } : a.health(),
          ]),
        metrics,
        log,
      });
    let port: number | undefined;
    let healthPort: number | undefined;
    let healthServer: HttpServer | undefined;
    if (config.HEALTH_PORT !== undefined) {
      healthServer = new HttpServer((err, route) => log.error({ err, route }, 'HTTP handler failed'));
      healthRoutes(healthServer);
      const server = healthServer;
      opened.push(() => server.close());
      healthPort = await listenOn(server, config.HEALTH_PORT, 'HEALTH_PORT', config.HOST);
    } else if (http.size > 0) {
      healthRoutes(http);
    }
    if (http.size > 0) {
      opened.push(() => http.close());
      port = await listenOn(http, config.PORT, 'PORT', config.HOST);
      log.info({ port, routes: http.paths() }, `listening on port ${port}`);
    }
    await served?.load();

    const deliverers = new Map<string, Deliverer>();
    for (const [id, a] of adapters) if (a.deliverer && !unhealthy.has(id)) deliverers.set(id, a.deliverer);
    const scheduler = schedulerFor(config, { store, deliverers, core: () => core, composer, log, metrics });
    step();
    opened.push(() => scheduler.stop());
    await scheduler.start();
    step();

    // A session that ends in an error is over all the same: when its terminal goes away (a closed
    // window, a dropped SSH connection), readline cannot restore the terminal and throws EIO. Before,
    // the bot then ran on with no terminal, and took the hangup's SIGHUP for a data reload.
    for (const a of adapters.values())
      if (a.finished)
        void a.finished.then(
          () => onFinish({ code: 0, reason: 'console closed' }),
          (err: unknown) => onFinish({ code: 0, reason: `console closed: ${err instanceof Error ? err.message : String(err)}` }),
        );

    let stopping: Promise<void> | undefined;
    return {
      core,
      log,
      config,
      store,
      scheduler,
      adapters,
      port,
      healthPort,
      finished,
      async reload() {
        try {
          const next = await load();
          const was = core.library().current.year;
          core.reload(next);
          log.info({ editions: next.years, current: next.current.year, was }, 'dataset reloaded');
          return true;
        } catch (err) {
          log.error({ error: (err as Error).message }, 'dataset reload refused; still answering from the running edition');
          return false;
        }
      },
      stop() {
        stopping ??= (async () => {
          // Briefings first (no new posts, in-flight ones finished or given back), then the platforms.
          await scheduler.stop();
          for (const [id, a] of [...adapters].reverse()) await a.stop().catch((err: unknown) => log.error({ err, platform: id }, 'stop failed'));
          await http.close();
          await healthServer?.close();
          await store.close().catch(() => {});
        })();
        return stopping;
      },
    };
  }
}

/**
 * Buttons carry signed command lines: replicas sharing a platform secret share the key, so any of
 * them can answer a click; COMPONENT_SECRET overrides. With no secret at all (Discord HTTP
 * interactions without DISCORD_TOKEN) there are no buttons: a key made from public material could
 * be forged, and one made up per process would fail on the next replica.
 */
function componentSecretFor(config: BaseConfig, running: readonly { module: PlatformModule; env: z.output<z.ZodObject> }[], log: Logger): string {
  const keys = running.flatMap((s) => s.module.componentKeys?.(s.env) ?? []);
  const secret = config.COMPONENT_SECRET ?? (keys[0] ? createHash('sha256').update(`anode-bot components\n${keys[0]}`).digest('hex') : NO_CONTROLS);
  if (secret === NO_CONTROLS && running.some((s) => s.module.componentKeys))
    log.warn(
      { variable: 'COMPONENT_SECRET' },
      'buttons and menus are off: no secret to sign them with; set COMPONENT_SECRET (16+ characters, the same on every replica)',
    );
  return secret;
}

/**
 * The briefing scheduler as this process runs it: the operator's settings (grace, lease, tick,
 * attempts) and the fixed pacing (a second between posts to one channel, eight deliveries at once).
 */
function schedulerFor(
  config: BaseConfig,
  d: { store: SqlStore; deliverers: Map<string, Deliverer>; core: () => Core; composer: ReturnType<typeof createComposer>; log: Logger; metrics: Metrics },
): BriefingScheduler {
  return new BriefingScheduler({
    store: d.store,
    deliverers: d.deliverers,
    library: () => d.core().library(),
    compose: (sub, edition, announceSince) => d.composer.forSubscription(sub, edition, announceSince),
    log: d.log.child({ component: 'briefings' }),
    owner: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    graceMinutes: config.BRIEFING_GRACE_MINUTES,
    leaseMs: config.BRIEFING_LEASE_SECONDS * 1000,
    tickSeconds: config.BRIEFING_TICK_SECONDS,
    attempts: config.BRIEFING_ATTEMPTS,
    backoffMs: 1000,
    retryAfterMs: 60_000,
    concurrency: 8,
    perChannelGapMs: 1100,
    drainMs: 8000,
    observe: { delivery: (x) => d.metrics.delivery(x), recovered: (n) => d.metrics.recovered(n), dbError: () => d.metrics.dbError() },
  });
}

/** A port that cannot be opened is the operator's to fix: one line naming the variable, no stack trace. */
async function listenOn(server: HttpServer, port: number, variable: string, host: string | undefined): Promise<number> {
  try {
    return await server.listen(port, host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new ConfigError(`${variable}=${port}: that port is already in use; stop the other process or choose another port`);
    if (code === 'EACCES') throw new ConfigError(`${variable}=${port}: not allowed to listen on that port (below 1024 needs privileges)`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
      throw new ConfigError(`HOST=${host}: no such address on this machine; unset HOST to listen on every interface`);
    throw err;
  }
}
