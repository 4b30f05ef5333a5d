import type { Nodes, Root, RootContent } from 'mdast';
import type { ParsedFile } from '../model/document.js';
import type { Limits } from './limits.js';
import { findFrontmatter, parseMarkdown } from './markdown.js';
import { parseFile, type ParsedFileWithTree } from './parse-file.js';
import { lineStarts } from './text-position.js';

/**
 * Whether handbooks read this file's body: the whole body of an agency's protocol, and the
 * `:::audience` containers of any document. Other bodies (meetings, most pathways) are not shown.
 */
export function wantsTree(file: ParsedFile): boolean {
  return file.kind === 'agency' || file.body.audiences.length > 0;
}

/**
 * Parses a file for `render`. An agency's body is parsed once, with GFM: the tree handbooks show
 * and the body facts the rules read (so it is not parsed once for the rules and once for the
 * handbook). Any other document is parsed as `check` parses it (body facts from micromark's
 * events, without GFM or a tree), and only what handbooks read of it, its title and its
 * `:::audience` containers, is parsed again into a GFM tree (`audienceTree`). Only the trees
 * handbooks read are kept, pruned to what they read.
 */
export function parseForHandbooks(path: string, bytes: Uint8Array, limits: Limits): ParsedFileWithTree {
  // which way to take first (either gives the same result for any file: an agency found the
  // quick way is parsed again with its tree)
  if (!AGENCY.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('utf8'))) {
    const quick = parseFile(path, bytes, { limits, yamlSpans: true });
    if (quick.kind !== 'agency') {
      if (quick.body.audiences.length === 0) return quick;
      const tree = audienceTree(quick);
      if (tree !== undefined) return { ...quick, tree: withoutPositions(audiencesOnly(tree)) };
    }
  }
  const file = parseFile(path, bytes, { limits, keepTree: true, yamlSpans: true });
  const { tree, ...rest } = file;
  if (tree === undefined || !wantsTree(file)) return rest;
  return { ...rest, tree: withoutPositions(file.kind === 'agency' ? tree : audiencesOnly(tree)) };
}

/** `kind: agency` on a line of its own, as agencies' frontmatters say it near their top. */
const AGENCY = /^kind:[ \t]*(?:agency|'agency'|"agency")[ \t]*(?:#.*)?\r?$/m;

/** A link or footnote definition: it could give meaning to a reference in a container, so the whole body is parsed. */
const DEFINITION = /^ {0,3}\[[^\]\n]*\]:/m;

/**
 * The GFM tree of a body's title and `:::audience` containers, the same as the whole body's
 * tree gives for them (`audiencesOnly`): the text is parsed with everything else blanked out
 * (spaces, line endings kept, so every position is the file's). Kept are the frontmatter, the
 * body's first block (up to its first blank line: a `#` title is one line, a setext one two) and
 * each container. `undefined` (parse the whole body) when that could read differently: a
 * container not at the start of its line (inside a list or a quote), or a body with a link or
 * footnote definition anywhere. tests/load/tree.test.ts holds the two equal on the example and
 * generated sets, the fixtures and random bodies.
 */
export function audienceTree(file: ParsedFile): Root | undefined {
  const text = file.text;
  const bodyStart = findFrontmatter(text)?.bodyStart ?? 0;
  if (DEFINITION.test(text.slice(bodyStart))) return undefined;
  const keep: [number, number][] = [[0, bodyStart]];
  let first = bodyStart;
  while (first < text.length && /\s/.test(text.charAt(first))) first++;
  const blank = /\n[ \t]*(?:\r?\n|$)/g;
  blank.lastIndex = first;
  const end = blank.exec(text);
  keep.push([first, end === null ? text.length : end.index]);
  const starts = lineStarts(text);
  const offset = (point: { line: number; column: number }): number => (starts[point.line - 1] ?? text.length) + point.column - 1;
  for (const audience of file.body.audiences) {
    if (audience.range.start.column !== 1) return undefined;
    keep.push([offset(audience.range.start), offset(audience.range.end)]);
  }
  keep.sort((a, b) => a[0] - b[0]);
  let blanked = '';
  let at = 0;
  for (const [from, to] of keep) {
    if (from > at) blanked += text.slice(at, from).replace(/[^\r\n]/g, ' ');
    if (to > at) blanked += text.slice(Math.max(at, from), to);
    at = Math.max(at, to);
  }
  blanked += text.slice(at).replace(/[^\r\n]/g, ' ');
  return parseMarkdown(blanked, { gfm: true });
}

/**
 * The tree without the positions handbooks do not read (most of its objects: a position is three),
 * so that it is cheaper to send between threads and to keep: handbooks read the line of each
 * top-level node (a section's source) and of `:::audience` containers, and the offsets of text
 * directives (printed as written when they are not protokit's). The tree is changed in place.
 */
export function withoutPositions(tree: Root): Root {
  const stack: Nodes[] = [];
  for (const node of tree.children) if ('children' in node) stack.push(...(node.children as Nodes[]));
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type !== 'containerDirective' && node.type !== 'textDirective' && node.position !== undefined) (node as { position?: unknown }).position = undefined;
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  return tree;
}

/**
 * Of a body that handbooks show only in part, what they read: its title (a first `#` heading)
 * and its outermost `:::audience` containers, in order. Smaller to send between threads and to
 * keep for the whole run than the body's tree.
 */
export function audiencesOnly(tree: Root): Root {
  const kept: RootContent[] = [];
  const first = tree.children.find((n) => n.type !== 'yaml');
  if (first?.type === 'heading' && first.depth === 1) kept.push(first);
  const stack: Nodes[] = [...tree.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'containerDirective' && node.name === 'audience') {
      kept.push(node);
      continue;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as Nodes);
  }
  return { ...tree, children: kept };
}
