import type { Unit } from '../dataset/types.js';
import type { Finding, RoundingGap } from '../metrics/cross-checks.js';
import type { ChangeMetric } from '../metrics/changes.js';
import type { RankMetric } from '../metrics/rank.js';
import type { ScheduleProblem } from '../briefings/schedule.js';
import type { BriefingKind, Layout } from '../briefings/kinds.js';
import type { Lang } from './lang.js';

/** Which years an edition holds: its own for every table, and earlier ones as export columns. */
export interface YearsHeld {
  year: number;
  alsoExports: readonly number[];
  exportsRef: string;
}

/** "A, B and C". */
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const KIND_NAMES: Record<BriefingKind, string> = { utilization: 'utilization', mismatch: 'regional mismatch', exports: 'exports', full: 'full' };
const METRIC_LABELS: Record<RankMetric, string> = {
  capacity: 'Capacity',
  output: 'Output',
  utilization: 'Utilization',
  demand: 'In-province demand',
  balance: 'Net balance (after exports)',
  'domestic-balance': 'Output − in-province demand',
  exports: 'Exports',
  'high-share': 'High-efficiency share',
  'shutdown-share': 'Shut-down share',
};
const CHANGE_LABELS: Record<ChangeMetric, string> = {
  capacity: 'Capacity',
  output: 'Output',
  utilization: 'Utilization',
  balance: 'Net balance',
  exports: 'Exports',
};

