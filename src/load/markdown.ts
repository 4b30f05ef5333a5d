import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Root, RootContent, Yaml } from 'mdast';
import type remarkDirectiveType from 'remark-directive';
import type remarkFrontmatterType from 'remark-frontmatter';
import type { Construct, Event, Extension as MicromarkExtension, TokenizeContext } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import type remarkParseType from 'remark-parse';
import type { Plugin, Processor, unified as unifiedType } from 'unified';
import type { Node } from 'unist';
import { requireWithCodeCache } from '../util/code-cache.js';

/**
 * GFM's five constructs, each as remark-gfm adds it (its micromark syntax and its mdast
 * extension), in remark-gfm's order. A body is parsed with only the constructs it can hold.
 */
interface GfmPart {
  syntax: () => MicromarkExtension;
  mdast: () => FromMarkdownExtension;
}
interface GfmModules {
  parts: GfmPart[];
  combine: (extensions: MicromarkExtension[]) => MicromarkExtension;
}

/** The unified pipeline's modules. */
interface Remark {
  unified: typeof unifiedType;
  remarkParse: typeof remarkParseType;
  remarkDirective: typeof remarkDirectiveType;
  remarkFrontmatter: typeof remarkFrontmatterType;
}

/**
 * The build's bundle of these libraries (src/vendor/tree-deps.ts; from the parent folder, so that
 * the CLI's bundle in dist/bundle/ finds it too), loaded on first use with V8's code cache.
 */
const BUNDLE = new URL('../vendor/tree-deps.cjs', import.meta.url);
const bundled = BUNDLE.protocol === 'file:' && existsSync(fileURLToPath(BUNDLE));
let bundle: Readonly<Record<string, Readonly<Record<string, unknown>>>> | undefined;

/**
 * GFM's modules (a hundred with their dependencies) are for handbooks only, and `check` reads
 * bodies from micromark's events (body-events.ts), needing remark-parse only where that walk gives
 * up: they are loaded on first use, so `check` does not pay for them, from the build's bundle
 * (one file, with V8's code cache: `render` loads it in each of its threads), or else, where Node
 * can `require()` an ES module (20.19 and later), package by package; elsewhere they are loaded
 * with this module, as before.
 */
const lazy = bundled || (process.features as { require_module?: boolean }).require_module === true;
const requirePackage = createRequire(import.meta.url);
function load(name: string): unknown {
  if (bundled) {
    bundle ??= (requireWithCodeCache(fileURLToPath(BUNDLE)) as { modules: typeof bundle }).modules;
    const module = bundle?.[name];
    if (module !== undefined) return module;
  }
  return requirePackage(name);
}
/** The modules of GFM's constructs (what micromark-extension-gfm and mdast-util-gfm combine). */
const GFM_MODULES = [
  'micromark-util-combine-extensions',
  'micromark-extension-gfm-autolink-literal',
  'mdast-util-gfm-autolink-literal',
  'micromark-extension-gfm-footnote',
  'mdast-util-gfm-footnote',
  'micromark-extension-gfm-strikethrough',
  'mdast-util-gfm-strikethrough',
  'micromark-extension-gfm-table',
  'mdast-util-gfm-table',
  'micromark-extension-gfm-task-list-item',
  'mdast-util-gfm-task-list-item',
] as const;

/** The packages that build the trees of `render` (what this module loads), for the parse cache's key (cache.ts). */
export const TREE_PACKAGES: readonly string[] = ['unified', 'remark-parse', 'remark-directive', 'remark-frontmatter', ...GFM_MODULES];

let gfmModules: GfmModules | undefined;
if (!lazy) {
  const loaded = await Promise.all(GFM_MODULES.map((name) => import(name) as Promise<Record<string, unknown>>));
  gfmModules = gfmParts((name) => loaded[GFM_MODULES.indexOf(name as (typeof GFM_MODULES)[number])] as Record<string, unknown>);
}
let remark: Remark | undefined = lazy
  ? undefined
  : {
      unified: ((await import('unified')) as { unified: typeof unifiedType }).unified,
      remarkParse: ((await import('remark-parse')) as { default: typeof remarkParseType }).default,
      remarkDirective: ((await import('remark-directive')) as { default: typeof remarkDirectiveType }).default,
      remarkFrontmatter: ((await import('remark-frontmatter')) as { default: typeof remarkFrontmatterType }).default,
    };

