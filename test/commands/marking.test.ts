import { describe, expect, it } from 'vitest';
import { composeBriefing } from '../../src/briefings/compose.js';
import { BRIEFING_KINDS } from '../../src/briefings/kinds.js';
import { spotlightCycle } from '../../src/briefings/kinds/index.js';
import { compactReply } from '../../src/framework/reply.js';
import { LANGS } from '../../src/i18n/lang.js';
import { messages } from '../../src/i18n/messages.js';
import { ask, everySubjectLine, PAPER_YEAR, paperLibrary } from '../support/core.js';
import { printedNumbers, readerText, unmarkedFigures } from '../support/figure-audit.js';

const printed = printedNumbers('data', PAPER_YEAR);
const LINES = everySubjectLine();

describe('the marking rule, read off every line a reader sees', () => {
  it('every number with a unit is printed in the paper or marked †; every rank is marked (both languages, compact and full)', async () => {
    const found: string[] = [];
    for (const lang of LANGS)
      for (const line of LINES) {
        const reply = await ask(line, lang);
        for (const form of [reply, compactReply(reply)]) for (const f of unmarkedFigures(readerText(form), printed)) found.push(`${lang} ${line}: ${f}`);
      }
    expect([...new Set(found)]).toEqual([]);
  });

  it('the same in every briefing and every spotlight of its cycle', () => {
    const library = paperLibrary();
    const found: string[] = [];
    for (const lang of LANGS)
      for (const kind of BRIEFING_KINDS) {
        const p = { m: messages(lang), edition: library.current };
        for (let cursor = 0; cursor < spotlightCycle(p, kind).length; cursor++) {
          const b = composeBriefing(p, kind, { subscriptionId: 0, cursor });
          for (const reply of [b.reply, b.headline, b.details])
            for (const f of unmarkedFigures(readerText(reply), printed)) found.push(`${lang} ${kind} #${cursor}: ${f}`);
        }
      }
    expect([...new Set(found)]).toEqual([]);
  });

  it('the reader catches what it is for: a computed share, a rank, a tonnage moved to 万吨 wrongly', () => {
    expect(unmarkedFigures(['Yunnan covers 68.699 % in-province'], printed)).toHaveLength(1);
    expect(unmarkedFigures(['Yunnan covers 68.7 % † in-province'], printed)).toEqual([]);
    expect(unmarkedFigures(['1.70 Mt capacity (#5 of 11)'], printed)).toHaveLength(1);
    expect(unmarkedFigures(['产能170万吨'], printed)).toEqual([]);
    expect(unmarkedFigures(['产能17万吨'], printed)).toHaveLength(1);
    // The paper's own words and command lines are not the bot's figures.
    expect(unmarkedFigures(['“nearly 40 % of enterprises” (Section 3.3); /exports top 12'], printed)).toEqual([]);
  });
});
