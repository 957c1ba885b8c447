import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { platforms } from '../../src/adapters/index.js';
import { ask } from '../../src/cli/ask.js';
import { startTestBot, type TestBot } from '../support/bot.js';
import { echoDelivered, echoPlatform, type EchoMessage } from '../support/echo-platform.js';
import { newSubscription } from '../support/subscriptions.js';

/**
 * A platform that lives only in test/ (support/echo-platform.ts): a command reply, a click, a briefing
 * and `ask --format echo`, with no file outside test/ naming it. If adding a platform needed edits in
 * src/, this would not compile or would fail.
 */
describe('adding a platform is one module', () => {
  let t: TestBot;
  const send = async (body: object): Promise<EchoMessage> => {
    const res = await fetch(`http://127.0.0.1:${t.port}/echo`, { method: 'POST', body: JSON.stringify(body) });
    return (await res.json()) as EchoMessage;
  };

  beforeAll(async () => {
    t = await startTestBot({ ECHO_ON: '1', ECHO_KEY: 'echo-signing-key-0123456789' }, { platforms: [...platforms, echoPlatform] });
  });
  afterAll(() => t.stop());

  it('answers a command through the shared pipeline, compact with More, and a click on More gives the full reply', async () => {
    const compact = await send({ channel: 'E1', user: 'U1', text: '/province Yunnan' });
    expect(compact.text).toContain('Yunnan · prebaked anodes 2024');
    const more = compact.buttons.find((b) => b.label === 'More')!;
    const full = await send({ channel: 'E1', user: 'U1', click: more.id });
    expect(full.text.length).toBeGreaterThan(compact.text.length);
    expect(full.text).toContain('“Anode capacity 1.70 Mt” (Section 3.4)');
    // Signed for its channel: the same click elsewhere is refused.
    expect((await send({ channel: 'E2', user: 'U1', click: more.id })).text).toMatch(/another channel|elsewhere/i);
  });

  it('gets its briefings from the scheduler like every platform', async () => {
    const at = new Date(Math.ceil(Date.now() / 60_000) * 60_000 + 3 * 60_000 + 2_000);
    const cron = `${at.getUTCMinutes()} ${at.getUTCHours()} ${at.getUTCDate()} ${at.getUTCMonth() + 1} *`;
    await t.bot.store.add(newSubscription({ platform: 'echo', channelId: 'E-brief', kind: 'exports', cron, label: 'once' }));
    await t.bot.scheduler.tick(at);
    await t.bot.scheduler.idle();
    expect(echoDelivered.filter((d) => d.channel === 'E-brief')).toHaveLength(1);
    expect(echoDelivered[0]!.message.text).toContain('Exports briefing');
  });

  it('`ask --format echo` prints its payload: the format comes from the platform list', async () => {
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out.push(String(chunk));
      return true;
    });
    try {
      await ask(['/exports top 3', '--format', 'echo', '--no-png'], { platforms: [...platforms, echoPlatform] });
    } finally {
      write.mockRestore();
    }
    const payload = JSON.parse(out.join('')) as EchoMessage;
    expect(payload.text).toContain('Anode exports 2024: top 3 destinations');
    expect(payload.buttons.map((b) => b.label)).toContain('More');
  });
});
