import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { createDiscordBot, type DiscordBot } from '../../src/adapters/discord/discord-bot.js';
import { discordCommands, type DiscordCommand, type DiscordOption } from '../../src/adapters/discord/registration.js';
import { defineCommand } from '../../src/commands/define.js';
import { createCore, type Core } from '../../src/core.js';
import { createLogger } from '../../src/log.js';
import { core } from '../support/core.js';
import { LogCapture } from '../support/local-server.js';
import { APP_ID, interaction, startFakeDiscord, type FakeDiscord, type RecordedRequest } from '../support/fake-discord.js';
import { discordViolations } from '../support/platform-limits.js';

const TOKEN = 'MTEwMDAwMDAwMDAwMDAwMDAwMg.fake.discord-token-value';


const STRING = 3;
const INTEGER = 4;
const BOOLEAN = 5;
const SUB = 1;

async function startBot(fake: FakeDiscord, o: { core?: Core; chartMode?: 'url' | 'upload' } = {}): Promise<{ bot: DiscordBot; logs: LogCapture }> {
  const logs = new LogCapture();
  const bot = createDiscordBot({ core: o.core ?? core(), log: createLogger('info', logs), token: TOKEN, apiUrl: fake.api, chartMode: o.chartMode ?? 'url', quickChartBaseUrl: 'https://quickchart.io' });
  await bot.start();
  return { bot, logs };
}

/** Dispatches an interaction and returns its callback body. */
async function call(fake: FakeDiscord, data: ReturnType<typeof interaction>): Promise<RecordedRequest> {
  fake.dispatchInteraction(data);
  return fake.waitFor((r) => r.path === `/api/v10/interactions/${data.id}/${data.token}/callback`);
}

type Embed = { title: string; description?: string; fields?: { name: string; value: string }[]; image?: { url: string }; footer?: { text: string } };
const embedsOf = (r: RecordedRequest) => ((r.body.data as { embeds: Embed[] }).embeds);
const flagsOf = (r: RecordedRequest) => (r.body.data as { flags?: number }).flags ?? 0;
const EPHEMERAL = 64;

