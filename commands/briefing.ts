import { defineGroup, defineLeaf, type CommandContext } from '../src/framework/define.js';
import { opt } from '../src/framework/option-kinds.js';
import { errorReply, type Reply } from '../src/framework/reply.js';
import { echo } from '../src/framework/tokenize.js';
import { BRIEFING_KINDS, LAYOUTS } from '../src/briefings/kinds.js';
import { formatInZone, isTimeZone, parseSchedule, zoneNamed, zonesLike } from '../src/briefings/schedule.js';
import type { BriefingService } from '../src/briefings/service.js';

const DEFAULT_SCHEDULE = 'weekdays 09:00';
const EXAMPLE = '/briefing subscribe mismatch weekdays 08:30 Europe/Berlin';

function service(ctx: CommandContext): BriefingService | Reply {
  return ctx.services.briefings ?? errorReply(ctx.m.briefing.notRunning, ctx.m.briefing.notRunningHint);
}

const kind = () => opt.choice((m) => m.options.briefingKind, BRIEFING_KINDS, { default: 'full', placeholder: '[kind]' });

/** A word at the end of a schedule that names a time zone, or tries to ("Berlin"). */
function looksLikeZone(word: string | undefined): boolean {
  if (word === undefined) return false;
  if (zoneNamed(word) !== word.trim()) return true;
  return /[A-Za-z]/.test(word) && (word.includes('/') || /^(utc|gmt)$/i.test(word) || zonesLike(word).length > 0);
}

const subscribe = defineLeaf({
  description: (m) => m.briefing.subscribeDescription,
  requires: ['manage-channel'],
  options: {
    kind: kind(),
    layout: opt.choice((m) => m.options.layout, LAYOUTS, { default: 'compact', placeholder: '[compact|thread]' }),
    quiet: opt.flag((m) => m.options.onlyNewData, 'only-new-data'),
    schedule: opt.text((m) => m.options.schedule, { placeholder: '[schedule]' }),
    timezone: opt.text((m) => m.options.timezone, { placeholder: '[timezone]' }),
  },
  async run(ctx, o): Promise<Reply> {
    const { m } = ctx;
    const briefings = service(ctx);
    if ('tone' in briefings) return briefings;
    const words = (o.schedule?.trim() || DEFAULT_SCHEDULE).split(/\s+/);
    let tz = o.timezone?.trim();
    // In text the time zone may close the schedule: "weekdays 08:30 Europe/Berlin".
    if (!tz && words.length > 1 && looksLikeZone(words.at(-1)) && !parseSchedule(words.join(' ')).ok) tz = words.pop();
    const parsed = parseSchedule(words.join(' '));
    if (!parsed.ok) return errorReply(m.briefing.badSchedule, m.briefing.scheduleProblem(parsed.problem), m.briefing.example);
    tz = tz ? zoneNamed(tz) : briefings.defaultTz;
    if (/^(utc|gmt)$/i.test(tz)) tz = 'UTC';
    if (!isTimeZone(tz)) return errorReply(m.briefing.badZone, m.briefing.zoneProblem(echo(tz), zonesLike(tz)), m.briefing.example);
    const result = await briefings.subscribe({
      platform: ctx.invocation.platform,
      channelId: ctx.invocation.channelId,
      workspaceId: ctx.invocation.workspaceId ?? null,
      enterpriseId: ctx.invocation.enterpriseId ?? null,
      kind: o.kind,
      cron: parsed.schedule.cron,
      label: parsed.schedule.label,
      tz,
      layout: o.layout,
      onlyNewData: o.quiet,
      createdBy: ctx.invocation.userId,
      source: 'chat',
    });
    if ('refused' in result) return errorReply(m.briefing.tooMany(result.refused), m.briefing.tooManyHint, '/briefing list');
    const { subscription, next, created } = result;
    const when = next.map((d) => formatInZone(d, tz!, m.lang)).join('\n');
    if (!created) {
      return {
        tone: 'info',
        title: m.briefing.alreadyTitle(subscription.id),
        summary: m.briefing.already(subscription.kind, subscription.label, subscription.tz, subscription.id),
        fields: [{ label: m.briefing.nextDeliveries, value: when }],
      };
    }
    return {
      tone: 'info',
      title: m.briefing.subscribedTitle(o.kind, parsed.schedule.label, tz),
      summary: m.briefing.subscribed(subscription.id, o.kind, parsed.schedule.label, tz, o.layout, o.quiet),
      fields: [{ label: m.briefing.nextDeliveries, value: when }],
      notes: [m.briefing.manageHint(subscription.id)],
    };
  },
});

