import { en, type Messages } from './en.js';
import type { Lang } from './lang.js';

export type { Messages };

const catalogues: Record<Lang, Messages> = { en, 'zh-CN': en };

/** The catalogue of a language. */
export function messages(lang: Lang): Messages {
  return catalogues[lang];
}
