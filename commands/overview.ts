import { defineCommand } from '../src/commands/define.js';
import { DERIVED_NOTE, field, show, sourcesOf } from '../src/commands/figures.js';
import type { Reply } from '../src/commands/reply.js';
import { CLASS_COLORS, COLORS } from '../src/charts/spec.js';
import { formatPct } from '../src/format/numbers.js';
import { nationalOverview } from '../src/metrics/national.js';

export const overview = defineCommand({
  name: 'overview',
  description: 'National headline figures: capacity, output, utilization, efficiency, exports',
  examples: ['/overview'],
  options: {},
  run(ctx): Reply {
    const ds = ctx.data;
    const o = nationalOverview(ds);
    const latest = o.exports.at(-1);
    const figures = [o.capacity, o.output, o.utilization, o.capacityText, o.outputText, o.mix.high, o.balance.demand, o.balance.netBalance, o.largest.capacityShare, latest?.total, latest?.change ?? undefined];
    const notes = [
      o.capacityText && o.outputText
        ? `The abstract gives ${show(o.capacityText)} capacity and ${show(o.outputText)} output; the tables round to ${show(o.capacity)} and ${show(o.output)}.`
        : '',
      DERIVED_NOTE,
    ].filter(Boolean);
    return {
      tone: 'info',
      title: `China prebaked anodes · ${ds.edition.year} overview`,
      summary: `${show(o.capacity)} capacity, ${show(o.output)} output, ${show(o.utilization)} utilization across ${o.provinces} named provinces and "Others". ${o.largest.name} alone holds ${show(o.largest.capacityShare)} of capacity.`,
      fields: [
        ...field('Capacity', o.capacity),
        ...field('Output', o.output),
        ...field('Utilization', o.utilization),
        { label: 'Efficiency mix', value: `${formatPct(o.mix.high.value)} high · ${formatPct(o.mix.medium.value)} medium · ${formatPct(o.mix.low.value)} low · ${formatPct(o.mix.shutdown.value)} shut`, source: o.mix.high.source.ref },
        ...field('Domestic demand', o.balance.demand),
        ...field('Net balance after exports', o.balance.netBalance, { signed: true }),
        ...o.exports.flatMap((e) => field(`Exports ${e.year}`, e.total)),
        ...field(`Exports change ${latest?.year ?? ''}`.trim(), latest?.change ?? undefined, { signed: true }),
        ...field('Anode use per tonne of aluminium', o.anodeFactor),
      ],
      charts: [
        {
          kind: 'bar',
          title: `China: capacity by efficiency class, ${ds.edition.year} (%)`,
          labels: ['High >90 %', 'Medium 62–90 %', 'Low <62 %', 'Shut down'],
          series: [{ label: '% of capacity', values: [o.mix.high.value, o.mix.medium.value, o.mix.low.value, o.mix.shutdown.value], color: COLORS.output, colors: CLASS_COLORS }],
          unit: '% of capacity',
          caption: `Source: ${o.mix.high.source.ref} (Total row)`,
          alt: `National capacity by efficiency class: high ${formatPct(o.mix.high.value)}, medium ${formatPct(o.mix.medium.value)}, low ${formatPct(o.mix.low.value)}, shut down ${formatPct(o.mix.shutdown.value)}.`,
          max: 100,
        },
      ],
      notes,
      sources: sourcesOf(ds, figures),
    };
  },
});
