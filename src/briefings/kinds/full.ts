import { exportsSection, mismatchSection, utilizationSection } from '../sections.js';
import { exportSpotlights, interleave, mismatchSpotlights, utilizationSpotlights } from '../spotlights.js';
import type { BriefingKindDefinition } from './definition.js';

/** All three, one chart: the balance, the one that changes decisions. */
export const full: BriefingKindDefinition = {
  id: 'full',
  sections: (p) => [utilizationSection(p), mismatchSection(p), exportsSection(p)],
  chart: 'mismatch',
  spotlights: (p) => interleave([utilizationSpotlights(p), mismatchSpotlights(p), exportSpotlights(p)]),
  more: '/overview',
};
