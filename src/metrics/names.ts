import Fuse from 'fuse.js';
import type { Dataset } from '../dataset/types.js';

export type EntityKind = 'province' | 'country';

export type Resolution = { ok: true; name: string } | { ok: false; suggestions: string[]; aggregate?: 'Others' | 'Total' };

interface Entry {
  name: string;
  /** Every spelling that names it exactly, normalised. */
  keys: string[];
  aliases: string[];
  /** The Chinese name from names.csv, when it gives one. */
  han: string | undefined;
}

/** Case, spaces, hyphens and accents do not distinguish names: "inner-mongolia" is "Inner Mongolia". */
export function normalizeName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s\-‐‑–—_'’.,·]+/g, '');
}

/**
 * Fuse's score for "did you mean" (0 is a perfect match). Strict enough that Beijing suggests nothing
 * rather than Inner Mongolia (via "Neimenggu"), loose enough for a letter or two wrong ("Yunan").
 */
const SUGGEST_THRESHOLD = 0.34;

const AGGREGATES = new Map<string, 'Others' | 'Total'>([
  ['others', 'Others'],
  ['other', 'Others'],
  ['其他', 'Others'],
  ['total', 'Total'],
  ['china', 'Total'],
  ['national', 'Total'],
  ['全国', 'Total'],
  ['中国', 'Total'],
]);

/**
 * Resolves what a user typed to a province or country of one edition: exact names and aliases first
 * (Chinese names included), then fuzzy suggestions for typos. Built once per edition.
 */
export class NameIndex {
  private readonly entries: Record<EntityKind, Entry[]>;
  private readonly exactNames: Record<EntityKind, Map<string, string>>;
  /** Built when a name is first not found: most answers name a province or country exactly. */
  private fuzzy: Partial<Record<EntityKind, Fuse<{ name: string; key: string }>>> = {};

  constructor(ds: Dataset) {
    const unique = <T>(items: T[]) => [...new Set(items)];
    const provinceNames = unique([...ds.production, ...ds.efficiency, ...ds.balance].filter((r) => r.kind === 'province').map((r) => r.name));
    const countryNames = unique(ds.exports.filter((r) => r.kind === 'country').map((r) => r.name));
    const build = (kind: EntityKind, names: string[]): Entry[] =>
      names.map((name) => {
        const aliases = ds.names.find((n) => n.kind === kind && normalizeName(n.name) === normalizeName(name))?.aliases ?? [];
        return { name, aliases, han: aliases.find((a) => /\p{Script=Han}/u.test(a)), keys: unique([name, ...aliases].map(normalizeName)) };
      });
    this.entries = { province: build('province', provinceNames), country: build('country', countryNames) };
    this.exactNames = { province: new Map(), country: new Map() };
    for (const kind of ['province', 'country'] as const) for (const e of this.entries[kind]) for (const key of e.keys) this.exactNames[kind].set(key, e.name);
  }

  private fuzzyOf(kind: EntityKind): Fuse<{ name: string; key: string }> {
    const docs = () => this.entries[kind].flatMap((e) => e.keys.map((key) => ({ name: e.name, key })));
    this.fuzzy[kind] ??= new Fuse(docs(), { keys: ['key'], threshold: SUGGEST_THRESHOLD, ignoreLocation: true, includeScore: true });
    return this.fuzzy[kind];
  }

  names(kind: EntityKind): string[] {
    return this.entries[kind].map((e) => e.name);
  }

  /** The Chinese name, when names.csv gives one. */
  chinese(kind: EntityKind, name: string): string | undefined {
    return this.entries[kind].find((e) => e.name === name)?.han;
  }

  /** Every spelling of every name, for completion ("Yunnan", "云南", "Nei Mongol"…). */
  spellings(kind: EntityKind): string[] {
    return this.entries[kind].flatMap((e) => [e.name, ...e.aliases]);
  }

  /** The dataset's name for an exact name or alias, without the cost of suggestions. */
  exact(kind: EntityKind, text: string): string | undefined {
    return this.exactNames[kind].get(normalizeName(text));
  }

  resolve(kind: EntityKind, text: string): Resolution {
    const key = normalizeName(text);
    const hit = this.exactNames[kind].get(key);
    if (hit) return { ok: true, name: hit };
    const aggregate = AGGREGATES.get(key) ?? AGGREGATES.get(text.trim());
    return { ok: false, suggestions: this.closest(kind, text, 3), ...(aggregate ? { aggregate } : {}) };
  }

  /** Names that start like the text, then close misspellings; nothing unrelated. */
  closest(kind: EntityKind, text: string, limit: number): string[] {
    const key = normalizeName(text);
    if (key.length === 0) return [];
    const prefix = this.entries[kind].filter((e) => e.keys.some((k) => k.startsWith(key))).map((e) => e.name);
    // Two letters match too much by similarity ("gu" is in "Neimenggu"): only prefixes until three.
    const fuzzy =
      key.length < 3 && !/\p{Script=Han}/u.test(key)
        ? []
        : this.fuzzyOf(kind)
            .search(key)
            .map((r) => r.item.name);
    return [...new Set([...prefix, ...fuzzy])].slice(0, limit);
  }

  /** Completion while typing: every name when nothing is typed yet, else the closest. */
  suggest(kind: EntityKind, text: string, limit: number): string[] {
    return normalizeName(text).length === 0 ? this.names(kind).slice(0, limit) : this.closest(kind, text, limit);
  }
}
