import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** A value import of a platform SDK; `import type` of the platforms' own types is allowed at the edges. */
const PLATFORM =
  /import\s+(?!type\b)[^;]*from\s+['"](discord\.js|@discordjs\/[^'"]+|@slack\/[^'"]+|discord-api-types[^'"]*|@larksuiteoapi\/[^'"]+)['"]|import\(\s*['"](discord\.js|@slack\/|@discordjs|@larksuiteoapi)/;
const PURE = [
  'src/dataset',
  'src/metrics',
  'src/framework',
  'src/charts',
  'src/render',
  'src/format',
  'src/i18n',
  'src/briefings',
  'src/editions.ts',
  'src/core.ts',
  'commands',
];
const files = (p: string) => (p.endsWith('.ts') ? [p] : filesUnder(p));

describe('architecture boundaries', () => {
  it.each(PURE)('%s imports no platform SDK (types only)', (dir) => {
    const offenders = files(dir).filter((f) => PLATFORM.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('metrics and commands neither read the environment nor touch the file system or network', () => {
    const impure = /process\.env|from\s+['"]node:(fs|net|http|https)['"]/;
    const offenders = [...filesUnder('src/metrics'), ...filesUnder('src/framework'), ...filesUnder('commands')].filter((f) =>
      impure.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });

  it('no year of an edition is written into the code: every year comes from the dataset', () => {
    const offenders = [...filesUnder('src'), ...filesUnder('commands')].filter((f) => /(?<![\d.])20(2[3-9])(?![\d])/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('platform modules load their SDKs lazily: the list imports no SDK', () => {
    for (const f of [
      'src/adapters/index.ts',
      'src/adapters/slack/index.ts',
      'src/adapters/discord/index.ts',
      'src/adapters/feishu/index.ts',
      'src/adapters/console/index.ts',
      'src/bot.ts',
      'src/main.ts',
    ]) {
      expect(PLATFORM.test(readFileSync(f, 'utf8')), f).toBe(false);
    }
  });

  it('the boundary check itself catches an SDK import and lets a type import through', () => {
    expect(PLATFORM.test("import { Client } from 'discord.js';")).toBe(true);
    expect(PLATFORM.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(PLATFORM.test("import type { KnownBlock } from '@slack/types';")).toBe(false);
  });
});

/** Every relative import of a file (value and type alike), resolved to the file it names. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) =>
    join(dirname(file), m[1]!.replace(/\.js$/, '.ts')).replace(/\\/g, '/'),
  );
}

describe('the tree shows the architecture', () => {
  const all = [...filesUnder('src'), ...filesUnder('commands')].map((f) => f.replace(/\\/g, '/'));
  const platformIds = readdirSync('src/adapters').filter((d) => statSync(join('src/adapters', d)).isDirectory() && d !== 'shared');

  it('a platform is its folder: outside src/adapters/<id>/ only the platform list and src/bin/ import it', () => {
    const offenders = all.flatMap((f) =>
      importsOf(f)
        .filter((target) => platformIds.some((id) => target.startsWith(`src/adapters/${id}/`) && !f.startsWith(`src/adapters/${id}/`)))
        .filter(() => f !== 'src/adapters/index.ts' && !f.startsWith('src/bin/'))
        .map((target) => `${f} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });

  it('no import cycles, type-only imports included', () => {
    const graph = new Map(all.map((f) => [f, importsOf(f).filter((t) => all.includes(t))]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...path.slice(path.indexOf(f)), f].join(' → '));
        return;
      }
      state.set(f, 'open');
      for (const t of graph.get(f) ?? []) visit(t, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of all) visit(f, []);
    expect(cycles).toEqual([]);
  });
});
