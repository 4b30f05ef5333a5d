import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
import { mdastToString } from '../vendor/check-deps.js';
import type { Nodes, Root } from 'mdast';
import { yaml } from './yaml-lib.js';
import type { Position } from 'unist';
import type { Diagnostic, Range } from '../model/diagnostic.js';
import { isKind, KINDS, termUse, type BodyFacts, type ParsedFile, type Suppression } from '../model/document.js';
import { didYouMean } from '../util/suggest.js';
import { validateShape } from '../validate/validate-shape.js';
import { fastYamlData } from './fast-yaml.js';
import { encodeSpans } from './yaml-lines.js';
import { audienceOf, audiencesFromFlow, bodyFactsFromEvents, splitRules, suppressionOf, type EventFacts } from './body-events.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { parseMarkdown } from './markdown.js';
import { MAX_MARKDOWN_DEPTH, tooDeepAt } from './markdown-depth.js';
import { pointAt, rangeAt } from './text-position.js';
import { toJsFailure, yamlErrorFinding } from './yaml-errors.js';
import { rangeOfPath, rememberYaml } from './yaml-positions.js';

/** Options of the per-document work. */
export interface ParseOptions {
  limits?: Limits;
  /**
   * Parse the body with GFM and keep its mdast tree (`render`: the body facts then come from that
   * tree too, one parse per file); the check path parses without GFM and keeps no tree.
   */
  keepTree?: boolean;
  /**
   * Without `keepTree`, collect the body facts from the mdast tree instead of micromark's events
   * (the two give the same; tests/perf/body-events.test.ts compares them).
   */
  bodyFromTree?: boolean;
  /** Also keep where each frontmatter collection starts and ends (`render`: its source lines, see yaml-lines.ts). */
  yamlSpans?: boolean;
  /**
   * Without `keepTree`, collect of the body only its `:::audience` containers, where
   * `audiencesFromFlow` can (no rule reads the rest: `render --force`); the other facts are left empty.
   */
  audiencesOnly?: boolean;
}

/** A parsed file with its mdast tree, when `keepTree` was asked for. */
export type ParsedFileWithTree = ParsedFile & { tree?: Root };

function emptyBody(): BodyFacts {
  return { terms: [], audiences: [], prose: [] };
}

function finding(file: ParsedFile, ruleId: string, message: string, start: number, end: number, fatal = false): Diagnostic {
  return { ruleId, severity: 'error', message, file: file.file, range: rangeAt(file, start, end), ...(fatal ? { fatal } : {}) };
}

/**
 * Offset of the first byte that does not start a well-formed UTF-8 sequence (Unicode Table 3-7:
 * no overlong forms, no surrogates, nothing past U+10FFFF), or -1 when every byte is valid.
 */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  const cont = (at: number, low = 0x80, high = 0xbf): boolean => at < n && (bytes[at] as number) >= low && (bytes[at] as number) <= high;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) i += 1;
    else if (b >= 0xc2 && b <= 0xdf && cont(i + 1)) i += 2;
    else if (b === 0xe0 && cont(i + 1, 0xa0) && cont(i + 2)) i += 3;
    else if (((b >= 0xe1 && b <= 0xec) || b === 0xee || b === 0xef) && cont(i + 1) && cont(i + 2)) i += 3;
    else if (b === 0xed && cont(i + 1, 0x80, 0x9f) && cont(i + 2)) i += 3;
    else if (b === 0xf0 && cont(i + 1, 0x90) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b >= 0xf1 && b <= 0xf3 && cont(i + 1) && cont(i + 2) && cont(i + 3)) i += 4;
    else if (b === 0xf4 && cont(i + 1, 0x80, 0x8f) && cont(i + 2) && cont(i + 3)) i += 4;
    else return i;
  }
  return -1;
}

/** Depth of nested collections in plain data, without recursion (hostile input may be deep). */
function depthOf(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > limit) return max;
    for (const child of Object.values(v as Record<string, unknown>)) stack.push([child, d + 1]);
  }
  return max;
}

