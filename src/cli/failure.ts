import { PlatformFatalError } from '../adapters/platform.js';
import { ConfigError } from '../config/errors.js';
import { DatasetError } from '../dataset/errors.js';
import { EditionChoiceError } from '../editions.js';
import { StoreError } from '../store/db.js';

/** Start-up failures the operator can fix get one clear line, no stack trace; anything else is a bug. */
export function startupFailure(err: unknown): never {
  if (err instanceof DatasetError) console.error(`anode-bot: cannot start: bad data file: ${err.message}`);
  else if (err instanceof StoreError) console.error(`anode-bot: cannot start: database ${err.message}`);
  else if (err instanceof ConfigError || err instanceof EditionChoiceError) console.error(`anode-bot: cannot start: ${err.message}`);
  else if (err instanceof PlatformFatalError) console.error(`anode-bot: cannot start: ${err.message}`);
  else console.error('anode-bot: cannot start:', err);
  process.exit(1);
}

/** Output to a closed pipe (`… | head`) ends the program quietly instead of with an EPIPE stack trace. */
export function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
  }
}

/** Parses a CLI's flags; an unknown one gets one line and the usage, exit 2 (never a stack trace). */
export async function parseCli<T>(parse: () => T, usage: string): Promise<T> {
  try {
    return parse();
  } catch (err) {
    console.error(`${(err as Error).message.split('\n')[0]}\n${usage}`);
    process.exit(2);
  }
}

