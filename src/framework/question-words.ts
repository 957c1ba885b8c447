/**
 * The words a question is read by, in English and Chinese, as people type them in chat: each intent is
 * one pattern over the lower-cased question. Names (provinces, countries) are not here: they come from
 * the dataset's own name dictionary, like everywhere else.
 */
export const INTENT_WORDS = {
  utilization: /\butili[sz]ation\b|\butili[sz]ed\b|\butil\b|\b(?:running|operating|use|usage|capacity use) rate\b|\bload factor\b|利用率|开工率|开工/,
  capacity: /\bcapacit(?:y|ies)\b|\bcap\b|产能/,
  output: /\boutput\b|\bproduction\b|\bproduc(?:e|es|ed|ing)\b|\bmake[s]?\b|产量|生产|产出/,
  exports:
    /\bexport(?:s|ed|ing|er|ers)?\b|\bdestinations?\b|\bship(?:s|ped|ments?)?\b|\bbuyers?\b|\bimport(?:s|ers?)? from china\b|\bwhere\b.*\b(?:go|goes|going|sold|sent)\b|\b(?:sold|sent|sells?) to\b|\bbuy(?:s|ing)?\b|出口|外销|销往|卖到|卖给/,
  demand: /\bdemand\b|\bconsum(?:e|es|ed|ption)\b|\bneeds?\b|需求|消费|用量|需要/,
  deficit: /\bdeficits?\b|\bshortfalls?\b|\bshortages?\b|\bshort\b|\bgaps?\b|\bundersupplied\b|缺口|短缺|不足|供不应求|缺/,
  surplus: /\bsurplus(?:es)?\b|\boversuppl(?:y|ied)\b|\bexcess\b|过剩|富余|盈余|多余/,
  balance: /\bbalance\b|\bmismatch\b|\bsupply[- ]?(?:and[- ])?demand\b|\bself[- ]?sufficien\w*\b|供需|平衡|错配|自给/,
  idle: /\bidle\b|\bshut(?:[- ]?down)?\b|\bclosed\b|\bstopped\b|\bdormant\b|\bunused\b|停产|闲置|关停/,
  highShare: /\bhigh[- ]?efficien\w*\b|\bmost efficient\b|高效/,
  efficiency: /\befficien\w*\b|\bclass(?:es)?\b|效率|能效|低效|中效/,
  overview:
    /\boverview\b|\bsummary\b|\boverall\b|\bnational(?:ly)?\b|\bnationwide\b|\bchina(?:'s)?\b|\bchinese\b|\bindustry\b|\btotal\b|\bwhole country\b|概况|总体|全国|全行业|中国|总量|行业/,
  compare: /\bcompar(?:e|ed|ing|ison)\b|\bversus\b|\bvs\.?(?=\s|$)|\bagainst\b|\bdifference\b|\bdiffer\b|对比|比较|相比|比一比|差别|区别|和.+比/,
  rank: /\brank(?:s|ed|ing|ings)?\b|\btop\b|\bmost\b|\blargest\b|\bbiggest\b|\bhighest\b|\blowest\b|\bleast\b|\bsmallest\b|\bleading\b|\bwhich\b|\bwho(?:'s| is)?\b|\bbest\b|\bworst\b|\border\b|排名|排行|最大|最多|最高|最低|最少|最小|哪个|哪些|谁|前[0-9一二三四五六七八九十两]+/,
  byProvince: /\bprovinces?\b|\bregions?\b|\bby province\b|\beach province\b|省|地区|各地/,
  sources:
    /\bsources?\b|\breferences?\b|\bcitations?\b|\bprovenance\b|\bwhere (?:do|does) (?:the|these|your) (?:figures|numbers|data) come from\b|\binconsisten\w*\b|\bthe paper\b|来源|出处|引用|数据从哪|不一致|论文/,
  changes: /\bwhat changed\b|\bwhat'?s new\b|\bchanges? between (?:editions|years|the editions)\b|\bnew edition\b|有什么变化|版本.*变化|更新了什么/,
  csv: /\bcsv\b|\bspreadsheet\b|\bexcel\b|\bdownload\b|下载|表格文件/,
  help: /\bhelp\b|\bcommands?\b|\bwhat can you (?:do|answer|tell)\b|\bhow (?:do i|to) use\b|帮助|怎么用|命令|能做什么|能回答什么/,
  lastYear: /\blast year\b|\bprevious year\b|\byear before\b|\bprior year\b|去年|上一年|前一年|上年/,
  thisYear: /\bthis year\b|\bcurrent year\b|\blatest\b|今年|本年|最新/,
} as const;

export type Intent = keyof typeof INTENT_WORDS;

/** Questions the paper cannot answer: no figure is ever given for these. */
export const OUT_OF_SCOPE = {
  price:
    /\bprices?\b|\bpric(?:ed|ing)\b|\bcosts?\b|\bcost of\b|\busd\b|\brmb\b|\byuan\b|\$|\bdollars?\b|\bprofits?\b|\bmargins?\b|\brevenue\b|\bexpensive\b|\bcheap\b|价格|多少钱|报价|成本|利润|价钱|售价|收入/,
  company:
    /\bcompan(?:y|ies)\b|\bfirms?\b|\bmanufacturers?\b|\bsuppliers?\b|\bwho makes\b|\bplants? (?:named|called)\b|\bvendors?\b|\bbrands?\b|公司|企业名|厂家|厂商|供应商|哪家|品牌/,
  forecast:
    /\bforecasts?\b|\bpredict(?:ion|ions|ed)?\b|\boutlook\b|\bfuture\b|\bnext year\b|\bwill (?:be|grow|rise|fall)\b|\bexpect(?:ed)?\b|\bprojection\b|预测|预计|未来|明年|将来|展望/,
  weather: /\bweather\b|\btemperature\b|\brain\b|天气|气温|下雨/,
  smallTalk:
    /^(?:hi|hey|hello|yo|thanks|thank you|thx|ty|ok|okay|cool|nice|great|good (?:morning|afternoon|evening|night)|bye|lol|how are you)\b|^(?:你好|您好|谢谢|感谢|多谢|哈喽|嗨|早上好|晚上好|再见|好的|辛苦了)/,
  /** Places the paper gives no row of their own (its tables fold them into "Others"); dataset names are matched first. */
  place:
    /\b(?:beijing|shanghai|tianjin|chongqing|hebei|shanxi|shaanxi|jilin|heilongjiang|jiangsu|zhejiang|anhui|fujian|jiangxi|hubei|hunan|guangdong|hainan|sichuan|tibet|xizang|hong kong|macau|taiwan|usa|united states|america|india|japan|germany|australia|brazil|saudi arabia|saudi|qatar|south africa|vietnam|turkey|egypt|britain|uk|france|italy|spain|mexico|argentina|kazakhstan|philippines|thailand)\b|北京|上海|天津|重庆|河北|山西|陕西|吉林|黑龙江|江苏|浙江|安徽|福建|江西|湖北|湖南|广东|海南|四川|西藏|香港|澳门|台湾|美国|印度|日本|德国|澳大利亚|巴西|沙特|卡塔尔|南非|越南|土耳其|埃及|英国|法国/,
  other: /\bstock\b|\bshare price\b|\bnews\b|\bweather\b|\bjoke\b|\bpoem\b|股价|新闻|笑话/,
} as const;

export type OutOfScope = keyof typeof OUT_OF_SCOPE;

const CHINESE_DIGITS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ENGLISH_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};

/** 一 … 九十九 as a number ("十" 10, "十五" 15, "二十" 20). */
export function chineseNumber(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens ? CHINESE_DIGITS[tens] : undefined;
  return (tens ? CHINESE_DIGITS[tens]! : 1) * 10 + (ones ? CHINESE_DIGITS[ones]! : 0);
}

/** "top 5", "top five", "5 largest", "前十", "前5" → 5; undefined when no count is asked for. */
export function countIn(text: string): number | undefined {
  // "top 5" before "5 largest": the words overlap ("capacity top 5").
  for (const pattern of [
    /\b(?:top|first|largest|biggest|leading|highest|lowest)\s+(\d{1,2}|[a-z]+)\b/g,
    /\b(\d{1,2}|[a-z]+)\s+(?:largest|biggest|top|leading|main|highest|lowest)\b/g,
  ]) {
    for (const en of text.matchAll(pattern)) {
      const word = en[1]!;
      const n = /^\d+$/.test(word) ? Number(word) : ENGLISH_NUMBERS[word];
      if (n !== undefined && n > 0) return n;
    }
  }
  const zh = /前\s*([0-9]{1,2}|[一二两三四五六七八九十]{1,3})/.exec(text);
  if (zh) return chineseNumber(zh[1]!);
  return undefined;
}

/** "table 2", "表2", "表二" → 2. */
export function tableIn(text: string): number | undefined {
  const m = /\btable\s*#?\s*([1-9])\b|表\s*([1-9一二三四五六七八九])/.exec(text);
  const d = m?.[1] ?? m?.[2];
  return d === undefined ? undefined : chineseNumber(d);
}

/** Four-digit years written in the question ("1999", "1999年"). */
export function yearsIn(text: string): number[] {
  return [...text.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?!\d)/g)].map((m) => Number(m[1]));
}

