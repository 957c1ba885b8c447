import { defineCommand } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { findingNotes, roundingNote } from '../src/framework/figure-text.js';
import type { Reply } from '../src/framework/reply.js';
import { summarizeFindings, visibleRoundingGaps } from '../src/metrics/cross-checks.js';

export const sources = defineCommand({
  name: 'sources',
  description: (m) => m.sources.description,
  examples: ['/sources', '/sources {year}'],
  options: { year: opt.edition((m) => m.options.edition) },
  pure: true,
  run(ctx): Reply {
    const { m, edition } = ctx;
    const meta = edition.data.edition;
    const { inconsistencies, rounding, notes } = summarizeFindings(edition.findings);
    return {
      tone: 'info',
      title: m.sources.title(meta.datasetVersion),
      summary: `${meta.paper.title}. ${meta.paper.authors.join(', ')}. ${meta.paper.publisher}. ${meta.paper.doi}`,
      fields: Object.values(meta.tables).map((t) => ({
        label: m.ref(t.source),
        value: m.captionOf(t.source, t.caption, t.captionZh).replace(/^[^:：]+[:：]\s*/, ''),
      })),
      notes: [
        m.sources.editions(ctx.library.years, edition.year),
        m.sources.findings(inconsistencies, rounding, notes),
        ...findingNotes(
          edition.findings.filter((f) => f.severity === 'inconsistency'),
          ctx,
        ),
        ...findingNotes(
          edition.findings.filter((f) => f.severity === 'note'),
          ctx,
        ),
        ...Object.values(meta.tables).flatMap((t) => roundingNote(visibleRoundingGaps(edition.findings, t.source), ctx, m.ref(t.source))),
        m.sources.markingRule,
      ],
    };
  },
});
