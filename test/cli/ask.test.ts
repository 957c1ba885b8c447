import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { discordViolations, slackViolations } from '../support/platform-limits.js';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

async function ask(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['src/cli/ask.ts', ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run ask', () => {
  it('answers one command as text and writes its charts as PNG files', async () => {
    const chartDir = mkdtempSync(join(tmpdir(), 'anode-charts-'));
    const r = await ask(['/province Yunnan'], { CHART_DIR: chartDir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Yunnan · prebaked anodes 2024');
    expect(r.stdout).toContain('1.70 Mt');
    const png = join(chartDir, 'province-yunnan-1.png');
    expect(r.stdout).toContain(png);
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  });

  it('prints the exact Slack and Discord payloads', async () => {
    const slack = await ask(['/exports top 3', '--format', 'slack']);
    expect(slack.code).toBe(0);
    const s = JSON.parse(slack.stdout);
    expect(s.blocks[0]).toMatchObject({ type: 'header' });
    expect(slackViolations(s)).toEqual([]);
    const discord = await ask(['/exports', 'top', '3', '--format', 'discord']);
    const d = JSON.parse(discord.stdout);
    expect(d.allowed_mentions).toEqual({ parse: [] });
    expect(d.embeds[0].image.url).toMatch(/^https:\/\/quickchart\.io\/chart\?/);
    expect(discordViolations(d)).toEqual([]);
  });

  it('uses attachments in upload mode', async () => {
    const d = JSON.parse((await ask(['/mismatch', '--format', 'discord'], { CHART_MODE: 'upload' })).stdout);
    expect(d.embeds[0].image.url).toBe('attachment://chart-1.png');
  });

  it('a user mistake is a reply with exit 0', async () => {
    const r = await ask(['/province Yunan']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Did you mean Yunnan');
  });

  it('a bad data file stops with one line naming file, row and field, and exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anode-data-'));
    cpSync('data', dir, { recursive: true });
    const file = join(dir, '2024', 'balance-by-province.csv');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Yunnan,province,1.69,2.46', 'Yunnan,province,1.69,lots'));
    const r = await ask(['/overview'], { DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`anode-bot: cannot start: bad data file: ${file}: row 5 (Yunnan), field demand_mt: expected a number like 1.23, got "lots"`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad environment variable is named, its value is not printed', async () => {
    const r = await ask(['/overview'], { DISCORD_TOKEN: 'secret-token-value' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('DISCORD_APPLICATION_ID');
    expect(r.stderr).not.toContain('secret-token-value');
    expect(existsSync('src/cli/ask.ts')).toBe(true);
  });
});