/** The English catalogue: the source of every string a reader sees. zh-CN implements the same shape. */
export const en = {
  question: {
    /** Shown above every answer to a question in words: the command it was read as. */
    understood: (line: string) => `→ ${line}`,
    choicesTitle: 'Which did you mean?',
    choicesSummary: 'I can read that question more than one way. Choose one below (in the console, type its number).',
    choice: (n: number, line: string) => `${n}. ${line}`,
    outside: {
      price: 'The paper gives no prices or costs',
      company: 'The paper names no companies',
      forecast: (years: string) => `The paper gives no forecasts: its figures are for ${years}`,
      weather: "I only know the paper's figures",
      smallTalk: "Hello! I answer questions about China's prebaked-anode industry",
      other: "I only know the paper's figures",
      place: 'The paper has no figures of its own for that place',
      unknown: "I could not read that as a question about the paper's figures",
    },
    outsideSummary: (provinces: string, countries: string) =>
      `I answer from one industry paper: capacity, output, utilization, demand and the supply–demand balance of ${provinces}; exports to ${countries}. Try "yunnan utilization?", "top 5 export destinations", "compare henan and xinjiang", or /help for the commands.`,
  },
  lang: 'en' as Lang,

  units: {
    withUnit: (n: string, unit: Unit, value: number) => (unit === 'enterprises' ? `${n} ${value === 1 ? 'enterprise' : 'enterprises'}` : `${n} ${unit}`),
    /** A number without its unit, as a table cell under a header that names the unit. */
    number: (n: string, _unit: Unit) => n,
    /** What a chart's bar lengths are multiplied by, so they read on an axis in this catalogue's unit. */
    scale: (_unit: Unit) => 1,
    percentOfCapacity: '% of capacity',
    /** A unit on a chart axis or a column head. */
    axis: (unit: string) => unit,
  },
  /** A table or section reference in the reader's language ("Table 2", "Section 3.4 [2]"). */
  ref: (ref: string) => ref,
  captionOf: (ref: string, caption: string, _zh?: string) => `${ref}: ${caption}`,
  /** How a derived figure was computed (metrics say it in English). */
  how: (how: string) => how,
  aggregateName: (name: string) => name,
  /** A cross-check finding, for a reader; `name` gives a province's or country's name in this language. */
  finding: (f: Finding, _name: (name: string) => string) => f.detail,

  marks: {
    /** After a computed figure: "5.6 % †". */
    dagger: ' †',
    derivedFrom: (ref: string, how: string) => `derived from ${ref}: ${how}`,
    alsoComputed: (ref: string, computedRef: string, computed: string, agrees: boolean) =>
      `${ref} (computed from ${computedRef.split(/;\s*/).join(' and ')}: ${computed} †, ${agrees ? 'agrees' : 'does not agree'})`,
    quote: (quote: string, ref: string) => `“${quote}” (${ref})`,
    roundingGap: (g: RoundingGap) =>
      g.kind === 'net'
        ? `${g.name}${g.name.endsWith('s') ? "'" : "'s"} net ${g.printed} (its parts give ${g.computed} †)`
        : g.kind === 'column'
          ? `the ${g.name} column adds up to ${g.computed} † (Total ${g.printed})`
          : g.kind === 'row-shares'
            ? `${g.name}'s shares add up to ${g.computed} % †`
            : `the ${g.name} shares add up to ${g.computed} % †`,
    rounding: (items: readonly string[], where?: string) =>
      `Rounding${where ? ` in ${where}` : ''}: ${items.join('; ')}. The paper's figures are shown as printed.`,
    inconsistency: (table: string, detail: string) => `⚠ The paper disagrees with itself (${table}): ${detail}`,
    tension: (detail: string) => `Note: ${detail}`,
    derivedNote: "† derived: computed by the bot from the paper's figures; the paper does not print it.",
  },

  common: {
    /** Two sentences one after the other. */
    sentences: (...parts: readonly (string | undefined)[]) => parts.filter(Boolean).join(' '),
    notAvailable: 'n/a',
    rank: (rank: number, of: number, tied: boolean) => ` (#${rank}${tied ? ', tied' : ''} of ${of} †)`,
    rankLabel: (rank: number, tied: boolean) => `${tied ? '=' : ''}${rank}.`,
    /** Follows a figure directly: the catalogue owns the gap before it (a space in English, none before Chinese brackets). */
    versus: (delta: string, year: number) => ` (${delta} on the ${year} edition)`,
  },

  labels: {
    capacity: 'Capacity',
    output: 'Output',
    utilization: 'Utilization',
    capacityShare: 'Share of national capacity',
    inProvinceDemand: 'In-province demand',
    domesticDemand: 'Domestic demand',
    exports: 'Exports',
    exportsTable3: 'Exports (Table 3)',
    domesticBalance: 'Output − in-province demand',
    netBalance: 'Net balance after exports',
    aluminium: 'Aluminium output',
    impliedDemand: 'Anode demand of that aluminium',
    efficiencyMix: 'Efficiency mix',
    exportsIn: (year: number) => `Exports ${year}`,
    exportsChange: (year: number, previous: number) => `Exports ${year} vs ${previous}`,
    anodeFactor: 'Anode use per tonne of aluminium',
    averageUtilization: 'Average utilization',
    capacityTable1: 'Capacity (Table 1)',
    highCapacity: 'High-efficiency capacity',
    enterprisesClassified: 'Enterprises classified',
  },

  mix: {
    value: (high: string, medium: string, low: string, shut: string) => `${high} high · ${medium} medium · ${low} low · ${shut} shut`,
    classLabels: (high: number, low: number) => [`High >${high} %`, `Medium ${low}–${high} %`, `Low <${low} %`, 'Shut down'],
    alt: (name: string, value: string) => `${name}, capacity by efficiency class: ${value}.`,
  },

  charts: {
    source: (refs: string) => `Source: ${refs}`,
    sources: (refs: readonly string[]) => `Source: ${refs.join(', ')}`,
    /** What a chart leaves out and why, so nobody reads a missing bar as zero. */
    notDrawn: (items: readonly string[]) => `Not drawn: ${list(items)}`,
    aggregateRow: (name: string, value?: string) => `${name}${value ? ` ${value}` : ''} (the table's aggregate row)`,
    noRow: (names: readonly string[], ref: string) => `${list(names)} (no row in ${ref})`,
    computedFrom: (ref: string) => `computed from ${ref} †`,
    china: 'China',
    balanceTitle: (year: number) => `Net anode balance by province, ${year} (Mt)`,
    balanceUnit: 'Mt (surplus + / deficit −)',
    balanceAlt: (items: readonly string[], left: readonly string[]) =>
      `Net balance after exports: ${items.join(', ')}.${left.length > 0 ? ` Not drawn: ${list(left)}.` : ''}`,
    exportsTitle: (year: number) => `Anode exports by destination, ${year} (kt)`,
    topOf: (shown: number, of: number, others: boolean) =>
      `Top ${shown} of ${of} named destinations${others ? "; not drawn: the rest and Table 4's Others (see the table)" : ''}`,
    exportsAlt: (year: number, items: readonly string[]) => `Exports ${year}: ${items.join(', ')}.`,
    utilizationTitle: (year: number) => `Utilization by province, ${year} (%)`,
  },

  follow: {
    more: 'More',
    less: 'Less',
    share: 'Share in channel',
    utilization: 'Utilization',
    rank: 'Rank',
    rankBalance: 'Rank by balance',
    balance: 'Balance',
    exports: 'Exports',
    overview: 'Overview',
    province: 'Province',
    compareWith: 'Compare with…',
    country: 'A destination…',
    oneProvince: 'One province…',
    otherMetric: 'Rank by…',
    topDestinations: 'Top destinations',
    csv: 'As CSV',
  },

  options: {
    edition: 'Edition of the paper, by year (default: the latest)',
    province: 'Province name (English or Chinese)',
    provinceOptional: 'One province in detail (optional)',
    country: 'Destination country (English or Chinese)',
    provinces: 'Two to four provinces, separated by spaces or commas',
    count: (max: number) => `How many countries (1–${max}, default 5)`,
    exportYear: 'Export year (default: the latest)',
    metric: 'What to rank by',
    top: 'How many provinces (1–25, default all)',
    tableNumber: 'Which table of the paper (1–4)',
    csv: 'Attach the table as a CSV file',
    helpCommand: 'A command to explain (optional)',
    briefingKind: 'Briefing kind: utilization, mismatch, exports or full',
    layout: 'compact: one message; thread: headline in the channel, details in its thread',
    onlyNewData: 'Deliver only when a new edition of the data has been loaded',
    schedule: 'daily 09:00, weekdays 08:30, weekly mon 09:00, monthly 1 09:00 or cron',
    timezone: "IANA time zone, e.g. Europe/Berlin (default: the bot's)",
    subscriptionId: 'Subscription id from /briefing list',
    language: "zh, en or auto (the reader's own language)",
    fromEdition: 'The older edition (default: the one before the newer)',
    toEdition: 'The newer edition (default: the latest)',
    publicAnswer: 'Post the answer in the channel for everyone (default: only you see it)',
    /** One of several province options (Discord has no list option: /compare province1 … province6). */
    nthProvince: (n: number, required: boolean) => `${required ? 'Province' : 'Another province (optional)'} ${n}`,
  },

  errors: {
    typeACommand: 'Type a command',
    typeACommandHint: 'For example /province Yunnan or /exports top 5.',
    unknownCommand: 'Unknown command',
    noSuchCommand: (name: string, guesses: readonly string[]) =>
      `There is no /${name}. ${guesses.length > 0 ? `Did you mean ${guesses.map((g) => `/${g}`).join(' or ')}?` : 'Type /help for the list.'}`,
    needsSubcommand: (name: string) => `/${name} needs a subcommand`,
    unknownSubcommand: (word: string, name: string, close: readonly string[], subs: readonly string[]) =>
      `/${name} has no "${word}".${close.length > 0 ? ` Did you mean ${close.map((c) => `/${name} ${c}`).join(' or ')}?` : ''} Choose one of: ${subs.join(', ')}.`,
    chooseSubcommand: (subs: readonly string[]) => `Choose one of: ${subs.join(', ')}.`,
    cannotRead: (cmd: string) => `Cannot read that ${cmd}`,
    /** An option's value refused by its schema; `problem` is one of option-kinds' messages. */
    badValue: (option: string, problem: string) => `${option}: ${problem}.`,
    keywordNeedsNumber: (kw: string) => `"${kw}" needs a number after it, e.g. ${kw} 5.`,
    notUnderstood: (token: string, elsewhere: string | undefined) => `I did not understand "${token}".${elsewhere ? ` Did you mean ${elsewhere}?` : ''}`,
    unknownFlag: (flag: string) => `There is no option ${flag}. Lines may end with --public (answer in the channel), --full or --compact.`,
    notAllowed: 'Not allowed here',
    needsManage: (cmd: string, right?: string) =>
      `${cmd} changes this channel's settings: it needs ${right ?? 'the right to manage this channel'}. Anyone may use /briefing list and /briefing preview.`,
    missing: (key: string, values: string | undefined) => `Which ${key}?${values ? ` One of: ${values}.` : ''}`,
    noEdition: (year: number) => `No ${year} edition`,
    editionsAre: (held: readonly YearsHeld[]) =>
      `Editions loaded: ${held.map((e) => `${e.year}${e.alsoExports.length > 0 ? ` (every table for ${e.year}; exports by destination, ${e.exportsRef}, also for ${e.alsoExports.join(', ')})` : ''}`).join('; ')}.`,
    yearIsColumn: (year: number, edition: number) => `${year} is not an edition: it is a column of the ${edition} edition`,
    onlyExportsGoBack: (year: number, ref: string) =>
      `Only exports by destination (${ref}) have ${year} figures: try /exports top 10 ${year} or /exports country <country>.`,
    aggregate: (kind: 'province' | 'country', typed: string, aggregate: 'Others' | 'Total') =>
      aggregate === 'Total'
        ? `"${typed}" means the national total, not a ${kind}: type /overview${kind === 'country' ? ' or /exports' : ''}.`
        : kind === 'province'
          ? `"${typed}" is an aggregate row of Tables 1–3 (the provinces they do not list), not a province: it appears in /utilization, /mismatch and /table.`
          : `"${typed}" is an aggregate row of Table 4 (the destinations it does not name), not a country: it appears in /exports and /table 4.`,
    unknownName: (kind: 'province' | 'country', typed: string, year: number) => `No ${kind} called "${typed}" in the ${year} data.`,
    didYouMean: (names: readonly string[]) => `Did you mean ${list(names)}?`,
    oneOf: (names: readonly string[]) => `One of: ${names.join(', ')}.`,
    sameProvinceTwice: 'Name each province once.',
    notAChoice: (value: string) => `"${value}" is not one of the choices.`,
  },

  overview: {
    description: 'National headline figures: capacity, output, utilization, efficiency, exports',
    title: (year: number) => `China prebaked anodes · ${year} overview`,
    summary: (o: { capacity: string; output: string; utilization: string; provinces: number; largest: string; largestShare: string }) =>
      `${o.capacity} capacity, ${o.output} output, ${o.utilization} utilization across ${o.provinces} named provinces and "Others". ${o.largest} alone holds ${o.largestShare} of capacity.`,
    mixChart: (year: number) => `China: capacity by efficiency class, ${year} (%)`,
    abstractRounding: (capText: string, outText: string, cap: string, out: string) =>
      `The abstract gives ${capText} capacity and ${outText} output; the tables round them to ${cap} and ${out}.`,
  },

  province: {
    description: 'One province: capacity, output, utilization, efficiency mix, demand and balance',
    title: (name: string, year: number) => `${name} · prebaked anodes ${year}`,
    summary: (o: {
      capacity?: string | undefined;
      capacityRank?: string;
      output?: string | undefined;
      utilization?: string | undefined;
      utilizationRank?: string;
      net?: string | undefined;
      surplus?: boolean | undefined;
    }) =>
      [
        `${[
          o.capacity && `${o.capacity} capacity${o.capacityRank ?? ''}`,
          o.output && `${o.output} output`,
          o.utilization && `${o.utilization} utilization${o.utilizationRank ?? ''}`,
        ]
          .filter(Boolean)
          .join(', ')}.`,
        o.net ? `Net balance ${o.net} after in-province demand and exports: output ${o.surplus ? 'above' : 'below'} what the province uses and exports.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    supplyChart: (name: string, year: number) => `${name}: supply and demand, ${year} (Mt)`,
    supplyAlt: (name: string, items: readonly string[]) => `${name}: ${items.join(', ')}.`,
    mixChart: (name: string, year: number) => `${name}: capacity by efficiency class, ${year} (%)`,
    noBalanceCaption: 'No demand bar: Table 3 gives none for this province',
    inOthers: (name: string) =>
      `Table 3 has no row for ${name}, so the paper gives no in-province demand or balance for it. By the bot's arithmetic, its output appears to be inside Table 3's "Others" (Table 3's Others output equals Table 2's Others plus the provinces Table 3 leaves out).`,
  },

  exports: {
    description: 'Anode exports by destination country, by year, with shares and change',
    topDescription: 'Top export destinations by volume, with shares and change on the year before',
    countryDescription: 'One destination country across the years in the data',
    isNew: 'new',
    fromTinyBase: (previous: string) => `from ${previous}`,
    /** The headline's second sentence: how the volume moved on the year before. */
    onYearBefore: (basis: 'normal' | 'tiny-base' | 'new', change: string) =>
      basis === 'normal'
        ? `${change} on the year before.`
        : basis === 'new'
          ? 'None the year before.'
          : `${change.charAt(0).toUpperCase()}${change.slice(1)} the year before.`,
    noYear: 'No export data for that year',
    yearsAre: (years: readonly number[]) => `The paper gives exports for ${list(years.map(String))}.`,
    totalIn: (year: number) => `Total ${year}`,
    changeOn: (previous: number) => `Change on ${previous}`,
    moreNotShown: (n: number, of: number) => ` (${plural(n, 'more named country', 'more named countries')} not shown; /exports top ${of})`,
    topTitle: (year: number, n: number) => `Anode exports ${year}: top ${n} destinations`,
    topSummary: (o: {
      total: string;
      year: number;
      change?: string | undefined;
      previousYear?: number | undefined;
      leader?: string | undefined;
      leaderShare?: string | undefined;
      cut: string;
    }) =>
      `China exported ${o.total} in ${o.year}${o.change ? ` (${o.change} on ${o.previousYear})` : ''}.${o.leader ? ` ${o.leader} took ${o.leaderShare}.` : ''}${o.cut}`,
    colCountry: 'Country',
    colShare: 'Share',
    colVersus: (year: number) => `vs ${year}`,
    colChange: 'Change',
    /** Both parts computed: one mark for the pair. */
    changeValue: (delta: string, change: string) => `${delta} (${change}) †`,
    otherNamed: (n: number) => `${plural(n, 'other named destination', 'other named destinations')} †`,
    sharesNote: "Shares are the paper's whole percentages; they may not add to 100 %. Changes on the year before are derived †.",
    tinyBaseNote:
      '“from …”: the year before was too small (under a twentieth of the new volume) for a percentage to mean anything; "new": nothing the year before.',
    volumeIn: (year: number) => `${year} volume`,
    shareIn: (year: number) => `${year} share`,
    rankIn: (year: number) => `${year} rank`,
    rankOf: (rank: number, of: number) => `#${rank} of ${of} †`,
    rankHow: 'order of the named destinations by volume',
    countryTitle: (name: string) => `Anode exports to ${name}`,
    countrySummary: (o: { volume: string; year: number; share: string; rank: number; of: number; change?: string | undefined }) =>
      `${o.volume} in ${o.year}, ${o.share} of China's exports, #${o.rank} of ${o.of} named destinations †.${o.change ? ` ${o.change}` : ''}`,
    noVolumes: (name: string) => `No volumes for ${name}.`,
    countryChart: (name: string) => `Anode exports to ${name} (kt)`,
    countryAlt: (name: string, items: readonly string[]) => `Exports to ${name}: ${items.join(', ')}.`,
  },

  utilization: {
    description: 'Capacity by efficiency class, nationally and by province (or for one province)',
    classes: (high: number, low: number, ref: string) => `High > ${high} %, medium ${low}–${high} %, low < ${low} % utilization (${ref}).`,
    colProvince: 'Province',
    colHigh: 'High',
    colMedium: 'Med',
    colLow: 'Low',
    colShut: 'Shut',
    provinceTitle: (name: string, year: number) => `${name} · utilization ${year}`,
    provinceSummary: (o: { high: string; capacity: string; threshold: number; shutdown: string; average?: string | undefined; province: string }) =>
      `${o.high} of ${o.province}'s ${o.capacity} runs above ${o.threshold} %; ${o.shutdown} is shut down.${o.average ? ` Average utilization ${o.average}.` : ''}`,
    title: (year: number) => `Capacity utilization by efficiency class · ${year}`,
    summary: (o: { share: string; capacity: string; enterprises: string; threshold: number; lowShare: string }) =>
      `${o.share} of national capacity (${o.capacity}, ${o.enterprises}) runs above ${o.threshold} %; ${o.lowShare} is low-efficiency or idle.`,
    high: (th: number) => `High (> ${th} %)`,
    medium: (low: number, high: number) => `Medium (${low}–${high} %)`,
    lowAndIdle: (low: number) => `Low and idle (< ${low} %)`,
    idle: 'of which idle all year',
    chart: (year: number) => `Capacity by efficiency class and province, ${year} (% of capacity)`,
    chartAlt: (items: readonly string[]) => `Share of capacity high / medium / low / shut down: ${items.join('; ')}.`,
    table1Total: (h: string, m: string, l: string, s: string) => `Table 1's Total row gives ${h} high, ${m} medium, ${l} low, ${s} shut down.`,
  },

  mismatch: {
    description: 'Regional supply–demand mismatch: surplus and deficit provinces, both balance views',
    title: (year: number) => `Regional anode mismatch · ${year}`,
    summary: (o: {
      surplus?: string | undefined;
      surplusNet?: string | undefined;
      surplusDomestic?: string | undefined;
      surplusDomesticRef?: string | undefined;
      gap?: string | undefined;
      gapNet?: string | undefined;
      deficits: number;
      deficitSum: string;
    }) =>
      [
        o.surplus &&
          `${o.surplus} has the largest surplus: ${o.surplusNet} after in-province demand and exports, ${o.surplusDomestic} over in-province demand (${o.surplusDomesticRef}).`,
        o.gap && `${o.gap} has the largest gap: ${o.gapNet}.`,
        `${plural(o.deficits, 'province')} ${o.deficits === 1 ? 'is' : 'are'} short: ${o.deficitSum} together.`,
      ]
        .filter(Boolean)
        .join(' '),
    largestSurplus: (name: string) => `Largest surplus: ${name}`,
    largestGap: (name: string) => `Largest gap: ${name}`,
    deficitSum: (n: number) => `${plural(n, 'deficit province')} together`,
    nationalNet: 'National net balance',
    colProvince: 'Province',
    colOutput: 'Out',
    colDemand: 'Dem',
    colExports: 'Exp',
    colDomestic: 'Out−dem',
    colNet: 'Net',
    columnsNote: (ref: string) =>
      `Mt. Out, Dem, Exp and Net as ${ref} prints them (Net = output − demand − exports). Out−dem: output minus in-province demand (the view of Section 5.2): as Section 5.2 states it where it does (≈), derived (†) elsewhere.`,
    inOthers: (names: readonly string[]) =>
      `Table 3 has no rows for ${list(names)}. By the bot's arithmetic they appear to be inside its "Others": Table 3's Others output equals Table 2's Others plus ${list(names)}.`,
  },

  compare: {
    description: 'Provinces side by side: capacity, output, utilization, efficiency, balance',
    highShare: 'High-eff. share',
    demand: 'Demand',
    domestic: 'Out − demand',
    net: 'Net balance',
    title: (names: readonly string[], year: number) => `${names.join(' vs ')} · ${year}`,
    altItem: (label: string, value: string) => `${label} ${value}`,
    line: (name: string, output: string, utilization: string, net: string | undefined) =>
      `${name}: ${output} output at ${utilization}${net ? `, net ${net}` : ''}`,
    separator: '; ',
    chart: (year: number) => `Capacity, output and demand, ${year} (Mt)`,
    noDemandCaption: (names: readonly string[]) => `n/a: no demand for ${list(names)} in Table 3`,
    alt: (name: string, items: readonly string[]) => `${name}: ${items.join(', ')}`,
    inOthers: (names: readonly string[]) =>
      `n/a: Table 3 has no rows for ${list(names)}, so the paper gives no demand or balance for them (no bar in the chart); by the bot's arithmetic they appear to be inside its "Others".`,
  },

  rank: {
    description: 'Provinces ranked by a metric, highest first',
    metricLabel: (metric: RankMetric) => METRIC_LABELS[metric],
    zeroRun: (metric: RankMetric, n: number) =>
      metric === 'exports' ? `${n} provinces with 0.00 printed (under 0.005 Mt)` : `${n} provinces at zero as printed`,
    title: (label: string, year: number) => `Provinces by ${label.toLowerCase()} · ${year}`,
    summary: (o: { leader: string; value: string; shown: number; of: number; tiedLead: boolean }) =>
      `${o.leader} ${o.tiedLead ? 'shares the lead' : 'leads'} with ${o.value}.${o.shown < o.of ? ` Showing ${o.shown} of ${o.of}.` : ''}`,
    none: 'No provinces.',
    colProvince: 'Province',
    chart: (label: string, year: number, unit: string) => `${label}, ${year} (${unit})`,
    zeroNames: (names: readonly string[]) => `Printed as zero: ${list(names)}.`,
    tiesNote: '= marks a shared rank: equal values, ordered by name.',
    missing: (names: readonly string[]) => `Not ranked: ${list(names)} (no row in Table 3; by the bot's arithmetic inside its "Others").`,
    aggregatesNote: "Others and Total are the table's own aggregate rows, shown for scale and not ranked.",
    totalDemand: 'Total (domestic demand)',
  },

  table: {
    description: "One of the paper's tables as printed, every row; csv attaches it as a file",
    which: 'Which table?',
    numbersAre: (numbers: readonly number[]) => `The paper has Tables ${list(numbers.map(String))}: /table 2, or /table 3 csv for a file.`,
    noSuch: (n: number) => `No Table ${n}`,
    column: (table: string, column: string) => exportColumn(column, false) ?? TABLE_COLUMNS[table]?.[column] ?? column,
    shortColumn: (table: string, column: string) => exportColumn(column, true) ?? SHORT_COLUMNS[table]?.[column] ?? column,
    title: (ref: string, year: number) => `${ref} · ${year} edition`,
    nameColumn: (kind: 'province' | 'country'): string => (kind === 'province' ? 'Province' : 'Country/Region'),
    columnsNote: (items: readonly string[]) => `Columns: ${items.join('; ')}.`,
    asPrinted: 'Every value as the paper prints it, trailing zeros kept; nothing corrected (see /sources for where the paper disagrees with itself).',
    csvAttached: (name: string) => `Attached: ${name} (UTF-8, header row, values as printed).`,
    csvHint: (n: number) => `As a file: /table ${n} csv.`,
  },

  sources: {
    description: 'Where the figures come from: the paper, its tables, the dataset version, its inconsistencies',
    title: (version: string) => `Sources · dataset ${version}`,
    editions: (years: readonly number[], current: number) => `Editions loaded: ${years.join(', ')}; answering from ${current} unless a year is given.`,
    findings: (inconsistencies: number, rounding: number, notes: number) =>
      `Cross-checks at load: ${plural(inconsistencies, 'inconsistency', 'inconsistencies')} beyond rounding, ${rounding} gaps within rounding and ${plural(notes, 'soft tension')}; reported, never corrected. The inconsistencies and the rounding gaps visible in a table's additions follow; the others (ratios and shares recomputed from rounded figures) are within what the printing explains.`,
    markingRule:
      "Marks: a figure printed in a table cites the table; one printed in the prose cites its section (and says whether the bot's own computation agrees); † marks only figures the paper prints nowhere: every sum, share and difference the bot computes.",
  },

  help: {
    description: 'List the commands, or show one command with its options and examples',
    usage: 'Usage',
    examples: 'Examples',
    options: 'Options',
    title: 'anode-bot commands',
    summary: "Facts of China's prebaked-anode industry, with the paper's table or section for every figure.",
    namesNote: 'Names work in English or Chinese (云南, 内蒙古), any case, or by alias (IMAR, UAE).',
    flagsNote: 'End any line with --public to answer in the channel, --full for every detail, --compact for the phone-sized form.',
    moreNote: '/help <command> shows each option with its values.',
  },

  briefing: {
    /** What to type instead, after a bad schedule or zone. */
    example: '/briefing subscribe mismatch weekdays 08:30 Europe/Berlin',
    description: 'Regular briefings on utilization, regional mismatch and exports for this channel',
    notRunning: 'Briefings are not running here',
    notRunningHint: 'This process has no briefing scheduler (npm run ask answers commands only). Start the bot with npm start.',
    subscribeDescription: 'Subscribe this channel to a regular briefing',
    listDescription: "This channel's briefing subscriptions, with ids and next delivery",
    unsubscribeDescription: 'Stop a briefing in this channel (id from /briefing list, or all)',
    resumeDescription: 'Resume a paused briefing of this channel',
    previewDescription: "See this channel's next briefing now, only for you",
    nowDescription: 'Post a briefing in this channel now',
    badSchedule: 'Cannot read that schedule',
    scheduleProblem: (p: ScheduleProblem) => {
      const examples = 'For example: daily 09:00, weekdays 08:30, weekly mon 09:00, monthly 1 09:00, or cron 0 9 * * 1-5.';
      switch (p.part) {
        case 'empty':
          return `A schedule is needed. ${examples}`;
        case 'time':
          return `The time${p.got ? ` "${p.got}"` : ''} is not a time: "${p.preset}" needs one like 09:00 (24-hour clock).`;
        case 'weekday':
          return `The day${p.got ? ` "${p.got}"` : ''} is not a weekday: "weekly" needs mon, tue, wed, thu, fri, sat or sun, then a time (weekly mon 09:00).`;
        case 'monthday':
          return `The day${p.got ? ` "${p.got}"` : ''} is not a day from 1 to 28: "monthly" needs one, then a time (monthly 1 09:00).`;
        case 'extra':
          return `"${p.got}" after "${p.preset}" is not part of a schedule. A time zone goes last and is an IANA name such as Europe/Berlin.`;
        case 'cron':
          return `"${p.got}" is not a valid cron expression (${p.detail}). ${examples}`;
        case 'unknown':
          return `"${p.got}" is not a schedule I know. ${examples}`;
      }
    },
    badZone: 'Unknown time zone',
    tooMany: (limit: number) => `This workspace has ${limit} briefings already, the most it may have`,
    tooManyHint: 'Unsubscribe one first: /briefing list shows their ids, /briefing unsubscribe <id> removes one. The limit is BRIEFING_WORKSPACE_LIMIT.',
    zoneProblem: (tz: string, like: readonly string[]) =>
      `"${tz}" is not an IANA time zone.${like.length > 0 ? ` Did you mean ${list(like)}?` : ' Use a name such as Europe/Berlin, America/New_York, Asia/Shanghai or UTC.'}`,
    alreadyTitle: (id: number) => `Already subscribed: #${id}`,
    already: (kind: BriefingKind, label: string, tz: string, id: number) =>
      `This channel already gets the ${KIND_NAMES[kind]} briefing ${label} (${tz}) as subscription #${id}; nothing was added.`,
    nextDeliveries: 'Next deliveries',
    subscribedTitle: (kind: BriefingKind, label: string, tz: string) => `Subscribed: ${KIND_NAMES[kind]} briefing, ${label} (${tz})`,
    subscribed: (id: number, kind: BriefingKind, label: string, tz: string, layout: Layout, quiet: boolean) =>
      `Subscription #${id}: the ${KIND_NAMES[kind]} briefing ${label}, ${tz} time${layout === 'thread' ? ', the headline in the channel and the details in its thread' : ''}.${quiet ? ' Quiet mode: only when a new edition of the data has been loaded.' : ''}`,
    manageHint: (id: number) => `/briefing list shows this channel's subscriptions; /briefing unsubscribe ${id} stops this one.`,
    noneTitle: 'No briefings in this channel',
    none: (schedule: string) => `Subscribe with /briefing subscribe [kind] [schedule] [timezone], e.g. /briefing subscribe mismatch ${schedule} Europe/Berlin.`,
    listTitle: (n: number) => `Briefings in this channel: ${n}`,
    colId: 'Id',
    colKind: 'Kind',
    colSchedule: 'Schedule',
    colNext: 'Next / state',
    kindName: (kind: BriefingKind): string => kind,
    threadWord: 'thread',
    quietWord: 'only new data',
    configWord: '(config)',
    pausedState: (error: string) => `paused${error ? `: ${error.slice(0, 60)}` : ''}`,
    pausedNote: 'A paused subscription failed three deliveries in a row (channel gone, bot removed, app uninstalled): /briefing resume <id> once it is fixed.',
    whichOne: 'Which subscription?',
    giveId: 'Give an id from /briefing list, or all.',
    nothingTitle: 'Nothing to change',
    nothingInChannel: 'This channel has no briefings.',
    noSuchId: (id: string) => `This channel has no subscription #${id}; /briefing list shows its ids.`,
    unsubscribedTitle: (n: number) => `Unsubscribed: ${plural(n, 'briefing')}`,
    noMore: 'This channel gets no more briefings.',
    gone: (id: string) => `Subscription #${id} is gone.`,
    resumedTitle: (id: string) => `Resumed: #${id}`,
    resumed: 'It is delivered again from its next slot.',
    previewNote: (position: number, of: number) => `Preview: spotlight ${position} of ${of} in this kind's cycle; each delivery moves on to the next.`,
    title: (kind: BriefingKind, year: number) =>
      `${{ utilization: 'Utilization briefing', mismatch: 'Regional mismatch briefing', exports: 'Exports briefing', full: 'Anode industry briefing' }[kind]} · ${year}`,
    utilizationLine: (util: string, capacity: string, output: string, ref: string) =>
      `National utilization ${util} on ${capacity} of capacity (${output} output; ${ref}).`,
    classesLine: (th: number, high: string, medium: string, low: string, ref: string) =>
      `High-efficiency (> ${th} %) ${high} of capacity, medium ${medium}, low and idle ${low} (${ref}).`,
    bestWorst: (best: readonly string[], worst: readonly string[], ref: string) => `Highest: ${best.join(', ')}; lowest: ${worst.join(', ')} (${ref}).`,
    surplusLine: (name: string, net: string, netRef: string, domestic: string, domesticRef: string) =>
      `${name}: ${net} after in-province demand and exports (${netRef}), ${domestic} over in-province demand (${domesticRef}).`,
    gapsLine: (items: readonly string[], ref: string) => `Largest gaps: ${items.join(', ')} (${ref}).`,
    deficitSumLine: (n: number, sum: string) => `${plural(n, 'deficit province')}: ${sum} together.`,
    exportsLine: (total: string, year: number, change: string | undefined, previous: number | undefined, ref: string, changeRef: string) =>
      `${total} exported in ${year} (${ref})${change ? `, ${change} on ${previous} (${changeRef})` : ''}.`,
    topLine: (items: readonly string[], ref: string) => `Top destinations: ${items.join(', ')} (${ref}).`,
    destination: (name: string, volume: string, share: string) => `${name} ${volume} (${share})`,
    spotlight: (title: string) => `Spotlight: ${title}`,
    inThread: 'Details and chart in the thread.',
  },

  spotlight: {
    utilization: (name: string, util: string, rank: string, capacity: string, ref: string) =>
      `${name}: ${util} utilization${rank ? ` ${rank}` : ''} on ${capacity} of capacity (${ref}).`,
    mix: (value: string, ref: string) => `Capacity by class: ${value} (${ref}).`,
    classTitle: (c: 'high' | 'medium' | 'lowAndIdle', high: number, low: number) =>
      ({
        high: `High-efficiency plants (> ${high} %)`,
        medium: `Medium-efficiency plants (${low}–${high} %)`,
        lowAndIdle: `Low-efficiency and idle plants (< ${low} %)`,
      })[c],
    classLine: (enterprises: string, capacity: string, share: string, ref: string) => `${enterprises}, ${capacity}, ${share} of national capacity (${ref}).`,
    idleLine: (enterprises: string, capacity: string, ref: string) => `${enterprises} did not operate at all: ${capacity} of capacity (${ref}).`,
    balance: (name: string, output: string, demand: string, exports: string, net: string, ref: string) =>
      `${name}: output ${output}, in-province demand ${demand}, exports ${exports}: net ${net} (${ref}).`,
    twoViewsTitle: (name: string) => `${name}: two views of the balance`,
    twoViews: (name: string, domestic: string, domesticRef: string, net: string, netRef: string) =>
      `${name}: output − in-province demand ${domestic} (${domesticRef}); after exports too, ${net} (${netRef}).`,
    capacityBelowDemand: (name: string, capacity: string, capacityRef: string, demand: string, demandRef: string) =>
      `${name}'s capacity, ${capacity} (${capacityRef}), is below its in-province demand, ${demand} (${demandRef}).`,
    implied: (name: string, aluminium: string, factor: string, demand: string, ref: string) =>
      `${name}: ${aluminium} of aluminium at ${factor} of anode needs ${demand} of anodes (${ref}).`,
    extremesTitle: 'Largest surplus and largest gap',
    extremes: (a: string, av: string, b: string, bv: string, ref: string) => `${a} ${av} against ${b} ${bv} (${ref}).`,
    destination: (
      name: string,
      volume: string,
      year: number,
      share: string,
      previous: string | undefined,
      previousYear: number | undefined,
      change: string,
      ref: string,
    ) => `${name}: ${volume} in ${year}, ${share} of China's exports${previous ? `; ${previous} in ${previousYear} (${change})` : ''} (${ref}).`,
    provinceExports: (name: string, exports: string, total: string, ref: string) => `${name} exported ${exports} of China's ${total} (${ref}).`,
    moversTitle: 'Biggest movers',
    movers: (items: readonly string[], ref: string) => `${items.join(', ')} on the year before (${ref}).`,
    inThePaper: (ref: string) => `In the paper (${ref})`,
    inconsistencyTitle: 'Where the paper disagrees with itself',
    tensionTitle: 'Worth a second look',
  },

  changes: {
    description: 'What changed between two editions of the data: the largest changes',
    line: (metric: ChangeMetric, total: string, biggest: string | undefined) =>
      `${CHANGE_LABELS[metric]}: ${total} nationally${biggest ? `; largest: ${biggest}` : ''}.`,
    since: (year: number) => `What changed since the ${year} edition`,
    oneEdition: (year: number) => `Only one edition (${year})`,
    oneEditionHint: '/changes compares two editions of the data; only one is loaded. A new edition is a new folder under data/.',
    noPair: 'Cannot compare those editions',
    metric: (metric: ChangeMetric) => CHANGE_LABELS[metric],
    total: (delta: string) => `National: ${delta}`,
    title: (from: number, to: number) => `What changed: ${from} → ${to} edition`,
    summary: (from: number, to: number) =>
      `The largest changes from the ${from} to the ${to} edition, by province (capacity, output, utilization in points, net balance) and by destination (exports).`,
    note: 'Only provinces and destinations both editions list are compared.',
  },

  language: {
    description: 'The language of replies and briefings in this channel: zh, en or auto',
    notHere: "Language settings need the bot's database",
    notHereHint: 'Start the bot with npm start; in the console and npm run ask, use --lang zh or --lang en.',
    currentTitle: 'Language of this channel',
    current: (lang: string) =>
      `This channel reads ${lang === 'zh-CN' ? 'Chinese (zh)' : lang === 'en' ? 'English (en)' : "each reader's own language where the platform says it, else English (auto)"}. Change it with /language zh, /language en or /language auto.`,
    setTitle: 'Language set',
    set: (lang: string) =>
      `Replies and briefings in this channel are now in ${lang === 'zh-CN' ? 'Chinese' : lang === 'en' ? 'English' : "each reader's own language (auto)"}.`,
  },

  render: {
    /** "Sources: …": a label and its text. */
    labelled: (label: string, text: string) => `${label}: ${text}`,
    usage: 'Usage',
    sources: 'Sources',
    chart: 'Chart',
    more: (n: number) => `…and ${n} more`,
    moreBlocks: (n: number) => `…and ${n} more blocks not shown`,
    moreRows: (n: number) => `…and ${n} more rows: the whole table as CSV with csv (/table N csv)`,
    sharedBy: (user: string) => `Shared by ${user}`,
    apologyTitle: 'Sorry, that failed on our side',
    apology: (errorId: string) => `Something went wrong while answering. Please try again; if it keeps failing, quote error id ${errorId}.`,
    clickElsewhere: 'That button belongs to another channel',
    clickElsewhereHint: 'Buttons answer only in the channel where their message was posted. Type the command here instead.',
    badClick: 'That button could not be read',
    badClickHint: 'It may come from an older version of the bot. Type the command instead; /help lists them.',
    fileAttached: (name: string) => `File: ${name}`,
  },

  console: {
    banner: (years: readonly number[]) =>
      [
        `anode-bot · China prebaked anodes (${years.join(', ')} edition${years.length > 1 ? 's' : ''}), in your terminal`,
        'Type a command such as /province Yunnan, /exports top 5 or help. Tab completes; quit or Ctrl-D leaves.',
        'To serve Slack or Discord instead, set their tokens (see README.md and .env.example).',
      ].join('\n'),
    dataset: (year: number, version: string, inconsistencies: number) =>
      `Answering from the ${year} edition (dataset ${version}): ${plural(inconsistencies, 'inconsistency', 'inconsistencies')} of the paper flagged (/sources).`,
    failed: (id: string) => `✖ Sorry, that failed on our side (error id ${id}).`,
    briefingArrived: 'Scheduled briefing',
  },
};

export type Messages = typeof en;

const TABLE_COLUMNS: Record<string, Record<string, string>> = {
  'efficiency-by-province': {
    capacity: 'Capacity (Mt)',
    high: 'High-efficiency (> 90 %) (%)',
    medium: 'Medium-efficiency (62–90 %) (%)',
    low: 'Low-efficiency (< 62 %) (%)',
    shutdown: 'Shutdown (%)',
  },
  'production-by-province': { capacity: 'Capacity (Mt)', output: 'Output (Mt)', utilization: 'Utilization (%)' },
  'balance-by-province': { output: 'Output (Mt)', demand: 'Domestic Demand (Mt)', exports: 'Exports (Mt)', balance: 'Regional Balance (Mt)' },
};

const SHORT_COLUMNS: Record<string, Record<string, string>> = {
  'efficiency-by-province': { capacity: 'Mt', high: 'High %', medium: 'Med %', low: 'Low %', shutdown: 'Shut %' },
  'production-by-province': { capacity: 'Cap Mt', output: 'Out Mt', utilization: 'Util %' },
  'balance-by-province': { output: 'Out', demand: 'Dem', exports: 'Exp', balance: 'Bal' },
};

/** Table 4's columns carry their year: "<year> Export (kt)". */
export function exportColumn(column: string, short: boolean): string | undefined {
  const m = /^(exports|share) (\d{4})$/.exec(column);
  if (!m) return undefined;
  if (short) return m[1] === 'exports' ? `${m[2]} kt` : `${m[2]} %`;
  return m[1] === 'exports' ? `${m[2]} Export (kt)` : `${m[2]} Share (%)`;
}
