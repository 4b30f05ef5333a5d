import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { remember } from '../util/memo.js';
import { InternalError } from '../model/errors.js';

/** The languages handbook labels come in. */
export const LANGS = ['en', 'es', 'fr'] as const;

/** A handbook language. */
export type Lang = (typeof LANGS)[number];

/** True when `value` is a supported handbook language. */
export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The locale that formats dates, numbers and lists of each language (English as written outside the US). */
const FORMAT_LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', es: 'es', fr: 'fr' };

/** A message catalogue: label key → text with `{name}` placeholders. */
export type Catalogue = ReadonlyMap<string, string>;

/** The folder of the built-in catalogues (`locales/` at the package root, beside `src/` and `dist/`). */
export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

const catalogues = new Map<Lang, Catalogue>();

/** Reads (once per process) the catalogue of a language from `locales/<lang>.json`. */
export function loadCatalogue(lang: Lang, dir = LOCALES_DIR): Catalogue {
  const cached = dir === LOCALES_DIR ? catalogues.get(lang) : undefined;
  if (cached !== undefined) return cached;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(`${dir}/${lang}.json`, 'utf8'));
  } catch (error) {
    throw new InternalError(`Cannot read the ${lang} labels (${dir}${lang}.json): ${(error as Error).message}`, { cause: error });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new InternalError(`${dir}${lang}.json is not an object of labels`);
  const map = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    if (typeof value !== 'string') throw new InternalError(`${dir}${lang}.json: the label \`${key}\` is not text`);
    map.set(key, value);
  }
  if (dir === LOCALES_DIR) catalogues.set(lang, map);
  return map;
}

/** Values that fill a label's `{name}` placeholders. */
export type LabelData = Readonly<Record<string, string | number>>;

/** Labels split at their placeholders (text, name, text, …, text). */
const splitLabels = new Map<string, readonly string[]>();
const MAX_SPLIT_LABELS = 2000;

function splitLabel(template: string): readonly string[] {
  return remember(splitLabels, template, MAX_SPLIT_LABELS, () => {
    const parts: string[] = [];
    let last = 0;
    for (const match of template.matchAll(/\{(\w+)\}/g)) {
      parts.push(template.slice(last, match.index), match[1] as string);
      last = match.index + match[0].length;
    }
    parts.push(template.slice(last));
    return parts;
  });
}

/** Fills `{name}` placeholders; unknown names stay as written. */
export function fillPlaceholders(template: string, data: LabelData = {}): string {
  if (!template.includes('{')) return template;
  const parts = splitLabel(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i] as string;
    out += (Object.hasOwn(data, name) ? String(data[name]) : `{${name}}`) + (parts[i + 1] as string);
  }
  return out;
}

/** How many results of each Intl formatter a translator keeps. */
const MAX_KEPT_FORMATS = 5000;

/** Labels, plurals, lists, numbers and dates of one language. */
export class Translator {
  readonly lang: Lang;
  private readonly catalogue: Catalogue;
  private readonly plurals: Intl.PluralRules;
  private readonly lists: Intl.ListFormat;
  private readonly numbers: Intl.NumberFormat;
  private readonly dates: Intl.DateTimeFormat;
  /** What the formatters gave, by what they were given (see MAX_KEPT_FORMATS). */
  private readonly listed = new Map<string, string>();
  private readonly numbered = new Map<number, string>();
  private readonly categories = new Map<number, Intl.LDMLPluralRule>();

  constructor(lang: Lang, catalogue: Catalogue = loadCatalogue(lang)) {
    this.lang = lang;
    this.catalogue = catalogue;
    const locale = FORMAT_LOCALES[lang];
    this.plurals = new Intl.PluralRules(locale);
    this.lists = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    this.numbers = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    this.dates = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  }

  /** True when the catalogue has the key. */
  has(key: string): boolean {
    return this.catalogue.has(key);
  }

  /** The label of `key`, placeholders filled. A missing key is a bug in protokit's catalogues. */
  t(key: string, data?: LabelData): string {
    const template = this.catalogue.get(key);
    if (template === undefined) throw new InternalError(`The label \`${key}\` is missing from locales/${this.lang}.json`);
    return fillPlaceholders(template, data);
  }

  /** The label `key.one`/`key.other` (or another CLDR category when present) that suits `count`. */
  plural(key: string, count: number, data: LabelData = {}): string {
    const category = this.pluralCategory(count);
    const chosen = this.catalogue.has(`${key}.${category}`) ? `${key}.${category}` : `${key}.other`;
    return this.t(chosen, { count: this.number(count), ...data });
  }

  /** The CLDR plural category of a number in this language. */
  pluralCategory(count: number): Intl.LDMLPluralRule {
    // (a Map does not tell -0 from 0: -0 is not kept)
    if (Object.is(count, -0)) return this.plurals.select(count);
    return remember(this.categories, count, MAX_KEPT_FORMATS, () => this.plurals.select(count));
  }

  /** "a, b and c" in this language. */
  list(items: readonly string[]): string {
    // Intl's formatters are slow to call, and a handbook lists the same few things many times
    let key = '';
    for (const item of items) key += `${item.length}:${item}`;
    return remember(this.listed, key, MAX_KEPT_FORMATS, () => this.lists.format(items));
  }

  /** A number written for people in this language. */
  number(value: number): string {
    // (a Map does not tell -0 from 0: -0 is not kept)
    if (Object.is(value, -0)) return this.numbers.format(value);
    return remember(this.numbered, value, MAX_KEPT_FORMATS, () => this.numbers.format(value));
  }

  /** An ISO calendar date (`2026-01-01`) written for people; other text is returned as written. */
  date(value: unknown): string {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return this.dates.format(value);
    if (typeof value !== 'string') return value === undefined || value === null ? '' : String(value);
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    if (match === null) return value;
    const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    return Number.isNaN(date.getTime()) ? value : this.dates.format(date);
  }

  /** The label of a coded value (`consent.required`), or the value itself when it has none. */
  code(prefix: string, value: unknown): string {
    if (typeof value !== 'string' || value === '') return '';
    const key = `${prefix}.${value}`;
    return this.catalogue.has(key) ? this.t(key) : value;
  }
}

const translators = new Map<Lang, Translator>();

/** The shared translator of a language (built once per process). */
export function translatorFor(lang: Lang): Translator {
  let translator = translators.get(lang);
  if (translator === undefined) translators.set(lang, (translator = new Translator(lang)));
  return translator;
}
