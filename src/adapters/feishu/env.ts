import * as z from 'zod';
import { once } from '../../config/env.js';

/** Feishu's section of the environment; .env.example lists the same variables. */
/** Built on first use: a one-shot CLI lists the platforms but reads no platform's variables. */
export const env = once(() =>
  z
    .object({
      // The SDK's long connection silently refuses any other form: said at start-up instead.
      FEISHU_APP_ID: z
        .string()
        .regex(/^cli_[0-9a-f]{16}$/i, 'expected the App ID as the console shows it: cli_ and 16 hex digits')
        .optional(),
      FEISHU_APP_SECRET: z.string().optional(),
      /** feishu (open.feishu.cn), lark (open.larksuite.com), or a base URL (a proxy, a local stand-in). */
      FEISHU_DOMAIN: z
        .string()
        .default('feishu')
        .refine((d) => d === 'feishu' || d === 'lark' || /^https?:\/\/[^\s]+$/.test(d), 'expected feishu, lark or an http(s) base URL'),
      FEISHU_EVENT_MODE: z.enum(['websocket', 'webhook'], { error: 'expected websocket or webhook' }).default('websocket'),
      FEISHU_VERIFICATION_TOKEN: z.string().optional(),
      FEISHU_ENCRYPT_KEY: z.string().optional(),
    })
    .superRefine((e, c) => {
      const need = (v: string, why: string) => c.addIssue({ code: 'custom', path: [v], message: `${v} is needed ${why}` });
      if (e.FEISHU_APP_ID && !e.FEISHU_APP_SECRET) need('FEISHU_APP_SECRET', 'with FEISHU_APP_ID');
      // Webhook events are checked against the token Feishu puts in each one: without it, anyone could post.
      if (e.FEISHU_APP_ID && e.FEISHU_EVENT_MODE === 'webhook' && !e.FEISHU_VERIFICATION_TOKEN)
        need('FEISHU_VERIFICATION_TOKEN', 'with FEISHU_EVENT_MODE=webhook (the Verification Token of the app’s Events and Callbacks page)');
    }),
);

export type FeishuEnv = z.output<ReturnType<typeof env>>;
