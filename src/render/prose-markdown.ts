import type { Heading, Root, RootContent } from 'mdast';
import type { Options as StringifyOptions } from 'remark-stringify';
import { remarkGfm, remarkStringify, toMarkdownHandlers as defaultHandlers, unified } from '../vendor/render-deps.js';
import { installFastSafe, type SafeState } from './fast-safe.js';
import type { ProseSection } from './handbook-model.js';
import type { Translator } from './i18n.js';
import { emphasis, ref, text } from './mdast-builders.js';

/**
 * A body node shared between handbooks, written once per run: remark-stringify writes it the
 * first time and the same text is reused (see `memoHandler`).
 */
export interface MemoNode {
  type: 'protokitMemo';
  /** The same number for the same node object in every handbook of a run: the key of its text. */
  key: number;
  /** The node; left out when it is sent to a worker that has already written it. */
  node?: RootContent;
}

/** Numbers of shared node objects (ids for the texts a thread keeps, see `memoHandler`). */
const keys = new WeakMap<object, number>();
let nextKey = 0;

function keyOf(node: RootContent): number {
  let key = keys.get(node);
  if (key === undefined) keys.set(node, (key = nextKey++));
  return key;
}

/**
 * Marks the top-level body nodes that are written once and reused. A list next to another list
 * is left alone: remark-stringify gives it a different bullet so that the two stay two lists.
 */
function memoise(children: RootContent[], shared: ReadonlySet<RootContent>): RootContent[] {
  return children.map((node, i) => {
    if (!shared.has(node)) return node;
    if (node.type === 'list' && (children[i - 1]?.type === 'list' || children[i + 1]?.type === 'list')) return node;
    return { type: 'protokitMemo', key: keyOf(node), node } satisfies MemoNode as unknown as RootContent;
  });
}

/**
 * The tree of one section of part 6 (body prose meant for the profession): its title and its
 * blocks, as `stringifyMarkdown` writes them (plain data, so a worker thread can write it). The
 * body is the authors' own Markdown, cleaned for the handbook (src/render/prose.ts); body nodes
 * shared between handbooks are written once per run.
 * Each block's source goes on its heading, or on the section's title for a first block without
 * one, or in a line after it.
 */
export function proseRoot(section: ProseSection, t: Translator): Root {
  const out: RootContent[] = [];
  const shared = new Set<RootContent>();
  const title: Heading = { type: 'heading', depth: 3, children: [text(section.kind === 'agency' ? section.title : t.t('prose.from', { title: section.title }))] };
  out.push(title);
  section.blocks.forEach((block, i) => {
    const [first, ...rest] = block.nodes;
    // each block's source goes on its heading (a copy: cleaned nodes are shared between handbooks)
    for (const node of rest) shared.add(node);
    if (first !== undefined && first.type === 'heading') {
      out.push({ ...first, children: [...first.children, ...ref(block.source)] }, ...rest);
    } else if (i === 0) {
      if (first !== undefined) shared.add(first);
      title.children.push(...ref(block.source));
      out.push(...block.nodes);
    } else {
      if (first !== undefined) shared.add(first);
      out.push(...block.nodes, { type: 'paragraph', children: [emphasis(t.t('prose.source')), ...ref(block.source)] });
    }
  });
  return { type: 'root', children: memoise(out, shared) };
}

/** The texts of shared nodes this thread has written, by key. */
const written = new Map<number, string>();

/**
 * Writes a shared body node with remark-stringify's own handler the first time, then reuses the
 * text. At the top level of a handbook a node's text depends only on the node (remark-stringify
 * passes every top-level node the same surroundings), so the output is the same as without reuse.
 */
function memoHandler(node: MemoNode, parent: unknown, state: { handle: (node: unknown, parent: unknown, state: unknown, info: unknown) => string }, info: unknown): string {
  let text = written.get(node.key);
  if (text === undefined) {
    if (node.node === undefined) throw new Error(`The text of shared node ${node.key} was not written before`);
    text = state.handle(node.node, parent, state, info);
    written.set(node.key, text);
  }
  return text;
}

/** The root handler: remark-stringify's own, with the faster `safe` that gives the same text (fast-safe.ts). */
function rootHandler(node: unknown, parent: unknown, state: unknown, info: unknown): string {
  if (useFastSafe) installFastSafe(state as SafeState);
  return (defaultHandlers.root as unknown as (node: unknown, parent: unknown, state: unknown, info: unknown) => string)(node, parent, state, info);
}

/** Off only in tests that compare the fast path with the library's own `safe`. */
let useFastSafe = true;

/** Turns the faster `safe` (fast-safe.ts) on or off, for tests that compare the two. */
export function setFastSafe(on: boolean): void {
  useFastSafe = on;
}

/** How protokit writes Markdown (the style of the handbooks' Markdown). */
export const STRINGIFY_OPTIONS = {
  bullet: '-',
  emphasis: '_',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  incrementListMarker: true,
} as const satisfies StringifyOptions;

let processor: ReturnType<typeof createProcessor> | undefined;

function createProcessor() {
  return unified()
    .use(remarkGfm)
    .use(remarkStringify, {
      ...STRINGIFY_OPTIONS,
      handlers: { root: rootHandler, protokitMemo: memoHandler } as unknown as NonNullable<StringifyOptions['handlers']>,
    })
    .freeze();
}

/** Writes a tree with remark-stringify and protokit's options (body nodes marked by `memoise` once per run). */
export function stringifyMarkdown(root: Root): string {
  processor ??= createProcessor();
  return processor.stringify(root);
}
