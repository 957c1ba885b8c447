import type { ChartSpec } from '../charts/spec.js';

/** One labelled figure: value already formatted with its unit, source as a short reference. */
export interface ReplyField {
  label: string;
  value: string;
  /** "Table 2", or "derived: output − demand (Table 3)". */
  source?: string;
}

export interface ReplyTable {
  columns: { label: string; align: 'left' | 'right' }[];
  rows: string[][];
}

/**
 * What every command returns: platform-neutral and plain text throughout (no markup). Renderers escape
 * it and lay it out for the console, Slack or Discord, each within its own limits.
 */
export interface Reply {
  tone: 'info' | 'error';
  title: string;
  summary?: string;
  fields?: ReplyField[];
  table?: ReplyTable;
  /** At most two: a picture each for the main comparisons. */
  charts?: ChartSpec[];
  /** Footnotes: derived-figure explanations, caveats, inconsistencies of the paper. */
  notes?: string[];
  /** Paper tables and sections the figures come from, with captions. */
  sources?: string[];
  /** For errors: what to type instead. */
  usage?: string;
  /** Post for the whole channel even when replies are private by default (/briefing now). */
  inChannel?: boolean;
}

export function errorReply(title: string, summary: string, usage?: string): Reply {
  return { tone: 'error', title, summary, ...(usage ? { usage } : {}) };
}
