import { defineCommand } from '../src/commands/define.js';
import { DERIVED_NOTE, field, show, sourcesOf } from '../src/commands/figures.js';
import { opt } from '../src/commands/options.js';
import type { Reply } from '../src/commands/reply.js';
import { bilingualName } from '../src/metrics/names.js';
import { COLORS } from '../src/charts/spec.js';
import { formatPct } from '../src/format/numbers.js';
import { efficiencyStructure } from '../src/metrics/efficiency.js';
import { provinceProfile } from '../src/metrics/provinces.js';

export const utilization = defineCommand({
  name: 'utilization',
  description: 'Capacity by efficiency class, nationally and by province (or for one province)',
  examples: ['/utilization', '/utilization Henan'],
  options: { province: opt.province('Province (optional): one province in detail', { required: false }) },
  run(ctx, { province }): Reply {
    const ds = ctx.data;
    const s = efficiencyStructure(ds);
    const th = s.thresholds;
    const classes = `High > ${th.highAbovePct} %, medium ${th.lowBelowPct}–${th.highAbovePct} %, low < ${th.lowBelowPct} % utilization (${th.source}).`;
    const rows = province ? s.provinces.filter((p) => p.name === province) : [...s.provinces, ...(s.others ? [s.others] : []), s.total];
    const table = {
      columns: [
        { label: 'Province', align: 'left' as const },
        { label: 'Mt', align: 'right' as const },
        { label: 'High', align: 'right' as const },
        { label: 'Med', align: 'right' as const },
        { label: 'Low', align: 'right' as const },
        { label: 'Shut', align: 'right' as const },
      ],
      rows: rows.map((m) => [m.name, m.capacity.value.toFixed(2), formatPct(m.high.value), formatPct(m.medium.value), formatPct(m.low.value), formatPct(m.shutdown.value)]),
    };
    const chartRows = province ? rows : s.provinces;
    const chart: NonNullable<Reply['charts']>[number] = {
      kind: 'stacked-bar',
      title: `Capacity by efficiency class, ${ds.edition.year} (% of capacity)`,
      labels: chartRows.map((m) => bilingualName(ctx.names, 'province', m.name)),
      series: [
        { label: 'High', values: chartRows.map((m) => m.high.value), color: COLORS.high },
        { label: 'Medium', values: chartRows.map((m) => m.medium.value), color: COLORS.medium },
        { label: 'Low', values: chartRows.map((m) => m.low.value), color: COLORS.low },
        { label: 'Shut down', values: chartRows.map((m) => m.shutdown.value), color: COLORS.shutdown },
      ],
      unit: '% of capacity',
      caption: `Source: ${s.total.high.source.ref}`,
      alt: `Share of capacity by efficiency class: ${chartRows.map((m) => `${m.name} ${formatPct(m.high.value)} high, ${formatPct(m.shutdown.value)} shut`).join('; ')}.`,
      max: 100,
    };
    if (province) {
      const p = provinceProfile(ds, province);
      const m = rows[0];
      const figures = [p.utilization, m?.high, m?.highCapacity];
      return {
        tone: 'info',
        title: `${province} · utilization ${ds.edition.year}`,
        summary: m
          ? `${formatPct(m.high.value)} of ${province}'s ${show(m.capacity)} runs above ${th.highAbovePct} %; ${formatPct(m.shutdown.value)} is shut down. Average utilization ${p.utilization ? show(p.utilization) : 'not given'}.`
          : `Table 1 has no row for ${province}.`,
        fields: [...field('Average utilization', p.utilization), ...field('High-efficiency capacity', m?.highCapacity)],
        table,
        charts: [chart],
        notes: [classes, DERIVED_NOTE],
        sources: sourcesOf(ds, figures, [th.source]),
      };
    }
    const figures = [s.high.capacity, s.medium.capacity, s.lowAndIdle.capacity, s.idle?.capacity, s.enterprises, s.total.high];
    return {
      tone: 'info',
      title: `Capacity utilization by efficiency class · ${ds.edition.year}`,
      summary: `${show(s.high.share)} of national capacity (${show(s.high.capacity)}, ${show(s.high.enterprises)}) runs above ${th.highAbovePct} %; ${show(s.lowAndIdle.share)} is low-efficiency or idle.`,
      fields: [
        { label: 'High (> 90 %)', value: `${show(s.high.capacity)} · ${show(s.high.share)} · ${show(s.high.enterprises)}`, source: s.high.capacity.source.ref },
        { label: 'Medium (62–90 %)', value: `${show(s.medium.capacity)} · ${show(s.medium.share)} · ${show(s.medium.enterprises)}`, source: s.medium.capacity.source.ref },
        { label: 'Low and idle (< 62 %)', value: `${show(s.lowAndIdle.capacity)} · ${show(s.lowAndIdle.share)} · ${show(s.lowAndIdle.enterprises)}`, source: s.lowAndIdle.capacity.source.ref },
        ...(s.idle ? [{ label: 'of which idle all year', value: `${show(s.idle.capacity)} · ${show(s.idle.enterprises)}`, source: s.idle.capacity.source.ref }] : []),
        ...field('Enterprises classified', s.enterprises),
      ],
      table,
      charts: [chart],
      notes: [classes, `Table 1's Total row gives ${formatPct(s.total.high.value)} high, ${formatPct(s.total.medium.value)} medium, ${formatPct(s.total.low.value)} low, ${formatPct(s.total.shutdown.value)} shut down.`, DERIVED_NOTE],
      sources: sourcesOf(ds, figures, [th.source]),
    };
  },
});
