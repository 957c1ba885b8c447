import { register } from '../adapters/discord/register-cli.js';
import { startupFailure } from '../cli/failure.js';

register(process.argv.slice(2)).catch(startupFailure);
