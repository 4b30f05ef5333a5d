import type { Entry, SetIndex } from '../check/set-index.js';
import { asList, str } from '../util/data.js';
import { escapeRegExp } from './redact.js';

/** A term of the set: shared (definitions documents) or an agency's own. */
export interface TermInfo {
  /** `term-id` for shared terms, `agency-id/term-id` for agency terms. */
  key: string;
  entry: Entry;
  /** The agency id for agency terms. */
  agency: string | undefined;
}

/**
 * Finds the terms a text uses: `:term[id]` directives resolve through `resolve`, and plain words
 * that match a term or an alias count too (FORMAT.md §2). Built once per run; one regular
 * expression holds every term and alias, longest first, matched on word boundaries.
 */
export class TermMatcher {
  readonly byKey = new Map<string, TermInfo>();
  private readonly agencyTermsById = new Map<string, TermInfo[]>();
  private readonly keysByWord = new Map<string, string[]>();
  private readonly pattern: RegExp | undefined;
  private readonly memo = new Map<string, readonly string[]>();

  constructor(index: SetIndex) {
    for (const [key, entry] of index.terms.first) this.add({ key, entry, agency: undefined });
    for (const [key, entry] of index.agencyTerms.first) {
      const info: TermInfo = { key, entry, agency: entry.doc.id };
      this.add(info);
      let list = this.agencyTermsById.get(entry.id);
      if (list === undefined) this.agencyTermsById.set(entry.id, (list = []));
      list.push(info);
    }
    const words = [...this.keysByWord.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.pattern = words.length === 0 ? undefined : new RegExp(`(?<![\\p{L}\\p{N}_])(?:${words.map((w) => w.split(/\s+/).map(escapeRegExp).join('\\s+')).join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  }

  private add(info: TermInfo): void {
    this.byKey.set(info.key, info);
    const words = [str(info.entry.value, 'term'), ...asList(info.entry.value['aliases']).filter((a): a is string => typeof a === 'string')];
    for (const word of words) {
      if (word === undefined) continue;
      const normal = normalise(word);
      if (normal.length < 2) continue;
      const keys = this.keysByWord.get(normal);
      if (keys === undefined) this.keysByWord.set(normal, [info.key]);
      else if (!keys.includes(info.key)) keys.push(info.key);
    }
  }

  /** The term a `:term[id]` directive names: a shared term, else the document agency's own, else any agency's. */
  resolve(id: string, agency: string | undefined): TermInfo | undefined {
    const shared = this.byKey.get(id);
    if (shared !== undefined && shared.agency === undefined) return shared;
    const own = agency === undefined ? undefined : this.byKey.get(`${agency}/${id}`);
    return own ?? this.agencyTermsById.get(id)?.[0];
  }

  /** Keys of the terms whose word or alias appears in `text`. */
  scan(text: string): readonly string[] {
    if (this.pattern === undefined || text === '') return [];
    const cached = this.memo.get(text);
    if (cached !== undefined) return cached;
    const found: string[] = [];
    this.pattern.lastIndex = 0;
    for (const match of text.matchAll(this.pattern)) {
      for (const key of this.keysByWord.get(normalise(match[0])) ?? []) if (!found.includes(key)) found.push(key);
    }
    if (text.length < 2000) this.memo.set(text, found);
    return found;
  }
}

function normalise(word: string): string {
  return word.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * The words to print for a `:term[id]` directive. Authors write the id where its words fit the
 * sentence ("the :term[survivor-centred] approach"), so the id's words are kept, spelled as the
 * term or an alias spells them when it starts with them ("survivor-centred" from "survivor-centred
 * approach", "one-stop centre" for `one-stop-centre`); otherwise the id with spaces for hyphens.
 */
export function directiveWords(id: string, spellings: readonly string[]): string {
  const wanted = id.toLowerCase().split(/[-_\s]+/).filter((w) => w !== '');
  for (const spelling of spellings) {
    const words = [...spelling.matchAll(/[^\s-]+/g)];
    if (words.length < wanted.length) continue;
    if (!wanted.every((w, i) => words[i]?.[0].toLowerCase() === w)) continue;
    const last = words[wanted.length - 1];
    if (last === undefined) continue;
    return spelling.slice(0, (last.index ?? 0) + last[0].length);
  }
  return wanted.join(' ') || id;
}
