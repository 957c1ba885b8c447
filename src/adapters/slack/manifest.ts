import { usageOf, type CommandDefinition } from '../../framework/define.js';
import { UMBRELLA } from '../../framework/dispatch.js';
import { en } from '../../i18n/en.js';

/** Commands reached only through /anode in Slack, to keep the workspace's slash menu short. */
const UMBRELLA_ONLY = new Set(['help', 'sources', 'language', 'changes']);

/**
 * Bot scopes, each for one thing the bot does: commands (slash commands); chat:write (briefings);
 * files:write (charts in upload mode or too long for a URL, tables as CSV); users:read (who is an admin, and the locale of
 * channels set to auto); channels:history and groups:history (a briefing slot taken over after a crash
 * is checked against the channel's recent messages before it is posted again); app_mentions:read and
 * im:history (questions by @mention and by direct message, below).
 */
export const BOT_SCOPES = [
  'commands',
  'chat:write',
  'files:write',
  'users:read',
  'channels:history',
  'groups:history',
  'app_mentions:read',
  'im:history',
  'mpim:history',
];

/**
 * Events the bot listens to: questions by @mention (app_mentions:read) and by direct message
 * (im:history, which the takeover check of a briefing subscribed in a direct message needs too).
 */
export const BOT_EVENTS = ['app_mention', 'message.im'];

/**
 * The Slack app manifest, generated from the command definitions so it cannot drift from them.
 * Socket Mode by default; with `httpUrl`, the request URLs for HTTP mode; with `oauth` as well, the
 * redirect URL and the events that tell the bot it was uninstalled.
 */
export function slackManifest(commands: readonly CommandDefinition[], o: { httpUrl?: string; oauth?: boolean } = {}): Record<string, unknown> {
  const base = o.httpUrl?.replace(/\/+$/, '');
  const url = base ? `${base}/slack/events` : undefined;
  const slash = [
    ...commands
      .filter((c) => !UMBRELLA_ONLY.has(c.name))
      .map((c) => ({
        command: `/${c.name}`,
        description: c.description(en).slice(0, 100),
        usage_hint:
          usageOf(c)
            .split('\n')
            .map((l) => l.replace(`/${c.name}`, '').trim())
            .filter(Boolean)
            .join(' | ')
            .slice(0, 100) || undefined,
        should_escape: false,
        ...(url ? { url } : {}),
      })),
    {
      command: `/${UMBRELLA}`,
      description: 'Every anode-bot command in one: /anode province Yunnan, /anode help',
      usage_hint: '<command> [options]',
      should_escape: false,
      ...(url ? { url } : {}),
    },
  ];
  return {
    display_information: {
      name: 'anode-bot',
      description: "China's prebaked-anode industry, figure by figure, with sources",
      background_color: '#1565c0',
    },
    features: {
      bot_user: { display_name: 'anode-bot', always_online: true },
      // Direct messages to the app are questions: the Messages tab must accept them.
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      slash_commands: slash.map((s) => JSON.parse(JSON.stringify(s))),
    },
    oauth_config: {
      ...(o.oauth && base ? { redirect_urls: [`${base}/slack/oauth_redirect`] } : {}),
      scopes: { bot: BOT_SCOPES },
    },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS, ...(o.oauth ? ['app_uninstalled', 'tokens_revoked'] : [])] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: Boolean(o.oauth),
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}
