import type { Document, Node, Pair } from 'yaml';
import { yaml } from './yaml-lib.js';
import type { Path, Range } from '../model/diagnostic.js';
import type { ParsedFile } from '../model/document.js';
import { rangeAt } from './text-position.js';

/** Whether a range should cover the value at a path or the key that names it. */
export type Target = 'value' | 'key';

/** A parsed YAML frontmatter, kept to map paths to ranges. */
export interface YamlSource {
  doc: Document.Parsed;
  /** Offset of the YAML text inside the file's text. */
  offset: number;
}

const yamlCache = new WeakMap<ParsedFile, YamlSource | null>();

/** Keeps an already parsed frontmatter for position look-ups (the parser calls this). */
export function rememberYaml(file: ParsedFile, source: YamlSource): void {
  yamlCache.set(file, source);
}

/** Parses (once per file, on demand) the frontmatter YAML of a parsed file, for positions. */
export function yamlSourceOf(file: ParsedFile): YamlSource | undefined {
  const cached = yamlCache.get(file);
  if (cached !== undefined) return cached ?? undefined;
  let source: YamlSource | null = null;
  if (file.yaml !== undefined) {
    const text = file.text.slice(file.yaml.offset, file.yaml.offset + file.yaml.length);
    try {
      source = { doc: yaml().parseDocument(text, { lineCounter: new (yaml().LineCounter)(), keepSourceTokens: false }), offset: file.yaml.offset };
    } catch {
      source = null;
    }
  }
  yamlCache.set(file, source);
  return source ?? undefined;
}

/** What a path resolves to: the deepest node reached, and whether the whole path was found. */
interface Resolved {
  node: Node | null;
  pair: Pair | undefined;
  complete: boolean;
  /** The first key of the mapping reached, for paths into a list item that lacks a key. */
}

function resolvePath(doc: Document.Parsed, path: Path): Resolved {
  let node: Node | null = doc.contents;
  let pair: Pair | undefined;
  for (const segment of path) {
    if (yaml().isMap(node)) {
      const found = node.items.find((item) => yaml().isScalar(item.key) && String(item.key.value) === String(segment));
      if (found === undefined) return { node, pair, complete: false };
      pair = found as Pair;
      node = (found.value ?? null) as Node | null;
      if (node === null) return { node: null, pair, complete: true };
    } else if (yaml().isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      if (item === undefined) return { node, pair, complete: false };
      pair = undefined;
      node = item as Node;
    } else {
      return { node, pair, complete: false };
    }
  }
  return { node, pair, complete: true };
}

function nodeRange(source: YamlSource, node: Node | null | undefined): [number, number] | undefined {
  if (node === null || node === undefined || node.range === undefined || node.range === null) return undefined;
  // an empty value (`key:` with nothing after it) has no text of its own: its key stands for it
  if (node.range[0] === node.range[1]) return undefined;
  return [source.offset + node.range[0], source.offset + node.range[1]];
}

function keyRange(source: YamlSource, pair: Pair | undefined): [number, number] | undefined {
  if (pair === undefined || !yaml().isScalar(pair.key)) return undefined;
  return nodeRange(source, pair.key);
}

/**
 * The range of the value at `path` in the frontmatter (or of its key). A path that does not exist
 * (a missing key) resolves to the key of the deepest mapping that exists, so a finding never
 * falls back to the start of the file while any better place is known.
 */
export function rangeOfPath(file: ParsedFile, path: Path, target: Target = 'value'): Range {
  const fallback = file.yaml === undefined ? { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } } : undefined;
  const source = yamlSourceOf(file);
  if (source === undefined) return fallback ?? { start: { line: 1, column: 1 }, end: { line: 1, column: 4 } };
  const resolved = resolvePath(source.doc, path);
  let span: [number, number] | undefined;
  if (resolved.complete) {
    span = target === 'key' ? (keyRange(source, resolved.pair) ?? firstKeyRange(source, resolved.node)) : undefined;
    if (span === undefined) span = nodeRange(source, resolved.node);
    if (span === undefined) span = keyRange(source, resolved.pair);
  } else {
    span = keyRange(source, resolved.pair) ?? firstKeyRange(source, resolved.node);
  }
  if (span === undefined) span = firstKeyRange(source, source.doc.contents);
  if (span === undefined) {
    // an empty frontmatter: point at the opening fence
    return rangeAt(file, Math.max(0, source.offset - 4), Math.max(0, source.offset - 1));
  }
  return rangeAt(file, span[0], trimEnd(file.text, span[0], span[1]));
}

/** The key of the first pair of a mapping (a list item's first line). */
function firstKeyRange(source: YamlSource, node: Node | null): [number, number] | undefined {
  if (yaml().isMap(node)) {
    const first = node.items[0];
    if (first !== undefined) return keyRange(source, first as Pair) ?? nodeRange(source, node);
  }
  return nodeRange(source, node);
}

/** Block values end after their trailing newline; a range ends at the last visible character. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start + 1 && /\s/.test(text[e - 1] ?? '')) e--;
  return e;
}

/** True when the value at `path` exists in the frontmatter. */
export function hasPath(file: ParsedFile, path: Path): boolean {
  const source = yamlSourceOf(file);
  return source !== undefined && resolvePath(source.doc, path).complete;
}

