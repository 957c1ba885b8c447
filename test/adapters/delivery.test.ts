import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewSubscription } from '../../src/briefings/subscriptions.js';
import { newSubscription } from '../support/subscriptions.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { startFakeQuickChart } from '../support/fake-quickchart.js';
import { APP_ID, interaction, startFakeDiscord, type FakeDiscord } from '../support/fake-discord.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { discordButtons, discordTitle, discordViolations } from '../support/platform-limits.js';

const sub = (o: Partial<NewSubscription>): NewSubscription => newSubscription({ cron: '* * * * *', label: 'every minute', ...o });

/** The next minute boundary plus a few seconds: a slot every subscription above is due at. */
const nextMinute = (k = 1) => new Date(Math.ceil(Date.now() / 60_000) * 60_000 + (k - 1) * 60_000 + 2_000);

/**
 * A schedule due only at that minute (UTC), a minute or more ahead: the bot's own minute ticks, which
 * run during these tests, never fire it, so only the test's tick delivers it (an every-minute schedule
 * raced them when a real minute began mid-test).
 */
const onlyAt = (d: Date) => ({ cron: `${d.getUTCMinutes()} ${d.getUTCHours()} ${d.getUTCDate()} ${d.getUTCMonth() + 1} *`, label: 'once' });

