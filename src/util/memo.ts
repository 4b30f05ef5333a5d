/**
 * The value kept in `map` for `key`, else `compute()` kept there. `map` holds at most `limit`
 * values: when it is full it is emptied first, so a long run keeps what it uses now without
 * growing without end. For results that depend only on the key (the same output either way).
 */
export function remember<K, V>(map: Map<K, V>, key: K, limit: number, compute: () => V): V {
  const kept = map.get(key);
  if (kept !== undefined) return kept;
  const value = compute();
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}
