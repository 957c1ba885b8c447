import { defineCommand } from '../src/commands/define.js';
import { DERIVED_NOTE, field, hasDerived, show, sourcesOf } from '../src/commands/figures.js';
import { opt } from '../src/commands/options.js';
import type { Reply } from '../src/commands/reply.js';
import { CLASS_COLORS, COLORS } from '../src/charts/spec.js';
import { formatPct } from '../src/format/numbers.js';
import { inconsistencyNotes } from '../src/metrics/cross-checks.js';
import type { Figure } from '../src/metrics/figure.js';
import { provinceProfile } from '../src/metrics/provinces.js';

export const province = defineCommand({
  name: 'province',
  description: 'One province: capacity, output, utilization, efficiency mix, demand and balance',
  examples: ['/province Yunnan', '/province 山东', '/province Inner Mongolia'],
  options: { name: opt.province('Province name (English or Chinese)') },
  run(ctx, { name }): Reply {
    const ds = ctx.data;
    const p = provinceProfile(ds, name);
    const year = ds.edition.year;
    const rank = (r?: { rank: number; of: number }) => (r ? ` (#${r.rank} of ${r.of})` : '');
    const b = p.balance;
    const lead = [
      p.capacity && `${show(p.capacity)} capacity${rank(p.ranks.capacity)}`,
      p.output && `${show(p.output)} output`,
      p.utilization && `${show(p.utilization)} utilization${rank(p.ranks.utilization)}`,
    ].filter(Boolean).join(', ');
    const verdict = b
      ? b.netBalance.value >= 0
        ? `A surplus province: ${show(b.netBalance, { signed: true })} after in-province demand and exports.`
        : `A deficit province: ${show(b.netBalance, { signed: true })}, covered by anodes from other provinces.`
      : '';
    const mix = p.mix;
    const figures = [p.capacity, p.output, p.utilization, p.capacityShare, p.outputShare, b?.demand, b?.exports, b?.domesticBalance, b?.netBalance, mix?.high, p.aluminium, p.impliedDemand];
    const notes: string[] = [];
    if (p.inBalanceOthers) {
      notes.push(`Table 3 does not list ${name} on its own: its output is inside Table 3's "Others" row, so the paper gives no in-province demand or balance for ${name}.`);
    }
    if (p.impliedDemand && p.anodeFactor && b) {
      notes.push(`Implied demand = aluminium output × ${show(p.anodeFactor)} (${p.anodeFactor.source.ref}); ${b.demand.source.ref} gives ${show(b.demand)}.`);
    }
    notes.push(...inconsistencyNotes(ds, name));
    if (hasDerived(figures)) notes.push(DERIVED_NOTE);
    const charts: NonNullable<Reply['charts']> = [];
    if (mix) {
      charts.push({
        kind: 'bar',
        title: `${name}: capacity by efficiency class, ${year} (%)`,
        labels: ['High >90 %', 'Medium 62–90 %', 'Low <62 %', 'Shut down'],
        series: [{ label: '% of capacity', values: [mix.high.value, mix.medium.value, mix.low.value, mix.shutdown.value], color: COLORS.output, colors: CLASS_COLORS }],
        unit: '% of capacity',
        caption: `Source: ${mix.high.source.ref}`,
        alt: `${name} capacity by efficiency class: high ${formatPct(mix.high.value)}, medium ${formatPct(mix.medium.value)}, low ${formatPct(mix.low.value)}, shut down ${formatPct(mix.shutdown.value)}.`,
        max: 100,
      });
    }
    const candidates: [string, Figure | undefined, string][] = [
      ['Capacity', p.capacity, COLORS.capacity],
      ['Output', p.output, COLORS.output],
      ['Demand', b?.demand, COLORS.demand],
      ['Exports', b?.exports, COLORS.exports],
    ];
    const supply = candidates.filter((e): e is [string, Figure, string] => e[1] !== undefined);
    charts.push({
      kind: 'bar',
      title: `${name}: supply vs demand, ${year} (Mt)`,
      labels: supply.map(([l]) => l),
      series: [{ label: 'Mt', values: supply.map(([, f]) => f.value), color: COLORS.output, colors: supply.map(([, , c]) => c) }],
      unit: 'Mt',
      caption: `Source: ${[...new Set(supply.map(([, f]) => f.source.ref))].join(', ')}`,
      alt: `${name}: ${supply.map(([l, f]) => `${l.toLowerCase()} ${show(f)}`).join(', ')}.`,
    });
    return {
      tone: 'info',
      title: `${name} · prebaked anodes ${year}`,
      summary: `${lead}. ${verdict}`.trim(),
      fields: [
        ...field('Capacity', p.capacity),
        ...field('Output', p.output),
        ...field('Utilization', p.utilization),
        ...field('Share of national capacity', p.capacityShare),
        ...field('In-province demand', b?.demand),
        ...field('Exports', b?.exports),
        ...field('Output − demand', b?.domesticBalance, { signed: true }),
        ...field('Net balance after exports', b?.netBalance, { signed: true }),
        ...(mix
          ? [{ label: 'Efficiency mix', value: `${formatPct(mix.high.value)} high · ${formatPct(mix.medium.value)} medium · ${formatPct(mix.low.value)} low · ${formatPct(mix.shutdown.value)} shut`, source: mix.high.source.ref }]
          : []),
        ...field('Aluminium output', p.aluminium),
        ...field('Anode demand implied', p.impliedDemand),
      ],
      charts,
      notes,
      sources: sourcesOf(ds, figures),
    };
  },
});
