import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordCommands } from '../../src/adapters/discord/registration.js';
import { commands } from '../../commands/index.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { APP_ID, BOT_ID, interaction, startFakeDiscord, userMessage, type FakeDiscord, type RecordedRequest } from '../support/fake-discord.js';
import { discordButtons, discordFieldLabels, discordText, discordTitle, discordViolations } from '../support/platform-limits.js';

const TOKEN = 'discord-test-token.abc.def';

type Callback = {
  type: number;
  data?: { flags?: number; components?: { components: { type: number; custom_id: string; label?: string }[] }[]; choices?: { name: string; value: string }[] };
};

describe('Discord through discord.js against a local fake gateway and REST', () => {
  let fake: FakeDiscord;
  let t: TestBot;
  const send = async (i: ReturnType<typeof interaction>, shard?: number): Promise<Callback & { request: RecordedRequest }> => {
    fake.dispatchInteraction(i, shard);
    const request = await fake.waitFor((r) => r.path.includes(`/interactions/${i.id}/`));
    return { ...(request.body as Callback), request };
  };
  const components = (c: Callback) => discordButtons(c.data);

  beforeAll(async () => {
    fake = await startFakeDiscord();
    t = await startTestBot({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.api });
  });
  afterAll(async () => {
    await t.stop();
    await fake.close();
  });

  it('answers slash commands with compact, private Components V2 replies within limits, and buttons', async () => {
    const cases: [string, Record<string, unknown>[], string][] = [
      ['overview', [], 'overview'],
      ['province', [{ name: 'name', type: 3, value: 'Yunnan' }], 'Yunnan · prebaked anodes 2024'],
      [
        'exports',
        [
          {
            name: 'top',
            type: 1,
            options: [
              { name: 'count', type: 4, value: 3 },
              { name: 'year', type: 4, value: 2023 },
            ],
          },
        ],
        'Anode exports 2023: top 3',
      ],
      ['exports', [{ name: 'country', type: 1, options: [{ name: 'name', type: 3, value: '马来西亚' }] }], 'Anode exports to Malaysia'],
      [
        'compare',
        [
          { name: 'province1', type: 3, value: 'Shandong' },
          { name: 'province2', type: 3, value: 'Inner Mongolia' },
        ],
        'Shandong vs Inner Mongolia',
      ],
      [
        'rank',
        [
          { name: 'metric', type: 3, value: 'balance' },
          { name: 'top', type: 4, value: 3 },
        ],
        'Provinces by net balance',
      ],
      ['table', [{ name: 'number', type: 4, value: 2 }], 'Table 2 · 2024 edition'],
      ['help', [], 'anode-bot commands'],
    ];
    for (const [name, options, title] of cases) {
      const c = await send(interaction(name, options));
      expect(c.type, name).toBe(4);
      expect(c.data!.flags, name).toBe(64 | 32768);
      expect(discordTitle(c.data), name).toContain(title);
      expect(discordViolations(c.data as never), name).toEqual([]);
      expect((c.data as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    }
    const yunnan = await send(interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }]));
    expect(discordFieldLabels(yunnan.data)).toHaveLength(4);
    expect(components(yunnan).map((x) => x.label ?? 'select')).toEqual(['More', 'Utilization', 'Rank', 'Balance', 'Share in channel', 'select']);
    expect(yunnan.request.auth).toBeUndefined();
  });

  it('questions in words: a mention in a server and a direct message get a reply with the understood command on top', async () => {
    const question = userMessage(`<@${BOT_ID}> what is the capacity of yunnan?`, { channel: '310', mentions: [BOT_ID] });
    fake.dispatch('MESSAGE_CREATE', question);
    const post = await fake.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/310/messages');
    const body = post.body as { message_reference?: { message_id: string }; allowed_mentions?: unknown; components?: unknown[] };
    expect(discordText(body).split('\n')[0]).toBe('-# → /province Yunnan');
    expect(discordTitle(body)).toBe('Yunnan · prebaked anodes 2024');
    expect(body.message_reference?.message_id).toBe(question.id);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(discordViolations(body as never)).toEqual([]);
    expect(body.components?.length).toBeGreaterThan(0);

    const dm = userMessage('山东和河南对比一下', { channel: '320', guild: null });
    fake.dispatch('MESSAGE_CREATE', dm);
    const dmPost = await fake.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/320/messages');
    expect(discordText(dmPost.body).split('\n')[0]).toBe('-# → 理解为 /compare Shandong Henan');

    // Chatter that does not mention the bot, and the bot's own messages, are never answered.
    fake.dispatch('MESSAGE_CREATE', userMessage('yunnan utilization?', { channel: '330' }));
    fake.dispatch('MESSAGE_CREATE', userMessage(`<@${BOT_ID}> yunnan`, { channel: '340', mentions: [BOT_ID], author: BOT_ID, bot: true }));
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.requests.filter((r) => r.method === 'POST' && /channels\/(330|340)\/messages/.test(r.path))).toEqual([]);
  });

  it('an unsure question offers its readings as buttons; a click runs the chosen command', async () => {
    fake.dispatch('MESSAGE_CREATE', userMessage(`<@${BOT_ID}> which province is top`, { channel: '350', mentions: [BOT_ID] }));
    const post = await fake.waitFor((r) => r.method === 'POST' && r.path === '/api/v10/channels/350/messages');
    const buttons = discordButtons(post.body);
    const choice = buttons.find((b) => b.label === '/rank output')!;
    expect(choice).toBeDefined();
    const click = await send(interaction('', [], { type: 3, channel: '350', customId: choice.custom_id }));
    expect(JSON.stringify(click.data)).toContain('Provinces by output');
  });

  it("answers in the reader's language: zh-CN and zh-TW read Chinese, every other locale English", async () => {
    const title = async (locale: string) => discordTitle((await send(interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }], { locale }))).data);
    expect(await title('zh-CN')).toBe('云南 · 2024年预焙阳极');
    expect(await title('zh-TW')).toBe('云南 · 2024年预焙阳极');
    expect(await title('fr')).toBe('Yunnan · prebaked anodes 2024');
    const zh = await send(interaction('province', [{ name: 'name', type: 3, value: '云南' }], { locale: 'zh-CN' }));
    expect(discordFieldLabels(zh.data)).toEqual(['产能', '产量', '产能利用率', '扣除出口后的净平衡']);
    expect(components(zh).map((x) => x.label ?? 'select')).toEqual(['更多', '产能利用率', '排名', '供需平衡', '分享到频道', 'select']);
    expect(discordViolations({ ...(zh.data as object), allowed_mentions: { parse: [] } } as never)).toEqual([]);
    // A click keeps the clicker's language: "更多" gives the full reply in Chinese.
    const more = components(zh).find((x) => x.label === '更多')!;
    const full = await send(interaction('province', [], { type: 3, customId: more.custom_id, locale: 'zh-CN' }));
    expect(discordTitle(full.data)).toBe('云南 · 2024年预焙阳极');
    expect(discordFieldLabels(full.data).length).toBeGreaterThan(4);
  });

  it('public: true answers for everyone', async () => {
    const c = await send(
      interaction('province', [
        { name: 'name', type: 3, value: 'Yunnan' },
        { name: 'public', type: 5, value: true },
      ]),
    );
    expect(c.data!.flags).toBe(32768);
  });

  it('autocomplete offers names as you type: English, Chinese, typos, at most 25', async () => {
    const ac = (value: string) => send(interaction('province', [{ name: 'name', type: 3, value, focused: true }], { type: 4 }));
    expect((await ac('yun')).data!.choices![0]).toEqual({ name: 'Yunnan (云南)', value: 'Yunnan' });
    expect((await ac('内蒙')).data!.choices!.map((c) => c.value)).toEqual(['Inner Mongolia']);
    expect((await ac('')).data!.choices!.length).toBeLessThanOrEqual(25);
  });

  it('a "Compare with…" choice updates the message with the comparison; "More" with the full reply', async () => {
    const first = await send(interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }]));
    const select = components(first).find((x) => x.type === 3)!;
    const compared = await send(interaction('', [], { type: 3, customId: select.custom_id, values: ['Shandong'] }));
    expect(compared.type).toBe(7);
    expect(discordTitle(compared.data)).toBe('Yunnan vs Shandong · 2024');
    const more = components(first).find((x) => x.label === 'More')!;
    const full = await send(interaction('', [], { type: 3, customId: more.custom_id }));
    expect(full.type).toBe(7);
    expect(discordFieldLabels(full.data).length).toBeGreaterThan(4);
    const share = components(first).find((x) => x.label === 'Share in channel')!;
    const shared = await send(interaction('', [], { type: 3, customId: share.custom_id, user: '401000000000000001' }));
    expect(shared.type).toBe(4);
    expect(shared.data!.flags).toBe(32768);
    expect(discordText(shared.data)).toContain('Shared by <@401000000000000001>');
  });

  it('forged, altered or other channels’ custom_ids get a polite private error and nothing else', async () => {
    const first = await send(interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }]));
    const more = components(first).find((x) => x.label === 'More')!;
    for (const [customId, channel] of [
      [more.custom_id.replace('Yunnan', 'Henan'), '300'],
      [more.custom_id, '301'],
      ['garbage', '300'],
    ] as const) {
      const c = await send(interaction('', [], { type: 3, customId, channel }));
      expect(c.type).toBe(4);
      expect(c.data!.flags).toBe(64 | 32768);
      expect(discordTitle(c.data)).toMatch(/another channel|could not be read/);
    }
  });

  it('/briefing: everyone may list and preview; subscribing needs Manage Channels, checked when it runs', async () => {
    const list = await send(interaction('briefing', [{ name: 'list', type: 1, options: [] }]));
    expect(discordTitle(list.data)).toBe('No briefings in this channel');
    const denied = await send(interaction('briefing', [{ name: 'subscribe', type: 1, options: [{ name: 'kind', type: 3, value: 'exports' }] }]));
    expect(discordTitle(denied.data)).toContain('Not allowed here');
    // The right named as Discord names it: the platform's own words, from its own folder.
    expect(discordText(denied.data)).toContain('it needs the Manage Channels permission');
    const allowed = await send(
      interaction(
        'briefing',
        [
          {
            name: 'subscribe',
            type: 1,
            options: [
              { name: 'kind', type: 3, value: 'exports' },
              { name: 'schedule', type: 3, value: 'weekly mon 09:00' },
              { name: 'timezone', type: 3, value: 'Asia/Shanghai' },
            ],
          },
        ],
        { permissions: String(1n << 4n) },
      ),
    );
    expect(discordTitle(allowed.data)).toBe('Subscribed: exports briefing, weekly mon 09:00 (Asia/Shanghai)');
  });

  it('a command used from a user install in a DM (no member, no guild) is answered', async () => {
    const i = interaction('province', [{ name: 'name', type: 3, value: 'Yunnan' }], { channel: '360' }) as Record<string, unknown>;
    delete i.guild_id;
    delete i.member;
    i.user = { id: '401', username: 'analyst', discriminator: '0', avatar: null, global_name: 'Analyst' };
    i.channel = { id: '360', type: 1 };
    i.context = 1;
    i.authorizing_integration_owners = { '1': '401' };
    fake.dispatchInteraction(i);
    const request = await fake.waitFor((r) => r.path.includes(`/interactions/${String(i.id)}/`));
    expect(discordTitle((request.body as Callback).data)).toBe('Yunnan · prebaked anodes 2024');
  });

  it('an interaction token never reaches the log, even when the callback fails', async () => {
    fake.failures.push({ path: '/callback', status: 400, body: { message: 'Invalid Form Body', code: 50035 } });
    const i = interaction('overview', []);
    fake.dispatchInteraction(i);
    await expect.poll(() => t.logs.text.includes('could not answer an interaction'), { timeout: 15_000 }).toBe(true);
    expect(t.logs.text).not.toContain(i.token);
    expect(t.logs.text).not.toContain(TOKEN);
  });
});

