import { z } from 'zod';

export type OptionKind = 'string' | 'integer' | 'choice' | 'province' | 'country' | 'provinces';

/**
 * One option of a command, described once: zod validates it, the text parser places it, Discord's
 * registration and autocomplete are generated from it, and /help prints it.
 */
export interface OptionSpec<T = unknown> {
  kind: OptionKind;
  description: string;
  required: boolean;
  schema: z.ZodType<T>;
  /** Integer bounds, for zod and for Discord's min_value/max_value. */
  min?: number;
  max?: number;
  choices?: readonly string[];
  /** Text syntax: a word that introduces the option ("top 5"). */
  keyword?: string;
  /** Text syntax: which bare tokens this option takes, when it is not introduced by its keyword. */
  accepts?: (token: string) => boolean;
  /** For `provinces`: how many names, at least and at most. */
  minItems?: number;
  maxItems?: number;
  /** Shown in usage lines: <name> or [N]. */
  placeholder: string;
}

/** Names are free text of bounded size; control characters never reach a handler. */
const nameText = z
  .string()
  .trim()
  .min(1, 'a name is required')
  .max(80, 'that name is too long (80 characters at most)')
  .refine((s) => !/\p{Cc}/u.test(s), 'control characters are not allowed');

function withPresence<T>(schema: z.ZodType<T>, required: boolean, fallback?: T): z.ZodType<T> {
  if (fallback !== undefined) return schema.optional().default(fallback as never) as unknown as z.ZodType<T>;
  return (required ? schema : schema.optional()) as z.ZodType<T>;
}

export const opt = {
  province<R extends boolean = true>(description: string, o: { required?: R } = {}): OptionSpec<R extends false ? string | undefined : string> {
    const required = o.required ?? true;
    return { kind: 'province', description, required, schema: withPresence(nameText, required) as z.ZodType<never>, placeholder: required ? '<province>' : '[province]' };
  },
  country(description: string): OptionSpec<string> {
    return { kind: 'country', description, required: true, schema: nameText, placeholder: '<country>' };
  },
  /** Free text, optional; takes the rest of the line. */
  text(description: string, o: { placeholder: string }): OptionSpec<string | undefined> {
    const schema = z.string().trim().max(80, 'at most 80 characters').refine((s) => !/\p{Cc}/u.test(s), 'control characters are not allowed');
    return { kind: 'string', description, required: false, schema: schema.optional() as unknown as z.ZodType<never>, placeholder: o.placeholder };
  },
  provinces(description: string, o: { min: number; max: number }): OptionSpec<string[]> {
    const schema = z
      .array(nameText)
      .min(o.min, `name at least ${o.min} provinces`)
      .max(o.max, `name at most ${o.max} provinces`);
    return { kind: 'provinces', description, required: true, schema, minItems: o.min, maxItems: o.max, placeholder: '<province> <province> [more…]' };
  },
  integer<D extends number | undefined = undefined>(description: string, o: { min: number; max: number; default?: D; keyword?: string; accepts?: RegExp; placeholder: string }): OptionSpec<D extends number ? number : number | undefined> {
    const base = z.coerce
      .number({ error: 'expected a whole number' })
      .int('expected a whole number')
      .min(o.min, `expected a number from ${o.min} to ${o.max}`)
      .max(o.max, `expected a number from ${o.min} to ${o.max}`);
    const pattern = o.accepts ?? /^\d+$/;
    return {
      kind: 'integer',
      description,
      required: false,
      schema: withPresence(base as z.ZodType<number>, false, o.default) as z.ZodType<never>,
      min: o.min,
      max: o.max,
      ...(o.keyword ? { keyword: o.keyword } : {}),
      accepts: (t) => pattern.test(t),
      placeholder: o.placeholder,
    };
  },
  choice<C extends string>(description: string, choices: readonly C[], o: { default?: C; placeholder: string }): OptionSpec<C> {
    const required = o.default === undefined;
    const base = z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.enum(choices as unknown as [C, ...C[]], { error: `expected one of: ${choices.join(', ')}` }));
    return {
      kind: 'choice',
      description,
      required,
      schema: withPresence(base as unknown as z.ZodType<C>, required, o.default),
      choices,
      // A required choice takes any word (so a wrong one gets "expected one of…"); an optional one
      // only its own words, leaving the others to the options after it.
      accepts: required ? (t) => !/^\d+$/.test(t) : (t) => (choices as readonly string[]).includes(t.toLowerCase()),
      placeholder: o.placeholder,
    };
  },
};

export type OptionSpecs = Record<string, OptionSpec>;

/** Which names an option takes, if any: provinces or countries (for resolution and autocomplete). */
export function entityKindOf(spec: OptionSpec | undefined): 'province' | 'country' | undefined {
  if (spec?.kind === 'country') return 'country';
  if (spec?.kind === 'province' || spec?.kind === 'provinces') return 'province';
  return undefined;
}
export type OptionValues<O extends OptionSpecs> = { [K in keyof O]: O[K] extends OptionSpec<infer T> ? T : never };
