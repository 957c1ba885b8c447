import type { BriefingKind } from '../briefings/kinds.js';
import type { ChangeMetric } from '../metrics/changes.js';
import type { Finding } from '../metrics/cross-checks.js';
import type { RankMetric } from '../metrics/rank.js';
import { MINUS, shiftPoint } from '../format/numbers.js';
import type { Messages } from './en.js';

/** "甲、乙和丙". */
const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')}和${items.at(-1)}`);

/**
 * The paper's units as the Chinese trade writes them: tonnages in 万吨, by moving the decimal point of
 * the printed figure (1.70 Mt is 170万吨, 2,165.8 kt is 216.58万吨), so every digit printed stays and
 * none is added.
 */
const UNITS: Record<string, string> = { Mt: '万吨', kt: '万吨', '%': '%', pp: '个百分点', 'kg/t': '千克/吨', enterprises: '家企业' };
const SHIFT: Record<string, number> = { Mt: 2, kt: -1 };
/** A printed number in the unit this catalogue writes it in. */
const inUnit = (n: string, u: string) => (SHIFT[u] === undefined ? n : shiftPoint(n, SHIFT[u]));
const unit = (u: string) => UNITS[u] ?? u;

const KIND: Record<BriefingKind, string> = { utilization: '产能利用率', mismatch: '区域供需错配', exports: '出口', full: '综合' };
const METRIC: Record<RankMetric, string> = {
  capacity: '产能',
  output: '产量',
  utilization: '产能利用率',
  demand: '省内需求',
  balance: '净平衡（扣除出口后）',
  'domestic-balance': '产量 − 省内需求',
  exports: '出口',
  'high-share': '高效产能占比',
  'shutdown-share': '停产产能占比',
};
const CHANGE: Record<ChangeMetric, string> = { capacity: '产能', output: '产量', utilization: '产能利用率', balance: '净平衡', exports: '出口' };

/** The paper's references: "Table 2" is 表2, "Section 3.4 [2]" is 第3.4节[2]. */
function ref(r: string): string {
  return r
    .replace(/Table (\d+)/g, '表$1')
    .replace(/Section ([\d.]+)/g, '第$1节')
    .replace(/\bAbstract\b/g, '摘要')
    .replace(/\bText\b/g, '正文')
    .replace(/ ?\(computed: (\d+) of (\d+) enterprises\)/g, '（据$2家企业中的$1家计算）')
    .replace(/ ?\(computed(?:: output − demand)?\)/g, '（计算值）')
    .replace(/ vs /g, '与')
    .replace(/; /g, '；');
}

