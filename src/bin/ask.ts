import { ask } from '../cli/ask.js';
import { startupFailure } from '../cli/failure.js';

ask(process.argv.slice(2)).catch(startupFailure);
