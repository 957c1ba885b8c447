import { commands } from '../commands/index.js';
import { loadDataset } from './dataset/load.js';
import type { Dataset } from './dataset/types.js';
import type { CommandContext, CommandDefinition, Invocation } from './commands/define.js';
import { CommandRegistry, dispatchOptions, dispatchText } from './commands/dispatch.js';
import { ReplyCache } from './commands/reply-cache.js';
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
  /** Text command in, Reply out; replies of commands that do not depend on the caller are cached. */
  ask(line: string, invocation?: Invocation): Promise<Reply>;
  /** The same, always computed (benchmarks, and callers that must not share a reply object). */
  answer(line: string, invocation?: Invocation): Promise<Reply>;
  run(name: string, sub: string | undefined, raw: Record<string, unknown>, invocation: Invocation): Promise<Reply>;
}

export const CONSOLE_INVOCATION: Invocation = { platform: 'console', userId: 'console', channelId: 'console', canManage: true };

export function createCore(dataDir: string, services: Record<string, unknown> = {}, commandList: readonly CommandDefinition[] = commands): Core {
  const data = loadDataset(dataDir);
  const names = new NameIndex(data);
  const registry = new CommandRegistry(commandList);
  const findings = summarizeFindings(findingsFor(data));
  const context = (invocation: Invocation): CommandContext => ({ data, names, invocation, services });
  const cache = new ReplyCache();
  const cacheable = (line: string): boolean => {
    const def = registry.commandOf(line);
    return def !== undefined && !def.volatile;
  };
  return {
    data,
    names,
    registry,
    services,
    findings,
    async ask(line, invocation = CONSOLE_INVOCATION) {
      const key = line.trim();
      const hit = cache.get(key);
      if (hit) return hit;
      const reply = await dispatchText(registry, context(invocation), key);
      if (cacheable(key)) cache.set(key, reply);
      return reply;
    },
    answer: (line, invocation = CONSOLE_INVOCATION) => dispatchText(registry, context(invocation), line.trim()),
    run: (name, sub, raw, invocation) => dispatchOptions(registry, context(invocation), name, sub, raw),
  };
}
