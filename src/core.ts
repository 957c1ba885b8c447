import { commands } from '../commands/index.js';
import { loadDataset } from './dataset/load.js';
import type { Dataset } from './dataset/types.js';
import type { CommandContext, Invocation } from './commands/define.js';
import { CommandRegistry, dispatchOptions, dispatchText } from './commands/dispatch.js';
import type { Reply } from './commands/reply.js';
import { findingsFor, summarizeFindings } from './metrics/cross-checks.js';
import { NameIndex } from './metrics/names.js';

/**
 * The loaded dataset and everything built from it once: names, commands, cross-check findings.
 * Shared by every adapter in the process.
 */
export interface Core {
  data: Dataset;
  names: NameIndex;
  registry: CommandRegistry;
  services: Record<string, unknown>;
  findings: { inconsistencies: number; rounding: number };
  ask(line: string, invocation?: Invocation): Promise<Reply>;
  run(name: string, sub: string | undefined, raw: Record<string, unknown>, invocation: Invocation): Promise<Reply>;
}

export const CONSOLE_INVOCATION: Invocation = { platform: 'console', userId: 'console', channelId: 'console', canManage: true };

export function createCore(dataDir: string, services: Record<string, unknown> = {}): Core {
  const data = loadDataset(dataDir);
  const names = new NameIndex(data);
  const registry = new CommandRegistry(commands);
  const findings = summarizeFindings(findingsFor(data));
  const context = (invocation: Invocation): CommandContext => ({ data, names, invocation, services });
  return {
    data,
    names,
    registry,
    services,
    findings,
    ask: (line, invocation = CONSOLE_INVOCATION) => dispatchText(registry, context(invocation), line),
    run: (name, sub, raw, invocation) => dispatchOptions(registry, context(invocation), name, sub, raw),
  };
}