function gfm(): GfmModules {
  gfmModules ??= gfmParts((name) => load(name) as Record<string, unknown>);
  return gfmModules;
}

function gfmParts(m: (name: string) => Record<string, unknown>): GfmModules {
  const fn = (name: string, member: string) => m(name)[member] as (options?: unknown) => never;
  return {
    combine: fn('micromark-util-combine-extensions', 'combineExtensions'),
    parts: [
      { syntax: fn('micromark-extension-gfm-autolink-literal', 'gfmAutolinkLiteral'), mdast: fn('mdast-util-gfm-autolink-literal', 'gfmAutolinkLiteralFromMarkdown') },
      { syntax: fn('micromark-extension-gfm-footnote', 'gfmFootnote'), mdast: fn('mdast-util-gfm-footnote', 'gfmFootnoteFromMarkdown') },
      { syntax: fn('micromark-extension-gfm-strikethrough', 'gfmStrikethrough'), mdast: fn('mdast-util-gfm-strikethrough', 'gfmStrikethroughFromMarkdown') },
      { syntax: () => quickTable(fn('micromark-extension-gfm-table', 'gfmTable')()), mdast: fn('mdast-util-gfm-table', 'gfmTableFromMarkdown') },
      { syntax: fn('micromark-extension-gfm-task-list-item', 'gfmTaskListItem'), mdast: fn('mdast-util-gfm-task-list-item', 'gfmTaskListItemFromMarkdown') },
    ],
  };
}

/**
 * Lines (by number, from 1) of the text being parsed that could be a table's delimiter row, or
 * `undefined` when not known (then every table attempt runs in full).
 */
let delimiterRows: Uint8Array | undefined;

/** A line ending, as micromark ends lines (CRLF, LF or CR). */
const LINE_BREAK = /\r\n?|\n/g;

/**
 * Marks the lines of `text` (numbered as micromark numbers them) that could be a table's delimiter
 * row as written in the file: cells of `-` with optional `:` at their ends, `|` between them,
 * spaces and tabs, after the `>` and spaces of the containers it is in. A line with anything else
 * (a letter, a digit, `*`) is not one, and is skipped to its end at once.
 */
function markDelimiterRows(text: string): Uint8Array {
  const marks: number[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  for (;;) {
    let dash = false;
    let candidate = true;
    let j = i;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 45) dash = true;
      else if (c === 10 || c === 13) break;
      else if (c !== 32 && c !== 9 && c !== 62 && c !== 124 && c !== 58) {
        candidate = false;
        break;
      }
    }
    if (candidate && dash) marks.push(line);
    LINE_BREAK.lastIndex = j;
    const found = LINE_BREAK.exec(text);
    if (found === null) break;
    i = found.index + found[0].length;
    line++;
  }
  const rows = new Uint8Array(line + 2);
  for (const row of marks) rows[row] = 1;
  return rows;
}

/**
 * micromark-extension-gfm-table's construct, with its first step done first: GFM's table is tried
 * at the start of every line of every paragraph, and reads the whole line as a head row before it
 * looks at the next one for the delimiter row that makes it a table. When the next line cannot be
 * one (`delimiterRows`), the attempt fails at once instead, which is what the full attempt comes
 * to (a failed attempt leaves nothing behind); body rows, after a head, are tried as before.
 * The 1,000-agency set's bodies take 13 % fewer instructions to parse (docs/benchmarks.md);
 * tests/load/gfm-parts.test.ts holds the trees equal to remark-gfm's.
 */
function quickTable(extension: MicromarkExtension): MicromarkExtension {
  const construct = (extension.flow as Record<string, Construct> | undefined)?.['null'];
  if (construct === undefined || Array.isArray(construct) || typeof construct.tokenize !== 'function') return extension;
  const tokenize = construct.tokenize;
  const quick: Construct = {
    ...construct,
    tokenize(this: TokenizeContext, effects, ok, nok) {
      const self = this;
      return (code) => {
        const rows = delimiterRows;
        if (rows !== undefined && rows[self.now().line + 1] !== 1 && !afterTableRow(self)) return nok(code);
        return tokenize.call(self, effects, ok, nok)(code);
      };
    },
  };
  return { ...extension, flow: { ...extension.flow, null: quick } };
}

