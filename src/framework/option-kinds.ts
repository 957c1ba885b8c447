import * as z from 'zod';
import type { Edition, Library } from '../editions.js';
import type { Messages } from '../i18n/messages.js';
import type { EntityKind } from '../metrics/names.js';
import { closestWords } from './suggest.js';
import { echo } from './tokenize.js';

/** Text in the reader's language, taken from the catalogue: commands never hold display strings. */
export type Text = (m: Messages) => string;

/**
 * How an option registers on a chat platform, platform-neutral: the Discord adapter maps it onto
 * application command options. `repeat` turns a list into name1…nameN (Discord has no list type).
 */
export interface Registration {
  type: 'string' | 'integer' | 'boolean';
  autocomplete?: boolean;
  choices?: readonly string[];
  min?: number;
  max?: number;
  maxLength?: number;
  repeat?: { min: number; max: number };
}

/** A resolved value, or what to tell the user instead. */
export type Resolved = { ok: true; value: unknown } | { ok: false; problem: string; hint?: string };

/** What resolution and completion may look at. */
export interface KindContext {
  edition: Edition;
  library: Library;
  m: Messages;
}

/**
 * One kind of option (a province, a metric, a year, a count…), declared once: how it takes words from
 * a text line, how it registers on Discord, how it completes as you type, how help shows its values,
 * and how a typed value resolves to the dataset's own.
 */
export interface OptionKind {
  readonly id: string;
  /** Text syntax: whether a bare word fills this option; 'rest' takes every word not claimed by another. */
  takes(spec: OptionSpec, token: string): boolean | 'rest';
  registration(spec: OptionSpec): Registration;
  /** Values to offer for what was typed so far (Discord autocomplete, console completion). */
  complete?(spec: OptionSpec, ctx: KindContext, typed: string, limit: number): { label: string; value: string }[];
  /** "capacity | output | …", shown by /help <command>. */
  values?(spec: OptionSpec, ctx: KindContext): string | undefined;
  /** After validation: names become the dataset's names; unknown ones get "did you mean". */
  resolve?(spec: OptionSpec, ctx: KindContext, value: unknown): Resolved;
}

export interface OptionSpec<T = unknown> {
  kind: OptionKind;
  description: Text;
  required: boolean;
  schema: z.ZodType<T>;
  /** Shown in usage lines: <province>, [N], [year]. */
  placeholder: string;
  /** Text syntax: a word that introduces the option ("top 5"). */
  keyword?: string;
  choices?: readonly string[];
  min?: number;
  max?: number;
  /** For a list of names: how many, at least and at most. */
  minItems?: number;
  maxItems?: number;
  /** For flags: the word that sets it ("csv"). */
  word?: string;
  /** For integers: which bare words it takes (a year is four digits, a count one or two). */
  pattern?: RegExp;
}

