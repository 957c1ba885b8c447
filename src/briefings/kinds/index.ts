import type { BriefingKind } from '../kinds.js';
import type { Presenter } from '../../framework/figure-text.js';
import type { Spotlight } from '../spotlights.js';
import type { BriefingKindDefinition } from './definition.js';
import { exports } from './exports.js';
import { full } from './full.js';
import { mismatch } from './mismatch.js';
import { utilization } from './utilization.js';
import { memoOn } from '../../memo.js';

/**
 * Every briefing kind, in one explicit list: a kind is a module here and a line below (its id in
 * ../kinds.ts names it for the catalogues, which word it in both languages).
 */
export const briefingKinds: readonly BriefingKindDefinition[] = [utilization, mismatch, exports, full];

export function briefingKind(id: BriefingKind): BriefingKindDefinition {
  const def = briefingKinds.find((k) => k.id === id);
  if (!def) throw new Error(`no briefing kind ${id}`);
  return def;
}

const cycles = new WeakMap<Presenter['edition'], Map<string, Spotlight[]>>();

/**
 * The spotlight cycle of a briefing kind for one edition: deterministic, and at least 20 long on the
 * paper's data. Made once per edition, kind and catalogue: every delivery of a slot asks for it, and
 * making it runs the metrics behind every candidate spotlight.
 */
export function spotlightCycle(p: Presenter, kind: BriefingKind): Spotlight[] {
  return memoOn(cycles, p.edition, `${kind}|${p.m.lang}`, () => briefingKind(kind).spotlights(p));
}
