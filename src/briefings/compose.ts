import { sourceOf } from '../metrics/tables.js';
import { derivedNote, show, shown, sourcesOf } from '../framework/figure-text.js';
import { nameFor } from '../framework/reply-charts.js';
import type { Presenter } from '../framework/figure-text.js';
import type { Reply, ReplyField } from '../framework/reply.js';
import type { Edition } from '../editions.js';
import { editionChanges, type EditionChanges } from '../metrics/changes.js';
import type { Figure } from '../metrics/figure.js';
import type { BriefingKind } from './kinds.js';
import type { Lang } from '../i18n/lang.js';
import { briefingKind, spotlightCycle } from './kinds/index.js';
import { spotlightPosition, type SpotlightView } from './spotlights.js';

/** The "what changed since the previous edition" lead: the largest change of each metric. */
function changesField(p: Presenter, c: EditionChanges): { field: ReplyField; figures: Figure[] } {
  const { m } = p;
  const lines = (['capacity', 'output', 'utilization', 'balance', 'exports'] as const).flatMap((metric) => {
    const total = c.totals.find((t) => t.metric === metric)!;
    const biggest = c.byMetric[metric][0];
    const name = (n: string) => nameFor(p, metric === 'exports' ? 'country' : 'province', n);
    return [
      m.changes.line(
        metric,
        show(total.delta, m, { signed: true, mark: false }),
        biggest ? `${name(biggest.name)} ${show(biggest.delta, m, { signed: true, mark: false })}` : undefined,
      ),
    ];
  });
  const figures = [
    ...c.totals.map((t) => t.delta),
    ...(['capacity', 'output', 'utilization', 'balance', 'exports'] as const).flatMap((k) => (c.byMetric[k][0] ? [c.byMetric[k][0]!.delta] : [])),
  ];
  // Every figure here is a difference between editions: derived, marked once for the whole field.
  return {
    field: {
      label: m.changes.since(c.from),
      value: `${lines.join('\n')} †`,
      source: m.marks.derivedFrom(
        (['production-by-province', 'balance-by-province', 'exports-by-country'] as const).map((t) => m.ref(sourceOf(p.edition.data, t))).join(', '),
        m.how(`${c.to} edition − ${c.from} edition`),
      ),
      key: true,
    },
    figures,
  };
}

export interface BriefingMessage {
  /** Identifies the content: equal keys, equal messages (platform payloads are built once per key). */
  key: string;
  /** The whole briefing, one message (layout compact). */
  reply: Reply;
  /** Layout thread: the channel post, then the reply in its thread. */
  headline: Reply;
  details: Reply;
  spotlight: { position: number; of: number; id: string };
  lang: Lang;
  /** The command whose full reply the briefing's More button opens, privately. */
  more: string;
}

export interface ComposeOptions {
  /** The subscription's id and cursor place its spotlight; previews and `npm run briefing` pass their own. */
  subscriptionId: number;
  cursor: number;
  /** Lead with what changed since this edition (once per channel per new edition). */
  announceSince?: Edition;
}

/** Where a subscription is in its kind's spotlight cycle, and the key of the message it gets there. */
function place(p: Presenter, kind: BriefingKind, o: ComposeOptions) {
  const cycle = spotlightCycle(p, kind);
  const position = spotlightPosition(o.subscriptionId, o.cursor, cycle.length);
  const id = cycle[position]?.id ?? 'none';
  return { cycle, position, id, key: `${kind}|${p.edition.year}|${p.m.lang}|${id}|${o.announceSince?.year ?? '-'}` };
}

/**
 * The key composeBriefing would give, for a fraction of its cost: a message already built for the key
 * is reused without building another (a slot of 10,000 channels shares a handful of messages).
 */
export function briefingKey(p: Presenter, kind: BriefingKind, o: ComposeOptions): string {
  return place(p, kind, o).key;
}

/** A briefing: short, readable in a minute, one chart, one rotating spotlight, every figure sourced. Pure. */
export function composeBriefing(p: Presenter, kind: BriefingKind, o: ComposeOptions): BriefingMessage {
  const { m, edition } = p;
  const def = briefingKind(kind);
  const sections = def.sections(p);
  const { cycle, position, id, key } = place(p, kind, o);
  const spot: SpotlightView | undefined = cycle[position]?.build(p);
  const changes = o.announceSince ? changesField(p, editionChanges(o.announceSince.data, edition.data)) : undefined;
  const spotField: ReplyField[] = spot ? [{ label: m.briefing.spotlight(spot.title), value: spot.lines.join('\n'), key: true }] : [];
  const figures = shown([...sections.flatMap((s) => s.figures), ...(spot?.figures ?? []), ...(changes?.figures ?? [])]);
  const chart = (sections.find((s) => s.id === def.chart) ?? sections[0]!).chart;
  // Chinese sentences follow each other with no space: the catalogue joins them.
  // Several sections: their first sentences; one: all of it.
  const summary = sections.length > 1 ? m.common.sentences(...sections.map((s) => s.lines[0])) : m.common.sentences(...sections[0]!.lines);
  const followUps = [...sections.flatMap((s) => s.followUps), ...(spot?.followUp ? [spot.followUp] : [])].slice(0, 4);
  const title = m.briefing.title(kind, edition.year);
  const sources = sourcesOf(edition, figures, m);
  const notes = derivedNote(figures, m);
  const reply: Reply = {
    tone: 'info',
    title,
    summary,
    fields: [...(changes ? [changes.field] : []), ...spotField],
    charts: [chart],
    notes,
    sources,
    figures,
    followUps,
  };
  const headline: Reply = { tone: 'info', title, summary, fields: changes ? [changes.field] : [], figures, notes: [m.briefing.inThread] };
  const details: Reply = {
    tone: 'info',
    title: spot ? m.briefing.spotlight(spot.title) : title,
    summary: spot?.lines.join('\n') ?? '',
    charts: [chart],
    notes,
    sources,
    figures,
    followUps,
  };
  return {
    key,
    reply,
    headline,
    details,
    more: def.more,
    spotlight: { position, of: cycle.length, id },
    lang: m.lang,
  };
}
