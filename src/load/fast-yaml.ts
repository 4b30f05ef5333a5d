/**
 * A fast path for frontmatter data: js-yaml builds the plain data ~7× faster than `yaml`'s
 * `parseDocument` + `toJS`. It is taken only where it provably gives what `yaml` gives; otherwise
 * `fastYamlData` returns `undefined` and the caller parses with `yaml` (which owns positions,
 * error messages and the alias and depth findings).
 *
 * Three layers keep the two parsers in step:
 * - a scan of the text that declines anything where the two differ or that `yaml` may report:
 *   anchors, aliases, tags, directives, document markers, `?` keys, `<<`, tabs, CR, control and
 *   special line-break characters, `#` right after a token, very long lines;
 * - a js-yaml schema whose implicit scalar types are `yaml`'s YAML 1.2 core schema rule for rule
 *   (node_modules/yaml/dist/schema/core): same regexes, same order, same conversions;
 * - a check of the result: every collection js-yaml built is reachable in the data (a collection
 *   used as a key is stringified differently), no key reads `null` (`yaml` turns a null key into
 *   `''`), and the depth is within `limits.maxYamlDepth`.
 *
 * js-yaml throwing (syntax, duplicate key, `maxDepth`, a stack overflow) also declines.
 */
import { jsyaml } from '../vendor/check-deps.js';
import type { Limits } from './limits.js';

/** A scalar type that resolves plain scalars matching `test` the way `yaml`'s core schema does. */
function coreType(name: string, test: RegExp, construct: (source: string) => unknown): jsyaml.Type {
  // distinct tags: js-yaml keeps only the last implicit type of a tag
  return new jsyaml.Type(`tag:protokit,2026:${name}`, {
    kind: 'scalar',
    resolve: (data: unknown) => typeof data === 'string' && test.test(data),
    construct: (data: string) => construct(data),
  });
}

/** `yaml`'s core schema (yaml 2.x, schema/core/schema.js), in its order. */
const CORE = jsyaml.FAILSAFE_SCHEMA.extend({
  implicit: [
    coreType('null', /^(?:~|[Nn]ull|NULL)?$/, () => null),
    coreType('bool', /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T'),
    coreType('int-oct', /^0o[0-7]+$/, (s) => parseInt(s.substring(2), 8)),
    coreType('int', /^[-+]?[0-9]+$/, (s) => parseInt(s, 10)),
    coreType('int-hex', /^0x[0-9a-fA-F]+$/, (s) => parseInt(s.substring(2), 16)),
    coreType('float-nan', /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) =>
      s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
    ),
    coreType('float-exp', /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)),
    coreType('float', /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)),
  ],
});

/**
 * Text the fast path declines. False positives only cost speed.
 * - `[&*!]` not after a letter or digit: an anchor, alias or tag can only start a token
 * - `?` not after a letter or digit: an explicit (complex) key
 * - `%` or a document marker at a line start; `<<` (a merge key in YAML 1.1)
 * - `#` right after a non-space: `"a"#b` is an error for `yaml`
 * - a line of spaces only: block scalars read it differently
 * - a backslash at a line end: escaped line breaks in double quotes fold differently
 * - an empty block sequence item (`-` and nothing, or a comment): js-yaml lets a less indented
 *   `-` line after it continue the inner sequence
 * - tab, CR, C0/C1 controls, DEL, NEL, U+2028/2029, BOM, U+FFFE/FFFF: whitespace and line-break
 *   rules of the two parsers differ there
 */
const RISKY = /(?:^|[^A-Za-z0-9])[&*!?]|^%|^---|^\.\.\.|<<|\S#|^ +$|^ *(?:- +)*-(?: *$| +#)|\\ *$|[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/m;

/** `yaml` reports implicit keys longer than 1024 characters; any line this long declines. */
const MAX_LINE = 1000;

/** The deepest nesting js-yaml is asked to build, whatever the limit (its parser recurses). */
const MAX_FAST_DEPTH = 1000;

function hasLongLine(source: string): boolean {
  let start = 0;
  for (;;) {
    const end = source.indexOf('\n', start);
    if ((end === -1 ? source.length : end) - start > MAX_LINE) return true;
    if (end === -1) return false;
    start = end + 1;
  }
}

/**
 * Checks js-yaml's data: its collections are exactly those js-yaml reported building (none was
 * used as a key, none was made without a node of its own), no key
 * is `'null'`, depth ≤ `maxDepth`. Iterative: no recursion on user data.
 */
