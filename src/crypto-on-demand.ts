import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let loaded: typeof import('node:crypto') | undefined;

/**
 * node:crypto, loaded on first use. Importing it costs about 4 ms of start-up (it pulls in streams),
 * which is a tenth of what `npm run ask` adds to Node's own start; a text answer signs no button and
 * never needs it.
 */
export function crypto(): typeof import('node:crypto') {
  loaded ??= require('node:crypto') as typeof import('node:crypto');
  return loaded;
}