describe('Discord adapter through discord.js against a local fake gateway and REST API', () => {
  let fake: FakeDiscord;
  let running: { bot: DiscordBot; logs: LogCapture };

  beforeAll(async () => {
    fake = await startFakeDiscord();
    running = await startBot(fake);
  });
  afterAll(async () => {
    await running.bot.stop();
    await fake.close();
  });

  it('logs in through the fake gateway with the Guilds intent only', () => {
    expect(fake.identified()).toBe(true);
    expect(running.bot.client.options.intents.bitfield).toBe(1);
  });

  it('answers every command with an embed, chart and sources, ephemerally, mentions off', async () => {
    const cases: [string, Record<string, unknown>[], string][] = [
      ['overview', [], 'China prebaked anodes · 2024 overview'],
      ['province', [{ type: STRING, name: 'name', value: 'Yunnan' }], 'Yunnan · prebaked anodes 2024'],
      ['exports', [{ type: SUB, name: 'top', options: [{ type: INTEGER, name: 'count', value: 3 }, { type: INTEGER, name: 'year', value: 2023 }] }], 'Anode exports 2023: top 3 destinations'],
      ['exports', [{ type: SUB, name: 'country', options: [{ type: STRING, name: 'name', value: '马来西亚' }] }], 'Anode exports to Malaysia'],
      ['utilization', [], 'Capacity utilization by efficiency class · 2024'],
      ['mismatch', [], 'Regional anode mismatch · 2024'],
      ['compare', [{ type: STRING, name: 'province1', value: 'Shandong' }, { type: STRING, name: 'province2', value: '云南' }], 'Shandong vs Yunnan · 2024'],
      ['rank', [{ type: STRING, name: 'metric', value: 'utilization' }, { type: INTEGER, name: 'top', value: 3 }], 'Provinces by utilization · 2024'],
      ['sources', [], 'Sources · dataset 2024.1'],
      ['help', [], 'anode-bot commands'],
    ];
    for (const [name, options, title] of cases) {
      const r = await call(fake, interaction(name, options));
      expect(r.body.type, name).toBe(4);
      const data = r.body.data as { allowed_mentions: unknown; embeds: Embed[] };
      expect(data.allowed_mentions).toEqual({ parse: [] });
      expect(flagsOf(r) & EPHEMERAL, name).toBe(EPHEMERAL);
      expect(data.embeds[0]!.title, name).toBe(title);
      expect(discordViolations(data as never), name).toEqual([]);
    }
  });

  it('a province reply carries figures with sources and two chart images', async () => {
    const r = await call(fake, interaction('province', [{ type: STRING, name: 'name', value: 'inner mongolia' }]));
    const [main, second] = embedsOf(r);
    expect(main!.fields!.find((f) => f.name === 'Capacity')!.value).toBe('2.16 Mt\n*Table 2*');
    expect(main!.image!.url).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
    expect(second!.image!.url).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
    expect(main!.footer!.text).toContain('Table 2');
  });

  it('"public: true" answers in the channel', async () => {
    const r = await call(fake, interaction('province', [{ type: STRING, name: 'name', value: 'Yunnan' }, { type: BOOLEAN, name: 'public', value: true }]));
    expect(flagsOf(r) & EPHEMERAL).toBe(0);
  });

  it('a user mistake gets an ephemeral explanation, even when asked to be public', async () => {
    const r = await call(fake, interaction('province', [{ type: STRING, name: 'name', value: 'Yunan' }, { type: BOOLEAN, name: 'public', value: true }]));
    expect(flagsOf(r) & EPHEMERAL).toBe(EPHEMERAL);
    expect(JSON.stringify(r.body)).toContain('Did you mean Yunnan');
    for (const attempt of ['@everyone', '@here', '<@&123>', '<@400>']) {
      const m = await call(fake, interaction('province', [{ type: STRING, name: 'name', value: attempt }]));
      const json = JSON.stringify(m.body);
      expect(json, attempt).not.toMatch(/(^|[^\u200b])@(everyone|here)|<@/);
      expect((m.body.data as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('autocompletes province and country names: prefix, Chinese, typo, at most 25', async () => {
    const ask = async (name: string, options: Record<string, unknown>[]) => {
      const r = await call(fake, interaction(name, options, { type: 4 }));
      expect(r.body.type).toBe(8);
      return (r.body.data as { choices: { name: string; value: string }[] }).choices;
    };
    const prefix = await ask('province', [{ type: STRING, name: 'name', value: 'yun', focused: true }]);
    expect(prefix[0]).toEqual({ name: 'Yunnan 云南', value: 'Yunnan' });
    const chinese = await ask('province', [{ type: STRING, name: 'name', value: '内蒙', focused: true }]);
    expect(chinese.map((c) => c.value)).toContain('Inner Mongolia');
    const typo = await ask('compare', [{ type: STRING, name: 'province1', value: 'Shangdong', focused: true }]);
    expect(typo[0]!.value).toBe('Shandong');
    const country = await ask('exports', [{ type: SUB, name: 'country', options: [{ type: STRING, name: 'name', value: '阿联', focused: true }] }]);
    expect(country[0]!.value).toBe('United Arab Emirates');
    const all = await ask('province', [{ type: STRING, name: 'name', value: '', focused: true }]);
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of [...prefix, ...chinese, ...typo, ...country, ...all]) expect(c.name.length).toBeLessThanOrEqual(100);
  });

  it('never logs the token', () => {
    expect(running.logs.text).not.toContain(TOKEN);
    expect(running.logs.text).not.toContain('discord-token-value');
  });
});

describe('Discord adapter: permissions, deferral, failures', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await startFakeDiscord();
  });
  afterAll(async () => fake.close());

  it('a command that changes channel settings checks Manage Channels at run time', async () => {
    const guarded = defineCommand({ name: 'guarded', description: 'Changes a channel setting', examples: ['/guarded'], options: {}, run: () => ({ tone: 'info', title: 'changed' }) });
    const leaf = guarded.leaf!;
    leaf.requiresManage = true;
    const registration = discordCommands([guarded])[0]!;
    expect(registration.default_member_permissions).toBe('16');
    const { bot } = await startBot(fake, { core: createCore('data', {}, [...commands, guarded]) });
    try {
      const denied = await call(fake, interaction('guarded', [], { permissions: '0' }));
      expect(embedsOf(denied)[0]!.title).toContain('Not allowed here');
      expect(flagsOf(denied) & EPHEMERAL).toBe(EPHEMERAL);
      const allowed = await call(fake, interaction('guarded', [], { permissions: String(1 << 4) }));
      expect(embedsOf(allowed)[0]!.title).toBe('changed');
    } finally {
      await bot.stop();
    }
  });

  it('upload mode defers, renders locally, then edits the reply with the PNG attachments', async () => {
    const { bot } = await startBot(fake, { chartMode: 'upload' });
    try {
      const data = interaction('mismatch', []);
      const callback = await call(fake, data);
      expect(callback.body.type).toBe(5);
      expect((callback.body.data as { flags: number }).flags).toBe(EPHEMERAL);
      const edit = await fake.waitFor((r) => r.method === 'PATCH' && r.path === `/api/v10/webhooks/${APP_ID}/${data.token}/messages/@original`, 15_000);
      expect(edit.files).toHaveLength(1);
      expect(edit.files[0]!.name).toBe('chart-1.png');
      expect(edit.files[0]!.bytes).toBeGreaterThan(10_000);
      const embeds = edit.body.embeds as Embed[];
      expect(embeds[0]!.image!.url).toBe('attachment://chart-1.png');
      expect(JSON.stringify(edit.body)).not.toContain('quickchart.io');
    } finally {
      await bot.stop();
    }
  });

  it('a handler that throws still answers with an error id, logged, and the client keeps serving', async () => {
    let calls = 0;
    const flaky: Core = {
      ...core(),
      run: async (...args) => {
        if (++calls === 1) throw new Error('kaboom');
        return core().run(...args);
      },
    };
    const { bot, logs } = await startBot(fake, { core: flaky });
    try {
      const first = await call(fake, interaction('overview', []));
      const text = JSON.stringify(first.body);
      const id = /error id ([0-9a-f]{8})/.exec(text)?.[1];
      expect(id).toBeDefined();
      expect(flagsOf(first) & EPHEMERAL).toBe(EPHEMERAL);
      expect(logs.text).toContain(id!);
      expect(logs.text).toContain('kaboom');
      const second = await call(fake, interaction('overview', []));
      expect(embedsOf(second)[0]!.title).toContain('overview');
    } finally {
      await bot.stop();
    }
  });
});

describe('Discord command registration', () => {
  const registration = discordCommands(commands);

  function walk(options: DiscordOption[], visit: (o: DiscordOption) => void): void {
    for (const o of options) {
      visit(o);
      walk(o.options ?? [], visit);
    }
  }

  it('follows Discord naming and size rules', () => {
    expect(registration.length).toBeLessThanOrEqual(100);
    const names = /^[-_'\p{L}\p{N}]{1,32}$/u;
    for (const c of registration as DiscordCommand[]) {
      expect(c.name).toMatch(names);
      expect(c.name).toBe(c.name.toLowerCase());
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.options.length).toBeLessThanOrEqual(25);
      walk(c.options, (o) => {
        expect(o.name, `${c.name}.${o.name}`).toMatch(names);
        expect(o.name).toBe(o.name.toLowerCase());
        expect(o.description.length).toBeGreaterThanOrEqual(1);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect((o.options ?? []).length).toBeLessThanOrEqual(25);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
        if (o.autocomplete) expect(o.choices).toBeUndefined();
      });
      // Required options come first, at every level.
      walk([{ type: 0, name: 'root', description: 'x', options: c.options }], (o) => {
        const req = (o.options ?? []).filter((x) => x.type !== SUB).map((x) => Boolean(x.required));
        expect(req).toEqual([...req].sort((a, b) => Number(b) - Number(a)));
      });
      const size = JSON.stringify(c).length;
      expect(size).toBeLessThan(8000);
    }
  });

  it('maps zod options to types, choices, bounds and autocomplete', () => {
    const byName = Object.fromEntries(registration.map((c) => [c.name, c]));
    expect(byName.province!.options[0]).toMatchObject({ name: 'name', type: STRING, required: true, autocomplete: true });
    const exports = byName.exports!.options;
    expect(exports.map((o) => [o.name, o.type])).toEqual([['top', SUB], ['country', SUB]]);
    expect(exports[0]!.options![0]).toMatchObject({ name: 'count', type: INTEGER, min_value: 1, max_value: 25 });
    expect(byName.rank!.options[0]).toMatchObject({ name: 'metric', required: true });
    expect(byName.rank!.options[0]!.choices).toHaveLength(9);
    expect(byName.compare!.options.filter((o) => o.required).map((o) => o.name)).toEqual(['province1', 'province2']);
    for (const c of registration) expect(JSON.stringify(c)).toContain('"name":"public"');
  });

  it('npm run discord:register -- --dry-run prints exactly this JSON; a real run PUTs it to the guild', async () => {
    const run = promisify(execFile);
    const tsx = join('node_modules', '.bin', 'tsx');
    const dry = await run(tsx, ['src/cli/discord-register.ts', '--dry-run']);
    expect(JSON.parse(dry.stdout)).toEqual(registration);
    const fake = await startFakeDiscord();
    try {
      const real = await run(tsx, ['src/cli/discord-register.ts'], {
        env: { ...process.env, DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_GUILD_ID: '200', DISCORD_API_URL: fake.api },
      });
      expect(real.stdout).toContain(`Registered ${registration.length} commands to server 200`);
      const put = fake.requests.find((r) => r.method === 'PUT')!;
      expect(put.path).toBe(`/api/v10/applications/${APP_ID}/guilds/200/commands`);
      expect(put.body).toEqual(registration);
      expect(real.stdout + real.stderr).not.toContain(TOKEN);
    } finally {
      await fake.close();
    }
  });
});
