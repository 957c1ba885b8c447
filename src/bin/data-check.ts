import { dataCheck } from '../cli/data-check.js';
import { startupFailure } from '../cli/failure.js';

dataCheck(process.argv.slice(2)).catch(startupFailure);
