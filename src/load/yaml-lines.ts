import type { Path } from '../model/diagnostic.js';
import type { ParsedFile } from '../model/document.js';
import { contentStart, fastYamlData } from './fast-yaml.js';
import type { Limits } from './limits.js';

/**
 * The line of a frontmatter value without `yaml`'s positions, for the many look-ups of a render
 * (every item of a handbook names its source line; `yaml`'s `parseDocument` of every frontmatter
 * was a tenth of a large render). js-yaml builds the data again (the fast path of
 * fast-yaml.ts, several times faster) and says where each collection's content starts; the line
 * of a value in a block mapping is then read from the text: its key is on the first line of that
 * mapping whose indentation is the mapping's column and that starts with the key and a colon; a
 * value in a flow mapping written on one line is on that line. Anything else gives `undefined`
 * (a flow mapping over several lines, a quoted key, a path that does not exist, a
 * path that ends at a list index, a frontmatter the fast path declines), and the caller asks
 * `yaml` (`rangeOfPath`). tests/load/yaml-lines.test.ts holds this equal to `rangeOfPath` for
 * every value of every frontmatter of the fixtures, protocols and a generated set.
 */

interface Index {
  data: unknown;
  /** Offsets in the YAML text where each collection's content starts and ends. */
  spans: Map<object, { start: number; end: number }>;
  /** The YAML text. */
  source: string;
  /** Offsets of its line breaks. */
  breaks: number[];
}

const indexes = new WeakMap<ParsedFile, Index | null>();

function indexOf(file: ParsedFile, limits: Limits): Index | undefined {
  const known = indexes.get(file);
  if (known !== undefined) return known ?? undefined;
  let index: Index | null = null;
  if (file.yaml !== undefined) {
    const source = file.text.slice(file.yaml.offset, file.yaml.offset + file.yaml.length);
    // the spans kept when the file was parsed, else js-yaml again
    const kept = decodeSpans(file, source.length);
    const spans = kept ?? new Map<object, { start: number; end: number }>();
    const parsed = kept !== undefined ? { data: file.data } : fastYamlData(source, limits, spans);
    if (parsed !== undefined) {
      const breaks: number[] = [];
      for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) breaks.push(i);
      index = { data: parsed.data, spans, source, breaks };
    }
  }
  indexes.set(file, index);
  return index ?? undefined;
}

/**
 * Visits the collections of `data` in a fixed order (depth first; items in order, keys in order);
 * false when a mapping has a key `__proto__` (a copy across threads might not keep it as a key).
 */
function eachCollection(data: unknown, visit: (value: object) => void): boolean {
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object') continue;
    visit(value);
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push(value[i]);
    } else {
      const keys = Object.keys(value);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i] as string;
        if (key === '__proto__') return false;
        stack.push((value as Record<string, unknown>)[key]);
      }
    }
  }
  return true;
}

/**
 * Where each collection of `data` starts and ends in its YAML text (from `fastYamlData`'s
 * `spans`), as plain numbers in `eachCollection`'s order, for `ParsedFile.yamlSpans`;
 * `undefined` when a collection has no span.
 */
export function encodeSpans(data: unknown, spans: ReadonlyMap<object, { start: number; end: number }>): number[] | undefined {
  const out: number[] = [];
  let complete = true;
  const walked = eachCollection(data, (value) => {
    const span = spans.get(value);
    if (span === undefined) complete = false;
    else out.push(span.start, span.end);
  });
  return walked && complete ? out : undefined;
}

/** The spans of a file's `data` from its `yamlSpans`, or `undefined` when they do not fit it. */
function decodeSpans(file: ParsedFile, length: number): Map<object, { start: number; end: number }> | undefined {
  const flat = file.yamlSpans;
  if (flat === undefined || file.data === undefined || !Array.isArray(flat)) return undefined;
  // (a cache file is not trusted: offsets must be offsets of the text)
  for (const n of flat) if (!Number.isInteger(n) || n < 0 || n > length) return undefined;
  const spans = new Map<object, { start: number; end: number }>();
  let k = 0;
  const walked = eachCollection(file.data, (value) => {
    if (k + 1 < flat.length) spans.set(value, { start: flat[k] as number, end: flat[k + 1] as number });
    k += 2;
  });
  return walked && k === flat.length ? spans : undefined;
}

/** The column of an offset (0-based, in characters from its line's start). */
function columnOf(source: string, offset: number): number {
  return offset - (source.lastIndexOf('\n', offset - 1) + 1);
}

