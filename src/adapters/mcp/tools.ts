import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { readOnlyLeaves, type CommandDefinition, type Invocation } from '../../framework/define.js';
import type { OptionSpec } from '../../framework/option-kinds.js';
import type { Reply } from '../../framework/reply.js';
import { sourceLabel } from '../../framework/figure-text.js';
import type { Core } from '../../core.js';
import { en } from '../../i18n/en.js';
import type { Lang } from '../../i18n/lang.js';
import { messages, type Messages } from '../../i18n/messages.js';
import { formatNumber } from '../../format/numbers.js';
import { quickChartImages } from '../../render/images.js';
import { toConsoleText } from '../../render/console-text.js';
import { paperTable, tableNumbers } from '../../metrics/paper-tables.js';

/** MCP tool names allow [A-Za-z0-9_-]: "exports_top" for /exports top. */
export function toolName(def: CommandDefinition, sub: string | undefined): string {
  return sub ? `${def.name}_${sub}` : def.name;
}

/** One option as a JSON-schema-friendly zod type, described from the same catalogue as /help. */
function inputOf(spec: OptionSpec, values: string | undefined): z.ZodType {
  const base = (() => {
    switch (spec.kind.id) {
      case 'choice':
        return z.enum(spec.choices as [string, ...string[]]);
      case 'integer':
      case 'edition':
      case 'export-year':
        return z
          .number()
          .int()
          .min(spec.min ?? 1900)
          .max(spec.max ?? 2100);
      case 'flag':
        return z.boolean();
      case 'provinces':
        return z
          .array(z.string().max(80))
          .min(spec.minItems ?? 1)
          .max(spec.maxItems ?? 4);
      default:
        return z.string().max(80);
    }
  })();
  const described = base.describe([spec.description(en), values ? `Values: ${values}.` : ''].filter(Boolean).join(' '));
  return spec.required ? described : described.optional();
}

const figureShape = z.object({
  label: z.string().describe('What the figure is, as the reply labels it'),
  value: z.string().describe("The number as printed (the paper's precision kept), without its unit"),
  unit: z.string(),
  source: z.string().describe("The paper's table or section; for a computed figure, what it is computed from and how"),
  derived: z.boolean().describe('True when the bot computed it (marked † in chat); the paper prints it nowhere'),
});

/** What every tool returns besides its text: the figures with their provenance, for citing. */
export const toolOutput = {
  title: z.string(),
  figures: z.array(figureShape),
  sources: z.array(z.string()),
  edition: z.number().int(),
};

/**
 * Where a reply shows a figure: the field whose value holds it, else the table cell (row name and
 * column), else the reply's title. The sign comes with it: "+19.3" where the reply prints a change.
 */
function placeOf(reply: Reply, number: string, source: (signed: boolean) => string): { label: string; signed: boolean } {
  const signedIn = (text: string) => text.includes(`+${number}`);
  // Two figures may print alike (Henan: demand 0.88 Mt, and output − demand 0.88 Mt †): the field
  // citing the figure's own source wins.
  const holding = (reply.fields ?? []).filter((f) => f.value.includes(number));
  const field = holding.find((f) => f.source === source(signedIn(f.value))) ?? holding[0];
  if (field) return { label: field.label, signed: signedIn(field.value) };
  for (const row of reply.table?.rows ?? []) {
    const c = row.findIndex((cell, i) => i > 0 && cell.includes(number));
    if (c > 0) return { label: `${row[0]} · ${reply.table!.columns[c]?.label ?? ''}`.replace(/^[\d.\s]+/, ''), signed: signedIn(row[c]!) };
  }
  return { label: reply.title, signed: false };
}

export function figuresOf(reply: Reply, m: Messages): z.infer<typeof figureShape>[] {
  return (reply.figures ?? []).map((f) => {
    const number = formatNumber(Math.abs(f.value), f.decimals);
    const place = placeOf(reply, number, (signed) => sourceLabel(f, m, { signed }));
    return {
      label: place.label,
      value: `${f.qualifier ? '≈' : ''}${formatNumber(f.value, f.decimals, place.signed)}`,
      unit: f.unit,
      source: sourceLabel(f, m, { signed: place.signed }),
      derived: Boolean(f.source.derived),
    };
  });
}

/** The invocation of an assistant's call: nobody to ask for permissions, nothing stored per channel. */
function mcpInvocation(lang: Lang): Invocation {
  return { platform: 'mcp', userId: 'mcp', channelId: 'mcp', lang, canManage: async () => false };
}

/**
 * Registers one tool per read-only command or subcommand, generated from the definitions: input schema
 * from the option kinds, output with every figure's source and mark. Unknown names come back as an
 * error result with the same "did you mean" as in chat.
 */
