import type { CommandDefinition } from '../src/commands/define.js';
import { briefing } from './briefing.js';
import { compare } from './compare.js';
import { exportsCommand } from './exports.js';
import { makeHelp } from './help.js';
import { mismatch } from './mismatch.js';
import { overview } from './overview.js';
import { province } from './province.js';
import { rank } from './rank.js';
import { sources } from './sources.js';
import { utilization } from './utilization.js';

/** Every command, in the order /help lists them. An explicit list: adding a command is one line here. */
export const commands: CommandDefinition[] = [overview, province, exportsCommand, utilization, mismatch, compare, rank, briefing, sources];
commands.push(makeHelp(() => commands));