/** The line (1-based) of an offset of the YAML text: one more than the line breaks before it. */
function lineAt(breaks: readonly number[], offset: number): number {
  let low = 0;
  let high = breaks.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((breaks[mid] as number) < offset) low = mid + 1;
    else high = mid;
  }
  return low + 1;
}

/**
 * The offset of the key `key` in the block mapping whose content starts at `start` (its first
 * key), or undefined when the mapping is not one this reader knows (quoted keys).
 */
function keyOffset(source: string, start: number, key: string): number | undefined {
  const column = columnOf(source, start);
  // `at` is a key of this mapping: the first one at `start` (after `- ` in a sequence item), the
  // others at the start of a line indented to the mapping's column
  let at = start;
  for (;;) {
    const first = source.charCodeAt(at);
    if (first === 0x22 /* " */ || first === 0x27 /* ' */) return undefined;
    if (source.startsWith(key, at)) {
      const after = at + key.length;
      const next = source.charCodeAt(after + 1);
      if (source.charCodeAt(after) === 0x3a /* : */ && (after + 1 >= source.length || next === 0x20 || next === 0x0a)) return at;
    }
    let found = false;
    for (let eol = source.indexOf('\n', at); eol !== -1 && !found; eol = source.indexOf('\n', eol + 1)) {
      const lineStart = eol + 1;
      let i = lineStart;
      while (source.charCodeAt(i) === 0x20) i++;
      const ch = source.charCodeAt(i);
      // blank lines, comments and lines indented deeper (values) are passed over
      if (i >= source.length || ch === 0x0a || ch === 0x23 /* # */) continue;
      const indent = i - lineStart;
      if (indent < column) return undefined;
      if (indent === column) {
        // a sequence written at the mapping's column (`key:` then `- item`): not read here
        if (ch === 0x2d /* - */ && (i + 1 >= source.length || source.charCodeAt(i + 1) === 0x20 || source.charCodeAt(i + 1) === 0x0a)) return undefined;
        at = i;
        found = true;
      }
    }
    if (!found) return undefined;
  }
}

/** In a flow mapping (`- { id: x, action: y }`) written on one line, every value is on that line. */
function flowValue(source: string, span: { start: number; end: number }): number | undefined {
  return source.lastIndexOf('\n', span.end - 1) < span.start ? span.start : undefined;
}

/**
 * Where the value of `key` starts in the block mapping whose content starts at `start`: after its
 * colon, or at the key itself for `key:` with nothing after it on its line (`yaml` points at the
 * key then, unless a deeper line holds the null, `~` or `null`).
 */
function blockValue(source: string, start: number, key: string, isNull: boolean): number | undefined {
  const at = keyOffset(source, start, key);
  if (at === undefined) return undefined;
  const after = at + key.length + 1;
  const content = contentStart(source, after);
  if (!isNull) return content;
  const eol = source.indexOf('\n', after);
  const rest = source.slice(after, eol === -1 ? undefined : eol).trim();
  const bare = rest === '' || rest.startsWith('#');
  return bare && !(content < source.length && columnOf(source, content) > columnOf(source, at)) ? at : content;
}

/**
 * The 1-based file line where the value at `path` starts (its key's line when it is empty), as
 * `rangeOfPath(file, path).start.line` gives it, or undefined when this reader cannot tell.
 */
export function fastLineOf(file: ParsedFile, path: Path, limits: Limits): number | undefined {
  if (path.length === 0 || file.yaml === undefined) return undefined;
  const index = indexOf(file, limits);
  if (index === undefined) return undefined;
  let parent: unknown = undefined;
  let value: unknown = index.data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    parent = value;
    if (Array.isArray(value)) {
      if (typeof segment !== 'number' || segment < 0 || segment >= value.length) return undefined;
      value = value[segment];
    } else {
      if (!Object.hasOwn(value, String(segment))) return undefined;
      value = (value as Record<string, unknown>)[String(segment)];
    }
  }
  const last = path[path.length - 1];
  let offset: number | undefined;
  if (value !== null && typeof value === 'object') {
    offset = index.spans.get(value)?.start;
    // an empty collection has no content of its own: leave it to `yaml`
    if (offset === undefined || (Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0)) return undefined;
  } else {
    if (parent === undefined || Array.isArray(parent) || typeof last !== 'string') return undefined;
    const span = index.spans.get(parent as object);
    if (span === undefined) return undefined;
    const start = span.start;
    offset = index.source.charCodeAt(start) === 0x7b /* { */ ? flowValue(index.source, span) : blockValue(index.source, start, last, value === null);
    if (offset === undefined) return undefined;
  }
  return file.yaml.line + lineAt(index.breaks, offset) - 1;
}
