/** ISO 8601 calendar dates (`2027-06-30`), compared as text: the format sorts like time. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The value as an ISO calendar date string, when it is a real date; undefined otherwise. */
export function isoDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const match = ISO_DATE.exec(value);
  if (match === null) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}

/** The date `years` years after an ISO date (29 February becomes 1 March in a common year). */
export function addYears(date: string, years: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const d = new Date(Date.UTC(year + years, month - 1, day));
  return d.toISOString().slice(0, 10);
}