describe('registration, generated from the definitions', () => {
  const body = discordCommands(commands);

  it('read-only commands install for users too (DMs, group DMs); commands that change a channel stay in servers', () => {
    for (const c of body as { name: string; integration_types?: number[]; contexts?: number[] }[]) {
      if (c.name === 'briefing' || c.name === 'language') {
        expect({ name: c.name, integration_types: c.integration_types, contexts: c.contexts }).toEqual({ name: c.name, integration_types: [0], contexts: [0] });
      } else {
        expect({ name: c.name, integration_types: c.integration_types, contexts: c.contexts }).toEqual({
          name: c.name,
          integration_types: [0, 1],
          contexts: [0, 1, 2],
        });
      }
    }
  });

  it('carries no default member permission: /briefing list and preview are for everyone', () => {
    for (const c of body) expect(c, c.name).not.toHaveProperty('default_member_permissions');
  });

  it('follows Discord’s naming and size rules, with zh-CN localizations on every command and option', () => {
    const walk = (options: unknown[] | undefined, where: string): void => {
      for (const o of (options ?? []) as {
        name: string;
        description: string;
        name_localizations?: Record<string, string>;
        description_localizations?: Record<string, string>;
        options?: unknown[];
        required?: boolean;
        choices?: unknown[];
      }[]) {
        expect(o.name, where).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length, `${where} ${o.name}`).toBeGreaterThan(0);
        expect(o.description.length, `${where} ${o.name}`).toBeLessThanOrEqual(100);
        expect(o.name_localizations?.['zh-CN'], `${where} ${o.name}`).toBeDefined();
        expect(o.description_localizations?.['zh-CN'], `${where} ${o.name}`).toMatch(/\p{Script=Han}/u);
        expect((o.choices ?? []).length).toBeLessThanOrEqual(25);
        walk(o.options, `${where} ${o.name}`);
      }
      const list = (options ?? []) as { required?: boolean }[];
      expect(list.length, where).toBeLessThanOrEqual(25);
      const firstOptional = list.findIndex((o) => !o.required);
      if (firstOptional >= 0)
        expect(
          list.slice(firstOptional).every((o) => !o.required),
          where,
        ).toBe(true);
    };
    walk(body as unknown[], 'commands');
    for (const c of body) expect(JSON.stringify(c).length, c.name).toBeLessThan(8000);
  });
});

describe('gateway sharding', () => {
  it('with two shards reported, both connect and both answer their interactions', async () => {
    const fake = await startFakeDiscord();
    fake.shards = 2;
    const t = await startTestBot({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.api, DISCORD_SHARDS: 'auto' });
    try {
      expect(fake.identified.map((s) => s.join('/')).sort()).toEqual(['0/2', '1/2']);
      for (const shard of [0, 1]) {
        const i = interaction('province', [{ name: 'name', type: 3, value: 'Henan' }]);
        fake.dispatchInteraction(i, shard);
        const r = await fake.waitFor((x) => x.path.includes(`/interactions/${i.id}/`));
        expect(discordTitle((r.body as Callback).data)).toContain('Henan');
      }
      expect((await (await fetch(`http://127.0.0.1:${t.bot.healthPort ?? 0}/readyz`).catch(() => undefined))?.status) ?? 'no health port').toBe(
        'no health port',
      );
      expect(t.bot.adapters.get('discord')!.health()).toEqual({ ready: true });
    } finally {
      await t.stop();
      await fake.close();
    }
  });
});
