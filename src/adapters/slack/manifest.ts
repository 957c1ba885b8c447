import { usageOf, type CommandDefinition } from '../../commands/define.js';
import { UMBRELLA } from '../../commands/dispatch.js';

/** Commands reached only through /anode in Slack, to keep the workspace's slash menu short. */
const UMBRELLA_ONLY = new Set(['help', 'sources']);

/**
 * The Slack app manifest, generated from the command definitions so it cannot drift from them.
 * Socket Mode by default; with `httpUrl`, the request URLs for HTTP mode instead.
 */
export function slackManifest(commands: readonly CommandDefinition[], o: { httpUrl?: string } = {}): Record<string, unknown> {
  const url = o.httpUrl ? `${o.httpUrl.replace(/\/+$/, '')}/slack/events` : undefined;
  const slash = commands
    .filter((c) => !UMBRELLA_ONLY.has(c.name))
    .map((c) => ({
      command: `/${c.name}`,
      description: c.description,
      usage_hint: usageOf(c).split('\n').map((l) => l.replace(`/${c.name}`, '').trim()).filter(Boolean).join(' | ') || undefined,
      should_escape: false,
      ...(url ? { url } : {}),
    }));
  slash.push({
    command: `/${UMBRELLA}`,
    description: 'Every anode-bot command in one: /anode province Yunnan, /anode help',
    usage_hint: '<command> [options]',
    should_escape: false,
    ...(url ? { url } : {}),
  });
  return {
    display_information: {
      name: 'anode-bot',
      description: "China's prebaked-anode industry in 2024, figure by figure, with sources",
      background_color: '#1565c0',
    },
    features: {
      bot_user: { display_name: 'anode-bot', always_online: true },
      slash_commands: slash.map((s) => JSON.parse(JSON.stringify(s))),
    },
    oauth_config: {
      scopes: {
        // commands: slash commands; chat:write: scheduled briefings; files:write: upload mode
        // (CHART_MODE=upload); users:read: only admins and owners may change a channel's briefings.
        bot: ['commands', 'chat:write', 'files:write', 'users:read'],
      },
    },
    settings: {
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: !url,
      token_rotation_enabled: false,
    },
  };
}
