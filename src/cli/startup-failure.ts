import { ConfigError } from '../config.js';
import { DatasetError } from '../dataset/errors.js';
import { StoreError } from '../briefings/sqlite-store.js';

/** Start-up failures the operator can fix get one clear line, no stack trace; anything else is a bug. */
export function startupFailure(err: unknown): never {
  if (err instanceof DatasetError) {
    console.error(`anode-bot: cannot start: bad data file: ${err.message}`);
  } else if (err instanceof StoreError) {
    console.error(`anode-bot: cannot start: briefing database ${err.message}`);
  } else if (err instanceof ConfigError) {
    console.error(`anode-bot: cannot start: ${err.message}`);
  } else {
    console.error('anode-bot: cannot start:', err);
  }
  process.exit(1);
}
