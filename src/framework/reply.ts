import type { ChartSpec } from '../charts/spec.js';
import type { Figure } from '../metrics/figure.js';

/** One labelled figure: value already formatted with its unit, source as a short reference. */
export interface ReplyField {
  label: string;
  value: string;
  /** "Table 2", or "derived from Table 3: output − demand". */
  source?: string;
  /** One of the (at most four) figures the compact, phone-sized reply keeps. */
  key?: boolean;
}

export interface ReplyTable {
  columns: { label: string; align: 'left' | 'right' }[];
  rows: string[][];
}

/** A next question, as a button: the command line it stands for. */
export interface FollowUp {
  label: string;
  line: string;
}

/** A next question with a choice, as a menu: the line is `${prefix} ${value}`. */
export interface FollowUpMenu {
  placeholder: string;
  prefix: string;
  options: { label: string; value: string }[];
}

/** A file that travels with the reply (a table as CSV). */
export interface ReplyFile {
  name: string;
  contentType: string;
  content: string;
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
  /** Footnotes: the paper's own words, derived-figure explanations, caveats, inconsistencies. */
  notes?: string[];
  /** Paper tables and sections the figures come from, with captions. */
  sources?: string[];
  /** For errors: what to type instead. */
  usage?: string;
  /** Post for the whole channel even when replies are private by default (/briefing now). */
  inChannel?: boolean;
  /** Every figure the reply shows, with its provenance: not rendered, checked by the tests. */
  figures?: Figure[];
  /** Buttons for the next question. */
  followUps?: FollowUp[];
  menu?: FollowUpMenu;
  files?: ReplyFile[];
  /** For a question in words: the command it was read as, shown first so users can correct it and learn it. */
  understood?: string;
  /** The resolved subject ("Yunnan", "Shandong Yunnan" and a year when not the current edition): names chart files, never shown. */
  subject?: string;
}

export function errorReply(title: string, summary: string, usage?: string): Reply {
  return { tone: 'error', title, summary, ...(usage ? { usage } : {}) };
}

/** At most this many figures in the phone-sized form. */
export const COMPACT_FIELDS = 4;

/**
 * The phone-sized form of a reply: headline, at most four key figures with their sources, one chart,
 * warnings only. A reply that is itself a list (no chart, no key figures) stays whole.
 */
export function compactReply(reply: Reply): Reply {
  if (reply.tone === 'error' || !hasMore(reply)) return reply;
  const fields = reply.fields ?? [];
  const keyed = fields.filter((f) => f.key);
  const { table: _table, ...rest } = reply;
  return {
    ...rest,
    fields: (keyed.length > 0 ? keyed : fields).slice(0, COMPACT_FIELDS),
    charts: (reply.charts ?? []).slice(0, 1),
    notes: (reply.notes ?? []).filter((n) => n.startsWith('⚠')),
  };
}

/** Whether the compact form leaves something out (so a "More" button has something to show). */
export function hasMore(reply: Reply): boolean {
  if (reply.tone === 'error') return false;
  const compactable = (reply.charts?.length ?? 0) > 0 || (reply.fields ?? []).some((f) => f.key);
  if (!compactable) return false;
  const fields = reply.fields ?? [];
  const keyed = fields.filter((f) => f.key).length || Math.min(fields.length, COMPACT_FIELDS);
  return fields.length > keyed || (reply.charts?.length ?? 0) > 1 || Boolean(reply.table) || (reply.notes ?? []).some((n) => !n.startsWith('⚠'));
}
