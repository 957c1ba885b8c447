import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

const PLATFORM = /from\s+['"](discord\.js|@discordjs\/[^'"]+|@slack\/[^'"]+)['"]|import\(\s*['"](discord\.js|@slack\/)/;
const PURE = ['src/dataset', 'src/metrics', 'src/commands', 'src/charts', 'src/render', 'src/format', 'commands'];

describe('architecture boundaries', () => {
  it.each(PURE)('%s imports no platform SDK', (dir) => {
    const offenders = filesUnder(dir).filter((f) => PLATFORM.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('metrics and commands neither read the environment nor touch the file system or network', () => {
    const impure = /process\.env|from\s+['"]node:(fs|net|http|https)['"]/;
    const offenders = [...filesUnder('src/metrics'), ...filesUnder('src/commands'), ...filesUnder('commands')].filter((f) => impure.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the boundary check itself catches an SDK import', () => {
    expect(PLATFORM.test("import { Client } from 'discord.js';")).toBe(true);
    expect(PLATFORM.test("import { App } from '@slack/bolt';")).toBe(true);
  });
});