/** Reads inline suppressions from the YAML comment lines of the frontmatter. */
function yamlSuppressions(file: ParsedFile, offset: number, length: number): Suppression[] {
  const out: Suppression[] = [];
  const text = file.text;
  let lineStart = offset;
  while (lineStart < offset + length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > offset + length) lineEnd = offset + length;
    const line = text.slice(lineStart, lineEnd);
    // only a comment on a line of its own: a `#` after a value may be inside a string
    const hash = line.length - line.trimStart().length;
    if (line[hash] === '#') {
      const match = /^#\s*protokit-disable-next-line\b(.*)$/.exec(line.slice(hash).trimEnd());
      if (match !== null) {
        const at = pointAt(file, lineStart + hash);
        out.push({ rules: splitRules(match[1] ?? ''), targetLine: at.line + 1, range: rangeAt(file, lineStart + hash, lineStart + line.trimEnd().length) });
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

/** An mdast position as a plain range (without offsets). */
function toRange(position: Position): Range {
  return { start: { line: position.start.line, column: position.start.column }, end: { line: position.end.line, column: position.end.column } };
}

/**
 * Collects what the rules need from a body in one walk of its tree: term uses, audiences, prose,
 * suppressions. The check path gets the same from micromark's events (body-events.ts) and comes
 * here only when those hold something it does not mirror.
 */
function collectBody(file: ParsedFile, tree: Root): void {
  const body = file.body;
  let section = -1;
  const topLevel = new Set<Nodes>(tree.children);
  const stack: Nodes[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'heading' && topLevel.has(node)) section++;
    const position = node.position;
    if (node.type === 'text' && position?.start.offset !== undefined && position.end.offset !== undefined) {
      body.prose.push(position.start.offset, position.end.offset, section);
    } else if (node.type === 'html' && position !== undefined) {
      const suppression = suppressionOf(node.value, toRange(position));
      if (suppression !== undefined) file.suppressions.push(suppression);
    } else if (node.type === 'textDirective' && node.name === 'term' && position !== undefined) {
      // the label as written: `:term[__proto__]` holds strong emphasis, not the text `__proto__`
      const from = node.children[0]?.position?.start.offset;
      const to = node.children[node.children.length - 1]?.position?.end.offset;
      const id = (from !== undefined && to !== undefined ? file.text.slice(from, to) : mdastToString(node)).trim();
      body.terms.push(termUse(id, toRange(position)));
    } else if (node.type === 'containerDirective' && node.name === 'audience' && position !== undefined) {
      body.audiences.push(audienceOf(file, node.attributes?.['professions'] ?? undefined, toRange(position), position.start.offset ?? 0));
    }
    if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
    }
  }
}

/** The body facts a walk of micromark's events gives, or undefined (then the full facts, or the tree path), also when the walk throws. */
function factsBy(walk: (file: ParsedFile) => EventFacts | undefined, file: ParsedFile): EventFacts | undefined {
  try {
    return walk(file);
  } catch {
    return undefined;
  }
}

/** Puts the body facts and suppressions into `file`, from the events or else from the tree. */
function collectFacts(file: ParsedFile, tree: Root | undefined, facts: EventFacts | undefined): void {
  if (facts !== undefined) {
    file.body = facts.body;
    file.suppressions.push(...facts.suppressions);
  } else if (tree !== undefined) collectBody(file, tree);
}

/**
 * The text with each lone CR (the line ending of files saved on classic Mac OS) as an LF.
 * CommonMark and YAML both read a lone CR as a line ending, so the document means the same; the
 * rest of protokit reads LF and CRLF. It is one character for one, so every offset, line and
 * column stays the file's (a CR-only file was read as one line: its frontmatter as empty).
 */
export function loneCrAsLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * The per-document work, pure and self-contained so it can run in a worker: decode, parse the
 * Markdown and the frontmatter, check the kind and the schema, and collect body facts.
 */
export function parseFile(path: string, bytes: Uint8Array, options: ParseOptions = {}): ParsedFileWithTree {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const file: ParsedFileWithTree = {
    file: path,
    hash: createHash('sha256').update(bytes).digest('hex'),
    text: '',
    isDocument: false,
    body: emptyBody(),
    suppressions: [],
    diagnostics: [],
  };
  const decoded = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (!isUtf8(bytes)) {
    const bad = firstInvalidByte(bytes);
    const hasBom = decoded.charCodeAt(0) === 0xfeff;
    file.text = loneCrAsLf(hasBom ? decoded.slice(1) : decoded);
    file.isDocument = file.text.startsWith('---');
    // the valid prefix decodes to the same characters as in the whole (lossy) text
    const at = Math.max(0, Buffer.from(bytes.buffer, bytes.byteOffset, Math.max(0, bad)).toString('utf8').length - (hasBom ? 1 : 0));
    const { line, column } = pointAt(file, at);
    file.diagnostics.push(finding(file, 'yaml/syntax', `Line ${line} is not valid UTF-8 (the byte at column ${column}): save the file as UTF-8 (Unicode) text`, at, at + 1, true));
    return file;
  }
  const nul = decoded.indexOf('\u0000');
  file.text = loneCrAsLf(decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded);
  if (nul !== -1) {
    file.isDocument = true;
    const at = file.text.indexOf('\u0000');
    file.diagnostics.push(finding(file, 'yaml/syntax', 'The file holds NUL bytes, so it is binary, not Markdown text: remove it from the set or add it to `ignore`', at, at + 1, true));
    return file;
  }
  const deep = tooDeepAt(file.text);
  if (deep !== -1) {
    file.isDocument = file.text.startsWith('---');
    file.diagnostics.push(finding(file, 'io/read', `The Markdown body nests lists, quotes or directives more than ${MAX_MARKDOWN_DEPTH} levels deep, so it is not read: flatten it`, deep, deep, true));
    return file;
  }
  let tree: Root | undefined;
  let facts: EventFacts | undefined;
  try {
    // the check path: the body facts from micromark's events, without building the tree; the
    // tree when the events hold something the walk does not mirror (or it failed)
    if (options.keepTree !== true && options.bodyFromTree !== true) facts = (options.audiencesOnly === true ? factsBy(audiencesFromFlow, file) : undefined) ?? factsBy(bodyFactsFromEvents, file);
    if (facts === undefined) tree = parseMarkdown(file.text, { gfm: options.keepTree === true });
  } catch (error) {
    // a body the parser cannot take (its stack overflowed): a finding, never a crash of the run
    file.isDocument = file.text.startsWith('---');
    const why = error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message;
    file.diagnostics.push(finding(file, 'io/read', `The Markdown body could not be read (${why}): simplify its structure`, 0, 0, true));
    return file;
  }
  if (options.keepTree === true && tree !== undefined) file.tree = tree;
  const first = tree?.children[0];
  const yamlEnd = facts !== undefined ? facts.yamlEnd : first?.type === 'yaml' ? (first.position?.end.offset ?? -1) : undefined;
  if (yamlEnd === undefined) {
    collectFacts(file, tree, facts);
    return file;
  }
  file.isDocument = true;
  const yamlOffset = file.text.indexOf('\n') + 1;
  const endOffset = yamlEnd === -1 ? yamlOffset : yamlEnd;
  const closingStart = file.text.lastIndexOf('\n', endOffset - 1) + 1;
  const yamlLength = Math.max(0, closingStart - yamlOffset);
  file.yaml = { offset: yamlOffset, line: 2, length: yamlLength };
  collectFacts(file, tree, facts);
  file.suppressions.unshift(...yamlSuppressions(file, yamlOffset, yamlLength));
  parseFrontmatter(file, yamlOffset, yamlLength, limits, options.yamlSpans === true);
  return file;
}

/**
 * Parses the YAML, checks limits, kind and schema; adds findings to `file`. Plain data comes from
 * js-yaml when `fastYamlData` has checked it is what `yaml` gives (no positions: `rangeOfPath`
 * re-parses lazily when a finding needs one); anything else goes through `yaml`.
 */
function parseFrontmatter(file: ParsedFile, offset: number, length: number, limits: Limits, withSpans: boolean): void {
  const source = file.text.slice(offset, offset + length);
  const spans = withSpans ? new Map<object, { start: number; end: number }>() : undefined;
  const fast = fastYamlData(source, limits, spans);
  const data = fast === undefined ? yamlData(file, source, offset, length, limits) : fast.data;
  if (data === FAILED) return;
  checkData(file, data, offset, limits);
  if (spans !== undefined && fast !== undefined && file.data === fast.data) {
    const kept = encodeSpans(fast.data, spans);
    if (kept !== undefined) file.yamlSpans = kept;
  }
}

/** Returned by `yamlData` when it has added a finding that ends the document's checks. */
const FAILED = Symbol('failed');

/** The frontmatter's data by `yaml`, with positions kept; FAILED after a finding. */
function yamlData(file: ParsedFile, source: string, offset: number, length: number, limits: Limits): unknown {
  let doc;
  try {
    doc = yaml().parseDocument(source, { lineCounter: new (yaml().LineCounter)(), uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  } catch (error) {
    const message = error instanceof RangeError ? `The frontmatter is nested too deeply to read: keep it under ${limits.maxYamlDepth} levels` : `The frontmatter could not be read: ${(error as Error).message}`;
    file.diagnostics.push(finding(file, 'yaml/syntax', message, offset, offset, true));
    return FAILED;
  }
  rememberYaml(file, { doc, offset });
  const exhausted = doc.errors.find((error) => error.code === 'RESOURCE_EXHAUSTION');
  if (exhausted !== undefined) {
    // the parser's stack overflowed: thousands of nested collections
    const at = offset + Math.min(exhausted.pos[0], length);
    file.diagnostics.push(finding(file, 'yaml/syntax', `The frontmatter is nested too deeply for the YAML parser to read (it stops at several hundred levels; \`limits.maxYamlDepth\` is ${limits.maxYamlDepth}): flatten it`, at, at, true));
    return FAILED;
  }
  if (doc.errors.length > 0) {
    for (const error of doc.errors) file.diagnostics.push(yamlErrorFinding(file, doc, error, offset, length));
    return FAILED;
  }
  try {
    // yaml counts the anchored value itself as the first use; `maxAliases` counts the `*name` uses
    return doc.toJS({ maxAliasCount: limits.maxAliases + 1 });
  } catch (error) {
    file.diagnostics.push(toJsFailure(file, doc, error, offset, limits));
    return FAILED;
  }
}

/** Checks depth, kind and schema of the frontmatter's data; adds findings to `file`. */
function checkData(file: ParsedFile, data: unknown, offset: number, limits: Limits): void {
  if (depthOf(data, limits.maxYamlDepth) > limits.maxYamlDepth) {
    file.diagnostics.push(finding(file, 'yaml/syntax', `The frontmatter is nested deeper than ${limits.maxYamlDepth} levels: flatten it, or raise \`limits.maxYamlDepth\` in protokit.config.yaml`, offset, offset, true));
    return;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    const what = data === null || data === undefined ? 'The frontmatter is empty' : 'The frontmatter is not a mapping of keys to values';
    file.diagnostics.push({ ruleId: 'schema/kind', severity: 'error', message: `${what}: start it with \`kind:\` and \`id:\``, file: file.file, range: rangeOfPath(file, []) });
    return;
  }
  const record = data as Record<string, unknown>;
  file.data = record;
  const kind = Object.hasOwn(record, 'kind') ? record['kind'] : undefined;
  if (kind === undefined) {
    file.diagnostics.push({ ruleId: 'schema/kind', severity: 'error', message: `The frontmatter has no \`kind\`: add \`kind:\` with one of ${KINDS.map((k) => `\`${k}\``).join(', ')}`, file: file.file, range: rangeOfPath(file, [], 'key'), path: [] });
    return;
  }
  if (!isKind(kind)) {
    const shown = kind !== null && typeof kind === 'object' ? (Array.isArray(kind) ? 'A list' : 'A mapping') : `\`${String(kind)}\``;
    const hint = typeof kind === 'string' ? didYouMean(kind, KINDS) : '';
    file.diagnostics.push({ ruleId: 'schema/kind', severity: 'error', message: `${shown} is not a document kind${hint === '' ? `: use one of ${KINDS.map((k) => `\`${k}\``).join(', ')}` : hint}`, file: file.file, range: rangeOfPath(file, ['kind']), path: ['kind'] });
    return;
  }
  file.kind = kind;
  file.diagnostics.push(...validateShape(file, kind, record));
}