/** Whether the flow so far ends with a table's head or row (as the table construct itself decides). */
function afterTableRow(self: TokenizeContext): boolean {
  let index = self.events.length - 1;
  while (index > -1) {
    const type = (self.events[index] as Event)[1].type;
    if (type === 'lineEnding' || type === 'linePrefix') index--;
    else break;
  }
  const tail: string | null = index > -1 ? (self.events[index] as Event)[1].type : null;
  return tail === 'tableHead' || tail === 'tableRow';
}

/** Parses `text` with `parser`, telling the table construct which lines could be delimiter rows. */
function parseWith(parser: { parse(text: string): Root }, text: string): Root {
  delimiterRows = markDelimiterRows(text);
  try {
    return parser.parse(text);
  } finally {
    delimiterRows = undefined;
  }
}

/**
 * Which of GFM's constructs (bits in remark-gfm's order: autolink literals, footnotes,
 * strikethrough, tables, task lists) a text can hold, from characters each one needs:
 * `www.`, `http://`, `https://` or `@` (any case) for an autolink literal (also what
 * mdast-util-gfm-autolink-literal's transform looks for), `[^` for a footnote, `~` for
 * strikethrough, a `|`, or a `:` next to a `-`, for a table's delimiter row, and for a task list
 * item `[` with a space, tab, line ending, `x` or `X` and `]`, preceded on its line by nothing but
 * list markers, block quote markers, white space and a byte order mark (it is the first thing in
 * its list item; anywhere, when the text may hold a footnote definition, which can hold a list).
 * A construct a text cannot hold changes nothing in its tree, and every one left out saves
 * micromark many attempts (the autolink literals alone are tried at every letter): the tree is the
 * same as with all of GFM (tests/load/gfm-parts.test.ts).
 */
export function gfmMask(text: string): number {
  let mask = 0;
  if (/www\.|https?:\/\/|@/i.test(text)) mask |= 1;
  if (text.includes('[^')) mask |= 2;
  if (text.includes('~')) mask |= 4;
  if (/\||:[ \t]*-|-[ \t]*:/.test(text)) mask |= 8;
  // a footnote definition is a container too: `[^1]: - [ ] x` holds a task list item
  if ((mask & 2) !== 0 ? /\[[\s xX]\]/.test(text) : /^[\uFEFF \t>*+\-\d.)]*\[[\s xX]\]/m.test(text)) mask |= 16;
  return mask;
}

/** A unified plugin that adds the GFM constructs of `mask`, as remark-gfm adds all of them. */
function gfmPlugin(mask: number): Plugin<[]> {
  const { parts, combine } = gfm();
  const chosen = parts.filter((_, i) => (mask & (1 << i)) !== 0);
  return function remarkGfmParts(this: Processor): undefined {
    const data = this.data() as { micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: (FromMarkdownExtension | FromMarkdownExtension[])[] };
    (data.micromarkExtensions ??= []).push(combine(chosen.map((part) => part.syntax())));
    (data.fromMarkdownExtensions ??= []).push(chosen.map((part) => part.mdast()));
  };
}

function remarkModules(): Remark {
  remark ??= {
    unified: (load('unified') as { unified: typeof unifiedType }).unified,
    remarkParse: (load('remark-parse') as { default: typeof remarkParseType }).default,
    remarkDirective: (load('remark-directive') as { default: typeof remarkDirectiveType }).default,
    remarkFrontmatter: (load('remark-frontmatter') as { default: typeof remarkFrontmatterType }).default,
  };
  return remark;
}

/** Parsers with GFM, by the mask of the constructs they parse (see `gfmMask`). */
const full = new Map<number, ReturnType<typeof createFull>>();
let lean: ReturnType<typeof createLean> | undefined;
let body: ReturnType<typeof createBody> | undefined;
const bodyGfm = new Map<number, ReturnType<typeof createBodyGfm>>();

function createFull(mask: number) {
  const { unified, remarkParse, remarkFrontmatter, remarkDirective } = remarkModules();
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(gfmPlugin(mask)).use(remarkDirective).freeze();
}

