import type { Nodes, Root, RootContent } from 'mdast';
import type { ParsedFile } from '../model/document.js';
import type { Limits } from './limits.js';
import { DEFINITION_LINE, findFrontmatter, lineStarts, parseMarkdown } from './markdown.js';
import { parseFile, type ParsedFileWithTree } from './parse-file.js';

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
 * handbooks read are kept, pruned to what they read. With `noRules` (no rule reads the set:
 * `render --force` without a cache), such a document's body facts are only its audience
 * containers (`audiencesFromFlow`), without the rest `check` reads.
 */
export function parseForHandbooks(path: string, bytes: Uint8Array, limits: Limits, options: { noRules?: boolean } = {}): ParsedFileWithTree {
  // which way to take first (either gives the same result for any file: an agency found the
  // quick way is parsed again with its tree)
  if (!AGENCY.test(Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 4096)).toString('utf8'))) {
    const quick = parseFile(path, bytes, { limits, yamlSpans: true, ...(options.noRules === true ? { audiencesOnly: true } : {}) });
    if (quick.kind !== 'agency') {
      if (quick.body.audiences.length > 0) {
        const tree = audienceTree(quick);
        if (tree !== undefined) return { ...quick, tree: withoutPositions(audiencesOnly(tree)) };
      } else if (!(FOOTNOTE_DEFINITION.test(quick.text) && quick.text.includes(':::audience'))) {
        // (GFM's footnote definitions can hold containers that a parse without GFM does not see)
        return quick;
      }
    }
  }
  const file = parseFile(path, bytes, { limits, keepTree: true, yamlSpans: true });
  const { tree, ...rest } = file;
  if (tree === undefined || !wantsTree(file)) return rest;
  return { ...rest, tree: withoutPositions(file.kind === 'agency' ? tree : audiencesOnly(tree)) };
}

/** `kind: agency` on a line of its own, as agencies' frontmatters say it near their top. */
const AGENCY = /^kind:[ \t]*(?:agency|'agency'|"agency")[ \t]*(?:#.*)?\r?$/m;

/** A footnote definition (GFM), where it may start a line (up to three spaces, or after a quote or list marker). */
const FOOTNOTE_DEFINITION = /\[\^[^\]\n\r]*\]:/;

/**
 * The GFM tree of a body's title and `:::audience` containers, the same as the whole body's
 * tree gives for them (`audiencesOnly`): the text is parsed with everything else left out. Kept
 * are the frontmatter, the body's first block (up to its first blank line: a `#` title is one
 * line, a setext one two) and each container; lines left out entirely become one empty line
 * between two kept parts (`fewerLines`), and what is left out of a line partly kept becomes
 * spaces (so every column is the file's). Offsets and lines are moved back to the file's.
 * `undefined` (parse the whole body) when that could read differently: a container not
 * at the start of its line (inside a list or a quote), a first block that could run on past a
 * blank line (a code fence, an HTML block, a directive container), or a body with a link or
 * footnote definition anywhere. tests/load/tree.test.ts holds the two equal on the example and
 * generated sets, the fixtures and random bodies.
 */