describe('briefings delivered through the real SDKs', () => {
  let slack: FakeSlack;
  let discord: FakeDiscord;
  let t: TestBot;
  const tick = async (at: Date) => {
    await t.bot.scheduler.tick(at);
    await t.bot.scheduler.idle();
  };

  /** Slack and Discord in one process, against the two fakes. */
  const bothPlatforms = () => ({
    SLACK_BOT_TOKEN: 'xoxb-delivery',
    SLACK_SIGNING_SECRET: 'delivery-secret-0123456789',
    SLACK_API_URL: slack.apiUrl,
    DISCORD_TOKEN: 'discord-delivery-token',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: discord.api,
  });

  beforeAll(async () => {
    slack = await startFakeSlack();
    discord = await startFakeDiscord();
    t = await startTestBot({ ...bothPlatforms(), BRIEFING_LEASE_SECONDS: '2' });
  });
  afterAll(async () => {
    await t.stop();
    await slack.close();
    await discord.close();
  });

  it('Slack, thread layout: the headline in the channel, the details in its thread, each naming its slot', async () => {
    const at = nextMinute(3);
    await t.bot.store.add(sub({ channelId: 'C-thread', layout: 'thread', ...onlyAt(at) }));
    await tick(at);
    const posts = slack.posted('C-thread');
    expect(posts).toHaveLength(2);
    expect(posts[1]!.thread_ts).toBe(posts[0]!.ts);
    expect(posts.map((p) => p.metadata?.event_payload.part)).toEqual(['headline', 'details']);
    expect(JSON.stringify(posts[0]!.blocks)).toContain('Regional mismatch briefing');
    expect(JSON.stringify(posts[1]!.blocks)).toMatch(/Spotlight: /);
    // Both carry More: the full /mismatch, answered privately to whoever clicks.
    for (const post of posts) expect(JSON.stringify(post.blocks)).toContain('"text":"More"');
    expect(posts[1]!.blocks!.some((b) => (b as { type: string }).type === 'image')).toBe(true);
  });

  it('Discord, thread layout: a message, a thread started from it, and a message in the thread', async () => {
    const at = nextMinute(2);
    await t.bot.store.add(sub({ platform: 'discord', channelId: '700', layout: 'thread', ...onlyAt(at) }));
    await tick(at);
    const paths = discord.requests
      .filter((r) => r.method === 'POST' && /channels\/\d+\/(messages|messages\/\d+\/threads)$/.test(r.path))
      .map((r) => r.path.replace(/\d{10,}/g, 'N'));
    expect(paths).toEqual(['/api/v10/channels/700/messages', '/api/v10/channels/700/messages/N/threads', '/api/v10/channels/N/messages']);
    const [headline, , details] = discord.requests.filter((r) => r.path.startsWith('/api/v10/channels/') && r.method === 'POST');
    expect(headline!.body).toMatchObject({ enforce_nonce: true, allowed_mentions: { parse: [] }, flags: 32768 });
    // Components V2: the briefing is a container of text displays and the chart's media gallery.
    for (const post of [headline!, details!]) expect(discordViolations(post.body), post.path).toEqual([]);
    expect(JSON.stringify(details!.body)).toContain('"type":12');
    expect(typeof details!.body.nonce).toBe('string');
    expect(headline!.auth).toBe('Bot discord-delivery-token');
    // More, clicked in the thread, opens the full /mismatch for the one who clicked.
    const thread = /channels\/(\d+)\/messages$/.exec(details!.path)![1]!;
    const buttons = discordButtons(details!.body);
    expect(buttons.map((b) => b.label)).toContain('More');
    const click = interaction('mismatch', [], { type: 3, channel: thread, customId: buttons.find((b) => b.label === 'More')!.custom_id });
    discord.dispatchInteraction(click);
    const answer = await discord.waitFor((r) => r.path.includes(`/interactions/${click.id}/`));
    expect(answer.body).toMatchObject({ type: 4, data: { flags: 64 | 32768 } });
    expect(discordTitle((answer.body as { data: unknown }).data)).toBe('Regional anode mismatch · 2024');
  });

  it('a chart whose URL no platform takes is drawn by QuickChart through a POST and uploaded, on Slack and on Discord', async () => {
    const qc = await startFakeQuickChart();
    const long = await startTestBot({ ...bothPlatforms(), QUICKCHART_BASE_URL: qc.baseUrl });
    try {
      const at = nextMinute(2);
      await long.bot.store.add(sub({ channelId: 'C-long-url', ...onlyAt(at) }));
      await long.bot.store.add(sub({ platform: 'discord', channelId: '709', ...onlyAt(at) }));
      const uploadsBefore = slack.uploads.length;
      await long.bot.scheduler.tick(at);
      await long.bot.scheduler.idle();
      const [post] = slack.posted('C-long-url');
      const images = (post!.blocks as { type: string; slack_file?: { id: string }; image_url?: string }[]).filter((b) => b.type === 'image');
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) expect(image.slack_file?.id).toMatch(/^F\d+$/);
      // QuickChart's 3,000 bytes in the multipart body the SDK sends to the upload URL (a local drawing is over 10 KB).
      const uploaded = slack.uploads.slice(uploadsBefore).map((u) => u.bytes);
      expect(uploaded).toHaveLength(images.length);
      for (const bytes of uploaded) expect(bytes).toBeGreaterThanOrEqual(qc.png.length);
      for (const bytes of uploaded) expect(bytes).toBeLessThan(qc.png.length + 512);
      const onDiscord = discord.requests.find((r) => r.method === 'POST' && r.path === '/api/v10/channels/709/messages')!;

      expect(onDiscord.files.length).toBeGreaterThan(0);
      for (const f of onDiscord.files) expect(f).toEqual({ name: expect.stringMatching(/^chart-\d\.png$/), bytes: qc.png.length });
      expect(JSON.stringify(onDiscord.body)).toContain('attachment://chart-1.png');
      expect(discordViolations(onDiscord.body)).toEqual([]);
      // One POST per chart of the briefing, however many channels and platforms it went to.
      expect(qc.posts.length).toBe(images.length);
    } finally {
      await long.stop();
      await qc.close();
    }
  });

  it("Discord: a 429 on one channel's route waits in discord.js's REST queue, and other channels are not held back", async () => {
    const at = nextMinute(4);
    await t.bot.store.add(sub({ platform: 'discord', channelId: '801', ...onlyAt(at) }));
    await t.bot.store.add(sub({ platform: 'discord', channelId: '802', ...onlyAt(at) }));
    discord.failures.push({ path: '/channels/801/messages', status: 429, retryAfter: 1 });
    await tick(at);
    const posts = (channel: string) => discord.requests.filter((r) => r.method === 'POST' && r.path === `/api/v10/channels/${channel}/messages`);
    const [refused, retried] = posts('801');
    // The 429 was waited out and the post sent again, once, by REST itself (the deliverer retries nothing).
    expect(posts('801')).toHaveLength(2);
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(950);
    // The other channel's post went out without waiting for it.
    expect(posts('802')).toHaveLength(1);
    expect(posts('802')[0]!.at).toBeLessThan(retried!.at);
    expect(posts('802')[0]!.body.nonce).not.toBe(retried!.body.nonce);
  });

  it('a slot taken over after a crash is not posted again when the dead process had posted it', async () => {
    const { subscription } = await t.bot.store.add(sub({ channelId: 'C-crash', cron: '*/5 * * * *', label: 'every five minutes' }));
    const due = new Date(Math.ceil(Date.now() / 300_000) * 300_000 + 300_000);
    const slot = due.toISOString();
    // The "dead" process claimed the slot and posted, then died before recording it.
    await t.bot.store.claimDue({
      cron: '*/5 * * * *',
      tz: 'UTC',
      slot,
      now: new Date(due.getTime() + 1000),
      owner: 'dead-process',
      leaseMs: 2000,
      platforms: ['slack'],
    });
    slack.messages.push({
      channel: 'C-crash',
      ts: '1.0001',
      metadata: { event_type: 'anode_briefing', event_payload: { subscription: subscription.id, slot, part: 'whole' } },
    });
    await tick(new Date(due.getTime() + 5000));
    expect(slack.posted('C-crash')).toHaveLength(1);
    expect(slack.calls.some((c) => c.method === 'conversations.history' && c.body.channel === 'C-crash')).toBe(true);
    expect(await t.bot.store.delivery(subscription.id, slot)).toMatchObject({ status: 'sent', attempts: 2 });
    // Counted once: the taker says it found the post, and does not log or count a second delivery.
    const lines = t.logs.text.split('\n').filter((l) => l.includes(`"subscription":${subscription.id}`));
    expect(lines.filter((l) => l.includes('"msg":"briefing delivered"'))).toHaveLength(0);
    expect(lines.filter((l) => l.includes('already in the channel'))).toHaveLength(1);
  });

  it('Discord keeps the first message of a nonce: a resumed delivery does not post twice', async () => {
    const { subscription } = await t.bot.store.add(sub({ platform: 'discord', channelId: '701', cron: '*/5 * * * *', label: 'every five minutes' }));
    const due = new Date(Math.ceil(Date.now() / 300_000) * 300_000 + 600_000);
    const slot = due.toISOString();
    await t.bot.store.claimDue({
      cron: '*/5 * * * *',
      tz: 'UTC',
      slot,
      now: new Date(due.getTime() + 1000),
      owner: 'dead-process',
      leaseMs: 2000,
      platforms: ['discord'],
    });
    const { nonceOf } = await import('../../src/adapters/discord/deliverer.js');
    discord.messages.push({ id: '4242', channel: '701', nonce: nonceOf({ subscription, slot, attempt: 1, resumed: false }, 'whole'), body: {} });
    await tick(new Date(due.getTime() + 5000));
    expect(discord.messages.filter((m) => m.channel === '701')).toHaveLength(1);
    expect(await t.bot.store.delivery(subscription.id, slot)).toMatchObject({ status: 'sent' });
  });

  it('a channel answering 500 is retried and recorded, logged per attempt, while other channels are delivered', async () => {
    slack.down.add('C-down');
    await t.bot.store.add(sub({ channelId: 'C-down', cron: '*/10 * * * *', label: 'x' }));
    await t.bot.store.add(sub({ channelId: 'C-up', cron: '*/10 * * * *', label: 'x' }));
    const due = new Date(Math.ceil(Date.now() / 600_000) * 600_000 + 600_000);
    await tick(new Date(due.getTime() + 1000));
    expect(slack.posted('C-up')).toHaveLength(1);
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C-down')).toHaveLength(3);
    expect(t.logs.text).toMatch(/"channel":"C-down".*"attempt":2.*briefing: delivery attempt failed/);
    expect(t.logs.text).toContain('tried again at a later tick within the grace window');
    slack.down.delete('C-down');
  });

  it('a permanent error is not retried but recorded; it counts towards pausing', async () => {
    slack.channelErrors.set('C-gone', 'channel_not_found');
    const { subscription } = await t.bot.store.add(sub({ channelId: 'C-gone', cron: '*/15 * * * *', label: 'x' }));
    const due = new Date(Math.ceil(Date.now() / 900_000) * 900_000 + 900_000);
    await tick(new Date(due.getTime() + 1000));
    expect(await t.bot.store.get(subscription.id)).toMatchObject({ consecutiveFailures: 1, lastError: 'channel_not_found', paused: false });
    expect(slack.calls.filter((c) => c.method === 'chat.postMessage' && c.body.channel === 'C-gone')).toHaveLength(1);
  });

  it('a missing scope (a direct message without im:history) is reported to the operator and never pauses the subscription', async () => {
    slack.channelErrors.set('D-scope', 'missing_scope');
    const { subscription } = await t.bot.store.add(sub({ channelId: 'D-scope', cron: '*/15 * * * *', label: 'x' }));
    const due = new Date(Math.ceil(Date.now() / 900_000) * 900_000 + 900_000);
    await tick(new Date(due.getTime() + 1000));
    expect(await t.bot.store.get(subscription.id)).toMatchObject({ consecutiveFailures: 0, paused: false });
    expect(t.logs.text).toContain('the Slack app lacks');
    expect((await t.bot.store.delivery(subscription.id, due.toISOString()))?.status).toBe('retry');
  });

  it('a channel set to Chinese gets its scheduled briefings in Chinese, on Slack and on Discord', async () => {
    await t.bot.store.setLanguage('slack', 'C-zh', 'zh-CN');
    await t.bot.store.setLanguage('discord', '7099', 'zh-CN');
    const at = nextMinute(9);
    await t.bot.store.add(sub({ channelId: 'C-zh', kind: 'utilization', ...onlyAt(at) }));
    await t.bot.store.add(sub({ platform: 'discord', channelId: '7099', kind: 'exports', ...onlyAt(at) }));
    await tick(at);
    expect(JSON.stringify(slack.posted('C-zh')[0]!.blocks)).toContain('产能利用率简报 · 2024年');
    const post = discord.requests.find((r) => r.method === 'POST' && r.path === '/api/v10/channels/7099/messages')!;
    expect(JSON.stringify(post.body)).toContain('出口简报 · 2024年');
  });
});
