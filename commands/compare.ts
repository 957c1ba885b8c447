import { defineCommand } from '../src/commands/define.js';
import { DERIVED_NOTE, show, sourcesOf } from '../src/commands/figures.js';
import { opt } from '../src/commands/options.js';
import type { Reply } from '../src/commands/reply.js';
import { bilingualName } from '../src/metrics/names.js';
import { COLORS } from '../src/charts/spec.js';
import type { Figure } from '../src/metrics/figure.js';
import { provinceProfile, type ProvinceProfile } from '../src/metrics/provinces.js';

const ROWS: { label: string; get: (p: ProvinceProfile) => Figure | undefined; signed?: boolean }[] = [
  { label: 'Capacity', get: (p) => p.capacity },
  { label: 'Output', get: (p) => p.output },
  { label: 'Utilization', get: (p) => p.utilization },
  { label: 'High-eff. share', get: (p) => p.mix?.high },
  { label: 'Demand', get: (p) => p.balance?.demand },
  { label: 'Exports', get: (p) => p.balance?.exports },
  { label: 'Out − demand †', get: (p) => p.balance?.domesticBalance, signed: true },
  { label: 'Net balance', get: (p) => p.balance?.netBalance, signed: true },
];

export const compare = defineCommand({
  name: 'compare',
  description: 'Provinces side by side: capacity, output, utilization, efficiency, balance',
  examples: ['/compare Shandong Yunnan', '/compare Inner Mongolia, Henan, 云南'],
  options: { provinces: opt.provinces('Two to four provinces, separated by spaces or commas', { min: 2, max: 4 }) },
  run(ctx, { provinces }): Reply {
    const ds = ctx.data;
    const profiles = provinces.map((n) => provinceProfile(ds, n));
    const figures = profiles.flatMap((p) => ROWS.map((r) => r.get(p)));
    const cell = (f: Figure | undefined, signed?: boolean) => (f ? show(f, { signed }).replace(' †', '') : 'n/a');
    const missing = profiles.filter((p) => p.inBalanceOthers).map((p) => p.name);
    return {
      tone: 'info',
      title: `${provinces.join(' vs ')} · ${ds.edition.year}`,
      summary: profiles
        .map((p) => `${p.name}: ${p.output ? show(p.output) : 'n/a'} output at ${p.utilization ? show(p.utilization) : 'n/a'}${p.balance ? `, net ${show(p.balance.netBalance, { signed: true })}` : ''}`)
        .join('; ') + '.',
      table: {
        columns: [{ label: '', align: 'left' }, ...profiles.map((p) => ({ label: p.name, align: 'right' as const }))],
        rows: ROWS.map((r) => [r.label, ...profiles.map((p) => cell(r.get(p), r.signed))]),
      },
      charts: [
        {
          kind: 'bar',
          title: `Capacity, output and demand, ${ds.edition.year} (Mt)`,
          labels: provinces.map((n) => bilingualName(ctx.names, 'province', n)),
          series: [
            { label: 'Capacity', values: profiles.map((p) => p.capacity?.value ?? 0), color: COLORS.capacity },
            { label: 'Output', values: profiles.map((p) => p.output?.value ?? 0), color: COLORS.output },
            { label: 'Demand', values: profiles.map((p) => p.balance?.demand.value ?? 0), color: COLORS.demand },
          ],
          unit: 'Mt',
          caption: 'Source: Tables 2 and 3',
          alt: profiles.map((p) => `${p.name}: capacity ${p.capacity ? show(p.capacity) : 'n/a'}, output ${p.output ? show(p.output) : 'n/a'}, demand ${p.balance ? show(p.balance.demand) : 'n/a'}`).join('; ') + '.',
        },
      ],
      notes: [
        ...(missing.length > 0 ? [`n/a: Table 3 folds ${missing.join(' and ')} into "Others"; the paper gives no separate demand or balance (shown as 0 in the chart).`] : []),
        DERIVED_NOTE,
      ],
      sources: sourcesOf(ds, figures),
    };
  },
});
