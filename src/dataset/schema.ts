import * as z from 'zod';

/** A decimal written the way the paper writes it; blank cells are not zero. */
export const decimal = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, 'expected a number like 1.23')
  .transform(Number);

const percent = decimal.refine((n) => n >= 0 && n <= 100, 'expected a percentage from 0 to 100');
const nonNegative = decimal.refine((n) => n >= 0, 'expected a number ≥ 0');
const count = z.string().trim().regex(/^\d+$/, 'expected a whole number').transform(Number);
const label = z.string().trim().min(1, 'expected a non-empty name').max(60, 'expected at most 60 characters');
const provinceKind = z.enum(['province', 'others', 'total']);

export const efficiencyRowSchema = z.object({
  province: label,
  kind: provinceKind,
  capacity_mt: nonNegative,
  high_pct: percent,
  medium_pct: percent,
  low_pct: percent,
  shutdown_pct: percent,
});

export const productionRowSchema = z.object({
  province: label,
  kind: provinceKind,
  capacity_mt: nonNegative,
  output_mt: nonNegative,
  utilization_pct: decimal.refine((n) => n >= 0 && n <= 150, 'expected a utilization from 0 to 150 %'),
});

export const balanceRowSchema = z.object({
  province: label,
  kind: provinceKind,
  output_mt: nonNegative,
  demand_mt: nonNegative,
  exports_mt: nonNegative,
  balance_mt: decimal,
});

export const exportRowSchema = z.object({
  country: label,
  kind: z.enum(['country', 'others', 'total']),
  year: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'expected a four-digit year')
    .transform(Number),
  exports_kt: nonNegative,
  share_pct: percent,
});

export const classRowSchema = z.object({
  class: z.enum(['high', 'medium', 'low_and_idle', 'idle']),
  enterprises: count,
  capacity_mt: nonNegative,
  share_pct: z.union([z.literal('').transform(() => null), percent]),
});

export const textFigureSchema = z.object({
  subject: label,
  metric: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+$/, 'expected a snake_case metric name'),
  value: decimal,
  unit: z.enum(['Mt', 'kt', '%', 'pp', 'kg/t', 'enterprises']),
  qualifier: z.enum(['exact', 'approx', 'over', 'under']),
  source: z.string().trim().min(1, 'expected a section or table'),
  topic: z.enum(['overview', 'efficiency', 'balance', 'exports']),
  quote: z.string().trim().min(1, 'expected the quoted sentence').max(200, 'expected a brief quote (200 characters at most)'),
});

export const claimSchema = z.object({
  subjects: z
    .string()
    .transform((s) =>
      s
        .split('|')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.string()).min(1, 'expected at least one subject')),
  check: z.enum(['output_over_demand', 'export_share_change', 'utilization_vs_high_share']),
  source: z.string().trim().min(1, 'expected a section'),
  quote: z.string().trim().min(1, 'expected the quoted sentence').max(200, 'expected a brief quote (200 characters at most)'),
});

export const nameRowSchema = z.object({
  name: label,
  kind: z.enum(['province', 'country']),
  aliases: z.string().transform((s) =>
    s
      .split('|')
      .map((a) => a.trim())
      .filter((a) => a.length > 0),
  ),
});

// captionZh: the caption in Chinese, for Chinese replies (optional: the English caption stands in).
const tableMeta = z.object({ source: z.string().min(1), caption: z.string().min(1), captionZh: z.string().min(1).optional() });

export const editionSchema = z.object({
  year: z.number().int().min(2000).max(2100),
  datasetVersion: z.string().min(1),
  paper: z.object({
    title: z.string().min(1),
    authors: z.array(z.string().min(1)).min(1),
    publisher: z.string().min(1),
    doi: z.string().url(),
  }),
  tables: z.object({
    'efficiency-by-province': tableMeta,
    'production-by-province': tableMeta,
    'balance-by-province': tableMeta,
    'exports-by-country': tableMeta,
    'efficiency-classes': tableMeta,
    'text-figures': tableMeta,
  }),
  efficiencyThresholds: z.object({
    highAbovePct: z.number(),
    lowBelowPct: z.number(),
    source: z.string().min(1),
  }),
});
