import { defineCommand, subjectOf } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, show, shown, sourceLabel, sourcesOf } from '../src/framework/figure-text.js';
import { nameFor, rankingChart } from '../src/framework/reply-charts.js';
import type { Reply } from '../src/framework/reply.js';
import { RANK_METRICS, RANK_UNITS, rankProvinces, SIGNED_METRICS, type RankedEntry } from '../src/metrics/rank.js';

/** A run of this many provinces or more at zero is summarised in one line ("7 provinces export nothing"). */
const ZERO_RUN = 3;

export const rank = defineCommand({
  name: 'rank',
  description: (m) => m.rank.description,
  examples: ['/rank capacity', '/rank utilization top 5', '/rank balance {year}'],
  options: {
    metric: opt.choice((m) => m.options.metric, RANK_METRICS, { placeholder: '<metric>' }),
    top: opt.integer((m) => m.options.top, { min: 1, max: 25, keyword: 'top', placeholder: 'N', pattern: /^\d{1,2}$/ }),
    year: opt.edition((m) => m.options.edition),
  },
  pure: true,
  // Long on purpose: one reply read top to bottom, each figure built beside its source and notes.
  run(ctx, { metric, top }): Reply {
    const { m, edition } = ctx;
    const r = rankProvinces(edition.data, metric);
    const listed = r.entries.slice(0, top ?? r.entries.length);
    const signed = SIGNED_METRICS.has(metric);
    const unit = m.units.axis(RANK_UNITS[metric]);
    const label = m.rank.metricLabel(metric);
    const tied = (e: RankedEntry) => r.entries.filter((x) => x.rank === e.rank).length > 1;
    // Equal values share a rank, ordered by name; a long run of zeros is one line, not seven.
    const zeros = listed.filter((e) => e.figure.value === 0);
    const summariseZeros = zeros.length >= ZERO_RUN && zeros.every((e) => e.rank === zeros[0]!.rank);
    const ranked = summariseZeros ? listed.filter((e) => e.figure.value !== 0) : listed;
    const value = (e: { figure: RankedEntry['figure'] }) => show(e.figure, m, { signed, unit: false });
    const rows = ranked.map((e) => [`${m.common.rankLabel(e.rank, tied(e))} ${nameFor(ctx, 'province', e.name)}`, value(e)]);
    if (summariseZeros) rows.push([`${m.common.rankLabel(zeros[0]!.rank, true)} ${m.rank.zeroRun(metric, zeros.length)}`, value(zeros[0]!)]);
    const first = listed[0];
    const figures = shown([...listed.map((e) => e.figure), r.others, r.total]);
    // Others is in the table, not among the bars: the caption says so (Others is 24 % of Table 3's exports).
    const missing = r.missing.map((n) => nameFor(ctx, 'province', n));
    const notDrawn = [
      ...(r.others ? [m.charts.aggregateRow(m.aggregateName('Others'), show(r.others, m, { signed }))] : []),
      ...(missing.length > 0 ? [m.charts.noRow(missing, m.ref(r.others?.source.ref ?? first?.figure.source.ref ?? ''))] : []),
    ];
    return {
      tone: 'info',
      title: m.rank.title(label, edition.year),
      summary: first
        ? m.rank.summary({
            leader: nameFor(ctx, 'province', first.name),
            value: show(first.figure, m, { signed }),
            shown: listed.length,
            of: r.entries.length,
            tiedLead: tied(first),
          })
        : m.rank.none,
      fields: listed.slice(0, 3).map((e) => ({
        label: `${m.common.rankLabel(e.rank, tied(e))} ${nameFor(ctx, 'province', e.name)}`,
        value: show(e.figure, m, { signed }),
        source: sourceLabel(e.figure, m),
        key: true,
      })),
      table: {
        columns: [
          { label: m.rank.colProvince, align: 'left' },
          { label: unit, align: 'right' },
        ],
        rows: [
          ...rows,
          ...(r.others ? [[m.aggregateName('Others'), show(r.others, m, { signed, unit: false })]] : []),
          // The national row of a province's in-province demand is the country's domestic demand.
          ...(r.total ? [[metric === 'demand' ? m.rank.totalDemand : m.aggregateName('Total'), show(r.total, m, { signed, unit: false })]] : []),
        ],
      },
      charts: [
        rankingChart(ctx, {
          title: m.rank.chart(label, edition.year, unit),
          unit,
          entries: listed,
          signed,
          caption: [
            // Every source a bar is drawn from: Section 5.2's stated gaps beside the ones computed from Table 3.
            m.charts.sources([
              ...new Set(listed.map((e) => (e.figure.source.derived ? m.charts.computedFrom(m.ref(e.figure.source.ref)) : m.ref(e.figure.source.ref)))),
            ]),
            notDrawn.length > 0 ? m.charts.notDrawn(notDrawn) : '',
          ]
            .filter(Boolean)
            .join(' · '),
          ...(unit === '%' ? { max: 100 } : {}),
        }),
      ],
      notes: [
        ...(summariseZeros ? [m.rank.zeroNames(zeros.map((e) => nameFor(ctx, 'province', e.name)))] : []),
        ...(listed.some(tied) ? [m.rank.tiesNote] : []),
        ...(r.missing.length > 0 ? [m.rank.missing(r.missing.map((n) => nameFor(ctx, 'province', n)))] : []),
        ...(r.others ? [m.rank.aggregatesNote] : []),
        ...derivedNote(figures, m),
      ],
      sources: sourcesOf(edition, figures, m),
      figures,
      subject: subjectOf(ctx, metric, top),
      followUps: first ? [{ label: nameFor(ctx, 'province', first.name), line: `/province ${first.name}` }] : [],
      menu: {
        placeholder: m.follow.otherMetric,
        prefix: '/rank',
        options: RANK_METRICS.filter((x) => x !== metric).map((x) => ({ label: m.rank.metricLabel(x), value: x })),
      },
    };
  },
});
