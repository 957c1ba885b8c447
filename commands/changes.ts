import { defineCommand } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, show, shown, sourcesOf } from '../src/framework/figure-text.js';
import { nameFor } from '../src/framework/reply-charts.js';
import { errorReply, type Reply, type ReplyField } from '../src/framework/reply.js';
import { yearsHeld } from '../src/editions.js';
import { CHANGE_METRICS, editionChanges } from '../src/metrics/changes.js';

const PER_METRIC = 3;

export const changes = defineCommand({
  name: 'changes',
  description: (m) => m.changes.description,
  examples: ['/changes', '/changes {previous} {year}'],
  options: {
    from: opt.integer((m) => m.options.fromEdition, { min: 1900, max: 2100, placeholder: '[from]', pattern: /^(19|20)\d{2}$/ }),
    to: opt.integer((m) => m.options.toEdition, { min: 1900, max: 2100, placeholder: '[to]', pattern: /^(19|20)\d{2}$/ }),
  },
  pure: true,
  run(ctx, { from, to }): Reply {
    const { m, library } = ctx;
    const years = library.years;
    if (years.length < 2)
      return errorReply(m.changes.oneEdition(years[0] ?? 0), m.common.sentences(m.changes.oneEditionHint, m.errors.editionsAre(yearsHeld(library, m.ref))));
    const toYear = to ?? (from !== undefined && from > library.current.year ? from : library.current.year);
    const fromYear = from !== undefined && from !== toYear ? Math.min(from, toYear) : library.previousOf(toYear)?.year;
    const after = library.get(Math.max(toYear, fromYear ?? 0));
    const before = fromYear === undefined ? undefined : library.get(Math.min(toYear, fromYear));
    if (!after || !before || after === before) return errorReply(m.changes.noPair, m.errors.editionsAre(yearsHeld(library, m.ref)), '/changes [from] [to]');
    const c = editionChanges(before.data, after.data);
    const p = { m, edition: after };
    const fields: ReplyField[] = CHANGE_METRICS.map((metric) => {
      const total = c.totals.find((t) => t.metric === metric)!;
      const kind = metric === 'exports' ? 'country' : 'province';
      const top = c.byMetric[metric].slice(0, PER_METRIC).map((x) => `${nameFor(p, kind, x.name)} ${show(x.delta, m, { signed: true, mark: false })}`);
      return {
        label: m.changes.metric(metric),
        value: `${[m.changes.total(show(total.delta, m, { signed: true, mark: false })), ...top].join('\n')} †`,
        source: m.marks.derivedFrom(m.ref(total.delta.source.ref.split(' (')[0]!), m.how(total.delta.source.derived!)),
        key: metric !== 'utilization',
      };
    });
    const figures = shown([...c.totals.map((t) => t.delta), ...CHANGE_METRICS.flatMap((k) => c.byMetric[k].slice(0, PER_METRIC).map((x) => x.delta))]);
    return {
      tone: 'info',
      title: m.changes.title(c.from, c.to),
      summary: m.changes.summary(c.from, c.to),
      fields,
      notes: [m.changes.note, ...derivedNote(figures, m)],
      sources: sourcesOf(after, figures, m),
      figures,
    };
  },
});
