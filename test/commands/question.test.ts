import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { readQuestion, spotNames } from '../../src/framework/question.js';
import { consoleInvocation } from '../../src/core.js';
import { core, fixtureLibrary, paperLibrary } from '../support/core.js';
import { loadQuestions, scoreQuestions } from '../support/question-set.js';

const ctx = { library: paperLibrary(), commands };
const read = (q: string) => readQuestion(q, ctx);

describe('questions in words', () => {
  it.each([
    ['yunnan utilization?', '/utilization Yunnan'],
    ["what's shandong's capacity", '/province Shandong'],
    ['compare henan and xinjiang', '/compare Henan Xinjiang'],
    ['top 5 export destinations last year', '/exports top 5 2023'],
    ['which province has the most idle capacity', '/rank shutdown-share'],
    ["who's in deficit", '/mismatch'],
    ['云南产能利用率是多少', '/utilization Yunnan'],
    ['山东和河南对比一下', '/compare Shandong Henan'],
    ['去年出口前十的国家', '/exports top 10 2023'],
    ['哪个省产能最大', '/rank capacity'],
    ['内蒙古缺口多大', '/province Inner Mongolia'],
    ['表2', '/table 2'],
    ['rank capacity top 5', '/rank capacity top 5'],
  ])('%s → %s', (q, line) => {
    expect(read(q)).toEqual({ kind: 'command', line });
  });

  it('"last year" is the year before the edition\'s own year, not the calendar\'s', () => {
    const later = { library: fixtureLibrary(2031), commands };
    expect(readQuestion('top 5 export destinations last year', later)).toEqual({ kind: 'command', line: '/exports top 5 2030' });
    expect(readQuestion('去年出口前十', later)).toEqual({ kind: 'command', line: '/exports top 10 2030' });
  });

  it('never a figure for what the paper cannot answer: prices, companies, forecasts, weather, greetings, places it has no row for', () => {
    for (const q of [
      'hello',
      'thanks',
      'what is the anode price',
      'which companies make anodes',
      'forecast for next year',
      'exports in 2031',
      'weather in beijing',
      '你好',
      '谢谢',
      '阳极价格多少',
      '明年产能预测',
      'Beijing capacity',
      '北京产能',
    ]) {
      expect(read(q).kind, q).toBe('outside');
    }
  });

  it('a greeting before a question is still the question; a greeting alone gets one line', () => {
    expect(read('hi, what is the capacity of yunnan?')).toEqual({ kind: 'command', line: '/province Yunnan' });
    expect(read('thanks! and shandong?')).toEqual({ kind: 'command', line: '/province Shandong' });
    expect(read('你好，云南产能利用率是多少')).toEqual({ kind: 'command', line: '/utilization Yunnan' });
    expect(read('ok thanks').kind).toBe('outside');
    expect(read('谢谢').kind).toBe('outside');
  });

  it('asks back with its readings when unsure', () => {
    const r = read('which province is top');
    expect(r.kind).toBe('choices');
    expect(r.kind === 'choices' && r.lines.length).toBeGreaterThanOrEqual(2);
  });

  it('finds names in either language, with typos, and two-letter codes only in capitals', () => {
    expect(spotNames('yunan and shandon', ctx.library.current)).toMatchObject({ province: ['Yunnan', 'Shandong'] });
    expect(spotNames('内蒙古和云南', ctx.library.current)).toMatchObject({ province: ['Inner Mongolia', 'Yunnan'] });
    expect(spotNames("i'm asking about im", ctx.library.current).province).toEqual([]);
    expect(spotNames('IM capacity', ctx.library.current).province).toEqual(['Inner Mongolia']);
  });

  it('the question set: at least 95 % right or rightly asked back and at most 2 % confidently wrong, in each language', () => {
    const questions = loadQuestions();
    expect(questions.length).toBeGreaterThanOrEqual(150);
    for (const s of scoreQuestions(questions, ctx)) {
      expect(s.total, s.lang).toBeGreaterThanOrEqual(75);
      expect((s.right + s.askedBack) / s.total, `${s.lang}: ${JSON.stringify(s.failures)}`).toBeGreaterThanOrEqual(0.95);
      expect(s.wrong / s.total, `${s.lang}: ${JSON.stringify(s.failures)}`).toBeLessThanOrEqual(0.02);
    }
  });

  it("every answer to a question starts with the command it understood, in the reply's language", async () => {
    const en = await core().answer('yunnan utilization?', consoleInvocation('en'));
    expect(en.reply.understood).toBe('/utilization Yunnan');
    expect(en.reply.title).toBe((await core().ask('/utilization Yunnan', consoleInvocation('en'))).reply.title);
    const zh = await core().answer('云南产能利用率是多少', consoleInvocation('en'));
    expect(zh.lang).toBe('zh-CN');
    expect(zh.reply.title).toContain('云南');
    // A command without its slash still works, and a plain command line is untouched.
    expect((await core().answer('briefing list', consoleInvocation('en'))).reply.understood).toBeUndefined();
    expect((await core().answer('/province Yunnan', consoleInvocation('en'))).reply.understood).toBeUndefined();
  });

  it('an unsure question gets its readings as buttons; out of scope gets one line and no figure', async () => {
    const unsure = await core().answer('which province is top', consoleInvocation('en'));
    expect(unsure.reply.followUps!.map((f) => f.line)).toEqual(unsure.reading!.kind === 'choices' ? unsure.reading!.lines : []);
    const outside = await core().answer('what is the price of anodes', consoleInvocation('en'));
    expect(outside.reply.title).toBe('The paper gives no prices or costs');
    expect(outside.reply.figures ?? []).toEqual([]);
    expect(outside.reply.fields ?? []).toEqual([]);
  });
});
