import { createCore, type Core } from '../../src/core.js';
import type { Reply } from '../../src/commands/reply.js';
import { toConsoleText } from '../../src/render/console-text.js';

let shared: Core | undefined;

/** The real dataset, loaded once per test file. */
export function core(): Core {
  shared ??= createCore('data');
  return shared;
}

export async function ask(line: string): Promise<Reply> {
  return core().ask(line);
}

export async function askText(line: string): Promise<string> {
  return toConsoleText(await ask(line));
}

/** One example of every command and subcommand, for tests that must cover them all. */
export const EVERY_COMMAND = [
  '/overview',
  '/province Yunnan',
  '/province Liaoning',
  '/exports',
  '/exports top 10 2023',
  '/exports country Malaysia',
  '/utilization',
  '/utilization Henan',
  '/mismatch',
  '/compare Shandong Yunnan Inner Mongolia Henan',
  '/rank capacity',
  '/rank balance top 3',
  '/sources',
  '/help',
  '/help exports',
];
