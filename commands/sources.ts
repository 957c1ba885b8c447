import { defineCommand } from '../src/commands/define.js';
import type { Reply } from '../src/commands/reply.js';
import { findingsFor, summarizeFindings } from '../src/metrics/cross-checks.js';

export const sources = defineCommand({
  name: 'sources',
  description: 'Where the figures come from: the paper, its tables, the dataset version',
  examples: ['/sources'],
  options: {},
  run(ctx): Reply {
    const ds = ctx.data;
    const { paper } = ds.edition;
    const findings = findingsFor(ds);
    const { inconsistencies, rounding } = summarizeFindings(findings);
    return {
      tone: 'info',
      title: `Sources · dataset ${ds.edition.datasetVersion}`,
      summary: `${paper.title}. ${paper.authors.join(', ')}. ${paper.publisher}. ${paper.doi}`,
      fields: Object.values(ds.edition.tables).map((t) => ({ label: t.source, value: t.caption })),
      notes: [
        `Cross-checks at load: ${inconsistencies} inconsistencies beyond rounding and ${rounding} within rounding, reported and never corrected.`,
        ...findings.filter((f) => f.severity === 'inconsistency').map((f) => `⚠ ${f.table} · ${f.row}: ${f.detail}`),
        '† marks a figure the bot derived from the paper\'s figures.',
      ],
    };
  },
});
