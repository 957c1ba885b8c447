import { defineGroup, defineLeaf, subjectOf } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, field, findingNotes, quoteNotes, roundingNote, show, shown, sourceLabel, sourcesOf } from '../src/framework/figure-text.js';
import { drawn, exportsChart, nameFor } from '../src/framework/reply-charts.js';
import { errorReply, type Reply, type ReplyField } from '../src/framework/reply.js';
import { COLORS } from '../src/charts/spec.js';
import type { Messages } from '../src/i18n/messages.js';
import { findingsAbout, visibleRoundingGaps } from '../src/metrics/cross-checks.js';
import { countryExports, exportRanking, latestExportYear, type ExportChange } from '../src/metrics/exports.js';
import { NATIONAL, statementsAbout } from '../src/metrics/text-figures.js';

const MAX_TOP = 25;

/** "+2.1 %", "new", "from 0.6 kt": a percentage only where it means something. */
/** A change on the year before as a cell or a clause: computed ones marked †, the paper's own (Section 4.1's 19.3 %) not. */
export function changeText(c: ExportChange | undefined, m: Messages, o: { mark?: boolean } = {}): string {
  if (!c) return '—';
  if (c.basis === 'new') return m.exports.isNew;
  if (c.basis === 'tiny-base' || !c.pct) return m.exports.fromTinyBase(show(c.previous, m));
  return show(c.pct, m, { signed: true, mark: o.mark ?? true });
}

const top = defineLeaf({
  description: (m) => m.exports.topDescription,
  options: {
    count: opt.integer((m) => m.options.count(MAX_TOP), { min: 1, max: MAX_TOP, default: 5, keyword: 'top', placeholder: '[N]', pattern: /^\d{1,3}$/ }),
    year: opt.exportYear((m) => m.options.exportYear),
  },
  pure: true,
  // Long on purpose: one reply read top to bottom, each figure built beside its source and notes.
  run(ctx, { count, year }): Reply {
    const { m } = ctx;
    const chosen = year ?? latestExportYear(ctx.edition.data);
    const edition = ctx.edition.exportYears.includes(chosen) ? ctx.edition : ctx.library.forExportYear(chosen);
    if (!edition) {
      const years = [...new Set(ctx.library.years.flatMap((y) => ctx.library.get(y)!.exportYears))];
      return errorReply(m.exports.noYear, m.exports.yearsAre(years), `/exports top ${count} ${years.at(-1)}`);
    }
    const p = { m, edition };
    const r = exportRanking(edition.data, chosen, count);
    const leader = r.entries[0];
    const total = r.total;
    const rows = r.entries.map((e) => [
      `${m.common.rankLabel(e.rank, r.entries.filter((x) => x.rank === e.rank).length > 1)} ${nameFor(p, 'country', e.name)}`,
      show(e.volume, m, { unit: false }),
      show(e.share, m),
      r.previousYear ? changeText(e.change, m) : '—',
    ]);
    const aggregate = (e: typeof total, name: string) => [
      name,
      show(e.volume, m, { unit: false }),
      show(e.share, m),
      r.previousYear ? changeText(e.change, m) : '—',
    ];
    const fields: ReplyField[] = [
      ...field(m.exports.totalIn(chosen), total.volume, m, { key: true }),
      ...(total.change?.pct ? field(m.exports.changeOn(total.change.previousYear), total.change.pct, m, { signed: true, key: true }) : []),
      ...r.entries.slice(0, 2).map((e) => ({
        // In the order of the table below; a rank number here would be a figure of the bot's own.
        label: nameFor(p, 'country', e.name),
        value: `${show(e.volume, m)} · ${show(e.share, m)}`,
        source: sourceLabel(e.volume, m),
        key: true,
      })),
    ];
    const changes = r.entries.map((e) => e.change?.pct);
    const figures = shown([
      total.volume,
      total.change?.pct,
      ...r.entries.flatMap((e) => [e.volume, e.share, e.change?.previous]),
      ...changes,
      r.otherNamed?.volume,
      r.otherNamed?.share,
      r.otherNamed?.pct,
      r.others?.volume,
      r.others?.share,
    ]);
    const cut = r.countries > r.entries.length ? m.exports.moreNotShown(r.countries - r.entries.length, r.countries) : '';
    const statements = chosen === edition.year ? statementsAbout(edition.data, NATIONAL, 'exports') : [];
    return {
      tone: 'info',
      title: m.exports.topTitle(chosen, r.entries.length),
      summary: m.exports.topSummary({
        total: show(total.volume, m),
        year: chosen,
        change: total.change?.pct ? show(total.change.pct, m, { signed: true }) : undefined,
        previousYear: total.change?.previousYear,
        leader: leader && nameFor(p, 'country', leader.name),
        leaderShare: leader && show(leader.share, m),
        cut,
      }),
      fields,
      table: {
        columns: [
          { label: m.exports.colCountry, align: 'left' },
          { label: m.units.axis('kt'), align: 'right' },
          { label: m.exports.colShare, align: 'right' },
          { label: r.previousYear ? m.exports.colVersus(r.previousYear) : m.exports.colChange, align: 'right' },
        ],
        // Top N, the named destinations below the cut, Table 4's Others, Total: the rows add up.
        rows: [
          ...rows,
          ...(r.otherNamed
            ? [
                [
                  m.exports.otherNamed(r.otherNamed.countries),
                  show(r.otherNamed.volume, m, { unit: false }),
                  show(r.otherNamed.share, m),
                  r.otherNamed.pct ? show(r.otherNamed.pct, m, { signed: true }) : '—',
                ],
              ]
            : []),
          ...(r.others ? [aggregate(r.others, m.aggregateName('Others'))] : []),
          aggregate(total, m.aggregateName('Total')),
        ],
      },
      charts: [exportsChart(p, r, Math.min(count, 10))],
      notes: [
        m.exports.sharesNote,
        ...(r.entries.some((e) => e.change && e.change.basis !== 'normal') ? [m.exports.tinyBaseNote] : []),
        ...quoteNotes(statements, m),
        ...findingNotes(
          findingsAbout(edition.findings, NATIONAL).filter((f) => f.check.startsWith('shares sum') && f.row === String(chosen) && f.severity !== 'rounding'),
          { m, edition },
        ),
        // The rows shown add up to Table 4's (other named destinations included): its rounding shows here.
        ...roundingNote(
          visibleRoundingGaps(edition.findings, total.volume.source.ref).filter((f) => f.column === `${chosen} export` || f.row === String(chosen)),
          p,
        ),
        ...derivedNote(figures, m),
      ],
      sources: sourcesOf(edition, figures, m),
      figures,
      subject: `${chosen} top ${count}`,
      followUps: r.previousYear ? [{ label: String(r.previousYear), line: `/exports top ${count} ${r.previousYear}` }] : [],
      menu: {
        placeholder: m.follow.country,
        prefix: '/exports country',
        options: r.entries.map((e) => ({ label: nameFor(p, 'country', e.name, { bilingual: true }), value: e.name })),
      },
    };
  },
});

