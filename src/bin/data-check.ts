import { dataCheck } from '../cli/data-check.js';
import { startupFailure } from '../cli/failure.js';

dataCheck().catch(startupFailure);