/** Words that look like names to a fuzzy matcher but are everyday English: never read as a name. */
export const NOT_NAMES = new Set([
  'china',
  'chinese',
  'which',
  'where',
  'what',
  'whats',
  'export',
  'exports',
  'import',
  'imports',
  'output',
  'capacity',
  'demand',
  'balance',
  'country',
  'countries',
  'province',
  'provinces',
  'largest',
  'biggest',
  'highest',
  'lowest',
  'compare',
  'between',
  'surplus',
  'deficit',
  'utilization',
  'utilisation',
  'anode',
  'anodes',
  'prebaked',
  'tonnes',
  'tons',
  'share',
  'shares',
  'total',
  'table',
  'there',
  'their',
  'about',
  'these',
  'those',
  'rank',
  'ranking',
  'market',
  'markets',
  'plant',
  'plants',
  'idle',
  'shutdown',
  'efficiency',
  'efficient',
  'destination',
  'destinations',
  'number',
  'numbers',
  'figure',
  'figures',
  'source',
  'sources',
  'year',
  'years',
  'national',
  'overall',
  'summary',
  'overview',
  'please',
  'could',
  'would',
  'should',
  'tell',
  'show',
  'give',
  'much',
  'many',
  'most',
  'least',
  'more',
  'less',
  'than',
  'with',
  'from',
  'into',
  'last',
  'this',
  'that',
  'have',
  'does',
  'mongolia',
  'inner',
  'korea',
  'south',
  'north',
  'arab',
  'united',
  'emirates',
  'saudi',
  'arabia',
  'region',
  'regions',
  'shortage',
  'production',
  'produce',
  'making',
  'makes',
  'change',
  'changes',
  'changed',
  'price',
  'prices',
  'company',
  'companies',
  'weather',
  'hello',
  'thanks',
  'forecast',
  'versus',
  'against',
  'smallest',
  'running',
  'operating',
  'consumption',
  'mismatch',
  'supply',
  'using',
  'others',
  'other',
  'else',
  'world',
  'abroad',
  'overseas',
  'foreign',
  'leading',
]);
