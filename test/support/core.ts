import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { consoleInvocation, createCore, type Core } from '../../src/core.js';
import type { Reply } from '../../src/framework/reply.js';
import { loadEdition, loadEditions, loadNames } from '../../src/dataset/load.js';
import { buildLibrary, type Library } from '../../src/editions.js';
import type { Lang } from '../../src/i18n/lang.js';
import { toConsoleText } from '../../src/render/console-text.js';
import { messages } from '../../src/i18n/messages.js';

/**
 * Tests answer from a pinned edition, never "the newest folder of data/": adding data/2025/ must break
 * no test. The paper's 2024 edition, or the small fixture editions under test/fixtures/.
 */
export const PAPER_YEAR = 2024;
export const FIXTURES = 'test/fixtures/editions';

export function paperLibrary(): Library {
  return buildLibrary([loadEdition('data', PAPER_YEAR, loadNames('data'))]);
}

/** The fixture editions (2030, 2031): test data shaped like the paper's, with other numbers. */
export function fixtureLibrary(current?: number): Library {
  return buildLibrary(loadEditions(FIXTURES), current);
}

let shared: Core | undefined;

/** The 2024 edition, loaded once per test file. */
export function core(): Core {
  shared ??= createCore({ library: paperLibrary() });
  return shared;
}

export async function ask(line: string, lang: Lang = 'en'): Promise<Reply> {
  return (await core().ask(line, consoleInvocation(lang))).reply;
}

export async function askText(line: string, lang: Lang = 'en'): Promise<string> {
  return toConsoleText(await ask(line, lang), { m: messages(lang) });
}

/** A data folder holding only the pinned edition, for tests that start the real processes. */
export function pinnedDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'anode-data-'));
  cpSync(join('data', String(PAPER_YEAR)), join(dir, String(PAPER_YEAR)), { recursive: true });
  cpSync(join('data', 'names.csv'), join(dir, 'names.csv'));
  return dir;
}

/** One example of every command and subcommand, for tests that must cover them all. */
export const EVERY_COMMAND = [
  '/overview',
  '/province Yunnan',
  '/province Liaoning',
  '/exports',
  '/exports top 10 2023',
  '/exports country Malaysia',
  '/exports country South Korea',
  '/utilization',
  '/utilization Henan',
  '/mismatch',
  '/compare Shandong Yunnan Inner Mongolia Henan',
  '/compare Liaoning Yunnan',
  '/rank capacity',
  '/rank exports',
  '/rank balance top 3',
  '/table 1',
  '/table 2',
  '/table 3 csv',
  '/table 4',
  '/changes',
  '/sources',
  '/help',
  '/help exports',
  '/language',
  '/briefing list',
];

/**
 * The replies a reader gets for every subject: every command and subcommand, every province and
 * country, every rank metric, both export years.
 */
export function everySubjectLine(): string[] {
  const ds = loadEdition('data', PAPER_YEAR, loadNames('data'));
  const provinces = ds.production.filter((r) => r.kind === 'province').map((r) => r.name);
  const countries = [...new Set(ds.exports.filter((r) => r.kind === 'country').map((r) => r.name))];
  return [
    ...EVERY_COMMAND,
    ...provinces.flatMap((p) => [`/province ${p}`, `/utilization ${p}`]),
    ...countries.map((c) => `/exports country ${c}`),
    '/exports top 25 2024',
    '/exports top 25 2023',
    ...['capacity', 'output', 'utilization', 'demand', 'exports', 'balance', 'domestic-balance', 'high-share'].map((r) => `/rank ${r}`),
    '/compare Shandong Yunnan Inner Mongolia Henan Ningxia',
  ];
}
