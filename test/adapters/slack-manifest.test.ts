import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BOT_SCOPES, slackManifest } from '../../src/adapters/slack/manifest.js';
import { commands } from '../../commands/index.js';

type Manifest = {
  features: { slash_commands: { command: string; description: string; usage_hint?: string; url?: string }[] };
  oauth_config: { redirect_urls?: string[]; scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; interactivity: { request_url?: string }; event_subscriptions?: { request_url: string; bot_events: string[] } };
};

describe('the Slack app manifest, generated from the definitions', () => {
  it('slack/manifest.json is exactly what npm run slack:manifest prints', () => {
    expect(JSON.parse(readFileSync('slack/manifest.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(slackManifest(commands))));
  });

  it('every command is reachable, every description fits, and no edition year is written in', () => {
    const m = slackManifest(commands) as Manifest;
    const slash = m.features.slash_commands.map((s) => s.command);
    expect(slash).toContain('/anode');
    for (const c of commands) expect(slash.includes(`/${c.name}`) || slash.includes('/anode'), c.name).toBe(true);
    for (const s of m.features.slash_commands) {
      expect(s.description.length, s.command).toBeGreaterThan(0);
      expect(s.description.length, s.command).toBeLessThanOrEqual(100);
      expect((s.usage_hint ?? '').length, s.command).toBeLessThanOrEqual(100);
    }
    expect(JSON.stringify(m)).not.toMatch(/\b20\d\d\b/);
  });

  it('asks for the scopes the bot uses, history included (a taken-over slot is checked before it is posted again)', () => {
    expect((slackManifest(commands) as Manifest).oauth_config.scopes.bot).toEqual(BOT_SCOPES);
    expect(BOT_SCOPES).toEqual(expect.arrayContaining(['commands', 'chat:write', 'files:write', 'users:read', 'channels:history', 'groups:history']));
  });

  it('HTTP mode points every command and interactivity at /slack/events; --oauth adds the redirect and uninstall events', () => {
    const http = slackManifest(commands, { httpUrl: 'https://bot.example.com/' }) as Manifest;
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(new Set(http.features.slash_commands.map((s) => s.url))).toEqual(new Set(['https://bot.example.com/slack/events']));
    expect(http.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    expect(http.oauth_config.redirect_urls).toBeUndefined();
    const oauth = slackManifest(commands, { httpUrl: 'https://bot.example.com', oauth: true }) as Manifest;
    expect(oauth.oauth_config.redirect_urls).toEqual(['https://bot.example.com/slack/oauth_redirect']);
    expect(oauth.settings.event_subscriptions?.bot_events).toEqual(['app_mention', 'message.im', 'app_uninstalled', 'tokens_revoked']);
  });

  it('listens for questions: @mentions and direct messages, with the scopes and the Messages tab they need', () => {
    for (const o of [{}, { httpUrl: 'https://bot.example.com' }]) {
      const m = slackManifest(commands, o) as Manifest & { features: { app_home?: { messages_tab_enabled: boolean } } };
      expect(m.settings.event_subscriptions?.bot_events).toEqual(['app_mention', 'message.im']);
      expect(m.features.app_home?.messages_tab_enabled).toBe(true);
    }
    expect(BOT_SCOPES).toEqual(expect.arrayContaining(['app_mentions:read', 'im:history']));
  });
});
