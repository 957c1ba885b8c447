import { defineCommand, subjectOf } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, field, findingNotes, quoteNotes, show, shown, sourcesOf } from '../src/framework/figure-text.js';
import { mixChart, mixField, nameFor } from '../src/framework/reply-charts.js';
import type { Reply, ReplyField } from '../src/framework/reply.js';
import { versusFields } from '../src/framework/versus.js';
import { findingsAbout } from '../src/metrics/cross-checks.js';
import { nationalOverview } from '../src/metrics/national.js';
import { NATIONAL, statementsAbout } from '../src/metrics/text-figures.js';

export const overview = defineCommand({
  name: 'overview',
  description: (m) => m.overview.description,
  examples: ['/overview', '/overview {year}'],
  options: { year: opt.edition((m) => m.options.edition) },
  pure: true,
  run(ctx): Reply {
    const { m, edition } = ctx;
    const ds = edition.data;
    const o = nationalOverview(ds);
    const before = ctx.previous && nationalOverview(ctx.previous.data);
    const latest = o.exports.at(-1);
    const { withChange, changes } = versusFields(ctx);
    const fields: ReplyField[] = [
      ...withChange(field(m.labels.capacity, o.capacity, m, { key: true }), o.capacity, before?.capacity),
      ...withChange(field(m.labels.output, o.output, m, { key: true }), o.output, before?.output),
      ...withChange(field(m.labels.utilization, o.utilization, m, { key: true }), o.utilization, before?.utilization),
      mixField(o.mix, m),
      ...field(m.labels.domesticDemand, o.balance.demand, m),
      ...field(m.labels.exportsTable3, o.balance.exports, m),
      ...field(m.labels.netBalance, o.balance.netBalance, m, { signed: true }),
      ...o.exports.flatMap((e) => field(m.labels.exportsIn(e.year), e.total, m, { key: e === latest })),
      ...(latest?.change?.pct ? field(m.labels.exportsChange(latest.year, latest.change.previousYear), latest.change.pct, m, { signed: true }) : []),
      ...field(m.labels.anodeFactor, o.anodeFactor, m),
    ];
    const figures = shown([
      o.capacity,
      o.output,
      o.utilization,
      o.capacityText,
      o.outputText,
      o.mix.high,
      o.mix.medium,
      o.mix.low,
      o.mix.shutdown,
      o.balance.demand,
      o.balance.exports,
      o.balance.netBalance,
      o.largest.capacityShare,
      ...o.exports.map((e) => e.total),
      latest?.change?.pct,
      o.anodeFactor,
      ...changes,
    ]);
    const statements = statementsAbout(ds, NATIONAL, 'overview');
    return {
      tone: 'info',
      title: m.overview.title(edition.year),
      summary: m.overview.summary({
        capacity: show(o.capacity, m),
        output: show(o.output, m),
        utilization: show(o.utilization, m),
        provinces: o.provinces,
        largest: nameFor(ctx, 'province', o.largest.name),
        largestShare: show(o.largest.capacityShare, m),
      }),
      fields,
      charts: [mixChart(ctx, o.mix, m.overview.mixChart(edition.year))],
      notes: [
        ...(o.capacityText && o.outputText
          ? [m.overview.abstractRounding(show(o.capacityText, m), show(o.outputText, m), show(o.capacity, m), show(o.output, m))]
          : []),
        ...quoteNotes(statements, m),
        ...findingNotes(
          findingsAbout(edition.findings, NATIONAL).filter((f) => statements.some((s) => f.row === `${NATIONAL} ${s.metric}`)),
          { m, edition },
        ),
        ...derivedNote(figures, m),
      ],
      sources: sourcesOf(edition, figures, m),
      figures,
      subject: subjectOf(ctx, edition.year),
      followUps: [
        { label: m.follow.utilization, line: '/utilization' },
        { label: m.follow.balance, line: '/mismatch' },
        { label: m.follow.exports, line: '/exports' },
      ],
    };
  },
});