/** How the bot computed a derived figure: the metrics' closed set of formulas, in Chinese. */
const HOW: [RegExp, string][] = [
  [/^output − in-province demand$/, '产量 − 省内需求'],
  [/^sum of the deficit provinces' net balances$/, '各缺口省份净平衡之和'],
  [/^high-efficiency share × capacity$/, '高效产能占比 × 产能'],
  [/^class capacity ÷ sum of classes$/, '该等级产能 ÷ 各等级产能之和'],
  [/^sum of the three classes$/, '三个等级之和'],
  [/^(\d{4}) vs (\d{4}) volume$/, '$1年出口量较$2年的变化'],
  [/^(\d{4}) − (\d{4}) volume$/, '$1年出口量 − $2年出口量'],
  [/^province capacity ÷ national capacity$/, '省份产能 ÷ 全国产能'],
  [/^share of national capacity$/, '占全国产能比重'],
  [/^aluminium output × ([\d.]+) kg\/t$/, '电解铝产量 × $1千克/吨'],
  [/^(\d{4}) edition − (\d{4}) edition$/, '$1年版 − $2年版'],
  [/^change on the (\d{4}) edition$/, '较$1年版的变化'],
];

function how(text: string): string {
  for (const [pattern, zh] of HOW) if (pattern.test(text)) return text.replace(pattern, zh);
  return text;
}

/** Option-kinds' validation messages (a closed set), in Chinese. */
const PROBLEMS: [RegExp, string][] = [
  [/^a name is required$/, '需要名称'],
  [/^that name is too long \((\d+) characters at most\)$/, '名称过长（最多$1个字符）'],
  [/^control characters are not allowed$/, '不允许使用控制字符'],
  [/^expected a whole number$/, '应为整数'],
  [/^expected a number from (\d+) to (\d+)$/, '应为$1到$2之间的数字'],
  [/^expected a year$/, '应为年份'],
  [/^at most (\d+) characters$/, '最多$1个字符'],
];

const PLACEHOLDERS: Record<string, string> = {
  province: '省份',
  country: '国家',
  metric: '排名指标',
  '1-4': '表格（1–4）',
  N: '数量',
  command: '命令',
  'compact|thread': '版式',
  from: '起始版本',
  to: '目标版本',
  kind: '简报类型',
  schedule: '推送时间',
  timezone: '时区',
  year: '年份',
  'zh|en|auto': '语言',
  id: '订阅编号',
};

const AGGREGATES: Record<string, string> = { Others: '其他', Total: '合计', National: '全国' };

const num = (v: number) => String(v).replace('-', MINUS);
const quoteOf = (q: string) => `“${q}”`;
/** 1.69 Mt as the trade writes it: 169万吨, the same digits with the point moved. */
const wan = (mt: number) => `${inUnit(num(mt), 'Mt')}${unit('Mt')}`;
const HOWS: Record<string, string> = {
  'output − demand': '产量 − 需求',
  'high + medium capacity over national capacity': '高效与中效产能之和占全国产能',
  'idle capacity over idle enterprises': '停产产能除以停产企业数',
};
function howZh(how: string): string {
  const m = /^(\d+) of (\d+) enterprises$/.exec(how);
  return m ? `${m[2]}家企业中的${m[1]}家` : (HOWS[how] ?? how);
}

/** A cross-check finding from its facts; a check without facts is worded from its numbers. */
function finding(f: Finding, name: (n: string) => string): string {
  const x = f.facts;
  const [, other = ''] = f.table.split(' vs ');
  if (!x)
    return `${ref(f.table)} · ${name(f.row)}：计算值${num(Math.round(f.expected * 1000) / 1000)}，所载值${num(f.found)}（相差${num(Math.round(f.difference * 1000) / 1000)}${unit(f.unit)}）。`;
  switch (x.kind) {
    case 'text': {
      const who = x.subject === 'National' ? '' : name(x.subject);
      return x.how
        ? `原文称${quoteOf(x.quote)}（${ref(x.source)}），而据${ref(x.ref)}计算（${howZh(x.how)}）${who}为${inUnit(num(x.tables), x.unit)}${unit(x.unit)}†。`
        : `原文称${quoteOf(x.quote)}（${ref(x.source)}），而${ref(x.ref)}所列${who}为${inUnit(num(x.tables), x.unit)}${unit(x.unit)}。`;
    }
    case 'prose-demand':
      return `${wan(x.aluminium)} × ${num(x.factor)}千克/吨 = ${wan(x.computed)}†；正文为${wan(x.stated)}。`;
    case 'output-over-demand':
      return `${ref(x.source)}称${quoteOf(x.quote)}；但${ref(other)}显示${list(x.subjects.map(name))}产量${wan(x.output)}、省内需求${wan(x.demand)}，据此推算省内产量仅能满足${num(x.covered)}%†的需求。`;
    case 'export-share-change':
      return `${ref(x.source)}称${quoteOf(x.quote)}；按${ref(other)}的出口量推算，${list(x.subjects.map(name))}占中国出口的比重由${x.previousYear}年的${num(x.before)}%†降至${x.year}年的${num(x.after)}%†。`;
    case 'utilization-vs-high-share': {
      const [t2 = '', t1 = ''] = f.table.split(' vs ');
      return `${name(x.subject)}平均产能利用率为${num(x.utilization)}%（${ref(t2)}），高于其效率结构所能达到的上限${num(x.ceiling)}%†（${ref(t1)}：高效产能${num(x.high)}%）；${ref(x.source)}称${quoteOf(x.quote)}。`;
    }
  }
}

const TABLE_COLUMNS: Record<string, Record<string, string>> = {
  'efficiency-by-province': {
    capacity: '产能（万吨）',
    high: '高效（> 90%）（%）',
    medium: '中效（62–90%）（%）',
    low: '低效（< 62%）（%）',
    shutdown: '停产（%）',
  },
  'production-by-province': { capacity: '产能（万吨）', output: '产量（万吨）', utilization: '产能利用率（%）' },
  'balance-by-province': { output: '产量（万吨）', demand: '国内需求（万吨）', exports: '出口（万吨）', balance: '区域平衡（万吨）' },
};

const SHORT_COLUMNS: Record<string, Record<string, string>> = {
  'efficiency-by-province': { capacity: '万吨', high: '高效%', medium: '中效%', low: '低效%', shutdown: '停产%' },
  'production-by-province': { capacity: '产能', output: '产量', utilization: '利用率%' },
  'balance-by-province': { output: '产量', demand: '需求', exports: '出口', balance: '平衡' },
};

function exportColumn(column: string, short: boolean): string | undefined {
  const m = /^(exports|share) (\d{4})$/.exec(column);
  if (!m) return undefined;
  if (short) return m[1] === 'exports' ? `${m[2]}年·万吨` : `${m[2]}年·%`;
  return m[1] === 'exports' ? `${m[2]}年出口量（万吨）` : `${m[2]}年占比（%）`;
}

const COLUMN_NAMES: Record<string, string> = { capacity: '产能', output: '产量', demand: '需求', exports: '出口', balance: '净平衡' };
function columnName(column: string): string {
  const year = /^(\d{4}) export$/.exec(column)?.[1];
  return year ? `${year}年出口量` : (COLUMN_NAMES[column] ?? column);
}

const SCHEDULE_EXAMPLES = '例如：daily 09:00、weekdays 08:30、weekly mon 09:00、monthly 1 09:00，或 cron 0 9 * * 1-5。';

/**
 * The Simplified Chinese catalogue: the same shape as the English one, in the words an analyst of the
 * industry writes (预焙阳极, 产能, 产量, 产能利用率, 国内需求, 出口, 供需平衡, 高效/中效/低效产能).
 * Command names, options and the paper's quotations stay as they are: they are what one types and
 * what the paper says.
 */
export const zhCN: Messages = {
  question: {
    understood: (line) => `→ 理解为 ${line}`,
    choicesTitle: '您想问的是哪一个？',
    choicesSummary: '这个问题有几种理解。请在下面选择一个（控制台中输入序号）。',
    choice: (n, line) => `${n}. ${line}`,
    outside: {
      price: '论文不含价格或成本数据',
      company: '论文未列出具体企业',
      forecast: (years) => `论文不含预测数据：其数据年份为${years}`,
      weather: '我只回答论文中的数据',
      smallTalk: '您好！我回答有关中国预焙阳极行业的问题',
      other: '我只回答论文中的数据',
      place: '论文没有该地区的单独数据',
      unknown: '无法将这句话理解为关于论文数据的问题',
    },
    outsideSummary: (provinces, countries) =>
      `我的回答来自一篇行业论文：${provinces}的产能、产量、产能利用率、需求和供需平衡；对${countries}的出口。可以试试“云南产能利用率是多少”“出口前五的国家”“山东和河南对比一下”，或输入 /help 查看命令。`,
  },
  lang: 'zh-CN',

  units: {
    withUnit: (n, u) => `${inUnit(n, u)}${unit(u)}`,
    number: inUnit,
    scale: (u) => 10 ** (SHIFT[u] ?? 0),
    percentOfCapacity: '占产能 %',
    axis: (u) => unit(u),
  },
  ref,
  captionOf: (r, caption, zh) => `${ref(r)}：${zh ?? caption}`,
  how,
  aggregateName: (name) => AGGREGATES[name] ?? name,
  finding,

  marks: {
    dagger: '†',
    derivedFrom: (r, h) => `根据${r}推算：${h}`,
    alsoComputed: (r, computedRef, computed, agrees) =>
      `${r}（据${computedRef.split(/[;；]\s*/).join('和')}计算为${computed}†，${agrees ? '一致' : '不一致'}）`,
    roundingGap: (g) =>
      g.kind === 'net'
        ? `${g.name}净平衡${g.printed}（按各项计算为${g.computed}†）`
        : g.kind === 'column'
          ? `${columnName(g.name)}列相加为${g.computed}†（合计行为${g.printed}）`
          : g.kind === 'row-shares'
            ? `${g.name}各项占比相加为${g.computed}%†`
            : `${g.name}年各项占比相加为${g.computed}%†`,
    rounding: (items, where) => `${where ?? ''}四舍五入差异：${items.join('；')}。论文数据均按原值列示。`,
    quote: (q, r) => `${quoteOf(q)}（${r}）`,
    inconsistency: (table, detail) => `⚠ 论文前后数据不一致（${table}）：${detail}`,
    tension: (detail) => `注：${detail}`,
    derivedNote: '† 推算值：由本机器人根据论文数据计算得出，论文中未直接给出。',
  },

  common: {
    sentences: (...parts) => parts.filter(Boolean).join(''),
    notAvailable: '无',
    rank: (rank, of, tied) => `（在${of}个省份中${tied ? '并列' : '居'}第${rank}位†）`,
    rankLabel: (rank, tied) => `${tied ? '=' : ''}${rank}.`,
    versus: (delta, year) => `（较${year}年版${delta}）`,
  },

  labels: {
    capacity: '产能',
    output: '产量',
    utilization: '产能利用率',
    capacityShare: '占全国产能比重',
    inProvinceDemand: '省内需求',
    domesticDemand: '国内需求',
    exports: '出口',
    exportsTable3: '出口（表3）',
    domesticBalance: '产量 − 省内需求',
    netBalance: '扣除出口后的净平衡',
    aluminium: '电解铝产量',
    impliedDemand: '对应的阳极需求',
    efficiencyMix: '效率结构',
    exportsIn: (year) => `${year}年出口`,
    exportsChange: (year, previous) => `${year}年出口较${previous}年`,
    anodeFactor: '吨铝阳极消耗',
    averageUtilization: '平均产能利用率',
    capacityTable1: '产能（表1）',
    highCapacity: '高效产能',
    enterprisesClassified: '参与分级的企业',
  },

  mix: {
    value: (high, medium, low, shut) => `高效${high} · 中效${medium} · 低效${low} · 停产${shut}`,
    classLabels: (high, low) => [`高效 >${high}%`, `中效 ${low}–${high}%`, `低效 <${low}%`, '停产'],
    alt: (name, value) => `${name}各效率等级产能占比：${value}。`,
  },

  charts: {
    source: (refs) => `资料来源：${refs}`,
    sources: (refs) => `资料来源：${refs.join('、')}`,
    notDrawn: (items) => `图中未画出：${items.join('；')}`,
    aggregateRow: (name, value) => `${name}${value ?? ''}（表中的汇总行）`,
    noRow: (names, r) => `${list(names)}（${r}未单列）`,
    computedFrom: (r) => `据${r}推算†`,
    china: '中国',
    balanceTitle: (year) => `${year}年各省份阳极净平衡（万吨）`,
    balanceUnit: '万吨（盈余为 +，缺口为 −）',
    balanceAlt: (items, left) => `扣除出口后的净平衡：${items.join('，')}。${left.length > 0 ? `图中未画出：${list(left)}。` : ''}`,
    exportsTitle: (year) => `${year}年中国阳极分国别出口量（万吨）`,
    topOf: (shown, of, others) => `${of}个具名目的地中的前${shown}个${others ? '；其余目的地和表4的“其他”未画出（见表格）' : ''}`,
    exportsAlt: (year, items) => `${year}年出口：${items.join('，')}。`,
    utilizationTitle: (year) => `${year}年各省份产能利用率（%）`,
  },

  follow: {
    more: '更多',
    less: '收起',
    share: '分享到频道',
    utilization: '产能利用率',
    rank: '排名',
    rankBalance: '按净平衡排名',
    balance: '供需平衡',
    exports: '出口',
    overview: '概览',
    province: '省份',
    compareWith: '与…对比',
    country: '选择出口目的地…',
    oneProvince: '选择省份…',
    otherMetric: '按其他指标排名…',
    topDestinations: '主要出口目的地',
    csv: '导出 CSV',
  },

  options: {
    edition: '论文版本（按年份，默认最新）',
    province: '省份名称（中文或英文）',
    provinceOptional: '查看单个省份详情（可选）',
    country: '出口目的地国家（中文或英文）',
    provinces: '两到四个省份，用空格或逗号分隔',
    count: (max) => `显示的国家数量（1–${max}，默认5）`,
    exportYear: '出口年份（默认最新）',
    metric: '排名指标',
    top: '显示的省份数量（1–25，默认全部）',
    tableNumber: '论文中的表格编号（1–4）',
    csv: '以 CSV 文件附上该表',
    helpCommand: '要说明的命令（可选）',
    briefingKind: '简报类型：utilization（产能利用率）、mismatch（区域供需错配）、exports（出口）或 full（综合）',
    layout: 'compact：单条消息；thread：标题发在频道中，详情发在其话题串中',
    onlyNewData: '仅在载入新版数据时推送',
    schedule: 'daily 09:00、weekdays 08:30、weekly mon 09:00、monthly 1 09:00 或 cron 表达式',
    timezone: 'IANA 时区，如 Asia/Shanghai，也可写“北京”（默认使用机器人的设置）',
    subscriptionId: '订阅编号（见 /briefing list）',
    language: 'zh、en 或 auto（按各读者自己的语言）',
    fromEdition: '较早的版本（默认：较新版本的上一版）',
    toEdition: '较新的版本（默认最新）',
    publicAnswer: '在频道中公开回复（默认仅自己可见）',
    nthProvince: (n, required) => `${required ? '省份' : '另一个省份（可选）'}${n}`,
  },

  errors: {
    typeACommand: '请输入命令',
    typeACommandHint: '例如 /province 云南 或 /exports top 5。',
    unknownCommand: '未知命令',
    noSuchCommand: (name, guesses) =>
      `没有 /${name} 这个命令。${guesses.length > 0 ? `您是想用 ${guesses.map((g) => `/${g}`).join(' 或 ')} 吗？` : '输入 /help 查看命令列表。'}`,
    needsSubcommand: (name) => `/${name} 需要子命令`,
    unknownSubcommand: (word, name, close, subs) =>
      `/${name} 没有“${word}”。${close.length > 0 ? `您是想用 ${close.map((c) => `/${name} ${c}`).join(' 或 ')} 吗？` : ''}可选：${subs.join('、')}。`,
    chooseSubcommand: (subs) => `可选：${subs.join('、')}。`,
    cannotRead: (cmd) => `无法识别该 ${cmd} 命令`,
    badValue: (option, problem) => `${option}：${PROBLEMS.reduce((text, [p, zh]) => text.replace(p, zh), problem)}。`,
    keywordNeedsNumber: (kw) => `“${kw}”后面需要一个数字，例如 ${kw} 5。`,
    notUnderstood: (token, elsewhere) => `无法理解“${token}”。${elsewhere ? `您是想用 ${elsewhere} 吗？` : ''}`,
    unknownFlag: (flag) => `没有 ${flag} 这个选项。行末可加 --public（在频道中公开回复）、--full 或 --compact。`,
    notAllowed: '此处无权操作',
    needsManage: (cmd, right) => `${cmd} 会更改本频道的设置：需要${right ?? '管理本频道的权限'}。任何人都可以使用 /briefing list 和 /briefing preview。`,
    missing: (key, values) => `请指定${PLACEHOLDERS[key] ?? key}。${values ? `可选：${values}。` : ''}`,
    noEdition: (year) => `没有${year}年版`,
    editionsAre: (held) =>
      `已载入的版本：${held.map((e) => `${e.year}年版${e.alsoExports.length > 0 ? `（各表均为${e.year}年数据；${e.exportsRef}的分国别出口另含${e.alsoExports.map((y) => `${y}年`).join('、')}）` : ''}`).join('；')}。`,
    yearIsColumn: (year, edition) => `${year}年不是一个版本，而是${edition}年版中的一列`,
    onlyExportsGoBack: (year, ref) => `只有分国别出口（${ref}）含${year}年数据：可输入 /exports top 10 ${year} 或 /exports country <国家>。`,
    aggregate: (kind, typed, aggregate) =>
      aggregate === 'Total'
        ? `“${typed}”指全国合计，而非${kind === 'province' ? '省份' : '国家'}：请输入 /overview${kind === 'country' ? ' 或 /exports' : ''}。`
        : kind === 'province'
          ? `“${typed}”是表1–3中的汇总行（表中未单列的省份），不是一个省份：它出现在 /utilization、/mismatch 和 /table 中。`
          : `“${typed}”是表4中的汇总行（未具名的目的地），不是一个国家：它出现在 /exports 和 /table 4 中。`,
    unknownName: (kind, typed, year) => `${year}年数据中没有名为“${typed}”的${kind === 'province' ? '省份' : '国家'}。`,
    didYouMean: (names) => `您是指${list(names)}吗？`,
    oneOf: (names) => `可选：${names.join('、')}。`,
    sameProvinceTwice: '每个省份只需写一次。',
    notAChoice: (value) => `“${value}”不在可选项中。`,
  },

  overview: {
    description: '全国总体数据：产能、产量、产能利用率、效率结构、出口',
    title: (year) => `中国预焙阳极 · ${year}年概览`,
    summary: (o) =>
      `产能${o.capacity}，产量${o.output}，产能利用率${o.utilization}，涵盖${o.provinces}个具名省份及“其他”。仅${o.largest}一省即占全国产能的${o.largestShare}。`,
    mixChart: (year) => `中国各效率等级产能占比，${year}年（%）`,
    abstractRounding: (capText, outText, cap, out) => `摘要给出的产能为${capText}、产量为${outText}；表格中四舍五入为${cap}和${out}。`,
  },

  province: {
    description: '单个省份：产能、产量、产能利用率、效率结构、需求与供需平衡',
    title: (name, year) => `${name} · ${year}年预焙阳极`,
    summary: (o) =>
      [
        `${[
          o.capacity && `产能${o.capacity}${o.capacityRank ?? ''}`,
          o.output && `产量${o.output}`,
          o.utilization && `产能利用率${o.utilization}${o.utilizationRank ?? ''}`,
        ]
          .filter(Boolean)
          .join('，')}。`,
        o.net ? `扣除省内需求和出口后的净平衡为${o.net}：产量${o.surplus ? '高于' : '低于'}本省用量与出口之和。` : '',
      ].join(''),
    supplyChart: (name, year) => `${name}：供需情况，${year}年（万吨）`,
    supplyAlt: (name, items) => `${name}：${items.join('，')}。`,
    mixChart: (name, year) => `${name}：各效率等级产能占比，${year}年（%）`,
    noBalanceCaption: '无需求柱：表3未给出该省份的需求',
    inOthers: (name) =>
      `表3未单列${name}，因此论文未给出其省内需求和供需平衡。据本机器人推算，其产量似计入表3的“其他”（表3“其他”的产量等于表2“其他”加上表3未单列的省份）。`,
  },

  exports: {
    description: '按目的地国家统计的阳极出口：分年度、占比及变化',
    topDescription: '按出口量排列的主要出口目的地，含占比及较上年变化',
    countryDescription: '单个目的地国家在数据各年份的出口情况',
    isNew: '新增',
    fromTinyBase: (previous) => `上年仅${previous}`,
    onYearBefore: (basis, change) => (basis === 'normal' ? `较上年${change}。` : basis === 'new' ? '上年无出口。' : `${change}。`),
    noYear: '没有该年份的出口数据',
    yearsAre: (years) => `论文给出了${list(years.map(String))}年的出口数据。`,
    totalIn: (year) => `${year}年合计`,
    changeOn: (previous) => `较${previous}年变化`,
    moreNotShown: (n, of) => `（另有${n}个具名国家未显示；/exports top ${of}）`,
    topTitle: (year, n) => `${year}年阳极出口：前${n}大目的地`,
    topSummary: (o) =>
      `${o.year}年中国出口阳极${o.total}${o.change ? `（较${o.previousYear}年${o.change}）` : ''}。${o.leader ? `${o.leader}占${o.leaderShare}。` : ''}${o.cut}`,
    colCountry: '国家',
    colShare: '占比',
    colVersus: (year) => `较${year}年`,
    colChange: '变化',
    changeValue: (delta, change) => `${delta}（${change}）†`,
    otherNamed: (n) => `其余${n}个具名目的地†`,
    sharesNote: '占比为论文所列的整数百分比，合计可能不等于100%。较上年的变化为推算值 †。',
    tinyBaseNote: '“上年仅……”：上年出口量过小（不足当年的二十分之一），百分比变化没有意义；“新增”：上年无出口。',
    volumeIn: (year) => `${year}年出口量`,
    shareIn: (year) => `${year}年占比`,
    rankIn: (year) => `${year}年排名`,
    rankOf: (rank, of) => `第${rank}位（共${of}个具名目的地）†`,
    rankHow: '按出口量对具名目的地排序',
    countryTitle: (name) => `对${name}的阳极出口`,
    countrySummary: (o) => `${o.year}年${o.volume}，占中国出口的${o.share}，在${o.of}个具名目的地中居第${o.rank}位†。${o.change ?? ''}`,
    noVolumes: (name) => `没有${name}的出口量数据。`,
    countryChart: (name) => `对${name}的阳极出口（万吨）`,
    countryAlt: (name, items) => `对${name}的出口：${items.join('，')}。`,
  },

  utilization: {
    description: '按效率等级划分的产能：全国及分省份（或单个省份）',
    classes: (high, low, r) => `高效：产能利用率 > ${high}%；中效：${low}–${high}%；低效：< ${low}%（${r}）。`,
    colProvince: '省份',
    colHigh: '高效',
    colMedium: '中效',
    colLow: '低效',
    colShut: '停产',
    provinceTitle: (name, year) => `${name} · ${year}年产能利用率`,
    provinceSummary: (o) =>
      `${o.province}${o.capacity}的产能中，${o.high}为高效产能（利用率高于${o.threshold}%）；${o.shutdown}处于停产。${o.average ? `平均产能利用率${o.average}。` : ''}`,
    title: (year) => `按效率等级划分的产能利用率 · ${year}年`,
    summary: (o) => `全国产能中${o.share}为高效产能（${o.capacity}，${o.enterprises}，利用率高于${o.threshold}%）；${o.lowShare}为低效或闲置产能。`,
    high: (th) => `高效（> ${th}%）`,
    medium: (low, high) => `中效（${low}–${high}%）`,
    lowAndIdle: (low) => `低效及闲置（< ${low}%）`,
    idle: '其中全年停产',
    chart: (year) => `各省份按效率等级划分的产能，${year}年（占产能 %）`,
    chartAlt: (items) => `高效/中效/低效/停产产能占比：${items.join('；')}。`,
    table1Total: (h, m, l, s) => `表1合计行：高效${h}，中效${m}，低效${l}，停产${s}。`,
  },

  mismatch: {
    description: '区域供需错配：盈余与缺口省份，两种平衡口径',
    title: (year) => `区域阳极供需错配 · ${year}年`,
    summary: (o) =>
      [
        o.surplus && `${o.surplus}盈余最大：扣除省内需求和出口后为${o.surplusNet}，较省内需求多出${o.surplusDomestic}（${o.surplusDomesticRef}）。`,
        o.gap && `${o.gap}缺口最大：${o.gapNet}。`,
        `${o.deficits}个省份存在缺口，合计${o.deficitSum}。`,
      ]
        .filter(Boolean)
        .join(''),
    largestSurplus: (name) => `最大盈余：${name}`,
    largestGap: (name) => `最大缺口：${name}`,
    deficitSum: (n) => `${n}个缺口省份合计`,
    nationalNet: '全国净平衡',
    colProvince: '省份',
    colOutput: '产量',
    colDemand: '需求',
    colExports: '出口',
    colDomestic: '产−需',
    colNet: '净额',
    columnsNote: (r) =>
      `单位：万吨。产量、需求、出口和净额均按${r}所列（净额 = 产量 − 需求 − 出口）。产−需：产量减省内需求（第5.2节的口径）：第5.2节有表述之处按其表述（≈），其余为推算值（†）。`,
    inOthers: (names) => `表3未单列${list(names)}。据本机器人推算，它们似计入“其他”：表3“其他”的产量等于表2“其他”加上${list(names)}。`,
  },

  compare: {
    description: '省份横向对比：产能、产量、产能利用率、效率结构、供需平衡',
    highShare: '高效产能占比',
    demand: '需求',
    domestic: '产量 − 需求',
    net: '净平衡',
    title: (names, year) => `${list(names)}对比 · ${year}年`,
    altItem: (label, value) => `${label}${value}`,
    line: (name, output, utilization, net) => `${name}：产量${output}，产能利用率${utilization}${net ? `，净平衡${net}` : ''}`,
    separator: '；',
    chart: (year) => `产能、产量与需求，${year}年（万吨）`,
    noDemandCaption: (names) => `无：表3未给出${list(names)}的需求`,
    alt: (name, items) => `${name}：${items.join('，')}`,
    inOthers: (names) => `无：表3未单列${list(names)}，论文未给出其需求和供需平衡（图中无对应柱）；据本机器人推算，它们似计入“其他”。`,
  },

  rank: {
    description: '按指标对省份排名，由高到低',
    metricLabel: (metric) => METRIC[metric],
    zeroRun: (metric, n) => (metric === 'exports' ? `${n}个省份表中为0.00（不足0.5万吨）` : `${n}个省份表中为零`),
    title: (label, year) => `按${label}排列的省份 · ${year}年`,
    summary: (o) => `${o.leader}${o.tiedLead ? '并列第一' : '居首'}，为${o.value}。${o.shown < o.of ? `显示${o.of}个中的${o.shown}个。` : ''}`,
    none: '没有省份。',
    colProvince: '省份',
    chart: (label, year, u) => `${label}，${year}年（${unit(u)}）`,
    zeroNames: (names) => `表中为零：${list(names)}。`,
    tiesNote: '= 表示并列：数值相同，按名称排序。',
    missing: (names) => `未参与排名：${list(names)}（表3未单列；据本机器人推算计入其“其他”）。`,
    aggregatesNote: '“其他”和“合计”是表格自身的汇总行，仅作参照，不参与排名。',
    totalDemand: '合计（国内需求）',
  },

  table: {
    description: '按原样显示论文中的某张表（全部行）；加 csv 以文件形式附上',
    which: '哪张表？',
    numbersAre: (numbers) => `论文有表${list(numbers.map(String))}：如 /table 2，或用 /table 3 csv 获取文件。`,
    noSuch: (n) => `没有表${n}`,
    column: (table, column) => exportColumn(column, false) ?? TABLE_COLUMNS[table]?.[column] ?? column,
    shortColumn: (table, column) => exportColumn(column, true) ?? SHORT_COLUMNS[table]?.[column] ?? column,
    title: (r, year) => `${ref(r)} · ${year}年版`,
    nameColumn: (kind) => (kind === 'province' ? '省份' : '国家/地区'),
    columnsNote: (items) => `各列：${items.join('；')}。`,
    asPrinted: '所有数值均按论文原样列出，保留末尾的零，未作任何更正（论文前后不一致之处见 /sources）。',
    csvAttached: (name) => `已附上：${name}（UTF-8，含表头，数值按原样）。`,
    csvHint: (n) => `获取文件：/table ${n} csv。`,
  },

  sources: {
    description: '数据来源：论文、表格、数据集版本及其中的不一致之处',
    title: (version) => `数据来源 · 数据集 ${version}`,
    editions: (years, current) => `已载入的版本：${years.join('、')}；未指定年份时使用${current}年版。`,
    findings: (inconsistencies, rounding, notes) =>
      `载入时的交叉核对：${inconsistencies}处超出四舍五入范围的不一致，${rounding}处四舍五入范围内的差异，${notes}处值得留意的出入；只报告，不更正。以下列出不一致之处和表格加总中可见的四舍五入差异；其余差异（据四舍五入后的数据重算的比率和占比）均在印刷精度可解释的范围内。`,
    markingRule:
      '标注规则：表格所列数据注明表号；正文所述数据注明章节（并说明机器人自行计算的结果是否一致）；† 仅标注论文中任何地方都未列出的数据，即机器人计算的各类合计、占比和差值。',
  },

  help: {
    description: '列出所有命令，或显示某个命令的选项和示例',
    usage: '用法',
    examples: '示例',
    options: '选项',
    title: 'anode-bot 命令',
    summary: '中国预焙阳极产业数据，每个数字均注明论文中的表格或章节。',
    namesNote: '名称可用中文或英文（云南、Inner Mongolia），不区分大小写，也可用别名（IMAR、UAE）。',
    flagsNote: '任一命令末尾可加 --public（在频道中公开回复）、--full（显示全部细节）或 --compact（手机版简要形式）。',
    moreNote: '/help <命令> 显示每个选项及其取值。',
  },

  briefing: {
    example: '/briefing subscribe mismatch weekdays 08:30 北京',
    description: '本频道的定期简报：产能利用率、区域供需错配和出口',
    notRunning: '此处未运行简报',
    notRunningHint: '此进程没有简报调度器（npm run ask 只回答命令）。请用 npm start 启动机器人。',
    subscribeDescription: '为本频道订阅定期简报',
    listDescription: '本频道的简报订阅，含编号和下次推送时间',
    unsubscribeDescription: '停止本频道的某个简报（编号见 /briefing list，或 all）',
    resumeDescription: '恢复本频道已暂停的简报',
    previewDescription: '立即预览本频道的下一期简报（仅自己可见）',
    nowDescription: '立即在本频道发布一期简报',
    badSchedule: '无法识别该推送时间',
    scheduleProblem: (p) => {
      const got = 'got' in p && p.got ? `“${p.got}”` : '';
      switch (p.part) {
        case 'empty':
          return `需要指定推送时间。${SCHEDULE_EXAMPLES}`;
        case 'time':
          return `时间${got}无效：“${p.preset}”需要形如 09:00 的时间（24小时制）。`;
        case 'weekday':
          return `${got || '该日期'}不是星期几：“weekly”需要 mon、tue、wed、thu、fri、sat 或 sun，后接时间（weekly mon 09:00）。`;
        case 'monthday':
          return `${got || '该日期'}不是1到28之间的日子：“monthly”需要这样一个日子，后接时间（monthly 1 09:00）。`;
        case 'extra':
          return `${got}不属于“${p.preset}”的时间设置。时区写在最后，须为 IANA 名称，如 Asia/Shanghai。`;
        case 'cron':
          return `${got}不是有效的 cron 表达式（${p.detail}）。${SCHEDULE_EXAMPLES}`;
        case 'unknown':
          return `${got}不是可识别的时间设置。${SCHEDULE_EXAMPLES}`;
      }
    },
    badZone: '未知时区',
    tooMany: (limit) => `本工作区已有${limit}个简报，已达上限`,
    tooManyHint: '请先退订一个：/briefing list 可查看编号，/briefing unsubscribe <编号> 可退订。上限由 BRIEFING_WORKSPACE_LIMIT 设定。',
    zoneProblem: (tz, like) =>
      `“${tz}”不是 IANA 时区。${like.length > 0 ? `您是指${list(like)}吗？` : '请使用 Asia/Shanghai（北京时间，也可写“北京”）、Europe/Berlin、America/New_York 或 UTC 等名称。'}`,
    alreadyTitle: (id) => `已订阅：#${id}`,
    already: (kind, label, tz, id) => `本频道已按 ${label}（${tz}）接收${KIND[kind]}简报，订阅编号 #${id}；未新增订阅。`,
    nextDeliveries: '下次推送',
    subscribedTitle: (kind, label, tz) => `已订阅：${KIND[kind]}简报，${label}（${tz}）`,
    subscribed: (id, kind, label, tz, layout, quiet) =>
      `订阅 #${id}：${KIND[kind]}简报，${label}，${tz} 时间${layout === 'thread' ? '，标题发在频道中，详情发在其话题串中' : ''}。${quiet ? '静默模式：仅在载入新版数据时推送。' : ''}`,
    manageHint: (id) => `/briefing list 显示本频道的订阅；/briefing unsubscribe ${id} 停止此订阅。`,
    noneTitle: '本频道没有简报',
    none: (schedule) => `订阅方式：/briefing subscribe [类型] [时间] [时区]，例如 /briefing subscribe mismatch ${schedule} Asia/Shanghai。`,
    listTitle: (n) => `本频道的简报：${n}个`,
    colId: '编号',
    colKind: '类型',
    colSchedule: '时间',
    colNext: '下次 / 状态',
    kindName: (kind) => KIND[kind],
    threadWord: '话题串',
    quietWord: '仅新数据',
    configWord: '（配置）',
    pausedState: (error) => `已暂停${error ? `：${error.slice(0, 60)}` : ''}`,
    pausedNote: '连续三次推送失败（频道已删除、机器人被移出或应用被卸载）的订阅会被暂停：问题解决后请使用 /briefing resume <编号>。',
    whichOne: '哪个订阅？',
    giveId: '请给出 /briefing list 中的编号，或 all。',
    nothingTitle: '无需更改',
    nothingInChannel: '本频道没有简报。',
    noSuchId: (id) => `本频道没有订阅 #${id}；/briefing list 可查看编号。`,
    unsubscribedTitle: (n) => `已退订：${n}个简报`,
    noMore: '本频道不再接收简报。',
    gone: (id) => `订阅 #${id} 已删除。`,
    resumedTitle: (id) => `已恢复：#${id}`,
    resumed: '将从下一个推送时间起恢复推送。',
    previewNote: (position, of) => `预览：本类型轮换专题中的第${position}个（共${of}个）；每次推送依次换到下一个。`,
    title: (kind, year) => `${{ utilization: '产能利用率简报', mismatch: '区域供需错配简报', exports: '出口简报', full: '阳极产业简报' }[kind]} · ${year}年`,
    utilizationLine: (util, capacity, output, r) => `全国产能利用率${util}，产能${capacity}（产量${output}；${r}）。`,
    classesLine: (th, high, medium, low, r) => `高效产能（> ${th}%）占${high}，中效${medium}，低效及闲置${low}（${r}）。`,
    bestWorst: (best, worst, r) => `最高：${best.join('、')}；最低：${worst.join('、')}（${r}）。`,
    surplusLine: (name, net, netRef, domestic, domesticRef) =>
      `${name}：扣除省内需求和出口后为${net}（${netRef}），较省内需求多出${domestic}（${domesticRef}）。`,
    gapsLine: (items, r) => `缺口最大：${items.join('、')}（${r}）。`,
    deficitSumLine: (n, sum) => `${n}个缺口省份合计${sum}。`,
    exportsLine: (total, year, change, previous, r, changeRef) =>
      `${year}年出口${total}（${r}）${change ? `，较${previous}年${change}（${changeRef}）` : ''}。`,
    topLine: (items, r) => `主要目的地：${items.join('、')}（${r}）。`,
    destination: (name, volume, share) => `${name}${volume}（${share}）`,
    spotlight: (title) => `专题：${title}`,
    inThread: '详情和图表见话题串。',
  },

  spotlight: {
    utilization: (name, util, rank, capacity, r) => `${name}：产能利用率${util}${rank ? `${rank}` : ''}，产能${capacity}（${r}）。`,
    mix: (value, r) => `各效率等级产能：${value}（${r}）。`,
    classTitle: (c, high, low) => ({ high: `高效企业（> ${high}%）`, medium: `中效企业（${low}–${high}%）`, lowAndIdle: `低效及闲置企业（< ${low}%）` })[c],
    classLine: (enterprises, capacity, share, r) => `${enterprises}，产能${capacity}，占全国产能的${share}（${r}）。`,
    idleLine: (enterprises, capacity, r) => `${enterprises}全年未生产：产能${capacity}（${r}）。`,
    balance: (name, output, demand, exports, net, r) => `${name}：产量${output}，省内需求${demand}，出口${exports}：净额${net}（${r}）。`,
    twoViewsTitle: (name) => `${name}：两种口径的供需平衡`,
    twoViews: (name, domestic, domesticRef, net, netRef) => `${name}：产量 − 省内需求为${domestic}（${domesticRef}）；再扣除出口后为${net}（${netRef}）。`,
    capacityBelowDemand: (name, capacity, capacityRef, demand, demandRef) =>
      `${name}的产能${capacity}（${capacityRef}）低于其省内需求${demand}（${demandRef}）。`,
    implied: (name, aluminium, factor, demand, r) => `${name}：电解铝产量${aluminium}，按吨铝消耗阳极${factor}计，需阳极${demand}（${r}）。`,
    extremesTitle: '最大盈余与最大缺口',
    extremes: (a, av, b, bv, r) => `${a} ${av}，${b} ${bv}（${r}）。`,
    destination: (name, volume, year, share, previous, previousYear, change, r) =>
      `${name}：${year}年${volume}，占中国出口的${share}${previous ? `；${previousYear}年为${previous}（${change}）` : ''}（${r}）。`,
    provinceExports: (name, exports, total, r) => `${name}出口${exports}，全国合计${total}（${r}）。`,
    moversTitle: '变化最大',
    movers: (items, r) => `与上年相比：${items.join('、')}（${r}）。`,
    inThePaper: (r) => `论文原文（${r}）`,
    inconsistencyTitle: '论文前后不一致之处',
    tensionTitle: '值得再看一眼',
  },

  changes: {
    description: '两版数据之间的变化：变化最大的项目',
    line: (metric, total, biggest) => `${CHANGE[metric]}：全国${total}${biggest ? `；变化最大：${biggest}` : ''}。`,
    since: (year) => `与${year}年版相比的变化`,
    oneEdition: (year) => `只有一个版本（${year}年）`,
    oneEditionHint: '/changes 用于比较两个版本的数据，但目前只载入了一个。新版本即 data/ 下的一个新文件夹。',
    noPair: '无法比较这两个版本',
    metric: (metric) => CHANGE[metric],
    total: (delta) => `全国：${delta}`,
    title: (from, to) => `变化：${from}年版 → ${to}年版`,
    summary: (from, to) => `从${from}年版到${to}年版变化最大的项目：按省份（产能、产量、以百分点计的产能利用率、净平衡）和按目的地（出口）。`,
    note: '只比较两个版本都列出的省份和目的地。',
  },

  language: {
    description: '本频道回复和简报所用的语言：zh、en 或 auto',
    notHere: '语言设置需要机器人的数据库',
    notHereHint: '请用 npm start 启动机器人；在控制台和 npm run ask 中，请使用 --lang zh 或 --lang en。',
    currentTitle: '本频道的语言',
    current: (lang) =>
      `本频道使用${lang === 'zh-CN' ? '中文（zh）' : lang === 'en' ? '英文（en）' : '各读者自己的语言（平台提供时；否则为英文，auto）'}。可用 /language zh、/language en 或 /language auto 更改。`,
    setTitle: '语言已设置',
    set: (lang) => `本频道的回复和简报现在使用${lang === 'zh-CN' ? '中文' : lang === 'en' ? '英文' : '各读者自己的语言（auto）'}。`,
  },

  render: {
    labelled: (label, text) => `${label}：${text}`,
    usage: '用法',
    sources: '来源',
    chart: '图表',
    more: (n) => `……另有${n}项`,
    moreBlocks: (n) => `……另有${n}个区块未显示`,
    moreRows: (n) => `……另有${n}行：加 csv 可取得整张表（/table N csv）`,
    sharedBy: (user) => `由 ${user} 分享`,
    apologyTitle: '抱歉，我们这边出错了',
    apology: (errorId) => `回答时出现错误。请重试；如仍失败，请提供错误编号 ${errorId}。`,
    clickElsewhere: '该按钮属于另一个频道',
    clickElsewhereHint: '按钮只在其消息所在的频道中有效。请在此直接输入命令。',
    badClick: '无法读取该按钮',
    badClickHint: '它可能来自旧版机器人。请直接输入命令；/help 可列出所有命令。',
    fileAttached: (name) => `文件：${name}`,
  },

  console: {
    banner: (years) =>
      [
        `anode-bot · 中国预焙阳极（${years.join('、')}年版），在终端中使用`,
        '输入命令，如 /province 云南、/exports top 5 或 help。Tab 键补全；输入 quit 或按 Ctrl-D 退出。',
        '如需改为服务 Slack 或 Discord，请设置相应的令牌（见 README.md 和 .env.example）。',
      ].join('\n'),
    dataset: (year, version, inconsistencies) => `使用${year}年版数据（数据集 ${version}）：已标出论文中${inconsistencies}处前后不一致（/sources）。`,
    failed: (id) => `✖ 抱歉，我们这边出错了（错误编号 ${id}）。`,
    briefingArrived: '定时简报',
  },
};
