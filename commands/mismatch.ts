import { defineCommand } from '../src/commands/define.js';
import { DERIVED_NOTE, show, sourcesOf } from '../src/commands/figures.js';
import type { Reply } from '../src/commands/reply.js';
import { bilingualName } from '../src/metrics/names.js';
import { COLORS } from '../src/charts/spec.js';
import { formatMt } from '../src/format/numbers.js';
import { regionalBalance, type BalanceEntry } from '../src/metrics/balance.js';

export const mismatch = defineCommand({
  name: 'mismatch',
  description: 'Regional supply–demand mismatch: surplus and deficit provinces, both balance views',
  examples: ['/mismatch'],
  options: {},
  run(ctx): Reply {
    const ds = ctx.data;
    const r = regionalBalance(ds);
    const ordered = [...r.surplus, ...r.deficit];
    const row = (e: BalanceEntry) => [e.name, formatMt(e.domesticBalance.value, true).replace(' Mt', ''), formatMt(e.netBalance.value, true).replace(' Mt', '')];
    const biggestSurplus = r.surplus[0];
    const biggestDeficit = r.deficit[0];
    const deficitTotal = r.deficit.reduce((s, e) => s + e.netBalance.value, 0);
    const figures = ordered.flatMap((e) => [e.domesticBalance, e.netBalance]);
    return {
      tone: 'info',
      title: `Regional anode mismatch · ${ds.edition.year}`,
      summary: [
        biggestSurplus && `${biggestSurplus.name} has the largest surplus: ${show(biggestSurplus.domesticBalance, { signed: true })} over in-province demand, ${show(biggestSurplus.netBalance, { signed: true })} after exports.`,
        biggestDeficit && `${biggestDeficit.name} has the largest gap (${show(biggestDeficit.netBalance, { signed: true })}).`,
        `${r.deficit.length} provinces run short by ${formatMt(-deficitTotal)} together, supplied from surplus provinces.`,
      ].filter(Boolean).join(' '),
      table: {
        columns: [
          { label: 'Province', align: 'left' },
          { label: 'Out−dem †', align: 'right' },
          { label: 'Net (T3)', align: 'right' },
        ],
        rows: [...ordered.map(row), ...(r.others ? [row(r.others)] : []), row(r.total)],
      },
      charts: [
        {
          kind: 'diverging-bar',
          title: `Net anode balance by province, ${ds.edition.year} (Mt)`,
          labels: ordered.map((e) => bilingualName(ctx.names, 'province', e.name)),
          series: [{ label: 'Net balance after exports', values: ordered.map((e) => e.netBalance.value), color: COLORS.surplus }],
          unit: 'Mt (surplus + / deficit −)',
          caption: `Source: ${r.total.netBalance.source.ref}`,
          alt: `Net balance after exports: ${ordered.map((e) => `${e.name} ${formatMt(e.netBalance.value, true)}`).join(', ')}.`,
        },
      ],
      notes: [
        'Out−dem: output minus in-province demand (the view of Section 5.2). Net (T3): output − demand − exports, as Table 3 prints it.',
        ...(r.inOthers.length > 0 ? [`Table 3 has no separate rows for ${r.inOthers.join(' and ')}: they are inside "Others".`] : []),
        DERIVED_NOTE,
      ],
      sources: sourcesOf(ds, figures, ['Section 5.2']),
    };
  },
});