const country = defineLeaf({
  description: (m) => m.exports.countryDescription,
  options: { name: opt.country((m) => m.options.country) },
  pure: true,
  run(ctx, { name }): Reply {
    const { m, edition } = ctx;
    const c = countryExports(edition.data, name);
    const display = nameFor(ctx, 'country', name);
    const latest = c.years.at(-1);
    const fields: ReplyField[] = [
      ...c.years.flatMap((y) => [
        { label: m.exports.volumeIn(y.year), value: show(y.volume, m), source: sourceLabel(y.volume, m), key: y === latest },
        { label: m.exports.shareIn(y.year), value: show(y.share, m), source: sourceLabel(y.share, m), key: y === latest },
        // The paper prints no ranks: the order of its named destinations is the bot's.
        { label: m.exports.rankIn(y.year), value: m.exports.rankOf(y.rank, y.of), source: m.marks.derivedFrom(m.ref(y.share.source.ref), m.exports.rankHow) },
      ]),
      ...(c.change
        ? [
            {
              label: m.exports.changeOn(c.change.previousYear),
              value: m.exports.changeValue(show(c.change.deltaKt, m, { signed: true, mark: false }), changeText(c.change, m, { mark: false })),
              source: sourceLabel(c.change.deltaKt, m),
              key: true,
            },
          ]
        : []),
    ];
    const figures = shown([...c.years.flatMap((y) => [y.volume, y.share]), c.change?.deltaKt, c.change?.pct]);
    return {
      tone: 'info',
      title: m.exports.countryTitle(display),
      summary: latest
        ? m.exports.countrySummary({
            volume: show(latest.volume, m),
            year: latest.year,
            share: show(latest.share, m),
            rank: latest.rank,
            of: latest.of,
            change: c.change
              ? m.exports.onYearBefore(c.change.pct ? c.change.basis : c.change.basis === 'new' ? 'new' : 'tiny-base', changeText(c.change, m))
              : undefined,
          })
        : m.exports.noVolumes(display),
      fields,
      charts: [
        {
          kind: 'bar',
          title: m.exports.countryChart(display),
          labels: c.years.map((y) => String(y.year)),
          series: [
            {
              label: m.units.axis('kt'),
              values: c.years.map((y) => drawn(y.volume, m)),
              shown: c.years.map((y) => show(y.volume, m, { unit: false })),
              color: COLORS.current,
            },
          ],
          unit: m.units.axis('kt'),
          caption: m.charts.source(m.ref(latest?.volume.source.ref ?? '')),
          alt: m.exports.countryAlt(
            display,
            c.years.map((y) => `${y.year} ${show(y.volume, m)}`),
          ),
        },
      ],
      notes: [
        ...quoteNotes(statementsAbout(edition.data, name), m),
        ...findingNotes(findingsAbout(edition.findings, name), { m, edition }),
        ...(c.change && c.change.basis !== 'normal' ? [m.exports.tinyBaseNote] : []),
        ...derivedNote(figures, m),
      ],
      sources: sourcesOf(edition, figures, m),
      figures,
      subject: subjectOf(ctx, name),
      followUps: [{ label: m.follow.topDestinations, line: '/exports top 10' }],
    };
  },
});

export const exportsCommand = defineGroup({
  name: 'exports',
  description: (m) => m.exports.description,
  examples: ['/exports', '/exports top 10 {year}', '/exports country Malaysia'],
  subcommands: { top, country },
  defaultSubcommand: 'top',
});
