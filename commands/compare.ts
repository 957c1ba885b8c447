import { sourceOf } from '../src/metrics/tables.js';
import { defineCommand, subjectOf } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, show, shown, sourcesOf } from '../src/framework/figure-text.js';
import { drawn, nameFor } from '../src/framework/reply-charts.js';
import type { Reply } from '../src/framework/reply.js';
import { COLORS } from '../src/charts/spec.js';
import type { Messages } from '../src/i18n/messages.js';
import type { Figure } from '../src/metrics/figure.js';
import { provinceProfile, type ProvinceProfile } from '../src/metrics/provinces.js';

const ROWS: { label: (m: Messages) => string; get: (p: ProvinceProfile) => Figure | undefined; signed?: boolean }[] = [
  { label: (m) => m.labels.capacity, get: (p) => p.capacity },
  { label: (m) => m.labels.output, get: (p) => p.output },
  { label: (m) => m.labels.utilization, get: (p) => p.utilization },
  { label: (m) => m.compare.highShare, get: (p) => p.mix?.high },
  { label: (m) => m.compare.demand, get: (p) => p.balance?.demand },
  { label: (m) => m.labels.exports, get: (p) => p.balance?.exports },
  { label: (m) => m.compare.domestic, get: (p) => p.balance?.domesticBalance, signed: true },
  { label: (m) => m.compare.net, get: (p) => p.balance?.netBalance, signed: true },
];

export const compare = defineCommand({
  name: 'compare',
  description: (m) => m.compare.description,
  examples: ['/compare Shandong Yunnan', '/compare Inner Mongolia, Henan, 云南'],
  options: {
    provinces: opt.provinces((m) => m.options.provinces, { min: 2, max: 4 }),
    year: opt.edition((m) => m.options.edition),
  },
  pure: true,
  run(ctx, { provinces }): Reply {
    const { m, edition } = ctx;
    const profiles = provinces.map((n) => provinceProfile(edition.data, n));
    const names = provinces.map((n) => nameFor(ctx, 'province', n));
    const cell = (f: Figure | undefined, signed?: boolean) =>
      f ? `${show(f, m, { signed, mark: false })}${f.source.derived ? '†' : ''}` : m.common.notAvailable;
    const missing = profiles.filter((p) => !p.balance).map((p) => nameFor(ctx, 'province', p.name));
    const figures = shown(profiles.flatMap((p) => ROWS.map((r) => r.get(p))));
    const chartRows: [string, string, (p: ProvinceProfile) => Figure | undefined][] = [
      [m.labels.capacity, COLORS.capacity, (p) => p.capacity],
      [m.labels.output, COLORS.output, (p) => p.output],
      [m.compare.demand, COLORS.demand, (p) => p.balance?.demand],
    ];
    return {
      tone: 'info',
      title: m.compare.title(names, edition.year),
      summary: profiles
        .map((p, i) =>
          m.compare.line(
            names[i]!,
            p.output ? show(p.output, m) : m.common.notAvailable,
            p.utilization ? show(p.utilization, m) : m.common.notAvailable,
            p.balance ? show(p.balance.netBalance, m, { signed: true }) : undefined,
          ),
        )
        .join(m.compare.separator),
      table: {
        columns: [{ label: '', align: 'left' }, ...names.map((n) => ({ label: n, align: 'right' as const }))],
        rows: ROWS.map((r) => [r.label(m), ...profiles.map((p) => cell(r.get(p), r.signed))]),
      },
      charts: [
        {
          kind: 'bar',
          title: m.compare.chart(edition.year),
          labels: provinces.map((n) => nameFor(ctx, 'province', n)),
          // A value the paper does not give is no bar (null) and reads "n/a", never an empty bar.
          series: chartRows.map(([label, color, get]) => ({
            label,
            values: profiles.map((p) => {
              const f = get(p);
              return f ? drawn(f, m) : null;
            }),
            shown: profiles.map((p) => {
              const f = get(p);
              return f ? show(f, m, { unit: false }) : m.common.notAvailable;
            }),
            color,
          })),
          unit: m.units.axis('Mt'),
          caption: [
            m.charts.sources([m.ref(sourceOf(edition.data, 'production-by-province')), m.ref(sourceOf(edition.data, 'balance-by-province'))]),
            missing.length > 0 ? m.compare.noDemandCaption(missing) : '',
          ]
            .filter(Boolean)
            .join(' · '),
          alt: profiles
            .map((p, i) =>
              m.compare.alt(
                names[i]!,
                chartRows.map(([label, , get]) => m.compare.altItem(label, get(p) ? show(get(p)!, m) : m.common.notAvailable)),
              ),
            )
            .join(m.compare.separator),
        },
      ],
      notes: [...(missing.length > 0 ? [m.compare.inOthers(missing)] : []), ...derivedNote(figures, m)],
      sources: sourcesOf(edition, figures, m),
      figures,
      subject: subjectOf(ctx, ...provinces),
      followUps: provinces.map((n) => ({ label: nameFor(ctx, 'province', n), line: `/province ${n}` })).slice(0, 4),
    };
  },
});
