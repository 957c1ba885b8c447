import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runConsole } from '../../src/adapters/console/console-bot.js';
import { createLogger } from '../../src/log.js';
import { core } from '../support/core.js';

async function session(lines: string[]): Promise<string> {
  const output = new PassThrough();
  let text = '';
  output.on('data', (chunk) => (text += chunk));
  await runConsole(core(), {
    input: Readable.from(lines.map((l) => `${l}\n`)),
    output,
    chartDir: mkdtempSync(join(tmpdir(), 'anode-console-')),
    log: createLogger('silent'),
  });
  return text;
}

describe('console bot', () => {
  it('answers each line, writes charts as PNG files and ends with the input', async () => {
    const text = await session(['/province Yunnan', '', 'exports top 3', '/province Yunan']);
    expect(text).toContain('To serve Slack or Discord');
    expect(text).toContain('Yunnan · prebaked anodes 2024');
    expect(text).toMatch(/Chart: Yunnan: capacity by efficiency class, 2024 \(%\)\n\s+\/.*province-yunnan-1\.png/);
    expect(text).toContain('Anode exports 2024: top 3 destinations');
    expect(text).toContain('Did you mean Yunnan');
  });

  it('stops at /quit', async () => {
    const text = await session(['/quit', '/overview']);
    expect(text).not.toContain('overview');
  });
});

describe('console briefings', () => {
  it('print when due', async () => {
    const { consoleDeliverer } = await import('../../src/adapters/console/console-bot.js');
    const { composeBriefing } = await import('../../src/briefings/compose.js');
    const out = new PassThrough();
    let text = '';
    out.on('data', (c) => (text += c));
    await consoleDeliverer(out).deliver('console', composeBriefing(core().data, core().names, 'mismatch'));
    expect(text).toContain('⏰ Scheduled briefing');
    expect(text).toContain('Regional mismatch briefing');
  });
});
