/**
 * Removes the addresses of agencies with `confidential_location: true` from any text of a
 * handbook: the contact section leaves them out, and this catches an address copied into prose,
 * notes or eligibility text (wrapped over lines or not).
 */
export class Redactor {
  private readonly pattern: RegExp | undefined;

  constructor(addresses: readonly string[]) {
    const parts = new Set<string>();
    for (const address of addresses) {
      const whole = address.trim();
      if (whole.length >= 4) parts.add(whole);
      // the street part alone ("7 Linden Court"), when it is specific enough to be the address
      const street = whole.split(',')[0]?.trim() ?? '';
      if (street !== whole && street.length >= 6 && /\s/.test(street)) parts.add(street);
    }
    const sources = [...parts].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map((part) => part.split(/\s+/).map(escapeRegExp).join('\\s+'));
    this.pattern = sources.length === 0 ? undefined : new RegExp(sources.join('|'), 'giu');
  }

  /** True when there is something to redact. */
  get active(): boolean {
    return this.pattern !== undefined;
  }

  /** The text with every confidential address replaced by `replacement`. */
  redact(text: string, replacement: string): string {
    if (this.pattern === undefined || text === '') return text;
    this.pattern.lastIndex = 0;
    return this.pattern.test(text) ? text.replace(this.pattern, replacement) : text;
  }
}

/** Escapes text for use inside a regular expression (also one with the `u` flag). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
