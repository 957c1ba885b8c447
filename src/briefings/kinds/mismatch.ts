import { mismatchSection } from '../sections.js';
import { mismatchSpotlights } from '../spotlights.js';
import type { BriefingKindDefinition } from './definition.js';

export const mismatch: BriefingKindDefinition = {
  id: 'mismatch',
  sections: (p) => [mismatchSection(p)],
  chart: 'mismatch',
  spotlights: mismatchSpotlights,
  more: '/mismatch',
};
