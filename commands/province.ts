import { defineCommand, subjectOf } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, field, findingNotes, quoteNotes, show, shown, sourcesOf } from '../src/framework/figure-text.js';
import { drawn, mixChart, mixField, nameFor } from '../src/framework/reply-charts.js';
import type { Reply, ReplyField } from '../src/framework/reply.js';
import { versusFields } from '../src/framework/versus.js';
import { COLORS, type ChartSpec } from '../src/charts/spec.js';
import { findingsAbout } from '../src/metrics/cross-checks.js';
import type { Figure } from '../src/metrics/figure.js';
import { provinceProfile } from '../src/metrics/provinces.js';

export const province = defineCommand({
  name: 'province',
  description: (m) => m.province.description,
  examples: ['/province Yunnan', '/province 山东', '/province Inner Mongolia {year}'],
  options: {
    name: opt.province((m) => m.options.province),
    year: opt.edition((m) => m.options.edition),
  },
  pure: true,
  // Long on purpose: one reply read top to bottom, each figure built beside its source and notes.
  run(ctx, { name }): Reply {
    const { m, edition } = ctx;
    const ds = edition.data;
    const p = provinceProfile(ds, name);
    const before = ctx.previous?.names.exact('province', name) ? provinceProfile(ctx.previous.data, name) : undefined;
    const display = nameFor(ctx, 'province', name);
    const b = p.balance;
    const rank = (r?: { rank: number; of: number; tied: boolean }) => (r ? m.common.rank(r.rank, r.of, r.tied) : '');
    const { withChange, changes } = versusFields(ctx);

    const fields: ReplyField[] = [
      ...withChange(field(m.labels.capacity, p.capacity, m, { key: true }), p.capacity, before?.capacity),
      ...withChange(field(m.labels.output, p.output, m, { key: true }), p.output, before?.output),
      ...withChange(field(m.labels.utilization, p.utilization, m, { key: true }), p.utilization, before?.utilization),
      ...field(m.labels.capacityShare, p.capacityShare, m),
      ...field(m.labels.inProvinceDemand, b?.demand, m),
      ...field(m.labels.exports, b?.exports, m),
      ...field(m.labels.domesticBalance, b?.domesticBalance, m, { signed: true }),
      ...withChange(field(m.labels.netBalance, b?.netBalance, m, { signed: true, key: true }), b?.netBalance, before?.balance?.netBalance),
      ...(p.mix ? [mixField(p.mix, m)] : []),
      ...field(m.labels.aluminium, p.aluminium, m),
      ...field(m.labels.impliedDemand, p.impliedDemand, m),
    ];

    const supply: [string, Figure | undefined, string][] = [
      [m.labels.capacity, p.capacity, COLORS.capacity],
      [m.labels.output, p.output, COLORS.output],
      [m.labels.inProvinceDemand, b?.demand, COLORS.demand],
      [m.labels.exports, b?.exports, COLORS.exports],
    ];
    const present = supply.filter((e): e is [string, Figure, string] => e[1] !== undefined);
    const charts: ChartSpec[] = [
      {
        kind: 'bar',
        title: m.province.supplyChart(display, edition.year),
        labels: present.map(([l]) => l),
        series: [
          {
            label: m.units.axis('Mt'),
            values: present.map(([, f]) => drawn(f, m)),
            shown: present.map(([, f]) => show(f, m, { unit: false })),
            color: COLORS.output,
            colors: present.map(([, , c]) => c),
          },
        ],
        unit: m.units.axis('Mt'),
        caption: [m.charts.source([...new Set(present.map(([, f]) => m.ref(f.source.ref)))].join(', ')), p.inBalanceOthers ? m.province.noBalanceCaption : '']
          .filter(Boolean)
          .join(' · '),
        alt: m.province.supplyAlt(
          display,
          present.map(([l, f]) => `${l} ${show(f, m)}`),
        ),
      },
      ...(p.mix ? [mixChart(ctx, p.mix, m.province.mixChart(display, edition.year))] : []),
    ];

    const figures = shown([
      p.capacity,
      p.output,
      p.utilization,
      p.capacityShare,
      b?.demand,
      b?.exports,
      b?.domesticBalance,
      b?.netBalance,
      p.mix?.high,
      p.mix?.medium,
      p.mix?.low,
      p.mix?.shutdown,
      p.aluminium,
      p.impliedDemand,
      ...changes,
    ]);
    const others = ds.production.filter((r) => r.kind === 'province' && r.name !== name).map((r) => r.name);
    return {
      tone: 'info',
      title: m.province.title(display, edition.year),
      summary: m.province.summary({
        capacity: p.capacity && show(p.capacity, m),
        capacityRank: rank(p.ranks.capacity),
        output: p.output && show(p.output, m),
        utilization: p.utilization && show(p.utilization, m),
        utilizationRank: rank(p.ranks.utilization),
        net: b && show(b.netBalance, m, { signed: true }),
        surplus: b ? b.netBalance.value >= 0 : undefined,
      }),
      fields,
      charts,
      notes: [
        ...(p.inBalanceOthers ? [m.province.inOthers(display)] : []),
        ...quoteNotes(p.statements, m),
        ...findingNotes(findingsAbout(edition.findings, name), { m, edition }),
        ...derivedNote(figures, m),
      ],
      sources: sourcesOf(edition, figures, m),
      figures,
      subject: subjectOf(ctx, name),
      followUps: [
        { label: m.follow.utilization, line: `/utilization ${name}` },
        { label: m.follow.rank, line: '/rank capacity' },
        ...(b ? [{ label: m.follow.balance, line: '/mismatch' }] : []),
      ],
      menu: {
        placeholder: m.follow.compareWith,
        prefix: `/compare ${name}`,
        options: others.map((o) => ({ label: nameFor(ctx, 'province', o, { bilingual: true }), value: o })),
      },
    };
  },
});
