import { defineCommand } from '../src/commands/define.js';
import { DERIVED_NOTE, show, sourcesOf } from '../src/commands/figures.js';
import { opt } from '../src/commands/options.js';
import type { Reply } from '../src/commands/reply.js';
import { bilingualName } from '../src/metrics/names.js';
import { COLORS } from '../src/charts/spec.js';
import { RANK_METRICS, rankProvinces, type RankMetric } from '../src/metrics/rank.js';

const METRICS = Object.keys(RANK_METRICS) as RankMetric[];

export const rank = defineCommand({
  name: 'rank',
  description: 'Provinces ranked by a metric, highest first',
  examples: ['/rank capacity', '/rank utilization top 5', '/rank balance'],
  options: {
    metric: opt.choice('What to rank by', METRICS, { placeholder: '<metric>' }),
    top: opt.integer('How many provinces (1–25, default all)', { min: 1, max: 25, keyword: 'top', accepts: /^\d{1,2}$/, placeholder: '[N]' }),
  },
  run(ctx, { metric, top }): Reply {
    const ds = ctx.data;
    const r = rankProvinces(ds, metric);
    const shown = r.entries.slice(0, top ?? r.entries.length);
    const meta = RANK_METRICS[metric];
    const first = shown[0];
    const signed = metric === 'balance' || metric === 'domestic-balance';
    return {
      tone: 'info',
      title: `Provinces by ${meta.label.toLowerCase()} · ${ds.edition.year}`,
      summary: first ? `${first.name} leads with ${show(first.figure, { signed })}.${shown.length < r.entries.length ? ` Showing ${shown.length} of ${r.entries.length}.` : ''}` : 'No provinces.',
      table: {
        columns: [
          { label: 'Province', align: 'left' },
          { label: meta.unit, align: 'right' },
        ],
        rows: [
          ...shown.map((e, i) => [`${i + 1}. ${e.name}`, show(e.figure, { signed }).replace(` ${meta.unit}`, '')]),
          ...(r.others ? [['Others', show(r.others, { signed }).replace(` ${meta.unit}`, '')]] : []),
          ...(r.total ? [['Total', show(r.total, { signed }).replace(` ${meta.unit}`, '')]] : []),
        ],
      },
      charts: [
        {
          kind: signed ? 'diverging-bar' : 'horizontal-bar',
          title: `${meta.label}, ${ds.edition.year} (${meta.unit})`,
          labels: shown.map((e) => bilingualName(ctx.names, 'province', e.name)),
          series: [{ label: meta.label, values: shown.map((e) => e.figure.value), color: COLORS.output }],
          unit: meta.unit,
          caption: `Source: ${first?.figure.source.ref ?? ''}`,
          alt: `${meta.label}: ${shown.map((e) => `${e.name} ${show(e.figure, { signed })}`).join(', ')}.`,
        },
      ],
      notes: [
        ...(r.missing.length > 0 ? [`Not ranked: ${r.missing.join(', ')} (inside Table 3's "Others").`] : []),
        ...(r.others ? ['Others and Total are the table\'s own aggregate rows, shown for scale and not ranked.'] : []),
        ...(first?.figure.source.derived ? [DERIVED_NOTE] : []),
      ],
      sources: sourcesOf(ds, shown.map((e) => e.figure)),
    };
  },
});
