import { derived, type Figure } from '../metrics/figure.js';
import type { CommandContext } from './define.js';
import { show } from './figure-text.js';
import type { ReplyField } from './reply.js';

/**
 * The change of a figure against the previous edition, when there is one: "(+0.10 Mt † on the <year>
 * edition)". Always derived: no paper prints the difference between two papers.
 */
export function versus(
  ctx: Pick<CommandContext, 'm' | 'previous' | 'edition'>,
  current: Figure | undefined,
  previous: Figure | undefined,
): { text: string; figure?: Figure } {
  if (!current || !previous || !ctx.previous) return { text: '' };
  const unit = current.unit === '%' ? 'pp' : current.unit;
  const delta = derived(
    current.value - previous.value,
    unit,
    `${current.source.ref} (${ctx.previous.year}, ${ctx.edition.year})`,
    `change on the ${ctx.previous.year} edition`,
    Math.max(current.decimals, previous.decimals),
  );
  return { text: ctx.m.common.versus(show(delta, ctx.m, { signed: true }), ctx.previous.year), figure: delta };
}

/**
 * Fields followed by their change on the previous edition, and the changes themselves, collected for
 * the reply's figures (so that its † note and sources cover them).
 */
export function versusFields(ctx: Pick<CommandContext, 'm' | 'previous' | 'edition'>): {
  withChange: (fields: ReplyField[], current: Figure | undefined, previous: Figure | undefined) => ReplyField[];
  changes: Figure[];
} {
  const changes: Figure[] = [];
  const withChange = (fields: ReplyField[], current: Figure | undefined, previous: Figure | undefined): ReplyField[] => {
    const v = versus(ctx, current, previous);
    if (v.figure) changes.push(v.figure);
    return fields.map((x) => ({ ...x, value: `${x.value}${v.text}` }));
  };
  return { withChange, changes };
}
