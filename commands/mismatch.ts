import { defineCommand, subjectOf } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { derivedNote, field, findingNotes, quoteNotes, roundingNote, show, shown, sourcesOf } from '../src/framework/figure-text.js';
import { balanceChart, nameFor } from '../src/framework/reply-charts.js';
import type { Reply } from '../src/framework/reply.js';
import type { BalanceEntry } from '../src/metrics/balance.js';
import { regionalBalance } from '../src/metrics/balance.js';
import { findingsAbout, visibleRoundingGaps } from '../src/metrics/cross-checks.js';
import { statementsAbout } from '../src/metrics/text-figures.js';

export const mismatch = defineCommand({
  name: 'mismatch',
  description: (m) => m.mismatch.description,
  examples: ['/mismatch', '/mismatch {year}'],
  options: { year: opt.edition((m) => m.options.edition) },
  pure: true,
  run(ctx): Reply {
    const { m, edition } = ctx;
    const ds = edition.data;
    const r = regionalBalance(ds);
    const ordered = [...r.surplus, ...r.deficit];
    // A cell the paper prints in its prose shows as printed ("≈+4.2"); the others are derived (†).
    const domestic = (e: BalanceEntry) =>
      `${show(e.domesticBalance, m, { signed: true, unit: false, mark: false })}${e.domesticBalance.source.derived ? '†' : ''}`;
    const row = (e: BalanceEntry, name: string) => [
      name,
      show(e.output, m, { unit: false }),
      show(e.demand, m, { unit: false }),
      show(e.exports, m, { unit: false }),
      domestic(e),
      show(e.netBalance, m, { signed: true, unit: false }),
    ];
    const top = r.surplus[0];
    const gap = r.deficit[0];
    const figures = shown(
      [...ordered, ...(r.others ? [r.others] : []), r.total]
        .flatMap((e) => [e.output, e.demand, e.exports, e.domesticBalance, e.netBalance])
        .concat(r.deficitSum),
    );
    const provinces = ordered.map((e) => e.name);
    const statements = provinces.flatMap((p) => statementsAbout(ds, p, 'balance').filter((s) => s.metric === 'domestic_balance_mt'));
    const findings = provinces.flatMap((p) => findingsAbout(edition.findings, p).filter((f) => f.check.startsWith('claim (output')));
    return {
      tone: 'info',
      title: m.mismatch.title(edition.year),
      summary: m.mismatch.summary({
        surplus: top && nameFor(ctx, 'province', top.name),
        surplusNet: top && show(top.netBalance, m, { signed: true }),
        surplusDomestic: top && show(top.domesticBalance, m, { signed: true }),
        surplusDomesticRef: top && m.ref(top.domesticBalance.source.ref),
        gap: gap && nameFor(ctx, 'province', gap.name),
        gapNet: gap && show(gap.netBalance, m, { signed: true }),
        deficits: r.deficit.length,
        deficitSum: show(r.deficitSum, m, { signed: true }),
      }),
      fields: [
        ...(top ? field(m.mismatch.largestSurplus(nameFor(ctx, 'province', top.name)), top.netBalance, m, { signed: true, key: true }) : []),
        ...(gap ? field(m.mismatch.largestGap(nameFor(ctx, 'province', gap.name)), gap.netBalance, m, { signed: true, key: true }) : []),
        ...field(m.mismatch.deficitSum(r.deficit.length), r.deficitSum, m, { signed: true, key: true }),
        ...field(m.mismatch.nationalNet, r.total.netBalance, m, { signed: true, key: true }),
      ],
      table: {
        columns: [
          { label: m.mismatch.colProvince, align: 'left' },
          { label: m.mismatch.colOutput, align: 'right' },
          { label: m.mismatch.colDemand, align: 'right' },
          { label: m.mismatch.colExports, align: 'right' },
          { label: m.mismatch.colDomestic, align: 'right' },
          { label: m.mismatch.colNet, align: 'right' },
        ],
        rows: [
          ...ordered.map((e) => row(e, nameFor(ctx, 'province', e.name))),
          ...(r.others ? [row(r.others, m.aggregateName('Others'))] : []),
          row(r.total, m.aggregateName('Total')),
        ],
      },
      charts: [balanceChart(ctx, r)],
      notes: [
        m.mismatch.columnsNote(m.ref(r.total.netBalance.source.ref)),
        ...(r.inOthers.length > 0 ? [m.mismatch.inOthers(r.inOthers.map((n) => nameFor(ctx, 'province', n)))] : []),
        ...quoteNotes(statements, m),
        ...findingNotes(findings, { m, edition }),
        ...roundingNote(visibleRoundingGaps(edition.findings, r.total.netBalance.source.ref), { m, edition }),
        ...derivedNote(figures, m),
      ],
      sources: sourcesOf(edition, figures, m),
      figures,
      subject: subjectOf(ctx, edition.year),
      followUps: [
        { label: m.follow.rankBalance, line: '/rank balance' },
        ...(top ? [{ label: nameFor(ctx, 'province', top.name), line: `/province ${top.name}` }] : []),
        ...(gap ? [{ label: nameFor(ctx, 'province', gap.name), line: `/province ${gap.name}` }] : []),
      ],
    };
  },
});
