import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { slackManifest } from '../../src/adapters/slack/manifest.js';

describe('Slack app manifest', () => {
  const manifest = slackManifest(commands) as {
    features: { slash_commands: { command: string; description: string; url?: string }[] };
    oauth_config: { scopes: { bot: string[] } };
    settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean; request_url?: string } };
  };

  it('slack/manifest.json is the generated one (npm run slack:manifest)', () => {
    expect(JSON.parse(readFileSync('slack/manifest.json', 'utf8'))).toEqual(manifest);
  });

  it('lists every slash command, Socket Mode on, interactivity on, only the scopes used', () => {
    const names = manifest.features.slash_commands.map((c) => c.command);
    for (const c of ['/overview', '/province', '/exports', '/utilization', '/mismatch', '/compare', '/rank', '/briefing', '/anode']) expect(names).toContain(c);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(['chat:write', 'commands', 'files:write', 'users:read']);
    for (const c of manifest.features.slash_commands) expect(c.description.length).toBeLessThanOrEqual(100);
  });

  it('HTTP mode points every command and interactivity at /slack/events', () => {
    const http = slackManifest(commands, { httpUrl: 'https://bot.example.com/' }) as typeof manifest;
    expect(http.settings.socket_mode_enabled).toBe(false);
    expect(http.settings.interactivity.request_url).toBe('https://bot.example.com/slack/events');
    expect(new Set(http.features.slash_commands.map((c) => c.url))).toEqual(new Set(['https://bot.example.com/slack/events']));
  });
});
