import { durationParts, type DurationParts } from '../util/duration.js';
import type { Translator } from './i18n.js';

/** A parsed duration: the count of each unit as written (PT72H stays 72 hours). */
export type Duration = DurationParts;

/** Parses `PT1H`, `P3D`, `P1DT12H` or `immediate` (units with a zero count dropped); anything else gives undefined. */
export function parseDuration(text: string): Duration | 'immediate' | undefined {
  const parts = durationParts(text.trim());
  if (parts === undefined || parts === 'immediate') return parts;
  const counted = parts.filter((part) => part.count > 0);
  return counted.length === 0 ? 'immediate' : counted;
}

/** The length of a duration, written for people: "1 hour", "3 days", "1 day and 12 hours". */
export function formatDuration(duration: Duration, t: Translator): string {
  return t.list(duration.map((part) => t.plural(`unit.${part.unit}`, part.count)));
}

/**
 * A timeframe written for people in the handbook's language: "within 1 hour", "en 3 días",
 * "dans un délai d'1 heure", "immediately". Text that is not a duration is shown as written;
 * an absent value gives the empty string.
 */
export function formatWithin(value: unknown, t: Translator): string {
  if (typeof value !== 'string' || value.trim() === '') return '';
  const parsed = parseDuration(value);
  if (parsed === 'immediate') return t.t('time.immediate');
  if (parsed === undefined) return t.t('time.within.other', { duration: value.trim() });
  const first = parsed[0]?.count ?? 0;
  // the category of the first number picks the phrase: French elides "de" before "1" (d'1 heure)
  const category = Number.isInteger(first) ? t.pluralCategory(first) : 'other';
  const key = t.has(`time.within.${category}`) ? `time.within.${category}` : 'time.within.other';
  return t.t(key, { duration: formatDuration(parsed, t) });
}

/** A period (`meets_every: P3M`, `feedback.within`) as a bare length: "3 months". */
export function formatLength(value: unknown, t: Translator): string {
  if (typeof value !== 'string' || value.trim() === '') return '';
  const parsed = parseDuration(value);
  if (parsed === 'immediate') return t.t('time.immediate');
  return parsed === undefined ? value.trim() : formatDuration(parsed, t);
}
