import type { AllMiddlewareArgs, App, SlackActionMiddlewareArgs } from '@slack/bolt';
import { BUTTON_ACTION, MENU_ACTION } from '../render.js';
import type { SlackListenerDeps } from './deps.js';

/** Buttons and menus: a signed command line re-run for whoever clicked, placed as the pipeline says. */
export function register(app: App, deps: SlackListenerDeps): void {
  const onClick = async ({ ack, body, action, respond, client }: SlackActionMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const b = body as { channel?: { id?: string }; container?: { channel_id?: string }; user: { id: string }; team?: { id?: string } | null };
    const channel = b.channel?.id ?? b.container?.channel_id ?? '';
    const team = b.team?.id ?? '';
    const a = action as { type: string; value?: string; block_id?: string; selected_option?: { value?: string } };
    try {
      const lang = await deps.langFor(channel, b.user.id, team, client);
      // A menu's signed line is its block id; the chosen value completes it.
      const way =
        a.type === 'static_select'
          ? { kind: 'click' as const, id: a.block_id ?? '', selected: a.selected_option?.value ?? '' }
          : { kind: 'click' as const, id: a.value ?? '' };
      const outcome = await deps.pipeline.answer(way, deps.invocation(b.user.id, channel, team, lang, client));
      if (!outcome.ok) {
        await respond({ ...deps.errorMessage(outcome.reply, outcome.lang), replace_original: false });
        return;
      }
      const { presented } = outcome;
      const message = await deps.message(presented, client);
      if (presented.placement === 'share') {
        await respond({ ...message, replace_original: false });
        await respond({ delete_original: true });
      } else await respond({ ...message, response_type: 'ephemeral', replace_original: presented.placement === 'update' });
    } catch (err) {
      deps.log.error({ err }, 'click: could not send the answer');
    }
  };
  app.action(BUTTON_ACTION, onClick);
  app.action(MENU_ACTION, onClick);
}
