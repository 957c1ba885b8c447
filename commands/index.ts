import type { CommandDefinition } from '../src/framework/define.js';
import { briefing } from './briefing.js';
import { changes } from './changes.js';
import { compare } from './compare.js';
import { exportsCommand } from './exports.js';
import { help } from './help.js';
import { language } from './language.js';
import { mismatch } from './mismatch.js';
import { overview } from './overview.js';
import { province } from './province.js';
import { rank } from './rank.js';
import { sources } from './sources.js';
import { table } from './table.js';
import { utilization } from './utilization.js';

/** Every command, in the order /help lists them. An explicit list: adding a command is one line here. */
export const commands: readonly CommandDefinition[] = [
  overview,
  province,
  exportsCommand,
  utilization,
  mismatch,
  compare,
  rank,
  table,
  changes,
  briefing,
  language,
  sources,
  help,
];