function createLean() {
  const { unified, remarkParse, remarkFrontmatter, remarkDirective } = remarkModules();
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();
}

function createBody() {
  const { unified, remarkParse, remarkDirective } = remarkModules();
  return unified().use(remarkParse).use(remarkDirective).freeze();
}

function createBodyGfm(mask: number) {
  const { unified, remarkParse, remarkDirective } = remarkModules();
  return unified().use(remarkParse).use(gfmPlugin(mask)).use(remarkDirective).freeze();
}

/** The parser with the GFM constructs of `mask` (with the frontmatter construct or not). */
function gfmParser(mask: number, withFrontmatter: boolean) {
  const cache = withFrontmatter ? full : bodyGfm;
  let parser = cache.get(mask);
  if (parser === undefined) cache.set(mask, (parser = withFrontmatter ? createFull(mask) : createBodyGfm(mask)));
  return parser;
}

/** GFM's table in `gfmMask`'s bits, and footnotes (whose definitions a table's cells may use). */
const TABLE = 8;
const FOOTNOTE = 2;

/**
 * Parses `text` with the GFM constructs it can hold (`all`: every one, as remark-gfm), tables
 * only where they can be (`tableIslands`) when that is known to give the same tree.
 */
function parseGfm(text: string, withFrontmatter: boolean, all: boolean): Root {
  const mask = all ? 31 : gfmMask(text);
  // (a text parsed with the frontmatter construct is not: a frontmatter it fails to read changes
  // how the lines after it are read, which a part parsed alone would not see)
  if (!all && !withFrontmatter && (mask & TABLE) !== 0 && (mask & FOOTNOTE) === 0) {
    const tree = tableIslands(text, mask);
    if (tree !== undefined) return tree;
  }
  return parseWith(gfmParser(mask, withFrontmatter), text);
}

/** A top-level node that a possible delimiter row may be part of and that is the same with GFM's tables: a `---` line alone (`tableIslands`). */
const NO_TABLE_IN = new Set(['thematicBreak']);

/**
 * What a part parsed again may hold: nodes that a paragraph's lines become with tables, and that
 * end where the paragraph or heading they were read from ended (`tableIslands`).
 */
const ISLAND_NODES = new Set(['table', 'paragraph', 'heading', 'thematicBreak']);

/**
 * The GFM tree of a body (parsed without the frontmatter construct), parsed without GFM's table
 * construct except where a table can be. A table needs a delimiter row, and before GFM reads one
 * the parse without tables reads the table's lines as a paragraph (a heading, when a `---` or
 * `===` line follows; a thematic break for a `---` line alone). So each top-level paragraph or
 * heading that holds a line that could be a delimiter row (`markDelimiterRows`) is parsed again
 * from its own lines with tables, and what that gives takes its place, its positions moved to the
 * file's; the rest of the text holds no table, and is the same either way. Micromark tries the
 * table construct at the start of every line of every paragraph, and each attempt costs even when
 * it gives up at once: the 1,000-agency set's bodies, each with one table, parse a quarter to a
 * third faster (docs/benchmarks.md).
 *
 * `undefined` (parse the whole text with tables) when that could read differently: a possible
 * delimiter row in any other node (a list, a quote, a container, code); a text with a possible
 * link definition (a reference in a cell would need it); a part parsed again that holds anything
 * but tables, paragraphs, headings and thematic breaks (a list or code could go on past where the
 * paragraph ended, and a quote there means its lines read differently alone), or that starts with
 * anything but a table or what the part was, or elsewhere than it (its first line read
 * differently without what came before it). tests/load/gfm-parts.test.ts holds the trees equal
 * to remark-gfm's, on the example and generated sets and random texts of table pieces, containers
 * and line endings.
 */
