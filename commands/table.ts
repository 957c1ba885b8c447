import { defineCommand } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { errorReply, type Reply } from '../src/framework/reply.js';
import { nameFor } from '../src/framework/reply-charts.js';
import { roundingNote } from '../src/framework/figure-text.js';
import { visibleRoundingGaps } from '../src/metrics/cross-checks.js';
import { paperTable, readableCell, tableNumbers, toCsv } from '../src/metrics/paper-tables.js';
import type { EntityKind } from '../src/metrics/names.js';

export const table = defineCommand({
  name: 'table',
  description: (m) => m.table.description,
  examples: ['/table 2', '/table 4 {year}', '/table 3 csv'],
  options: {
    number: opt.integer((m) => m.options.tableNumber, { min: 1, max: 9, placeholder: '<1-4>', pattern: /^\d$/ }),
    year: opt.edition((m) => m.options.edition),
    csv: opt.flag((m) => m.options.csv, 'csv'),
  },
  pure: true,
  run(ctx, { number, csv }): Reply {
    const { m, edition } = ctx;
    const numbers = tableNumbers(edition.data);
    if (number === undefined) return errorReply(m.table.which, m.table.numbersAre(numbers), '/table <1-4> [year] [csv]');
    const t = paperTable(edition.data, number);
    if (!t) return errorReply(m.table.noSuch(number), m.table.numbersAre(numbers), '/table <1-4> [year] [csv]');
    const entity: EntityKind = t.key === 'exports-by-country' ? 'country' : 'province';
    const headers = t.columns.map((c) => m.table.column(t.key, c.key));
    const shortHeaders = t.columns.map((c) => m.table.shortColumn(t.key, c.key));
    const name = `table-${t.number}-${edition.year}.csv`;
    const inUnit = (cell: string, column: number) => {
      const unit = t.columns[column]?.unit;
      return cell === '' || !unit ? cell : m.units.number(cell, unit);
    };
    return {
      tone: 'info',
      title: m.table.title(m.ref(t.ref), edition.year),
      summary: m.captionOf(t.ref, t.caption, t.captionZh).replace(/^[^:：]+[:：]\s*/, ''),
      table: {
        columns: [{ label: m.table.nameColumn(entity), align: 'left' }, ...shortHeaders.map((label) => ({ label, align: 'right' as const }))],
        rows: t.rows.map((r) => [nameFor(ctx, entity, r.name), ...r.cells.map((c, i) => inUnit(readableCell(c), i))]),
      },
      notes: [
        m.table.columnsNote(t.columns.map((c, i) => `${shortHeaders[i]} = ${headers[i]}`)),
        m.table.asPrinted,
        ...roundingNote(visibleRoundingGaps(edition.findings, t.ref), ctx),
        ...(csv ? [m.table.csvAttached(name)] : [m.table.csvHint(t.number)]),
      ],
      sources: [m.captionOf(t.ref, t.caption, t.captionZh)],
      ...(csv
        ? {
            files: [
              {
                name,
                contentType: 'text/csv; charset=utf-8',
                content: toCsv(
                  [m.table.nameColumn(entity), ...headers],
                  // Rows in the header's language and unit: the same digits, the point moved for 万吨.
                  t.rows.map((r) => [nameFor(ctx, entity, r.name), ...r.cells.map((c, i) => inUnit(c, i))]),
                ),
              },
            ],
          }
        : {}),
      subject: `${t.number} ${edition.year}`,
      followUps: csv ? [] : [{ label: m.follow.csv, line: `/table ${t.number} ${edition.year} csv` }],
    };
  },
});
