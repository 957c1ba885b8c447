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
  else {
    // Unexpected: still one line for whoever started it; the stack for whoever debugs it.
    console.error(
      `anode-bot: cannot start: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}${process.env.LOG_LEVEL === 'debug' ? '' : ' (LOG_LEVEL=debug shows the details)'}`,
    );
  }
  if (process.env.LOG_LEVEL === 'debug') console.error(err);
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

/**
 * Parses a CLI's flags; an unknown one gets one line and the usage, exit 2 (never a stack trace).
 * `--help` or `-h` anywhere prints the usage on stdout and exits 0.
 */
export async function parseCli<T>(parse: () => T, usage: string, argv: readonly string[] = process.argv.slice(2)): Promise<T> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parse();
  } catch (err) {
    console.error(`${(err as Error).message.split('\n')[0]}\n${usage}`);
    process.exit(2);
  }
}
