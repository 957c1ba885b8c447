/** The languages replies are written in. */
export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

/** Locales read before: every interaction names one, and reading it is a regular expression. */
const readLocales = new Map<string, Lang>();

/**
 * A reader's language from whatever the platform or the environment says: Discord's locale ("zh-CN",
 * "zh-TW"), Slack's ("zh-CN"), LANG/LC_ALL ("zh_CN.UTF-8"), or a flag ("zh"). Chinese of any
 * region reads Simplified Chinese; everything else English.
 */
export function langOf(locale: string | undefined | null): Lang {
  const given = locale ?? '';
  let lang = readLocales.get(given);
  if (lang === undefined) {
    lang = /^zh(?:[-_].*)?$/i.test(given.trim().split('.')[0] ?? '') ? 'zh-CN' : 'en';
    // Locales come from a short list (Discord's, the system's); a stranger one is read, not kept.
    if (readLocales.size < 64) readLocales.set(given, lang);
  }
  return lang;
}

/** Like langOf, but undefined when nothing is said (so the next source may decide). */
export function langIfSaid(locale: string | undefined | null): Lang | undefined {
  const l = (locale ?? '').trim();
  if (!l || l === 'C' || l === 'POSIX') return undefined;
  return langOf(l);
}