export function tableIslands(text: string, mask: number): Root | undefined {
  const rows = markDelimiterRows(text);
  const candidates: number[] = [];
  for (let line = 1; line < rows.length; line++) if (rows[line] === 1) candidates.push(line);
  if (candidates.length > 0 && DEFINITION_LINE.test(text)) return undefined;
  const base = parseWith(gfmParser(mask & ~TABLE, false), text);
  if (candidates.length === 0) return base;
  let starts: number[] | undefined;
  const children: RootContent[] = [];
  let next = 0;
  for (const child of base.children) {
    const from = child.position?.start.line;
    const to = child.position?.end.line;
    if (from === undefined || to === undefined) return undefined;
    // a possible delimiter row outside every top-level node
    if (next < candidates.length && (candidates[next] as number) < from) return undefined;
    let holds = false;
    while (next < candidates.length && (candidates[next] as number) <= to) {
      holds = true;
      next++;
    }
    if (!holds || NO_TABLE_IN.has(child.type)) {
      children.push(child);
      continue;
    }
    if (child.type !== 'paragraph' && child.type !== 'heading') return undefined;
    starts ??= lineStarts(text);
    const start = starts[from - 1];
    const end = lineEnd(text, starts[to - 1]);
    if (start === undefined || end === undefined) return undefined;
    const island = parseWith(gfmParser(mask, false), text.slice(start, end));
    const first = island.children[0];
    const last = island.children[island.children.length - 1];
    // read alone, the first line must start what it started where it was (micromark reads a line
    // after an indented code block differently, for one), and the last must end the same
    if (first === undefined || last === undefined || !island.children.every((node) => ISLAND_NODES.has(node.type))) return undefined;
    if (!(first.type === 'table' || first.type === 'paragraph' || first.type === child.type)) return undefined;
    if (first.position?.start.column !== child.position?.start.column || first.position?.start.line !== 1 || last.position?.end.line !== to - from + 1) return undefined;
    shift(island, from - 1, start);
    children.push(...island.children);
  }
  if (next < candidates.length) return undefined;
  return { ...base, children };
}

/**
 * What could be a link definition: a `[label]:` (its label may run over lines and hold escaped
 * brackets) first on its line, after nothing but white space and the markers of quotes and list
 * items. A text parsed in parts (`tableIslands`, tree.ts `audienceTree`) is parsed whole when it
 * may hold one: a reference in a part would need it.
 */
export const DEFINITION_LINE = /^[ \t>*+\-\d.)]*\[(?:[^\]\\]|\\[\s\S])*\]:/m;

/** Offsets at which each line starts, lines ended as micromark ends them (CRLF, LF or CR). */
export function lineStarts(text: string): number[] {
  const starts = [0];
  LINE_BREAK.lastIndex = 0;
  for (let found = LINE_BREAK.exec(text); found !== null; found = LINE_BREAK.exec(text)) starts.push(found.index + found[0].length);
  return starts;
}

/** Where the line starting at `start` ends (before its line ending). */
function lineEnd(text: string, start: number | undefined): number | undefined {
  if (start === undefined) return undefined;
  let i = start;
  while (i < text.length && eolAt(text, i) === 0) i++;
  return i;
}

/**
 * Parses Markdown with frontmatter and directives into an mdast tree with positions; with `gfm`
 * (the default, what handbooks need) also GFM tables, autolink literals, strikethrough, footnotes
 * and task lists. The check path parses without GFM: it halves the parse time, and what the
 * rules read from a body (`:term[]` and `:::audience` directives, HTML comments, headings, and
 * the offsets of prose) is the same, except that a table's text is one prose run instead of one
 * per cell and a bare URL stays inside its run.
 */
export function parseMarkdown(text: string, options: { gfm?: boolean; allGfm?: boolean } = {}): Root {
  return parseBodyOnly(text, options.gfm !== false, options.allGfm === true);
}

/** Where a YAML frontmatter is, found as micromark-extension-frontmatter finds it. */
export interface Frontmatter {
  /** The YAML between the fences (without the line endings next to the fences). */
  value: string;
  /** End of the closing fence (after its trailing spaces and tabs). */
  fenceEnd: number;
  /** Line and column of `fenceEnd`. */
  endLine: number;
  endColumn: number;
  /** Start of the body: after the line ending of the closing fence (or the end of the text). */
  bodyStart: number;
  /** Line of `bodyStart`. */
  bodyLine: number;
}

/** Length of the line ending at `i` (CRLF, LF or CR), or 0. */
function eolAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 10) return 1;
  if (c === 13) return text.charCodeAt(i + 1) === 10 ? 2 : 1;
  return 0;
}

/** Skips spaces and tabs. */
function skipSpace(text: string, i: number): number {
  let j = i;
  while (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9) j++;
  return j;
}

