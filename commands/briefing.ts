import { defineGroup, defineLeaf, type CommandContext } from '../src/commands/define.js';
import { opt } from '../src/commands/options.js';
import { errorReply, type Reply } from '../src/commands/reply.js';
import { echo } from '../src/commands/tokenize.js';
import { BRIEFING_KINDS } from '../src/briefings/compose.js';
import { formatInZone, isTimeZone, parseSchedule, SCHEDULE_EXAMPLES } from '../src/briefings/schedule.js';
import { BRIEFING_SERVICE, type BriefingService } from '../src/briefings/service.js';

const DEFAULT_SCHEDULE = 'weekdays 09:00';

function service(ctx: CommandContext): BriefingService | undefined {
  return ctx.services[BRIEFING_SERVICE] as BriefingService | undefined;
}

const notRunning = (): Reply =>
  errorReply('Briefings are not running here', 'This process has no briefing scheduler (npm run ask answers commands only). Start the bot with npm start.');

const kind = () => opt.choice('Briefing kind: utilization, mismatch, exports or full', BRIEFING_KINDS, { default: 'full', placeholder: '[kind]' });

const subscribe = defineLeaf({
  description: 'Subscribe this channel to a regular briefing',
  requiresManage: true,
  options: {
    kind: kind(),
    schedule: opt.text('daily 09:00, weekdays 08:30, weekly mon 09:00, monthly 1 09:00 or cron', { placeholder: '[schedule]' }),
    timezone: opt.text('IANA time zone, e.g. Europe/Berlin (default: the bot\'s)', { placeholder: '[timezone]' }),
  },
  run(ctx, o): Reply {
    const briefings = service(ctx);
    if (!briefings) return notRunning();
    // In text the time zone may close the schedule: "weekdays 08:30 Europe/Berlin".
    let text = o.schedule?.trim() || DEFAULT_SCHEDULE;
    let tz = o.timezone?.trim();
    const words = text.split(/\s+/);
    if (!tz && words.length > 1 && /[A-Za-z]/.test(words.at(-1)!) && (words.at(-1)!.includes('/') || /^(utc|gmt)$/i.test(words.at(-1)!))) {
      tz = words.pop();
      text = words.join(' ');
    }
    tz ||= briefings.defaultTz;
    if (/^(utc|gmt)$/i.test(tz)) tz = 'UTC';
    if (!isTimeZone(tz)) {
      return errorReply('Unknown time zone', `"${echo(tz)}" is not an IANA time zone. Use a name such as Europe/Berlin, America/New_York, Asia/Shanghai or UTC.`, '/briefing subscribe mismatch weekdays 08:30 Europe/Berlin');
    }
    const parsed = parseSchedule(text);
    if (!parsed.ok) return errorReply('Cannot read that schedule', parsed.problem, '/briefing subscribe mismatch weekdays 08:30 Europe/Berlin');
    const { subscription, next } = briefings.subscribe({
      platform: ctx.invocation.platform,
      channelId: ctx.invocation.channelId,
      kind: o.kind,
      cron: parsed.schedule.cron,
      label: parsed.schedule.label,
      tz,
      createdBy: ctx.invocation.userId,
      source: 'chat',
    });
    return {
      tone: 'info',
      title: `Subscribed: ${o.kind} briefing, ${parsed.schedule.label} (${tz})`,
      summary: `Subscription #${subscription.id}. This channel gets a ${o.kind} briefing ${parsed.schedule.label}, ${tz} time.`,
      fields: [{ label: 'Next deliveries', value: next.map((d) => formatInZone(d, tz!)).join('\n') }],
      notes: [`/briefing list shows this channel's subscriptions; /briefing unsubscribe ${subscription.id} stops this one.`],
    };
  },
});

const list = defineLeaf({
  description: "This channel's briefing subscriptions, with ids and next delivery",
  options: {},
  run(ctx): Reply {
    const briefings = service(ctx);
    if (!briefings) return notRunning();
    const subs = briefings.list(ctx.invocation.platform, ctx.invocation.channelId);
    if (subs.length === 0) {
      return { tone: 'info', title: 'No briefings in this channel', summary: `Subscribe with /briefing subscribe [kind] [schedule] [timezone], e.g. /briefing subscribe mismatch ${DEFAULT_SCHEDULE} Europe/Berlin.` };
    }
    return {
      tone: 'info',
      title: `Briefings in this channel: ${subs.length}`,
      table: {
        columns: [
          { label: 'Id', align: 'right' },
          { label: 'Kind', align: 'left' },
          { label: 'Schedule', align: 'left' },
          { label: 'Next / state', align: 'left' },
        ],
        rows: subs.map(({ subscription: s, next }) => [
          `#${s.id}`,
          s.kind,
          `${s.label} ${s.tz}${s.source === 'config' ? ' (config)' : ''}`,
          s.paused ? `paused: ${s.lastError ?? 'delivery failed'}` : next[0] ? formatInZone(next[0], s.tz) : '—',
        ]),
      },
      notes: subs.some((s) => s.subscription.paused) ? ['A paused subscription failed three deliveries in a row (channel gone or bot removed); unsubscribe it and subscribe again once fixed.'] : [],
    };
  },
});

const unsubscribe = defineLeaf({
  description: 'Stop a briefing in this channel (id from /briefing list, or all)',
  requiresManage: true,
  options: { target: opt.text('Subscription id, or all', { placeholder: '<id|all>' }) },
  run(ctx, { target }): Reply {
    const briefings = service(ctx);
    if (!briefings) return notRunning();
    const t = (target ?? '').trim().replace(/^#/, '').toLowerCase();
    if (t !== 'all' && !/^\d{1,9}$/.test(t)) return errorReply('Which subscription?', 'Give an id from /briefing list, or all.', '/briefing unsubscribe <id|all>');
    const removed = briefings.unsubscribe(ctx.invocation.platform, ctx.invocation.channelId, t === 'all' ? 'all' : Number(t));
    if (removed === 0) return errorReply('Nothing to remove', t === 'all' ? 'This channel has no briefings.' : `This channel has no subscription #${t}; /briefing list shows its ids.`);
    return { tone: 'info', title: `Unsubscribed: ${removed} briefing${removed === 1 ? '' : 's'}`, summary: t === 'all' ? 'This channel gets no more briefings.' : `Subscription #${t} is gone.` };
  },
});

const preview = defineLeaf({
  description: 'See a briefing now, only for you',
  options: { kind: kind() },
  run(ctx, { kind: k }): Reply {
    const briefings = service(ctx);
    return briefings ? briefings.compose(k) : notRunning();
  },
});

const now = defineLeaf({
  description: 'Post a briefing in this channel now',
  options: { kind: kind() },
  run(ctx, { kind: k }): Reply {
    const briefings = service(ctx);
    return briefings ? { ...briefings.compose(k), inChannel: true } : notRunning();
  },
});

export const briefing = defineGroup({
  name: 'briefing',
  description: 'Regular briefings on utilization, regional mismatch and exports for this channel',
  examples: ['/briefing subscribe mismatch weekdays 08:30 Europe/Berlin', '/briefing list', '/briefing unsubscribe 3', '/briefing preview utilization', `/briefing subscribe full ${SCHEDULE_EXAMPLES[4]}`],
  subcommands: { subscribe, list, unsubscribe, preview, now },
  volatile: true,
});
