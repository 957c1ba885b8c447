import { defineGroup, defineLeaf } from '../src/commands/define.js';
import { DERIVED_NOTE, show, sourceLabel, sourcesOf } from '../src/commands/figures.js';
import { opt } from '../src/commands/options.js';
import { errorReply, type Reply } from '../src/commands/reply.js';
import { bilingualName } from '../src/metrics/names.js';
import { COLORS } from '../src/charts/spec.js';
import { formatKt, formatPct } from '../src/format/numbers.js';
import { countryExports, exportRanking, latestExportYear } from '../src/metrics/exports.js';
import { exportYears } from '../src/metrics/tables.js';

const MAX_TOP = 25;

const top = defineLeaf({
  description: 'Top export destinations by volume, with shares and change on the year before',
  options: {
    count: opt.integer('How many countries (1–25, default 5)', { min: 1, max: MAX_TOP, default: 5, accepts: /^\d{1,3}$/, placeholder: '[N]' }),
    year: opt.integer('Year (default: latest)', { min: 1900, max: 2100, accepts: /^\d{4}$/, placeholder: '[year]' }),
  },
  run(ctx, { count: n, year }): Reply {
    const ds = ctx.data;
    const years = exportYears(ds);
    const chosen = year ?? latestExportYear(ds);
    if (!years.includes(chosen)) {
      return errorReply('No export data for that year', `The paper gives exports for ${years.join(' and ')}.`, `/exports top ${n} ${years.at(-1)}`);
    }
    const r = exportRanking(ds, chosen, n);
    const figures = [r.total.volume, ...r.entries.flatMap((e) => [e.volume, e.share, e.change?.deltaPct ?? undefined])];
    const cut = r.countries > r.entries.length ? ` (${r.countries - r.entries.length} more named countries not shown; /exports top ${r.countries})` : '';
    const rows = r.entries.map((e) => [
      `${e.rank}. ${e.name}`,
      formatKt(e.volume.value).replace(' kt', ''),
      formatPct(e.share.value),
      e.change?.deltaPct ? show(e.change.deltaPct, { signed: true }).replace(' †', '') : e.change ? 'new' : '—',
    ]);
    const leader = r.entries[0];
    return {
      tone: 'info',
      title: `Anode exports ${chosen}: top ${r.entries.length} destinations`,
      summary: `China exported ${show(r.total.volume)} in ${chosen}${r.total.change?.deltaPct ? ` (${show(r.total.change.deltaPct, { signed: true })} on ${r.previousYear})` : ''}.${leader ? ` ${leader.name} took ${formatPct(leader.share.value)}.` : ''}${cut}`,
      table: {
        columns: [
          { label: 'Country', align: 'left' },
          { label: 'kt', align: 'right' },
          { label: 'Share', align: 'right' },
          { label: r.previousYear ? `vs ${r.previousYear} †` : 'Change', align: 'right' },
        ],
        rows: [...rows, ...(r.others ? [['Others', formatKt(r.others.volume.value).replace(' kt', ''), formatPct(r.others.share.value), r.others.change?.deltaPct ? show(r.others.change.deltaPct, { signed: true }).replace(' †', '') : '—']] : [])],
      },
      charts: [
        {
          kind: 'horizontal-bar',
          title: `Anode exports by destination, ${chosen} (kt)`,
          labels: r.entries.map((e) => bilingualName(ctx.names, 'country', e.name)),
          series: [
            ...(r.previousYear ? [{ label: String(r.previousYear), values: r.entries.map((e) => e.change?.previous.value ?? 0), color: COLORS.previous }] : []),
            { label: String(chosen), values: r.entries.map((e) => e.volume.value), color: COLORS.current },
          ],
          unit: 'kt',
          caption: `Source: ${r.total.volume.source.ref}`,
          alt: `Exports ${chosen}: ${r.entries.map((e) => `${e.name} ${formatKt(e.volume.value)}`).join(', ')}.`,
        },
      ],
      notes: [`Shares are the paper's whole percentages; they may not add to 100 %.`, ...(r.previousYear ? [DERIVED_NOTE] : [])],
      sources: sourcesOf(ds, figures),
    };
  },
});

const country = defineLeaf({
  description: 'One destination country across the years in the data',
  options: { name: opt.country('Country name (English or Chinese)') },
  run(ctx, { name }): Reply {
    const ds = ctx.data;
    const c = countryExports(ds, name);
    const latest = c.years.at(-1);
    const figures = [...c.years.flatMap((y) => [y.volume, y.share]), c.change?.deltaKt, c.change?.deltaPct ?? undefined];
    return {
      tone: 'info',
      title: `Anode exports to ${name}`,
      summary: latest
        ? `${show(latest.volume)} in ${latest.year}, ${formatPct(latest.share.value)} of China's exports, #${latest.rank} of ${latest.of} named destinations.${c.change ? ` ${c.change.deltaPct ? show(c.change.deltaPct, { signed: true }) : 'new'} on the year before.` : ''}`
        : `No volumes for ${name}.`,
      fields: [
        ...c.years.flatMap((y) => [
          { label: `${y.year} volume`, value: show(y.volume), source: sourceLabel(y.volume) },
          { label: `${y.year} share · rank`, value: `${show(y.share)} · #${y.rank} of ${y.of}`, source: sourceLabel(y.share) },
        ]),
        ...(c.change ? [{ label: 'Change', value: `${show(c.change.deltaKt, { signed: true })}${c.change.deltaPct ? ` (${show(c.change.deltaPct, { signed: true })})` : ''}`, source: sourceLabel(c.change.deltaKt) }] : []),
      ],
      charts: [
        {
          kind: 'bar',
          title: `Anode exports to ${name} (kt)`,
          labels: c.years.map((y) => String(y.year)),
          series: [{ label: 'kt', values: c.years.map((y) => y.volume.value), color: COLORS.current }],
          unit: 'kt',
          caption: `Source: ${latest?.volume.source.ref ?? ''}`,
          alt: `Exports to ${name}: ${c.years.map((y) => `${y.year} ${formatKt(y.volume.value)}`).join(', ')}.`,
        },
      ],
      notes: c.change ? [DERIVED_NOTE] : [],
      sources: sourcesOf(ds, figures),
    };
  },
});

export const exportsCommand = defineGroup({
  name: 'exports',
  description: 'Anode exports by destination country, by year, with shares and change',
  examples: ['/exports', '/exports top 10 2023', '/exports country Malaysia'],
  subcommands: { top, country },
  defaultSubcommand: 'top',
});
