import type { Point, Range } from '../model/diagnostic.js';

const lineStartsCache = new WeakMap<object, number[]>();

/** Offsets at which each line of `text` starts (line 1 at index 0). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Converts an offset into a 1-based line and column, using a cached line table per owner. */
export function pointAt(owner: { text: string }, offset: number): Point {
  let starts = lineStartsCache.get(owner);
  if (starts === undefined) {
    starts = lineStarts(owner.text);
    lineStartsCache.set(owner, starts);
  }
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
}

/** The range between two offsets of a text. */
export function rangeAt(owner: { text: string }, start: number, end: number): Range {
  return { start: pointAt(owner, start), end: pointAt(owner, end) };
}
