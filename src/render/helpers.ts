import type { HelperOptions } from 'handlebars';
import { isLang, translatorFor, type LabelData, type Translator } from './i18n.js';

/** The translator of the handbook being rendered (the root context's `lang`). */
export function translator(options: HelperOptions): Translator {
  const root = (options.data as { root?: { lang?: unknown } } | undefined)?.root;
  const lang = root?.lang;
  return translatorFor(isLang(lang) ? lang : 'en');
}

/** The hash arguments of a helper call as label data (text and numbers only). */
export function labelData(options: HelperOptions): LabelData {
  const data: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(options.hash as Record<string, unknown>)) {
    if (typeof value === 'string' || typeof value === 'number') data[key] = value;
    else if (value !== undefined && value !== null) data[key] = String(value);
  }
  return data;
}

/**
 * The helpers of protokit's templates, the only logic they have. Each returns plain text, which
 * Handlebars escapes; none returns HTML.
 *
 * - `{{t "key" name=value}}`: a label of the handbook's language, placeholders filled.
 * - `{{count "key" n}}`: the plural form of a label for `n` (`{count}` is the number).
 * - `{{join list}}`: "a, b and c" in the handbook's language.
 */
export const HELPERS = {
  t(key: unknown, options: HelperOptions): string {
    return translator(options).t(String(key), labelData(options));
  },
  count(key: unknown, n: unknown, options: HelperOptions): string {
    return translator(options).plural(String(key), typeof n === 'number' ? n : Number(n), labelData(options));
  },
  join(list: unknown, options: HelperOptions): string {
    return Array.isArray(list) ? translator(options).list(list.map(String)) : '';
  },
} as const;

/** The names of the helpers, for `knownHelpers` (templates may call no other). */
export const HELPER_NAMES: readonly string[] = Object.keys(HELPERS);
