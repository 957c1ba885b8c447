import { exportsSection } from '../sections.js';
import { exportSpotlights } from '../spotlights.js';
import type { BriefingKindDefinition } from './definition.js';

export const exports: BriefingKindDefinition = {
  id: 'exports',
  sections: (p) => [exportsSection(p)],
  chart: 'exports',
  spotlights: exportSpotlights,
  more: '/exports',
};
