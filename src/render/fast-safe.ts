/**
 * A faster `state.safe` for mdast-util-to-markdown (remark-stringify), giving the same text.
 *
 * `safe` escapes what could read as Markdown: for each of its ~90 unsafe patterns in scope it runs
 * the pattern's regular expression over the text (with the characters before and after it). Every
 * pattern matches its own `character` literally, so a pattern whose character is not in that text
 * cannot match and adds nothing. This wrapper hands the library's own `safe` only the patterns whose
 * character occurs, in their order, and returns the text as it is when none occurs (the library
 * then only escapes backslashes, so any text with a backslash goes to it unchanged). Writing the
 * handbooks of a large set spent most of its Markdown time in those scans.
 *
 * tests/render/fast-safe.test.ts holds the two equal: every handbook of the example sets and of
 * generated ones, and random texts of Markdown's special characters in every construct.
 */

/** What the wrapper reads of an unsafe pattern. */
interface UnsafePattern {
  character: string;
}

/** What the wrapper reads of the library's `safe` configuration. */
interface SafeConfig {
  before?: string | null | undefined;
  after?: string | null | undefined;
}

/** What the wrapper reads and sets of the library's serializer state. */
export interface SafeState {
  unsafe: UnsafePattern[];
  safe: (this: SafeState, input: string | null | undefined, config: SafeConfig) => string;
}

/** The distinct characters of a list of patterns (computed once per list). */
const charactersOf = new WeakMap<readonly UnsafePattern[], string[]>();

function characters(patterns: readonly UnsafePattern[]): string[] {
  let found = charactersOf.get(patterns);
  if (found === undefined) {
    found = [...new Set(patterns.map((p) => p.character))];
    charactersOf.set(patterns, found);
  }
  return found;
}

/** The states whose `safe` is already wrapped. */
const wrapped = new WeakSet<object>();

/**
 * Replaces `state.safe` with the faster one that gives the same text (once per state: a
 * serializer's state lives for one `toMarkdown` call).
 */
export function installFastSafe(state: SafeState): void {
  if (wrapped.has(state)) return;
  wrapped.add(state);
  const original = state.safe;
  state.safe = function fastSafe(this: SafeState, input, config) {
    const all = state.unsafe;
    const value = (config.before || '') + (input || '') + (config.after || '');
    if (value.includes('\\')) return original.call(state, input, config);
    let present: string[] | undefined;
    for (const character of characters(all)) if (value.includes(character)) (present ??= []).push(character);
    if (present === undefined) return input || '';
    const found = present;
    state.unsafe = all.filter((p) => found.includes(p.character));
    try {
      return original.call(state, input, config);
    } finally {
      state.unsafe = all;
    }
  };
}
