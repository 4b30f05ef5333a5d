import { closest, distance } from '../vendor/check-deps.js';

/**
 * The candidate nearest to `value` by edit distance, when it is near enough to be a likely typo
 * (at most a third of the length, and at least 1 edit); undefined otherwise.
 */
export function nearest(value: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates].filter((c) => c !== value);
  if (list.length === 0 || value.length === 0) return undefined;
  const sorted = list.sort();
  const best = closest(value, sorted);
  const limit = Math.max(2, Math.ceil(value.length / 3));
  if (distance(value, best) <= limit) return best;
  // a shared prefix or suffix of a kebab-case id is also a likely intent
  const byPart = sorted.find((c) => c.startsWith(`${value}-`) || c.endsWith(`-${value}`) || value.startsWith(`${c}-`));
  return byPart;
}

/** ` Did you mean `x`?` or the empty string. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const best = nearest(value, candidates);
  return best === undefined ? '' : `: did you mean \`${best}\`?`;
}
