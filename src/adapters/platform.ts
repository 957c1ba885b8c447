import type { z } from 'zod';
import type { Deliverer } from '../briefings/scheduler.js';
import type { Core } from '../core.js';
import type { HttpServer, ReplayGuard } from '../http/server.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../telemetry/metrics.js';
import type { SqlStore } from '../store/sql-store.js';
import type { ChannelSettings } from '../settings.js';
import type { BaseConfig } from '../config/config.js';
import type { SubscriptionStore } from '../briefings/subscriptions.js';
import type { Lang } from '../i18n/lang.js';
import type { Messages } from '../i18n/messages.js';
import type { Reply } from '../framework/reply.js';
import type { Control } from '../render/controls.js';
import type { ChartImage } from '../render/images.js';

/** What every platform gets from the process: typed, created before any platform starts. */
export interface PlatformContext {
  core: Core;
  log: Logger;
  config: BaseConfig;
  /** The one HTTP server on PORT: platforms add their routes to it. */
  http: HttpServer;
  /** The bot's database (installations, channel settings). */
  store: SqlStore;
  /** Channel settings, cached, and shared with the commands that change them. */
  settings: ChannelSettings;
  subscriptions: SubscriptionStore;
  metrics: Metrics;
  /** Refuses replayed signed requests, across replicas when they share PostgreSQL. */
  replays: ReplayGuard;
  /** Signs the command lines carried by buttons and menus (see render/controls.ts). */
  componentSecret: string;
  /** The language asked for on the command line (--lang), if any. */
  lang: Lang | undefined;
  /** A platform found, after starting, that it can never work (a gateway closed for good). */
  fatal(err: PlatformFatalError): void;
}

/** A running platform. */
export interface PlatformAdapter {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** How briefings reach this platform's channels, if they can. */
  deliverer?: Deliverer;
  /** Connected and able to answer (readiness). */
  health(): { ready: boolean; detail?: string };
  /** For the console: resolves when the user leaves, and the process then stops. */
  readonly finished?: Promise<void> | undefined;
}

/**
 * The one contract every platform implements: its own environment variables, when it is on, the
 * secrets it brings (never logged), and how it starts. The SDK is loaded inside `create`, so a
 * process loads only the platforms it runs.
 */
export interface PlatformModule<S extends z.ZodObject = z.ZodObject> {
  readonly id: string;
  /** Its section of the environment; .env.example lists the same variables. */
  readonly env: S;
  enabled(env: z.output<S>): boolean;
  /** Values that must never reach a log line or a reply. */
  secrets(env: z.output<S>): string[];
  /** Values whose presence identifies this process's signing secret for buttons, strongest first. */
  componentKeys?(env: z.output<S>): string[];
  create(ctx: PlatformContext, env: z.output<S>): Promise<PlatformAdapter>;
  /**
   * The JSON this platform receives for a reply, for `ask --format <id>` and `briefing --format <id>`;
   * loaded when asked for, so listing the platforms loads no renderer.
   */
  payload?(): Promise<PayloadRenderer>;
}

/** A reply, its chart images and its controls, as one platform's message JSON. */
export type PayloadRenderer = (reply: Reply, o: { images: readonly ChartImage[]; controls: readonly Control[]; m: Messages }) => unknown;

/** A platform that cannot work with the credentials given: stops start-up naming the variable to fix. */
export class PlatformFatalError extends Error {
  constructor(
    readonly platform: string,
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformFatalError';
  }
}

/** Errors from the network itself, by code (never by message text): the host could not be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_HEADERS_TIMEOUT',
  'ECONNABORTED',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
]);

/** The first network error code in an error and its causes (SDKs wrap them: `original`, `cause`). */
export function networkCodeOf(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  for (let e: unknown = err; e && typeof e === 'object' && !seen.has(e); ) {
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) for (const inner of errors) if (networkCodeOf(inner)) return networkCodeOf(inner);
    e = (e as { cause?: unknown }).cause ?? (e as { original?: unknown }).original;
  }
  return undefined;
}

/** The HTTP status an SDK error carries (`status`, `statusCode`, `response.status`), if any. */
export function httpStatusOf(err: unknown): number | undefined {
  const e = err as { status?: unknown; statusCode?: unknown; code?: unknown; response?: { status?: unknown } } | undefined;
  for (const v of [e?.status, e?.statusCode, e?.response?.status]) if (typeof v === 'number') return v;
  return undefined;
}

/**
 * A platform that cannot be reached at start, as one line: the platform, the host it tried, the code,
 * and the variable to check. Undefined when the error is not a network failure.
 */
export function unreachable(platform: string, err: unknown, o: { host: string; variable: string; requestFailed?: boolean }): PlatformFatalError | undefined {
  // `requestFailed`: the SDK's own code says no answer came (Slack's slack_webapi_request_error),
  // though the network error under it may carry no code (fetch refuses some ports without one).
  const code = networkCodeOf(err) ?? (o.requestFailed ? 'no answer' : undefined);
  if (!code) return undefined;
  const label = platform.charAt(0).toUpperCase() + platform.slice(1);
  return new PlatformFatalError(platform, o.variable, `${label}: cannot reach ${o.host} (${code}); check ${o.variable} and the network, then start again`);
}
