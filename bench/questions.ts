import { commands } from '../commands/index.js';
import { readQuestion } from '../src/framework/question.js';
import { paperLibrary } from '../test/support/core.js';
import { loadQuestions, scoreQuestions } from '../test/support/question-set.js';
import { fmt, summarize } from './stats.js';

/** The question reader on its question set: right, asked back and confidently wrong per language, and the parse time. */
export async function benchQuestions(): Promise<void> {
  const ctx = { library: paperLibrary(), commands };
  const questions = loadQuestions();
  console.log(`## Questions in words: ${questions.length} questions written as people type them (test/fixtures/questions.tsv)`);
  console.log('| language | questions | answered right | asked back (rightly) | right or asked back | confidently wrong |');
  console.log('|---|---|---|---|---|---|');
  for (const s of scoreQuestions(questions, ctx)) {
    const pct = (n: number) => `${((n / s.total) * 100).toFixed(1)} %`;
    console.log(
      `| ${s.lang === 'en' ? 'English' : 'Chinese'} | ${s.total} | ${pct(s.right)} | ${pct(s.askedBack)} | ${pct(s.right + s.askedBack)} | ${pct(s.wrong)} |`,
    );
  }
  for (let i = 0; i < 3; i++) for (const q of questions) readQuestion(q.question, ctx);
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const q of questions) {
      const t = performance.now();
      readQuestion(q.question, ctx);
      samples.push(performance.now() - t);
    }
  }
  const s = summarize(samples);
  console.log(`\nParse time per question (${samples.length} parses, after warm-up): p50 ${fmt(s.median)}, p99 ${fmt(s.p99)} (target p50 < 1 ms).`);
}
