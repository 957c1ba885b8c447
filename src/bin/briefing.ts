import { briefing } from '../cli/briefing.js';
import { startupFailure } from '../cli/failure.js';

briefing(process.argv.slice(2)).catch(startupFailure);
