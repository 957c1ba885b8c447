import type { Presenter } from '../../framework/figure-text.js';
import type { Section } from '../sections.js';
import type { Spotlight } from '../spotlights.js';

/**
 * A briefing kind, declared like a command: what its headline sums up, whose chart it shows, the
 * spotlights it rotates through and the command its More button opens in full.
 */
export interface BriefingKindDefinition {
  id: string;
  sections(p: Presenter): Section[];
  /** The section whose chart the briefing keeps (one chart per briefing). */
  chart: Section['id'];
  spotlights(p: Presenter): Spotlight[];
  more: string;
}
