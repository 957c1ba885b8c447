import * as z from 'zod';
import type { PlatformModule } from '../../src/adapters/platform.js';
import type { Deliverer } from '../../src/briefings/scheduler.js';
import { createAnswerPipeline, type Outcome } from '../../src/framework/answer-pipeline.js';
import { messages } from '../../src/i18n/messages.js';
import { readBody, sendJson } from '../../src/http/server.js';
import { toConsoleText } from '../../src/render/console-text.js';
import type { Control } from '../../src/render/controls.js';
import type { Reply } from '../../src/framework/reply.js';

/** A platform that exists only in the tests: proof that a platform is one module and nothing else. */
export interface EchoMessage {
  text: string;
  buttons: { label: string; id: string }[];
  public: boolean;
}

function render(reply: Reply, o: { controls: readonly Control[]; m: ReturnType<typeof messages> }): EchoMessage {
  return {
    text: toConsoleText(reply, { m: o.m }),
    buttons: o.controls.flatMap((c) => (c.kind === 'button' ? [{ label: c.label, id: c.id }] : [])),
    public: false,
  };
}

/** Briefings this platform was given, in order. */
export const echoDelivered: { channel: string; message: EchoMessage }[] = [];

const env = z.object({ ECHO_ON: z.string().optional(), ECHO_KEY: z.string().optional() });

export const echoPlatform: PlatformModule<typeof env> = {
  id: 'echo',
  env,
  enabled: (e) => e.ECHO_ON === '1',
  secrets: (e) => [e.ECHO_KEY].filter((s): s is string => Boolean(s)),
  componentKeys: (e) => [e.ECHO_KEY].filter((s): s is string => Boolean(s)),
  payload: async () => (reply, o) => render(reply, o),
  async create(ctx) {
    const pipeline = createAnswerPipeline({ core: ctx.core, log: ctx.log, metrics: ctx.metrics, componentSecret: ctx.componentSecret, platform: 'echo' });
    const toMessage = (o: Outcome): EchoMessage => {
      if (!o.ok) return render(o.reply, { controls: [], m: messages(o.lang) });
      return { ...render(o.presented.reply, { controls: o.presented.controls, m: messages(o.presented.lang) }), public: o.presented.isPublic };
    };
    // Events in: {channel, user, text} or {channel, user, click}; the answer out as JSON.
    ctx.http.add({
      method: 'POST',
      path: '/echo',
      handle: async (req, res) => {
        const e = JSON.parse((await readBody(req, 10_000)).toString('utf8')) as { channel: string; user: string; text?: string; click?: string };
        const invocation = { platform: 'echo', userId: e.user, channelId: e.channel, lang: 'en' as const, canManage: async () => true };
        const outcome = await pipeline.answer(e.click ? { kind: 'click', id: e.click } : { kind: 'line', line: e.text ?? '' }, invocation);
        sendJson(res, 200, toMessage(outcome));
      },
    });
    const deliverer: Deliverer = {
      async deliver(target, message) {
        echoDelivered.push({ channel: target.subscription.channelId, message: render(message.reply, { controls: [], m: messages(message.lang) }) });
        return {};
      },
    };
    return { start: async () => {}, stop: async () => {}, deliverer, health: () => ({ ready: true }) };
  },
};
