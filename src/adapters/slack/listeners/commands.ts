import type { AllMiddlewareArgs, App, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { leavesOf } from '../../../framework/define.js';
import { UMBRELLA } from '../../../framework/dispatch.js';
import type { Lang } from '../../../i18n/lang.js';
import { decodeSlackText } from '../escaping.js';
import type { SlackListenerDeps } from './deps.js';

/** Every slash command of the definitions (and the umbrella /anode), through one listener. */
export function register(app: App, deps: SlackListenerDeps): void {
  const commands = deps.core.registry.commands;
  const names = [...commands.map((c) => c.name), UMBRELLA];
  // Asking Slack who may manage a channel takes a moment: those commands acknowledge first.
  const manages = new Set(commands.filter((c) => leavesOf(c).some((l) => l.leaf.requires?.length)).map((c) => c.name));
  // One listener for every command: Bolt runs each listener's matcher on every request.
  const pattern = new RegExp(`^/(${names.map((c) => c.replace(/[^a-z0-9_-]/g, '')).join('|')})$`);
  app.command(pattern, async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const name = command.command.slice(1);
    const text = decodeSlackText(command.text ?? '');
    const line = `/${name} ${text}`.trim();
    const target = name === UMBRELLA ? (text.trim().split(/\s+/)[0] ?? 'help').replace(/^\//, '').toLowerCase() : name;
    let acked = false;
    let lang: Lang = 'en';
    try {
      lang = await deps.langFor(command.channel_id, command.user_id, command.team_id, client);
      if (manages.has(target)) {
        await ack();
        acked = true;
      }
      const invocation = deps.invocation(command.user_id, command.channel_id, command.team_id, lang, client, command.enterprise_id);
      const outcome = await deps.pipeline.answer({ kind: 'line', line }, invocation);
      if (!outcome.ok) {
        deps.tokenRefused(outcome.kind === 'failure' ? outcome.error : undefined);
        const message = deps.errorMessage(outcome.reply, outcome.lang);
        if (acked) await respond(message);
        else await ack(message as never);
        return;
      }
      const { presented } = outcome;
      const files = presented.reply.tone === 'info' && (presented.answer.reply.files?.length ?? 0) > 0;
      if ((files || deps.uploadsCharts(presented)) && !acked) {
        await ack();
        acked = true;
      }
      const message = await deps.message(presented, client);
      if (files) await deps.attach(presented.answer.reply, command.channel_id, client);
      if (acked) await respond(message);
      else await ack(message as never);
    } catch (err) {
      // Sending failed (the pipeline itself never throws): nothing more can reach the user.
      deps.tokenRefused(err);
      deps.log.error({ err, command: name }, 'slash command: could not send the answer');
    }
  });
}
