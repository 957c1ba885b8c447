/** The languages replies are written in. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/**
 * A reader's language from whatever the platform or the environment says: Discord's locale ("zh-CN",
 * "zh-TW"), Slack's ("zh-CN"), LANG/LC_ALL ("zh_CN.UTF-8"), or a flag ("zh"). Chinese of any
 * region reads Simplified Chinese; everything else English.
 */
export function langOf(locale: string | undefined | null): Lang {
  return /^zh(?:[-_].*)?$/i.test((locale ?? '').trim().split('.')[0] ?? '') ? 'zh-CN' : 'en';
}

/** Like langOf, but undefined when nothing is said (so the next source may decide). */
export function langIfSaid(locale: string | undefined | null): Lang | undefined {
  const l = (locale ?? '').trim();
  if (!l || l === 'C' || l === 'POSIX') return undefined;
  return langOf(l);
}
