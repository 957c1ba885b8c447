import type { Edition, Library } from '../editions.js';
import { normalizeName, type EntityKind } from '../metrics/names.js';
import type { CommandDefinition } from './define.js';
import { countIn, INTENT_WORDS, NOT_NAMES, OUT_OF_SCOPE, tableIn, yearsIn, type Intent, type OutOfScope } from './question-words.js';

/**
 * What a question in words was read as: one command line (canonical English form, names as the
 * dataset spells them), two or three readings to choose from when unsure, or a question the paper
 * cannot answer. Never a guess presented as sure.
 */
export type QuestionReading = { kind: 'command'; line: string } | { kind: 'choices'; lines: string[] } | { kind: 'outside'; why: OutOfScope | 'unknown' };

/** Whether text is written in Chinese (then the answer is too). */
export const hasHan = (text: string) => /\p{Script=Han}/u.test(text);

function levenshtein(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

interface Spelling {
  kind: EntityKind;
  name: string;
  key: string;
  han: boolean;
}

/** Every spelling of every name of an edition, Chinese longest first, built once per edition. */
const spellingsByEdition = new WeakMap<Edition, Spelling[]>();
function spellingsOf(edition: Edition): Spelling[] {
  let list = spellingsByEdition.get(edition);
  if (!list) {
    list = (['province', 'country'] as const).flatMap((kind) =>
      edition.names.names(kind).flatMap((name) =>
        [name, ...edition.names.spellings(kind).filter((s) => edition.names.exact(kind, s) === name && s !== name)].map((s) => ({
          kind,
          name,
          key: normalizeName(s),
          han: hasHan(s),
        })),
      ),
    );
    list.sort((a, b) => b.key.length - a.key.length);
    spellingsByEdition.set(edition, list);
  }
  return list;
}

interface Spotted {
  province: string[];
  country: string[];
  /** The text with the names taken out, so a name's words are not read as intents. */
  rest: string;
}

/** Finds the provinces and countries a question names: Chinese by longest match, Latin by word n-grams, typos within one or two letters. */
export function spotNames(original: string, edition: Edition): Spotted {
  const found: { kind: EntityKind; name: string; at: number }[] = [];
  let text = original.toLowerCase();
  // Chinese: longest spelling first, each match blanked out so 内蒙古 is not also 内蒙.
  for (const s of spellingsOf(edition)) {
    if (!s.han) continue;
    let at = text.indexOf(s.key);
    while (at >= 0) {
      found.push({ kind: s.kind, name: s.name, at });
      text = text.slice(0, at) + ' '.repeat(s.key.length) + text.slice(at + s.key.length);
      at = text.indexOf(s.key);
    }
  }
  // Latin: words (possessives dropped), then the longest run of words that is a spelling.
  const words = [...text.matchAll(/[a-z][a-z'’-]*/g)].map((m) => ({
    word: m[0].replace(/['’]s$/, '').replace(/['’-]/g, ''),
    at: m.index,
    raw: original.slice(m.index, m.index + m[0].length),
  }));
  const used = new Set<number>();
  for (let n = 3; n >= 1; n--) {
    for (let i = 0; i + n <= words.length; i++) {
      if ([...Array(n).keys()].some((k) => used.has(i + k))) continue;
      const gram = words.slice(i, i + n);
      const key = normalizeName(gram.map((w) => w.word).join(' '));
      // Two-letter codes (SD, XJ, IM) only when typed in capitals: "im" is also "I'm".
      if (key.length <= 2 && gram[0]!.raw !== gram[0]!.raw.toUpperCase()) continue;
      for (const kind of ['province', 'country'] as const) {
        const name = edition.names.exact(kind, key);
        if (!name) continue;
        found.push({ kind, name, at: gram[0]!.at });
        for (let k = 0; k < n; k++) used.add(i + k);
        break;
      }
    }
  }
  // Typos: a word of five letters or more, one letter off (two from eight letters), from exactly one name.
  for (const [i, w] of words.entries()) {
    if (used.has(i) || w.word.length < 5 || NOT_NAMES.has(w.word)) continue;
    const limit = w.word.length >= 8 ? 2 : 1;
    const close = new Map<string, EntityKind>();
    for (const s of spellingsOf(edition))
      if (!s.han && Math.abs(s.key.length - w.word.length) <= limit && levenshtein(s.key, w.word) <= limit) close.set(s.name, s.kind);
    const only = close.size === 1 ? [...close][0] : undefined;
    if (only) {
      found.push({ kind: only[1], name: only[0], at: w.at });
      used.add(i);
    }
  }
  found.sort((a, b) => a.at - b.at);
  const unique = (kind: EntityKind) => [...new Set(found.filter((f) => f.kind === kind).map((f) => f.name))];
  let rest = text;
  for (const [i, w] of words.entries()) if (used.has(i)) rest = rest.slice(0, w.at) + ' '.repeat(w.word.length) + rest.slice(w.at + w.word.length);
  return { province: unique('province'), country: unique('country'), rest };
}

/** Intents that ask for a figure: a greeting with one of these is a question. */
const DATA_INTENTS: readonly Intent[] = [
  'utilization',
  'capacity',
  'output',
  'exports',
  'demand',
  'deficit',
  'surplus',
  'balance',
  'idle',
  'highShare',
  'efficiency',
  'overview',
  'rank',
  'sources',
  'changes',
  'help',
];

/** What the question reader needs: the library (names, years) and the command list (metric choices). */
export interface QuestionContext {
  library: Library;
  commands: readonly CommandDefinition[];
}

function rankMetrics(commands: readonly CommandDefinition[]): readonly string[] {
  return commands.find((c) => c.name === 'rank')?.subcommands['']?.options.metric?.choices ?? [];
}

/**
 * Reads a question typed in chat ("yunnan utilization?", "山东和河南对比一下", "top 5 export destinations
 * last year") as a command line. Rules over intents found by the words of question-words.ts, names
 * from the dataset's dictionary, counts, years and table numbers; no network, no model.
 */
export function readQuestion(question: string, ctx: QuestionContext): QuestionReading {
  const edition = ctx.library.current;
  const raw = question
    .normalize('NFKC')
    .replace(/[？?！!。，,、；;：:“”"（）()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (raw === '') return { kind: 'outside', why: 'unknown' };
  const spotted = spotNames(raw, edition);
  const text = spotted.rest.replace(/\s+/g, ' ').trim();
  const has = (i: Intent) => INTENT_WORDS[i].test(text);
  const names = spotted.province.length + spotted.country.length;

  const table = tableIn(text);
  const outside = (Object.keys(OUT_OF_SCOPE) as OutOfScope[]).find((k) => OUT_OF_SCOPE[k].test(text));
  // A greeting before a question ("hi, yunnan capacity?", "谢谢，那山东呢") is still the question.
  const greetingOnly = outside === 'smallTalk' && names === 0 && !DATA_INTENTS.some(has);
  if (outside && outside !== 'smallTalk' && table === undefined) return { kind: 'outside', why: outside };
  if (greetingOnly) return { kind: 'outside', why: 'smallTalk' };

  // Years: written, or "last year" relative to the edition's own year.
  const written = yearsIn(text);
  const latest = Math.max(...ctx.library.years);
  if (written.some((y) => y > latest)) return { kind: 'outside', why: 'forecast' };
  const year = written[0] ?? (has('lastYear') ? edition.year - 1 : undefined);
  const editionYear = year !== undefined && ctx.library.get(year) && year !== edition.year ? ` ${year}` : '';
  const count = countIn(text);
  const top = (max: number) => (count !== undefined ? ` ${Math.min(count, max)}` : '');
  const rankTop = count !== undefined ? ` top ${Math.min(count, 25)}` : '';

  if (table !== undefined) return { kind: 'command', line: `/table ${table}${editionYear}${has('csv') ? ' csv' : ''}` };
  if (has('sources') && names === 0) return { kind: 'command', line: `/sources${editionYear}` };
  if (has('changes')) return { kind: 'command', line: '/changes' };

  const { province: provinces, country: countries } = spotted;
  if (countries.length > 0 && provinces.length === 0) {
    if (countries.length === 1) return { kind: 'command', line: `/exports country ${countries[0]}` };
    return { kind: 'choices', lines: countries.slice(0, 3).map((c) => `/exports country ${c}`) };
  }
  if (provinces.length >= 2) return { kind: 'command', line: `/compare ${provinces.slice(0, 4).join(' ')}${editionYear}` };
  if (provinces.length === 1) {
    const p = provinces[0]!;
    if (has('utilization') || has('efficiency') || has('idle') || has('highShare')) return { kind: 'command', line: `/utilization ${p}${editionYear}` };
    return { kind: 'command', line: `/province ${p}${editionYear}` };
  }

  // No name: the metric decides, and "which / most / top" turns it into a ranking of provinces.
  const ranking = has('rank') || (has('byProvince') && !has('overview'));
  const metrics = rankMetrics(ctx.commands);
  const rank = (metric: string) => (metrics.includes(metric) ? `/rank ${metric}${rankTop}${editionYear}` : undefined);
  const sure = (line: string | undefined): QuestionReading => (line ? { kind: 'command', line } : { kind: 'outside', why: 'unknown' });

  if (has('exports')) {
    // Provinces export too (Table 3): "which province exports the most" ranks provinces.
    if (has('byProvince')) return sure(rank('exports'));
    const exportYear = year !== undefined && edition.exportYears.includes(year) && year !== edition.exportYears.at(-1) ? ` ${year}` : '';
    return { kind: 'command', line: `/exports top${top(20) || ' 5'}${exportYear}` };
  }
  if (has('idle')) return sure(rank('shutdown-share'));
  if (has('utilization')) return ranking ? sure(rank('utilization')) : { kind: 'command', line: `/utilization${editionYear}` };
  if (has('highShare')) return ranking ? sure(rank('high-share')) : { kind: 'command', line: `/utilization${editionYear}` };
  if (has('efficiency')) return { kind: 'command', line: `/utilization${editionYear}` };
  if (has('deficit') || has('surplus') || has('balance')) return { kind: 'command', line: `/mismatch${editionYear}` };
  if (has('demand'))
    return ranking
      ? sure(rank('demand'))
      : { kind: 'choices', lines: [`/mismatch${editionYear}`, ...[rank('demand')].filter((l): l is string => Boolean(l)), `/overview${editionYear}`] };
  if (has('output')) return ranking ? sure(rank('output')) : { kind: 'command', line: `/overview${editionYear}` };
  if (has('capacity')) return ranking ? sure(rank('capacity')) : { kind: 'command', line: `/overview${editionYear}` };
  if (has('overview')) return { kind: 'command', line: `/overview${editionYear}` };
  if (has('help')) return { kind: 'command', line: '/help' };
  if (ranking) return { kind: 'choices', lines: ['capacity', 'output', 'utilization'].map(rank).filter((l): l is string => Boolean(l)) };
  return { kind: 'outside', why: 'unknown' };
}
