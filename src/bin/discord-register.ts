import { register } from '../cli/discord-register.js';
import { startupFailure } from '../cli/failure.js';

register(process.argv.slice(2)).catch(startupFailure);