export function audienceTree(file: ParsedFile): Root | undefined {
  const text = file.text;
  const bodyStart = findFrontmatter(text)?.bodyStart ?? 0;
  if (DEFINITION_LINE.test(text.slice(bodyStart))) return undefined;
  const keep: [number, number][] = [[0, bodyStart]];
  let first = bodyStart;
  // (Markdown's white space only: a no-break space starts a paragraph)
  while (first < text.length && ' \t\r\n'.includes(text.charAt(first))) first++;
  const starts = lineStarts(text);
  const offset = (point: { line: number; column: number }): number => Math.min(text.length, (starts[point.line - 1] ?? text.length) + point.column - 1);
  for (const audience of file.body.audiences) {
    if (audience.range.start.column !== 1) return undefined;
    keep.push([offset(audience.range.start), offset(audience.range.end)]);
  }
  // the first block is read for a title: a `#` heading is its first line alone; anything else
  // is kept up to the first blank line, unless it could run on past it (a code fence, an HTML
  // block or a directive container, cut there, would take in what follows)
  let lineEnd = first;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  if (/^#(?:[ \t]|$)/.test(text.slice(first, lineEnd))) keep.push([first, lineEnd]);
  else {
    const blank = /(?:\r\n|\r(?!\n)|\n)[ \t]*(?:\r\n|\r|\n|$)/g;
    blank.lastIndex = first;
    const end = blank.exec(text);
    const firstEnd = end === null ? text.length : end.index;
    if (RUNS_ON.test(text.slice(first, firstEnd))) return undefined;
    keep.push([first, firstEnd]);
  }
  keep.sort((a, b) => a[0] - b[0]);
  // the text parsed, and where each kept part of it starts in it and in the file
  let kept = '';
  const moves: Move[] = [];
  let at = 0;
  let lines = 0;
  for (const [from, to] of keep) {
    if (from > at) {
      const gap = fewerLines(leftOut(text, at, from));
      kept += gap.text;
      lines += gap.removed;
    }
    if (to > at) {
      const start = Math.max(at, from);
      moves.push({ at: kept.length, by: start - kept.length, lines });
      kept += text.slice(start, to);
    }
    at = Math.max(at, to);
  }
  kept += fewerLines(leftOut(text, at, text.length)).text;
  const tree = parseMarkdown(kept, { gfm: true });
  movePositions(tree, moves, kept.length, text, starts.length);
  return tree;
}

/**
 * Where a kept part starts in the text parsed (`at`), and how far its offsets (`by`) and lines
 * (`lines`) are from the file's.
 */
interface Move {
  at: number;
  by: number;
  lines: number;
}

/**
 * What is left out between two kept parts with at most one empty line of those left out whole:
 * micromark pays for every line, even an empty one, and most of a body is left out. One empty
 * line reads as many (a paragraph, a heading or a list before it ends there, and no kept part
 * starts in a construct that could hold blank lines: `audienceTree` parses the whole body
 * then), so the tree is the same but for line numbers, which `movePositions` puts back.
 */
function fewerLines(gap: string): { text: string; removed: number } {
  const starts = lineStarts(gap);
  const endings = starts.length - 1;
  if (endings <= 2) return { text: gap, removed: 0 };
  // the first line ending twice (a CR then an LF would be one line ending), then what the next
  // part's line has before it
  const firstEnd = starts[1] as number;
  const eol = gap.startsWith('\r\n', firstEnd - 2) ? '\r\n' : gap.charAt(firstEnd - 1);
  return { text: gap.slice(0, firstEnd) + eol + gap.slice(starts[endings]), removed: endings - 2 };
}

/** What could open a block that goes on past a blank line: a code fence, an HTML block or a directive container. */
const RUNS_ON = /`{3}|~{3}|<|:{3}/;

/** Where the line holding `offset` starts (after a CR, an LF or a CRLF). */
function lineStartBefore(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/**
 * What stands for `text[from..to)` when it is left out: its line endings, nothing for a line
 * left out whole (one space between a CR and an LF), and spaces for the part of a line that is
 * partly kept (its tabs kept, so that the columns after them, counted to tab stops, stay the same).
 */
function leftOut(text: string, from: number, to: number): string {
  let out = '';
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out += text[i];
      i++;
      continue;
    }
    let j = i;
    while (j < to && text.charCodeAt(j) !== 10 && text.charCodeAt(j) !== 13) j++;
    const whole = (i === 0 || text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13) && (j < to || to === text.length);
    // a line left out between a CR and an LF keeps one space: the two are not to become one CRLF
    if (!whole) out += text.slice(i, j).replace(/[^\t]/g, ' ');
    else if (text.charCodeAt(i - 1) === 13 && text.charCodeAt(j) === 10) out += ' ';
    i = j;
  }
  return out;
}

/**
 * Moves the offsets and lines of a tree parsed from the kept text back to the file's (columns
 * are the file's already); the root, which ends where the text ends, ends where the file does
 * (on its last line: the file has `lines` lines).
 */
function movePositions(tree: Root, moves: readonly Move[], keptLength: number, text: string, lines: number): void {
  const move = (point: { line: number; offset?: number | undefined }): void => {
    if (point.offset === undefined) return;
    let low = 0;
    let high = moves.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((moves[mid]?.at ?? 0) <= point.offset) low = mid;
      else high = mid - 1;
    }
    point.offset += moves[low]?.by ?? 0;
    point.line += moves[low]?.lines ?? 0;
  };
  const stack: Nodes[] = [...tree.children];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.position !== undefined) {
      move(node.position.start);
      move(node.position.end);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) stack.push(child);
  }
  const end = tree.position?.end;
  if (end !== undefined && end.offset === keptLength) {
    end.line = lines;
    end.column = text.length - lineStartBefore(text, text.length) + 1;
    end.offset = text.length;
  } else if (end !== undefined) move(end);
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
