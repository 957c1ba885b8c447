import type { Lang } from '../../i18n/lang.js';

/** Feishu's own words, in both languages: they belong to this platform, not to the shared catalogues. */
export const STRINGS: Record<Lang, { chartImage: string; manageRight: string; working: string }> = {
  en: {
    chartImage: 'the chart as an image',
    manageRight: 'to be the group’s owner or one of its administrators',
    working: 'One moment…',
  },
  'zh-CN': {
    chartImage: '图表图片',
    manageRight: '群主或群管理员身份',
    working: '请稍候……',
  },
};
