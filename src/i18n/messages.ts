import { en, type Messages } from './en.js';
import type { Lang } from './lang.js';
import { zhCN } from './zh-CN.js';

export type { Messages };

const catalogues: Record<Lang, Messages> = { en, 'zh-CN': zhCN };

/** The catalogue of a language. */
export function messages(lang: Lang): Messages {
  return catalogues[lang];
}
