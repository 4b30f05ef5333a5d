/** Defensive readers of frontmatter data, which may not match its schema. */

/** The value as a plain record, or undefined. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The value as a list (a single value becomes a one-item list; absent becomes empty). */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The items of a list field of a record, with their indexes; non-lists give nothing. */
export function itemsOf(record: Record<string, unknown> | undefined, key: string): [Record<string, unknown>, number][] {
  const value = record === undefined ? undefined : own(record, key);
  if (!Array.isArray(value)) return [];
  const out: [Record<string, unknown>, number][] = [];
  value.forEach((item, index) => {
    const r = asRecord(item);
    if (r !== undefined) out.push([r, index]);
  });
  return out;
}

/** A record's own property (never one inherited from Object.prototype). */
export function own(record: Record<string, unknown> | undefined, key: string): unknown {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A record's own property when it is a non-empty string. */
export function str(record: Record<string, unknown> | undefined, key: string): string | undefined {
  const value = own(record, key);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
