/**
 * A faster `state.safe` for mdast-util-to-markdown (remark-stringify), giving the same text.
 *
 * `safe` escapes what could read as Markdown: for each of its ~90 unsafe patterns in scope it runs
 * the pattern's regular expression over the text (with the characters before and after it).
 * Writing the handbooks of a large set spent most of its Markdown time there. Two things make it
 * cheaper without changing a character:
 * - Its result depends only on the text, the characters before and after it, the types of the
 *   nodes before and after it, the characters to encode, the stack of constructs it is in, and the
 *   patterns. The same text in the same place (a label, a role, an agency's name, in every
 *   handbook) is escaped once: results are kept by all of these (bounded in number).
 * - Every pattern matches its own `character` literally, so a pattern whose character is not in
 *   the text (with its neighbours) cannot match and adds nothing. The library's `safe` is handed
 *   only the patterns whose character occurs, in their order, and the text is returned as it is
 *   when none occurs (the library then only escapes backslashes, so any text with a backslash goes
 *   to it unchanged).
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
  beforeNode?: { type: string } | null | undefined;
  afterNode?: { type: string } | null | undefined;
  encode?: readonly string[] | null | undefined;
}

/** What the wrapper reads and sets of the library's serializer state. */
export interface SafeState {
  unsafe: UnsafePattern[];
  stack: string[];
  safe: (this: SafeState, input: string | null | undefined, config: SafeConfig) => string;
}

/**
 * Results kept per set of patterns (every handbook of a run has the same), then per context (all
 * that a result depends on besides the text: `contextOf`), then per text; at most `maxKept` in
 * all (some 50 MB; all are dropped when it is reached). The text is a key of its own, not part of
 * one long string with its context: a text node's value is hashed once (V8 keeps a string's hash),
 * and the short context each time, instead of both joined anew for every text written.
 */
const kept = new Map<string, Map<string, Map<string, string>>>();
let maxKept = 100_000;
let keptCount = 0;

/** How many results are kept now (all pattern sets and contexts), and the bound (for tests). */
export function keptResults(): { kept: number; max: number } {
  let n = 0;
  for (const contexts of kept.values()) for (const byText of contexts.values()) n += byText.size;
  return { kept: n, max: maxKept };
}

/** Sets the bound on kept results (tests: a small one, to see it reached). */
export function setMaxKept(max: number): void {
  maxKept = max;
}

/** Numbers of pattern objects (every serializer's state lists the same objects: the library and its extensions keep them). */
const patternIds = new WeakMap<object, number>();
let nextPatternId = 0;

/** The patterns, by identity: the key of their results (a serializer's state has its own list of them). */
function signatureOf(patterns: readonly UnsafePattern[]): string {
  return patterns
    .map((pattern) => {
      let id = patternIds.get(pattern);
      if (id === undefined) patternIds.set(pattern, (id = nextPatternId++));
      return id;
    })
    .join(',');
}

/** Everything `safe`'s result depends on besides the patterns and the text, as one unambiguous key. */
function contextOf(stack: readonly string[], config: SafeConfig): string {
  const before = config.before || '';
  const after = config.after || '';
  const encode = config.encode ? config.encode.join('') : '';
  return `${stack.join(' ')}\u0000${before.length}:${before}${after.length}:${after}${config.beforeNode?.type ?? ''}\u0000${config.afterNode?.type ?? ''}\u0000${encode.length}:${encode}`;
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
  const fastSafe = fastSafeOf(state);
  const signature = signatureOf(state.unsafe);
  let results = kept.get(signature);
  if (results === undefined) kept.set(signature, (results = new Map()));
  const memo = results;
  state.safe = function keptSafe(this: SafeState, input, config) {
    const context = contextOf(state.stack, config);
    let byText = memo.get(context);
    if (byText === undefined) memo.set(context, (byText = new Map()));
    const text = input || '';
    const found = byText.get(text);
    if (found !== undefined) return found;
    const result = fastSafe(input, config);
    if (keptCount >= maxKept) {
      for (const contexts of kept.values()) contexts.clear();
      keptCount = 0;
      memo.set(context, (byText = new Map()));
    }
    byText.set(text, result);
    keptCount++;
    return result;
  };
}

/**
 * The library's `safe` of `state`, handed only the patterns whose character occurs (the same
 * text, not kept: for callers that keep results themselves).
 */
export function fastSafeOf(state: SafeState): (input: string | null | undefined, config: SafeConfig) => string {
  const original = state.safe;
  return function fastSafe(input: string | null | undefined, config: SafeConfig): string {
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
