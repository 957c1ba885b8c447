export const BRIEFING_KINDS = ['utilization', 'mismatch', 'exports', 'full'] as const;
export type BriefingKind = (typeof BRIEFING_KINDS)[number];

/** compact: one message; thread: the headline in the channel, details and chart in its thread. */
export const LAYOUTS = ['compact', 'thread'] as const;
export type Layout = (typeof LAYOUTS)[number];
