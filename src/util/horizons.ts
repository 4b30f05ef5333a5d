import { asRecord, own, str } from './data.js';
import { addYears, isoDate } from './dates.js';

/** A target's horizon (FORMAT.md §2 plan). */
export type Horizon = 'short' | 'medium' | 'long';

/** The horizons every plan's targets should cover, in order. */
export const HORIZONS: readonly Horizon[] = ['short', 'medium', 'long'];

/** A plan's period as checked dates, with the ends of the short and medium horizons. */
export interface Period {
  start: string;
  end: string;
  /** The last day of the short horizon: one year after the start. */
  shortEnd: string;
  /** The last day of the medium horizon: three years after the start. */
  mediumEnd: string;
}

/** The period of a plan's data, when both ends are real dates. */
export function periodOf(plan: Record<string, unknown>): Period | undefined {
  const period = asRecord(own(plan, 'period'));
  const start = isoDate(own(period, 'start'));
  const end = isoDate(own(period, 'end'));
  if (start === undefined || end === undefined) return undefined;
  return { start, end, shortEnd: addYears(start, 1), mediumEnd: addYears(start, 3) };
}

/**
 * The horizon a due date falls in: short up to one year after the start, medium up to three years,
 * long after that; `outside` before the start or after the end of the period.
 */
export function horizonOfDate(due: string, period: Period): Horizon | 'outside' {
  if (due < period.start || due > period.end) return 'outside';
  if (due <= period.shortEnd) return 'short';
  if (due <= period.mediumEnd) return 'medium';
  return 'long';
}

/** The value as a horizon, when it is one. */
export function asHorizon(value: unknown): Horizon | undefined {
  return typeof value === 'string' && (HORIZONS as readonly string[]).includes(value) ? (value as Horizon) : undefined;
}

/** A target's horizon: the one it declares, else the one its `due` falls in. */
export function horizonOfTarget(target: Record<string, unknown>, period: Period | undefined): Horizon | undefined {
  const declared = asHorizon(own(target, 'horizon'));
  if (declared !== undefined) return declared;
  const due = isoDate(str(target, 'due'));
  if (due === undefined || period === undefined) return undefined;
  const derived = horizonOfDate(due, period);
  return derived === 'outside' ? undefined : derived;
}
