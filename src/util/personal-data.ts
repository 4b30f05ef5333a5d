/**
 * Detection of personal data in free text: e-mail addresses, phone numbers and identity-like
 * numbers. Tuned for few false positives on what protocol records are full of: dates, times, year
 * ranges, budget lines (`MoH 04-112`), legal citations (`Act No. 12 of 2024`), amounts and durations.
 */

/** What was found. */
export type PersonalDataKind = 'e-mail address' | 'phone number' | 'identity number';

/** One piece of personal data, by offsets into the text searched. */
export interface PersonalDataMatch {
  kind: PersonalDataKind;
  start: number;
  end: number;
  text: string;
}

const EMAIL = /(?<![\w.%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])/g;

/** Number-like text that is never personal data, masked before numbers are looked for. */
const HARMLESS = [
  /\d{4}-\d{1,2}-\d{1,2}/g, // ISO dates, also inside ids such as a-2026-06-01-02
  /\d{4}\/\d{1,2}\/\d{1,2}/g, // 2026/06/12
  /(?<!\d)\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})(?!\d)/g, // 12/06/2026, 12.06.26
  /(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)/g, // times
  /(?<!\d)(?:1[89]|20)\d{2}\s?[-–]\s?(?:1[89]|20)\d{2}(?!\d)/g, // year ranges 2026-2030
];

/** A run of digits in groups: an optional `+` or `(area)`, then digits separated by one space, dash, dot or bracket. */
const NUMBER = /(?<![\w/.,:+-])(?:\+\s?)?(?:\(\d{1,5}\)\s?)?\d+(?:(?:\s?[-.]\s?|\s|\)\s?|\s?\()\d+)*(?![\w/:@]|[.,-]\d)/g;

/** Letters then digits, like passport and national insurance numbers (`AB123456C`). */
const LETTER_ID = /(?<![\w-])[A-Z]{1,2}\d{6,9}[A-Z]?(?![\w-])/g;

/** What every pattern above needs somewhere in the text. */
const HAS_DIGIT_OR_AT = /[0-9@]/;

/** A currency code or sign just before a plain number: an amount. */
const CURRENCY_BEFORE = /(?:\b[A-Z]{3}|[$€£¥₹])\s?$/;

function mask(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => 'x'.repeat(m.length));
}

/** The kind of personal data a number-like run is, or undefined when it looks harmless. */
function classifyNumber(run: string, before: string): PersonalDataKind | undefined {
  const digits = run.replace(/\D/g, '').length;
  if (run.startsWith('+')) return digits >= 7 && digits <= 15 ? 'phone number' : undefined;
  if (run.startsWith('(')) return digits >= 7 && digits <= 15 ? 'phone number' : undefined;
  const groups = run.split(/\D+/).filter((g) => g !== '');
  if (groups.length === 1) {
    // a plain number: long ones are identity-like, unless they are amounts
    if (digits < 9 || digits > 18 || /000$/.test(run) || CURRENCY_BEFORE.test(before)) return undefined;
    return run.startsWith('0') ? 'phone number' : 'identity number';
  }
  if (/^\d{1,3}(?:[ .]\d{3})+$/.test(run)) return undefined; // thousands separators: 2 500 000
  if (/^\d+\.\d+$/.test(run)) return undefined; // a decimal number
  if (digits < 7 || digits > 19) return undefined;
  return groups.some((g) => g.length >= 6) ? 'identity number' : 'phone number';
}

/** Every e-mail address, phone number and identity-like number in a text, in order. */
export function findPersonalData(text: string): PersonalDataMatch[] {
  // every pattern needs an `@` (e-mail) or an ASCII digit (the others): most prose has neither
  if (!HAS_DIGIT_OR_AT.test(text)) return [];
  const out: PersonalDataMatch[] = [];
  let masked = text;
  for (const match of text.matchAll(EMAIL)) {
    out.push({ kind: 'e-mail address', start: match.index, end: match.index + match[0].length, text: match[0] });
    masked = masked.slice(0, match.index) + 'x'.repeat(match[0].length) + masked.slice(match.index + match[0].length);
  }
  for (const pattern of HARMLESS) masked = mask(masked, pattern);
  for (const match of masked.matchAll(NUMBER)) {
    const run = match[0].trimEnd();
    const kind = classifyNumber(run, masked.slice(Math.max(0, match.index - 5), match.index));
    if (kind !== undefined) out.push({ kind, start: match.index, end: match.index + run.length, text: text.slice(match.index, match.index + run.length) });
  }
  for (const match of masked.matchAll(LETTER_ID)) {
    out.push({ kind: 'identity number', start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  return out.sort((a, b) => a.start - b.start);
}