/** A tool's definition, built once per loaded library: the input schemas list the edition's names. */
interface ToolSpec {
  name: string;
  command: string;
  sub: string | undefined;
  config: {
    title: string;
    description: string;
    inputSchema: Record<string, z.ZodType>;
    outputSchema: typeof toolOutput;
    annotations: { readOnlyHint: true; openWorldHint: false; idempotentHint: true };
  };
}

const specsByLibrary = new WeakMap<object, ToolSpec[]>();

function toolSpecs(core: Core): ToolSpec[] {
  const library = core.library();
  const cached = specsByLibrary.get(library);
  if (cached) return cached;
  const kctx = { edition: library.current, library, m: en };
  const specs = readOnlyLeaves(core.registry.commands).map(({ def, sub, leaf }): ToolSpec => {
    const inputSchema: Record<string, z.ZodType> = {};
    for (const [key, spec] of Object.entries(leaf.options)) inputSchema[key] = inputOf(spec, spec.kind.values?.(spec, kctx));
    inputSchema.lang = z.enum(['en', 'zh']).optional().describe('Reply language: en (default) or zh (Simplified Chinese)');
    return {
      name: toolName(def, sub),
      command: def.name,
      sub,
      config: {
        title: `/${def.name}${sub ? ` ${sub}` : ''}`,
        description: `${leaf.description(en)} Every figure carries its source in the paper (table or section); derived: true marks figures the bot computed.`,
        inputSchema,
        outputSchema: toolOutput,
        annotations: { readOnlyHint: true, openWorldHint: false, idempotentHint: true },
      },
    };
  });
  specsByLibrary.set(library, specs);
  return specs;
}

/**
 * Registers one tool per read-only command or subcommand, generated from the definitions: input schema
 * from the option kinds, output with every figure's source and mark. Unknown names come back as an
 * error result with the same "did you mean" as in chat.
 */
export function registerTools(server: McpServer, core: Core, o: { quickChartBaseUrl?: string | undefined } = {}): string[] {
  for (const spec of toolSpecs(core)) {
    server.registerTool(spec.name, spec.config, async (args: Record<string, unknown>) => {
      const { lang: asked, ...raw } = args;
      const lang: Lang = asked === 'zh' ? 'zh-CN' : 'en';
      const m = messages(lang);
      const answer = await core.run(spec.command, spec.sub, raw, mcpInvocation(lang));
      const reply = answer.reply;
      // Pure commands' answers are cached by the core; so is what is rendered from them.
      const text = core.rendered(answer, 'mcp|text', () =>
        toConsoleText(reply, { m, color: false, images: reply.tone === 'info' ? quickChartImages(reply, o.quickChartBaseUrl) : [] }),
      );
      if (reply.tone === 'error') return { isError: true, content: [{ type: 'text' as const, text }] };
      const year = typeof raw.year === 'number' && core.library().get(raw.year) ? raw.year : core.library().current.year;
      const structured = {
        title: reply.title,
        figures: core.rendered(answer, 'mcp|figures', () => figuresOf(reply, m)),
        sources: reply.sources ?? [],
        edition: year,
      };
      return { content: [{ type: 'text' as const, text }], structuredContent: structured };
    });
  }
  return toolSpecs(core).map((t) => t.name);
}

/**
 * The paper's tables as CSV, as printed (`anode://<year>/table/2`), and each edition's provenance
 * (`anode://<year>/provenance`): the same CSV as `/table N csv`, the same text as `/sources`.
 */
export function registerResources(server: McpServer, core: Core): string[] {
  const uris: string[] = [];
  const library = core.library();
  const invocation = mcpInvocation('en');
  for (const year of library.years) {
    const edition = library.get(year)!;
    for (const n of tableNumbers(edition.data)) {
      const uri = `anode://${year}/table/${n}`;
      const table = paperTable(edition.data, n)!;
      const caption = edition.data.edition.tables[table.key].caption;
      server.registerResource(
        `table-${n}-${year}`,
        uri,
        { title: `${table.ref}: ${caption}`, description: `${table.ref} of the ${year} edition, every row as printed`, mimeType: 'text/csv' },
        async () => {
          const answer = await core.run('table', undefined, { number: n, year, csv: true }, invocation);
          const file = answer.reply.files?.[0];
          return { contents: [{ uri, mimeType: 'text/csv', text: file?.content ?? '' }] };
        },
      );
      uris.push(uri);
    }
    const uri = `anode://${year}/provenance`;
    server.registerResource(
      `provenance-${year}`,
      uri,
      {
        title: `Provenance of the ${year} edition`,
        description: 'The paper, its tables and captions, the dataset version, and where the paper disagrees with itself',
        mimeType: 'text/plain',
      },
      async () => {
        const answer = await core.run('sources', undefined, { year }, invocation);
        return { contents: [{ uri, mimeType: 'text/plain', text: toConsoleText(answer.reply, { m: en, color: false }) }] };
      },
    );
    uris.push(uri);
  }
  return uris;
}