export type OptionSpecs = Record<string, OptionSpec>;
export type OptionValues<O extends OptionSpecs> = { [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never };

/** Names are free text of bounded size; control characters never reach a handler. */
const nameText = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(80, 'that name is too long (80 characters at most)')
  .refine((s) => !/\p{Cc}/u.test(s), 'control characters are not allowed');

function optional<T>(schema: z.ZodType<T>, required: boolean, fallback?: T): z.ZodType<T> {
  if (fallback !== undefined) return schema.optional().default(fallback as never) as unknown as z.ZodType<T>;
  return (required ? schema : schema.optional()) as z.ZodType<T>;
}

/** "Yunnan 云南" in English replies, "云南" in Chinese ones: what a name reads as for this reader. */
export function displayName(ctx: KindContext, kind: EntityKind, name: string): string {
  const han = ctx.edition.names.chinese(kind, name);
  return ctx.m.lang === 'zh-CN' ? (han ?? name) : name;
}

function entityKind(entity: EntityKind): OptionKind {
  return {
    id: entity,
    takes: () => 'rest',
    registration: () => ({ type: 'string', autocomplete: true, maxLength: 80 }),
    complete(_spec, ctx, typed, limit) {
      return ctx.edition.names.suggest(entity, typed, limit).map((name) => {
        const han = ctx.edition.names.chinese(entity, name);
        return { label: han ? `${name} (${han})` : name, value: name };
      });
    },
    values: (_spec, ctx) =>
      ctx.edition.names
        .names(entity)
        .map((n) => displayName(ctx, entity, n))
        .join(ctx.m.lang === 'zh-CN' ? '、' : ', '),
    resolve: (_spec, ctx, value) => resolveName(ctx, entity, value as string),
  };
}

export function resolveName(ctx: KindContext, entity: EntityKind, typed: string): Resolved {
  const r = ctx.edition.names.resolve(entity, typed);
  if (r.ok) return { ok: true, value: r.name };
  const m = ctx.m;
  if (r.aggregate) return { ok: false, problem: m.errors.aggregate(entity, echo(typed), r.aggregate) };
  const all = ctx.edition.names.names(entity);
  return {
    ok: false,
    problem: m.errors.unknownName(entity, echo(typed), ctx.edition.year),
    hint:
      r.suggestions.length > 0
        ? m.errors.didYouMean(r.suggestions.map((n) => displayName(ctx, entity, n)))
        : m.errors.oneOf(all.map((n) => displayName(ctx, entity, n))),
  };
}

export const kinds = {
  province: entityKind('province'),
  country: entityKind('country'),
  provinces: {
    id: 'provinces',
    takes: () => 'rest',
    registration: (spec) => ({ type: 'string', autocomplete: true, maxLength: 80, repeat: { min: spec.minItems ?? 1, max: spec.maxItems ?? 4 } }),
    complete: (spec, ctx, typed, limit) => entityKind('province').complete!(spec, ctx, typed, limit),
    values: (spec, ctx) => entityKind('province').values!(spec, ctx),
    resolve(_spec, ctx, value) {
      const out: string[] = [];
      for (const typed of value as string[]) {
        const r = resolveName(ctx, 'province', typed);
        if (!r.ok) return r;
        out.push(r.value as string);
      }
      if (new Set(out).size !== out.length) return { ok: false, problem: ctx.m.errors.sameProvinceTwice };
      return { ok: true, value: out };
    },
  } satisfies OptionKind,
  choice: {
    id: 'choice',
    // A required choice takes any word that is not a number (so a wrong one gets "did you mean");
    // an optional one only its own words, leaving the others to the options after it.
    takes: (spec, token) => (spec.required ? !/^\d+$/.test(token) : (spec.choices ?? []).includes(token.toLowerCase())),
    registration: (spec) => ({ type: 'string', choices: spec.choices ?? [] }),
    values: (spec) => (spec.choices ?? []).join(' | '),
    resolve(spec, ctx, value) {
      const choices = spec.choices ?? [];
      const v = String(value).toLowerCase();
      if (choices.includes(v)) return { ok: true, value: v };
      const close = closestWords(v, choices);
      return {
        ok: false,
        problem: ctx.m.errors.notAChoice(echo(String(value))),
        hint: close.length > 0 ? ctx.m.common.sentences(ctx.m.errors.didYouMean(close), ctx.m.errors.oneOf(choices)) : ctx.m.errors.oneOf(choices),
      };
    },
  } satisfies OptionKind,
  integer: {
    id: 'integer',
    takes: (spec, token) => (spec.pattern ?? /^\d+$/).test(token),
    registration: (spec) => ({ type: 'integer', ...(spec.min !== undefined ? { min: spec.min } : {}), ...(spec.max !== undefined ? { max: spec.max } : {}) }),
    values: (spec) => (spec.min !== undefined && spec.max !== undefined ? `${spec.min}–${spec.max}` : undefined),
  } satisfies OptionKind,
  /** An edition of the dataset, by year: the reply answers from it instead of the current one. */
  edition: {
    id: 'edition',
    takes: (_spec, token) => /^(19|20)\d{2}$/.test(token),
    registration: () => ({ type: 'integer', min: 2000, max: 2100 }),
    complete: (_spec, ctx, typed) => ctx.library.years.filter((y) => String(y).startsWith(typed.trim())).map((y) => ({ label: String(y), value: String(y) })),
    values: (_spec, ctx) => ctx.library.years.join(' | '),
  } satisfies OptionKind,
  /** A year of the export table (an edition may carry several). */
  exportYear: {
    id: 'export-year',
    takes: (_spec, token) => /^(19|20)\d{2}$/.test(token),
    registration: () => ({ type: 'integer', min: 1900, max: 2100 }),
    values: (_spec, ctx) => ctx.edition.exportYears.join(' | '),
  } satisfies OptionKind,
  /** A word that switches something on ("csv"); on Discord a true/false option. */
  flag: {
    id: 'flag',
    takes: (spec, token) => token.toLowerCase() === spec.word,
    registration: () => ({ type: 'boolean' }),
  } satisfies OptionKind,
  text: {
    id: 'text',
    takes: () => 'rest',
    registration: () => ({ type: 'string', maxLength: 80 }),
  } satisfies OptionKind,
} as const;

/** Option constructors for command definitions. */
export const opt = {
  province<R extends boolean = true>(description: Text, o: { required?: R } = {}): OptionSpec<R extends false ? string | undefined : string> {
    const required = o.required ?? true;
    return {
      kind: kinds.province,
      description,
      required,
      schema: optional(nameText, required) as z.ZodType<never>,
      placeholder: required ? '<province>' : '[province]',
    };
  },
  country(description: Text): OptionSpec<string> {
    return { kind: kinds.country, description, required: true, schema: nameText, placeholder: '<country>' };
  },
  provinces(description: Text, o: { min: number; max: number }): OptionSpec<string[]> {
    const schema = z.array(nameText).min(o.min, `name at least ${o.min} provinces`).max(o.max, `name at most ${o.max} provinces`);
    return { kind: kinds.provinces, description, required: true, schema, minItems: o.min, maxItems: o.max, placeholder: '<province> <province> [more…]' };
  },
  choice<C extends string, D extends C | undefined = undefined, Opt extends boolean = false>(
    description: Text,
    choices: readonly C[],
    o: { default?: D; optional?: Opt; placeholder: string },
  ): OptionSpec<Opt extends true ? C | undefined : C> {
    const required = o.default === undefined && !o.optional;
    // Validated as any short word here; the kind resolves it, so a near miss gets "did you mean".
    const base = z.string().trim().min(1).max(40);
    return { kind: kinds.choice, description, required, schema: optional(base, required, o.default) as z.ZodType<never>, choices, placeholder: o.placeholder };
  },
  integer<D extends number | undefined = undefined>(
    description: Text,
    o: { min: number; max: number; default?: D; keyword?: string; pattern?: RegExp; placeholder: string },
  ): OptionSpec<D extends number ? number : number | undefined> {
    const base = z.coerce
      .number({ error: 'expected a whole number' })
      .int('expected a whole number')
      .min(o.min, `expected a number from ${o.min} to ${o.max}`)
      .max(o.max, `expected a number from ${o.min} to ${o.max}`);
    return {
      kind: kinds.integer,
      description,
      required: false,
      schema: optional(base as z.ZodType<number>, false, o.default) as z.ZodType<never>,
      min: o.min,
      max: o.max,
      placeholder: o.placeholder,
      ...(o.keyword ? { keyword: o.keyword } : {}),
      pattern: o.pattern ?? /^\d{1,3}$/,
    };
  },
  edition(description: Text): OptionSpec<number | undefined> {
    const schema = z.coerce.number({ error: 'expected a year' }).int('expected a year').min(1900, 'expected a year').max(2100, 'expected a year');
    return { kind: kinds.edition, description, required: false, schema: schema.optional() as unknown as z.ZodType<never>, placeholder: '[year]' };
  },
  exportYear(description: Text): OptionSpec<number | undefined> {
    const schema = z.coerce.number({ error: 'expected a year' }).int('expected a year').min(1900, 'expected a year').max(2100, 'expected a year');
    return { kind: kinds.exportYear, description, required: false, schema: schema.optional() as unknown as z.ZodType<never>, placeholder: '[year]' };
  },
  flag(description: Text, word: string): OptionSpec<boolean> {
    const schema = z.union([z.boolean(), z.literal(word).transform(() => true)]);
    return {
      kind: kinds.flag,
      description,
      required: false,
      schema: schema.optional().default(false) as unknown as z.ZodType<boolean>,
      word,
      placeholder: `[${word}]`,
    };
  },
  text(description: Text, o: { placeholder: string; required?: boolean }): OptionSpec<string | undefined> {
    const schema = z
      .string()
      .trim()
      .max(80, 'at most 80 characters')
      .refine((s) => !/\p{Cc}/u.test(s), 'control characters are not allowed');
    return {
      kind: kinds.text,
      description,
      required: o.required ?? false,
      schema: (o.required ? schema.min(1) : schema.optional()) as unknown as z.ZodType<never>,
      placeholder: o.placeholder,
    };
  },
};

/** Which names an option takes, if any: provinces or countries (for autocomplete and completion). */
export function entityKindOf(spec: OptionSpec | undefined): EntityKind | undefined {
  if (spec?.kind === kinds.country) return 'country';
  if (spec?.kind === kinds.province || spec?.kind === kinds.provinces) return 'province';
  return undefined;
}
