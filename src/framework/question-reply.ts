import type { Library } from '../editions.js';
import type { Messages } from '../i18n/messages.js';
import { displayName } from './option-kinds.js';
import type { QuestionReading } from './question.js';
import type { Reply } from './reply.js';

/**
 * The reply to a question the reader did not turn into one command: its readings to choose from (as
 * buttons, numbered in the console), or one short line on what the paper can answer. Never a figure.
 */
export function questionReply(reading: Exclude<QuestionReading, { kind: 'command' }>, library: Library, m: Messages): Reply {
  if (reading.kind === 'choices') {
    return {
      tone: 'info',
      title: m.question.choicesTitle,
      summary: m.question.choicesSummary,
      fields: reading.lines.map((line, i) => ({ label: m.question.choice(i + 1, '').trim(), value: line })),
      followUps: reading.lines.map((line) => ({ label: line, line })),
    };
  }
  const edition = library.current;
  const ctx = { edition, library, m };
  const list = (kind: 'province' | 'country') =>
    edition.names
      .names(kind)
      .map((n) => displayName(ctx, kind, n))
      .join(m.lang === 'zh-CN' ? '、' : ', ');
  const years = [...new Set(library.years.flatMap((y) => library.get(y)?.exportYears ?? [y]).concat(library.years))]
    .sort()
    .join(m.lang === 'zh-CN' ? '、' : ', ');
  const title = reading.why === 'forecast' ? m.question.outside.forecast(years) : m.question.outside[reading.why];
  return { tone: 'info', title, summary: m.question.outsideSummary(list('province'), list('country')) };
}
