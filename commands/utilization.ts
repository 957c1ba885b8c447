import { defineCommand, subjectOf } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, field, findingNotes, quoteNotes, roundingNote, show, shown, sourceLabel, sourcesOf } from '../src/framework/figure-text.js';
import { mixChart, mixField, nameFor } from '../src/framework/reply-charts.js';
import type { Reply, ReplyTable } from '../src/framework/reply.js';
import { COLORS } from '../src/charts/spec.js';
import { findingsAbout, visibleRoundingGaps } from '../src/metrics/cross-checks.js';
import { efficiencyStructure, type EfficiencyMix } from '../src/metrics/efficiency.js';
import { provinceProfile } from '../src/metrics/provinces.js';
import { NATIONAL, statementsAbout } from '../src/metrics/text-figures.js';

export const utilization = defineCommand({
  name: 'utilization',
  description: (m) => m.utilization.description,
  examples: ['/utilization', '/utilization Henan', '/utilization {year}'],
  options: {
    province: opt.province((m) => m.options.provinceOptional, { required: false }),
    year: opt.edition((m) => m.options.edition),
  },
  pure: true,
  // Long on purpose: one reply read top to bottom, each figure built beside its source and notes.
  run(ctx, { province }): Reply {
    const { m, edition } = ctx;
    const ds = edition.data;
    const s = efficiencyStructure(ds);
    const th = s.thresholds;
    const classes = m.utilization.classes(th.highAbovePct, th.lowBelowPct, m.ref(th.source));
    const rows: EfficiencyMix[] = province ? s.provinces.filter((p) => p.name === province) : [...s.provinces, ...(s.others ? [s.others] : []), s.total];
    const pct = (f: EfficiencyMix['high']) => show(f, m, { unit: false });
    const table: ReplyTable = {
      columns: [
        { label: m.utilization.colProvince, align: 'left' },
        { label: m.units.axis('Mt'), align: 'right' },
        { label: m.utilization.colHigh, align: 'right' },
        { label: m.utilization.colMedium, align: 'right' },
        { label: m.utilization.colLow, align: 'right' },
        { label: m.utilization.colShut, align: 'right' },
      ],
      rows: rows.map((x) => [nameFor(ctx, 'province', x.name), show(x.capacity, m, { unit: false }), pct(x.high), pct(x.medium), pct(x.low), pct(x.shutdown)]),
    };
    if (province) {
      const p = provinceProfile(ds, province);
      const x = rows[0]!;
      const display = nameFor(ctx, 'province', province);
      const figures = shown([p.utilization, x.capacity, x.high, x.medium, x.low, x.shutdown, x.highCapacity]);
      return {
        tone: 'info',
        title: m.utilization.provinceTitle(display, edition.year),
        summary: m.utilization.provinceSummary({
          high: show(x.high, m),
          capacity: show(x.capacity, m),
          threshold: th.highAbovePct,
          shutdown: show(x.shutdown, m),
          average: p.utilization ? show(p.utilization, m) : undefined,
          province: display,
        }),
        fields: [
          ...field(m.labels.averageUtilization, p.utilization, m, { key: true }),
          ...field(m.labels.capacityTable1, x.capacity, m, { key: true }),
          { ...mixField(x, m), key: true },
          ...field(m.labels.highCapacity, x.highCapacity, m, { key: true }),
        ],
        charts: [mixChart(ctx, x, m.province.mixChart(display, edition.year))],
        notes: [
          classes,
          ...quoteNotes(statementsAbout(ds, province, 'efficiency'), m),
          ...findingNotes(findingsAbout(edition.findings, province), { m, edition }),
          ...derivedNote(figures, m),
        ],
        sources: sourcesOf(edition, figures, m, [th.source]),
        figures,
        subject: subjectOf(ctx, province),
        followUps: [
          { label: m.follow.province, line: `/province ${province}` },
          { label: m.follow.rank, line: '/rank high-share' },
        ],
      };
    }
    const cls = (c: typeof s.high) => `${show(c.capacity, m)} · ${show(c.share, m)} · ${show(c.enterprises, m)}`;
    const statements = statementsAbout(ds, NATIONAL, 'efficiency');
    const figures = shown([
      s.high.capacity,
      s.high.share,
      s.high.enterprises,
      s.medium.capacity,
      s.medium.share,
      s.medium.enterprises,
      s.lowAndIdle.capacity,
      s.lowAndIdle.share,
      s.lowAndIdle.enterprises,
      s.idle?.capacity,
      s.idle?.enterprises,
      s.enterprises,
      ...rows.flatMap((x) => [x.capacity, x.high, x.medium, x.low, x.shutdown]),
    ]);
    const provincesShown = s.provinces;
    return {
      tone: 'info',
      title: m.utilization.title(edition.year),
      summary: m.utilization.summary({
        share: show(s.high.share, m),
        capacity: show(s.high.capacity, m),
        enterprises: show(s.high.enterprises, m),
        threshold: th.highAbovePct,
        lowShare: show(s.lowAndIdle.share, m),
      }),
      fields: [
        { label: m.utilization.high(th.highAbovePct), value: cls(s.high), source: sourceLabel(s.high.capacity, m), key: true },
        { label: m.utilization.medium(th.lowBelowPct, th.highAbovePct), value: cls(s.medium), source: sourceLabel(s.medium.capacity, m), key: true },
        { label: m.utilization.lowAndIdle(th.lowBelowPct), value: cls(s.lowAndIdle), source: sourceLabel(s.lowAndIdle.capacity, m), key: true },
        ...(s.idle
          ? [
              {
                label: m.utilization.idle,
                value: `${show(s.idle.capacity, m)} · ${show(s.idle.enterprises, m)}`,
                source: sourceLabel(s.idle.capacity, m),
                key: true,
              },
            ]
          : []),
        ...field(m.labels.enterprisesClassified, s.enterprises, m),
      ],
      table,
      charts: [
        {
          kind: 'stacked-bar',
          title: m.utilization.chart(edition.year),
          labels: provincesShown.map((x) => nameFor(ctx, 'province', x.name)),
          series: [
            {
              label: m.utilization.colHigh,
              values: provincesShown.map((x) => x.high.value),
              shown: provincesShown.map((x) => pct(x.high)),
              color: COLORS.high,
            },
            {
              label: m.utilization.colMedium,
              values: provincesShown.map((x) => x.medium.value),
              shown: provincesShown.map((x) => pct(x.medium)),
              color: COLORS.medium,
            },
            { label: m.utilization.colLow, values: provincesShown.map((x) => x.low.value), shown: provincesShown.map((x) => pct(x.low)), color: COLORS.low },
            {
              label: m.utilization.colShut,
              values: provincesShown.map((x) => x.shutdown.value),
              shown: provincesShown.map((x) => `${pct(x.shutdown)} %`),
              color: COLORS.shutdown,
            },
          ],
          unit: m.units.percentOfCapacity,
          caption: [m.charts.source(m.ref(s.total.high.source.ref)), m.charts.notDrawn([m.charts.aggregateRow(m.aggregateName('Others'))])].join(' · '),
          alt: m.utilization.chartAlt(
            provincesShown.map(
              (x) => `${nameFor(ctx, 'province', x.name)} ${show(x.high, m)} / ${show(x.medium, m)} / ${show(x.low, m)} / ${show(x.shutdown, m)}`,
            ),
          ),
          max: 100,
        },
      ],
      notes: [
        classes,
        m.utilization.table1Total(show(s.total.high, m), show(s.total.medium, m), show(s.total.low, m), show(s.total.shutdown, m)),
        ...quoteNotes(statements, m),
        ...findingNotes(
          findingsAbout(edition.findings, NATIONAL).filter((f) => statements.some((st) => f.row === `${NATIONAL} ${st.metric}`)),
          { m, edition },
        ),
        ...roundingNote(visibleRoundingGaps(edition.findings, s.total.high.source.ref), { m, edition }),
        ...derivedNote(figures, m),
      ],
      sources: sourcesOf(edition, figures, m, [th.source, ...statements.map((st) => st.source)]),
      figures,
      subject: subjectOf(ctx, 'national'),
      followUps: [
        { label: m.follow.rank, line: '/rank utilization' },
        { label: m.follow.overview, line: '/overview' },
      ],
      menu: {
        placeholder: m.follow.oneProvince,
        prefix: '/utilization',
        options: s.provinces.map((x) => ({ label: nameFor(ctx, 'province', x.name, { bilingual: true }), value: x.name })),
      },
    };
  },
});
