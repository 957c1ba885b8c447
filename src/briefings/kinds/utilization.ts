import { utilizationSection } from '../sections.js';
import { utilizationSpotlights } from '../spotlights.js';
import type { BriefingKindDefinition } from './definition.js';

export const utilization: BriefingKindDefinition = {
  id: 'utilization',
  sections: (p) => [utilizationSection(p)],
  chart: 'utilization',
  spotlights: utilizationSpotlights,
  more: '/utilization',
};
