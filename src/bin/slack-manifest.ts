import { manifest } from '../adapters/slack/manifest-cli.js';
import { startupFailure } from '../cli/failure.js';

manifest(process.argv.slice(2)).catch(startupFailure);
