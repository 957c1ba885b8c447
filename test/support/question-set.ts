import { readFileSync } from 'node:fs';
import { hasHan, readQuestion, type QuestionContext, type QuestionReading } from '../../src/framework/question.js';

export interface Asked {
  question: string;
  accept: string[];
  lang: 'en' | 'zh';
}

/** The question set: one question a line, then a tab and the acceptable readings ("|" between; "?" asking back; "outside"). */
export function loadQuestions(path = 'test/fixtures/questions.tsv'): Asked[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => {
      const [question = '', accept = ''] = l.split('\t');
      return { question, accept: accept.split('|').map((a) => a.trim()), lang: hasHan(question) ? 'zh' : 'en' };
    });
}

export type Verdict = 'right' | 'asked back' | 'asked back wrongly' | 'confidently wrong';

/** Right: the command is acceptable, or the question is rightly declined. Asking back is right when "?" is accepted or a choice is acceptable. */
export function judge(reading: QuestionReading, accept: readonly string[]): Verdict {
  if (reading.kind === 'command') return accept.includes(reading.line) ? 'right' : 'confidently wrong';
  if (reading.kind === 'outside') return accept.includes('outside') ? 'right' : accept.includes('?') ? 'asked back' : 'asked back wrongly';
  return accept.includes('?') || reading.lines.some((l) => accept.includes(l)) ? 'asked back' : 'asked back wrongly';
}

export interface Score {
  lang: 'en' | 'zh';
  total: number;
  right: number;
  askedBack: number;
  wrong: number;
  failures: { question: string; got: string; accept: string[] }[];
}

export function scoreQuestions(questions: readonly Asked[], ctx: QuestionContext): Score[] {
  return (['en', 'zh'] as const).map((lang) => {
    const s: Score = { lang, total: 0, right: 0, askedBack: 0, wrong: 0, failures: [] };
    for (const q of questions.filter((x) => x.lang === lang)) {
      const r = readQuestion(q.question, ctx);
      const v = judge(r, q.accept);
      s.total++;
      if (v === 'right') s.right++;
      else if (v === 'asked back') s.askedBack++;
      else {
        if (v === 'confidently wrong') s.wrong++;
        s.failures.push({
          question: q.question,
          got: r.kind === 'command' ? r.line : r.kind === 'choices' ? `? ${r.lines.join(' / ')}` : `outside (${r.why})`,
          accept: q.accept,
        });
      }
    }
    return s;
  });
}
