import Fuse from 'fuse.js';
import type { Dataset } from '../dataset/types.js';

export type EntityKind = 'province' | 'country';

export type Resolution =
  | { ok: true; name: string }
  | { ok: false; suggestions: string[]; aggregate?: string };

interface Entry {
  name: string;
  /** Every spelling that names it exactly, normalised. */
  keys: string[];
  /** Display aliases, for autocomplete ("Inner Mongolia (内蒙古)"). */
  aliases: string[];
}

/** Case, spaces, hyphens and accents do not distinguish names: "inner-mongolia" is "Inner Mongolia". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-_'’.,]+/g, '');
}

/**
 * Resolves what a user typed to a province or country of the dataset: exact names and aliases first
 * (Chinese names included), then fuzzy suggestions for typos. Built once per dataset.
 */
export class NameIndex {
  private readonly entries: Record<EntityKind, Entry[]>;
  private readonly exactNames: Record<EntityKind, Map<string, string>>;
  private readonly fuzzy: Record<EntityKind, Fuse<{ name: string; key: string }>>;
  private readonly aggregates: Map<string, string>;

  constructor(ds: Dataset) {
    const provinceNames = unique([...ds.production, ...ds.efficiency, ...ds.balance].filter((r) => r.kind === 'province').map((r) => r.name));
    const countryNames = unique(ds.exports.filter((r) => r.kind === 'country').map((r) => r.name));
    const build = (kind: EntityKind, names: string[]): Entry[] =>
      names.map((name) => {
        const aliases = ds.names.find((n) => n.kind === kind && normalizeName(n.name) === normalizeName(name))?.aliases ?? [];
        return { name, aliases, keys: unique([name, ...aliases].map(normalizeName)) };
      });
    this.entries = { province: build('province', provinceNames), country: build('country', countryNames) };
    this.exactNames = { province: new Map(), country: new Map() };
    this.fuzzy = {} as Record<EntityKind, Fuse<{ name: string; key: string }>>;
    for (const kind of ['province', 'country'] as const) {
      const docs: { name: string; key: string }[] = [];
      for (const e of this.entries[kind]) {
        for (const key of e.keys) {
          this.exactNames[kind].set(key, e.name);
          docs.push({ name: e.name, key });
        }
      }
      this.fuzzy[kind] = new Fuse(docs, { keys: ['key'], threshold: 0.45, ignoreLocation: true, includeScore: true });
    }
    this.aggregates = new Map([
      ['others', 'Others'],
      ['other', 'Others'],
      ['total', 'Total'],
      ['china', 'Total'],
      ['national', 'Total'],
      ['全国', 'Total'],
    ]);
  }

  names(kind: EntityKind): string[] {
    return this.entries[kind].map((e) => e.name);
  }

  aliasesOf(kind: EntityKind, name: string): string[] {
    return this.entries[kind].find((e) => e.name === name)?.aliases ?? [];
  }

  /** The dataset's name for an exact name or alias, without the cost of suggestions. */
  exact(kind: EntityKind, text: string): string | undefined {
    return this.exactNames[kind].get(normalizeName(text));
  }

  resolve(kind: EntityKind, text: string): Resolution {
    const key = normalizeName(text);
    const hit = this.exactNames[kind].get(key);
    if (hit) return { ok: true, name: hit };
    const aggregate = this.aggregates.get(key);
    return { ok: false, suggestions: this.suggest(kind, text, 3), ...(aggregate ? { aggregate } : {}) };
  }

  /** Best matches for a partial or misspelt name, best first; names only, each once. */
  suggest(kind: EntityKind, text: string, limit: number): string[] {
    const key = normalizeName(text);
    if (key.length === 0) return this.names(kind).slice(0, limit);
    const prefix = this.entries[kind].filter((e) => e.keys.some((k) => k.startsWith(key))).map((e) => e.name);
    const fuzzy = this.fuzzy[kind].search(key).map((r) => r.item.name);
    return unique([...prefix, ...fuzzy]).slice(0, limit);
  }
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

/** "Yunnan 云南": chart labels carry the Chinese name where the names file gives one. */
export function bilingualName(index: NameIndex, kind: EntityKind, name: string): string {
  const han = index.aliasesOf(kind, name).find((a) => /\p{Script=Han}/u.test(a));
  return han ? `${name} ${han}` : name;
}
