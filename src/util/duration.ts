/**
 * Durations of the format (FORMAT.md §1): an ISO 8601 duration such as `PT72H` or `P3D`, or the
 * word `immediate`. No maintained duration parser is among our dependencies, and the rules only need
 * to compare lengths, so this is a small one.
 *
 * Calendar units have no fixed length in ISO 8601. To compare them with hours we use fixed
 * lengths: a year is 365 days, a month 30 days, a week 7 days (a day is 24 hours: time zones and
 * leap seconds do not matter for protocol deadlines). So `P1M` < `P31D` and `P12M` < `P1Y`.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The parts of an ISO 8601 duration, in the order they are written. */
export const DURATION_UNITS = ['year', 'month', 'week', 'day', 'hour', 'minute', 'second'] as const;

/** One unit of a duration. */
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A duration as written: the count of each unit present (`PT72H` stays 72 hours). */
export type DurationParts = { unit: DurationUnit; count: number }[];

const UNIT_MS: Record<DurationUnit, number> = { year: 365 * DAY, month: 30 * DAY, week: 7 * DAY, day: DAY, hour: HOUR, minute: MINUTE, second: SECOND };

const NUMBER = '(\\d+(?:[.,]\\d+)?)';
const ISO = new RegExp(`^P(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}W)?(?:${NUMBER}D)?(?:T(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?$`);

/** The units of a duration as written, `immediate`, or undefined when the value is not a duration. */
export function durationParts(value: unknown): DurationParts | 'immediate' | undefined {
  if (typeof value !== 'string') return undefined;
  if (value === 'immediate') return 'immediate';
  // `P` alone and a `T` without a time part are not durations
  if (value === 'P' || value.endsWith('T')) return undefined;
  const match = ISO.exec(value);
  if (match === null) return undefined;
  const parts: DurationParts = [];
  DURATION_UNITS.forEach((unit, i) => {
    const raw = match[i + 1];
    if (raw !== undefined) parts.push({ unit, count: Number(raw.replace(',', '.')) });
  });
  return parts;
}

/** The length of a duration in milliseconds (`immediate` is 0), or undefined when it is not one. */
export function parseDuration(value: unknown): number | undefined {
  const parts = durationParts(value);
  if (parts === undefined) return undefined;
  if (parts === 'immediate') return 0;
  return parts.reduce((total, part) => total + part.count * UNIT_MS[part.unit], 0);
}

/** A length in milliseconds written as an ISO 8601 duration in days and time (`P4DT12H`, `PT72H`, `PT0S`). */
export function formatDuration(ms: number): string {
  if (ms <= 0) return 'PT0S';
  let rest = Math.round(ms / SECOND) * SECOND;
  // hours read better than days up to three days, as protocols write them (`PT72H`, `P4D`)
  const days = rest >= 4 * DAY ? Math.floor(rest / DAY) : 0;
  rest -= days * DAY;
  const hours = Math.floor(rest / HOUR);
  rest -= hours * HOUR;
  const minutes = Math.floor(rest / MINUTE);
  rest -= minutes * MINUTE;
  const seconds = rest / SECOND;
  const time = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds > 0 ? `${seconds}S` : ''}`;
  return `P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`;
}
