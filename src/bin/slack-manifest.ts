import { manifest } from '../cli/slack-manifest.js';
import { startupFailure } from '../cli/failure.js';

manifest(process.argv.slice(2)).catch(startupFailure);
