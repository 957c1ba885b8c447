import type { z } from 'zod';
import type { Deliverer } from '../briefings/scheduler.js';
import type { Core } from '../core.js';
import type { HttpServer } from '../http/server.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../observability/metrics.js';
import type { SqlStore } from '../store/sql-store.js';
import type { ChannelSettings } from '../settings.js';
import type { BaseConfig } from '../config/config.js';
import type { SubscriptionStore } from '../briefings/store.js';
import type { Lang } from '../i18n/lang.js';

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
}

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
