import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/telemetry/metrics.js';

const series = (body: string, labels: string) => Number(new RegExp(`anode_bot_commands_total\\{${labels}\\} (\\d+)`).exec(body)?.[1] ?? NaN);

describe('the metrics /metrics serves', () => {
  it('counts every command by command, platform and outcome, the same however often it is read', async () => {
    const m = await createMetrics();
    for (let i = 0; i < 3; i++) m.command('province', 'discord', 'ok', 0.001);
    m.command('province', 'slack', 'user_error', 0.002);
    const first = (await m.exposition()).body;
    expect(series(first, 'command="province",platform="discord",outcome="ok"')).toBe(3);
    expect(series(first, 'command="province",platform="slack",outcome="user_error"')).toBe(1);
    m.command('province', 'discord', 'ok', 0.001);
    const second = (await m.exposition()).body;
    expect(series(second, 'command="province",platform="discord",outcome="ok"')).toBe(4);
    expect(series(second, 'command="province",platform="slack",outcome="user_error"')).toBe(1);
    expect(second).toMatch(/anode_bot_reply_seconds_count\{platform="discord"\} 4/);
  });
});
