import { asRecord, own } from './data.js';

/** The fields a complete budget needs (FORMAT.md §3 `plan/unbudgeted`), in the order messages name them. */
export const BUDGET_FIELDS = ['amount', 'currency', 'funded_by'] as const;

/** Whether a budget field holds something: a value, or for `funded_by` an agency id or `{ external: text }`. */
function present(budget: Record<string, unknown>, field: (typeof BUDGET_FIELDS)[number]): boolean {
  const value = own(budget, field);
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (field === 'funded_by') {
    const external = own(asRecord(value), 'external');
    return typeof external === 'string' && external.trim() !== '';
  }
  return true;
}

/** The fields a budget lacks; every field when it is not a mapping at all. */
export function missingBudgetFields(budget: unknown): string[] {
  const record = asRecord(budget);
  if (record === undefined) return [...BUDGET_FIELDS];
  return BUDGET_FIELDS.filter((field) => !present(record, field));
}