/**
 * The YAML frontmatter of a text, with micromark-extension-frontmatter's rules: `---` on the first
 * line (spaces and tabs may follow), then lines up to a closing `---` line; without a closing
 * fence there is no frontmatter.
 */
export function findFrontmatter(text: string): Frontmatter | undefined {
  if (!text.startsWith('---')) return undefined;
  let i = skipSpace(text, 3);
  let eol = eolAt(text, i);
  if (eol === 0) return undefined;
  const valueStart = i + eol;
  let previousEol = i;
  let lineStart = valueStart;
  let line = 2;
  for (;;) {
    if (text.startsWith('---', lineStart)) {
      const end = skipSpace(text, lineStart + 3);
      const after = eolAt(text, end);
      if (end === text.length || after > 0) {
        return {
          value: previousEol >= valueStart ? text.slice(valueStart, previousEol) : '',
          fenceEnd: end,
          endLine: line,
          endColumn: end - lineStart + 1,
          bodyStart: end + after,
          bodyLine: after > 0 ? line + 1 : line,
        };
      }
    }
    i = lineStart;
    while (i < text.length && eolAt(text, i) === 0) i++;
    if (i === text.length) return undefined;
    eol = eolAt(text, i);
    previousEol = i;
    lineStart = i + eol;
    line++;
  }
}

/** Moves every position of a tree by whole lines (the tree was parsed from a text starting at a line start). */
function shift(root: Node, lines: number, offset: number): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    const position = node.position;
    if (position !== undefined) {
      position.start.line += lines;
      position.end.line += lines;
      if (position.start.offset !== undefined) position.start.offset += offset;
      if (position.end.offset !== undefined) position.end.offset += offset;
    }
    const children = (node as { children?: Node[] }).children;
    if (children !== undefined) for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Node);
  }
}

/**
 * The same tree as the frontmatter + directive parser gives, faster: the frontmatter is found
 * here (it is nearly half of a protocol document's bytes, and micromark would walk it character
 * by character only to hand it over as one `yaml` node), and only the body goes through
 * micromark, its positions moved to where the body starts. After a frontmatter, micromark starts
 * the body afresh on a new line, so the two parses agree (tests/perf/markdown-body.test.ts).
 */
function parseBodyOnly(text: string, withGfm: boolean, allGfm: boolean): Root {
  const matter = findFrontmatter(text);
  // without a frontmatter, the parser that looks for one (a failed attempt is not without effect
  // on what follows); a BOM at the start of the body would be dropped as if it started a file
  if (matter === undefined || text.charCodeAt(matter.bodyStart) === 0xfeff) return withGfm ? parseGfm(text, true, allGfm) : (lean ??= createLean()).parse(text);
  const bodyText = text.slice(matter.bodyStart);
  const tree = withGfm ? parseGfm(bodyText, false, allGfm) : (body ??= createBody()).parse(bodyText);
  const yaml: Yaml = {
    type: 'yaml',
    value: matter.value,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: matter.endLine, column: matter.endColumn, offset: matter.fenceEnd } },
  };
  if (tree.children.length === 0) {
    // nothing after the frontmatter but blank lines: the root ends where the last line ending does
    const end = text.length > matter.fenceEnd ? endPoint(text, matter) : yaml.position?.end;
    return { type: 'root', children: [yaml], position: { start: { line: 1, column: 1, offset: 0 }, end: { ...(end ?? { line: 1, column: 1, offset: 0 }) } } };
  }
  shift(tree, matter.bodyLine - 1, matter.bodyStart);
  (tree.children as RootContent[]).unshift(yaml);
  if (tree.position !== undefined) tree.position.start = { line: 1, column: 1, offset: 0 };
  return tree;
}

/** Line, column and offset of the end of the text (for a root with only a frontmatter and blank lines). */
function endPoint(text: string, matter: Frontmatter): { line: number; column: number; offset: number } {
  let line = matter.endLine;
  let lineStart = matter.fenceEnd - (matter.endColumn - 1);
  for (let i = matter.fenceEnd; i < text.length; ) {
    const eol = eolAt(text, i);
    if (eol > 0) {
      i += eol;
      line++;
      lineStart = i;
    } else i++;
  }
  return { line, column: text.length - lineStart + 1, offset: text.length };
}