function sameAsYaml(data: unknown, built: Set<unknown>, maxDepth: number): boolean {
  let reached = 0;
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (value === null || typeof value !== 'object') continue;
    // a collection js-yaml made up itself (the single pair of `[a: b]`) is not proven either
    if (!built.has(value)) return false;
    reached++;
    if (depth + 1 > maxDepth) return false;
    if (Array.isArray(value)) {
      for (const item of value) stack.push([item, depth + 1]);
    } else {
      for (const key of Object.keys(value)) {
        if (key === 'null') return false;
        stack.push([(value as Record<string, unknown>)[key], depth + 1]);
      }
    }
  }
  return reached === built.size;
}

/** Where a node's content starts: past spaces, line breaks and comments from `from`. */
export function contentStart(input: string, from: number): number {
  let i = from;
  for (;;) {
    const c = input.charCodeAt(i);
    if (c === 0x20 || c === 0x0a) i++;
    else if (c === 0x23 /* # */) {
      const eol = input.indexOf('\n', i);
      if (eol === -1) return input.length;
      i = eol;
    } else return i;
  }
}

/** Columns of a line's indentation, counting `- ` of block sequence items as indentation. */
function keyColumn(input: string, lineStart: number): number {
  let i = lineStart;
  for (;;) {
    const c = input.charCodeAt(i);
    if (c === 0x20) i++;
    else if (c === 0x2d /* - */ && input.charCodeAt(i + 1) === 0x20) i += 2;
    else return i - lineStart;
  }
}

/**
 * Whether every line after the first of the flow collection or quoted scalar between `start` and
 * `end` is indented past the line it starts on. `yaml` wants such lines indented past the block
 * collection around them (else BAD_INDENT or MISSING_CHAR), js-yaml does not check: this is a
 * stricter rule (the block collection never starts right of that line's first key or item).
 */
function continuationIndented(input: string, start: number, end: number): boolean {
  let eol = input.indexOf('\n', start);
  if (eol === -1 || eol >= end) return true;
  const column = keyColumn(input, input.lastIndexOf('\n', start - 1) + 1);
  while (eol !== -1 && eol < end) {
    const lineStart = eol + 1;
    let i = lineStart;
    while (input.charCodeAt(i) === 0x20) i++;
    if (input.charCodeAt(i) !== 0x0a && i - lineStart <= column) return false;
    eol = input.indexOf('\n', lineStart);
  }
  return true;
}

/**
 * The plain data of a frontmatter's YAML text, exactly as `parseDocument(source).toJS()` of `yaml`
 * gives it, when js-yaml can build it safely; `undefined` when the caller must use `yaml`. With
 * `spans`, also where each collection's content starts and ends in `source` (see yaml-lines.ts).
 */
export function fastYamlData(source: string, limits: Limits, spans?: Map<object, { start: number; end: number }>): { data: unknown } | undefined {
  if (RISKY.test(source) || hasLongLine(source)) return undefined;
  // the collections js-yaml built (a node it first read as a possible key is reported twice)
  const built = new Set<unknown>();
  const opened: number[] = [];
  let lastChecked = -1;
  let indented = true;
  let data: unknown;
  try {
    data = jsyaml.load(source, {
      schema: CORE,
      // js-yaml counts one level more for the scalars under the deepest collection, and one for a
      // flow collection in a block (read first as a possible key); the data's depth is checked below
      maxDepth: Math.min(limits.maxYamlDepth + 2, MAX_FAST_DEPTH),
      listener(event, state) {
        if (event === 'open') {
          opened.push(state.position);
          return;
        }
        const from = opened.pop() as number;
        const kind = state.kind;
        if (kind === 'mapping' || kind === 'sequence') {
          built.add(state.result);
          // where the collection's content starts (its first key or item) and ends, for line look-ups
          if (spans !== undefined && state.result !== null && typeof state.result === 'object') spans.set(state.result as object, { start: contentStart(state.input, from), end: state.position });
        } else if (kind !== 'scalar') return;
        // a node first read as a possible key closes twice, the second time at the same start
        const start = contentStart(state.input, from);
        if (start === lastChecked) return;
        const c = state.input.charCodeAt(start);
        const flow = kind === 'scalar' ? c === 0x22 /* " */ || c === 0x27 /* ' */ : c === 0x5b /* [ */ || c === 0x7b; /* { */
        if (!flow) return;
        lastChecked = start;
        if (!continuationIndented(state.input, start, state.position)) indented = false;
      },
    } as jsyaml.LoadOptions);
  } catch {
    // a syntax error, a duplicate key, too deep, a stack overflow: `yaml` says what it is
    return undefined;
  }
  // no document at all (only comments or blank lines): `yaml` gives null
  if (data === undefined) data = null;
  if (!indented || !sameAsYaml(data, built, limits.maxYamlDepth)) return undefined;
  return { data };
}
