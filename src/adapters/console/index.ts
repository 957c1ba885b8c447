import * as z from 'zod';
import { once } from '../../config/env.js';
import type { Deliverer } from '../../briefings/scheduler.js';
import { langIfSaid, langOf } from '../../i18n/lang.js';
import type { PlatformModule } from '../platform.js';
import type { ConsoleSession } from './console-bot.js';

const env = once(() =>
  z.object({
    /** The console's language when --lang is not given: LANG/LC_ALL (zh_* reads Chinese). */
    LC_ALL: z.string().optional(),
    LANG: z.string().optional(),
    NO_COLOR: z.string().optional(),
  }),
);

/** The console: the embedded default when no chat platform is configured. */
export const consolePlatform: PlatformModule<ReturnType<typeof env>> = {
  id: 'console',
  get env() {
    return env();
  },
  // Never switched on by configuration: the bot falls back to it when nothing else is on.
  enabled: () => false,
  secrets: () => [],
  async create(ctx, e) {
    const { runConsole } = await import('./console-bot.js');
    const { consoleDeliverer } = await import('./deliverer.js');
    const lang = ctx.lang ?? langIfSaid(e.LC_ALL) ?? langOf(e.LANG);
    const color = Boolean(process.stdout.isTTY) && e.NO_COLOR === undefined;
    let session: ConsoleSession | undefined;
    const deliverer: Deliverer = consoleDeliverer((text) => (session ? session.print(text) : process.stdout.write(text)), ctx.config.CHART_DIR, color);
    // `/language` in the console holds for this session: each start reads LANG or --lang afresh.
    await ctx.settings.setLanguage('console', 'console', 'auto');
    const sessionLang = async () => {
      const chosen = await ctx.settings.language('console', 'console');
      return chosen === 'en' || chosen === 'zh-CN' ? chosen : undefined;
    };
    return {
      deliverer,
      async start() {
        session = await runConsole(ctx.core, {
          input: process.stdin,
          output: process.stdout,
          chartDir: ctx.config.CHART_DIR,
          historyFile: 'var/console-history',
          lang,
          sessionLang,
          log: ctx.log,
          color,
          metrics: ctx.metrics,
        });
      },
      async stop() {},
      health: () => ({ ready: true }),
      get finished() {
        return session?.finished;
      },
    };
  },
};