const list = defineLeaf({
  description: (m) => m.briefing.listDescription,
  options: {},
  async run(ctx): Promise<Reply> {
    const { m } = ctx;
    const briefings = service(ctx);
    if ('tone' in briefings) return briefings;
    const subs = await briefings.list(ctx.invocation.platform, ctx.invocation.channelId);
    if (subs.length === 0) return { tone: 'info', title: m.briefing.noneTitle, summary: m.briefing.none(DEFAULT_SCHEDULE) };
    return {
      tone: 'info',
      title: m.briefing.listTitle(subs.length),
      table: {
        columns: [
          { label: m.briefing.colId, align: 'right' },
          { label: m.briefing.colKind, align: 'left' },
          { label: m.briefing.colSchedule, align: 'left' },
          { label: m.briefing.colNext, align: 'left' },
        ],
        rows: subs.map(({ subscription: s, next }) => [
          `#${s.id}`,
          `${m.briefing.kindName(s.kind)}${s.layout === 'thread' ? ` · ${m.briefing.threadWord}` : ''}${s.onlyNewData ? ` · ${m.briefing.quietWord}` : ''}`,
          `${s.label} ${s.tz}${s.source === 'config' ? ` ${m.briefing.configWord}` : ''}`,
          s.paused ? m.briefing.pausedState(s.lastError ?? '') : next[0] ? formatInZone(next[0], s.tz, m.lang) : '—',
        ]),
      },
      notes: subs.some((s) => s.subscription.paused) ? [m.briefing.pausedNote] : [],
    };
  },
});

const idOption = (placeholder: string) => opt.text((m) => m.options.subscriptionId, { placeholder });

const unsubscribe = defineLeaf({
  description: (m) => m.briefing.unsubscribeDescription,
  requires: ['manage-channel'],
  options: { target: idOption('<id|all>') },
  async run(ctx, { target }): Promise<Reply> {
    const { m } = ctx;
    const briefings = service(ctx);
    if ('tone' in briefings) return briefings;
    const t = (target ?? '').trim().replace(/^#/, '').toLowerCase();
    if (t !== 'all' && !/^\d{1,9}$/.test(t)) return errorReply(m.briefing.whichOne, m.briefing.giveId, '/briefing unsubscribe <id|all>');
    const removed = await briefings.unsubscribe(ctx.invocation.platform, ctx.invocation.channelId, t === 'all' ? 'all' : Number(t));
    if (removed === 0) return errorReply(m.briefing.nothingTitle, t === 'all' ? m.briefing.nothingInChannel : m.briefing.noSuchId(t));
    return { tone: 'info', title: m.briefing.unsubscribedTitle(removed), summary: t === 'all' ? m.briefing.noMore : m.briefing.gone(t) };
  },
});

const resume = defineLeaf({
  description: (m) => m.briefing.resumeDescription,
  requires: ['manage-channel'],
  options: { target: idOption('<id>') },
  async run(ctx, { target }): Promise<Reply> {
    const { m } = ctx;
    const briefings = service(ctx);
    if ('tone' in briefings) return briefings;
    const t = (target ?? '').trim().replace(/^#/, '');
    if (!/^\d{1,9}$/.test(t)) return errorReply(m.briefing.whichOne, m.briefing.giveId, '/briefing resume <id>');
    const ok = await briefings.resume(ctx.invocation.platform, ctx.invocation.channelId, Number(t));
    return ok ? { tone: 'info', title: m.briefing.resumedTitle(t), summary: m.briefing.resumed } : errorReply(m.briefing.nothingTitle, m.briefing.noSuchId(t));
  },
});

const preview = defineLeaf({
  description: (m) => m.briefing.previewDescription,
  options: { kind: kind() },
  async run(ctx, { kind: k }): Promise<Reply> {
    const briefings = service(ctx);
    if ('tone' in briefings) return briefings;
    const message = await briefings.preview(ctx.invocation.platform, ctx.invocation.channelId, k, ctx.m.lang);
    return {
      ...message.reply,
      subject: `preview ${k} ${message.spotlight.position + 1}`,
      notes: [...(message.reply.notes ?? []), ctx.m.briefing.previewNote(message.spotlight.position + 1, message.spotlight.of)],
    };
  },
});

const now = defineLeaf({
  description: (m) => m.briefing.nowDescription,
  requires: ['manage-channel'],
  options: { kind: kind() },
  async run(ctx, { kind: k }): Promise<Reply> {
    const briefings = service(ctx);
    if ('tone' in briefings) return briefings;
    const message = await briefings.preview(ctx.invocation.platform, ctx.invocation.channelId, k, ctx.m.lang);
    return { ...message.reply, subject: `now ${k}`, inChannel: true };
  },
});

export const briefing = defineGroup({
  name: 'briefing',
  description: (m) => m.briefing.description,
  examples: [
    EXAMPLE,
    '/briefing subscribe exports weekly mon 09:00 Asia/Shanghai thread only-new-data',
    '/briefing list',
    '/briefing unsubscribe 3',
    '/briefing resume 3',
    '/briefing preview utilization',
    '/briefing now',
  ],
  subcommands: { subscribe, list, unsubscribe, resume, preview, now },
});
