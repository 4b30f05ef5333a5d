import type { Nodes, Root, RootContent } from 'mdast';
import { mdastToString as toString } from '../vendor/render-deps.js';
import { audienceProfessions } from './render-index.js';

/** What cleaning needs to know about the document and the output. */
export interface CleanOptions {
  /** `html`: term uses become links to the glossary; `md`: plain text. */
  target: 'md' | 'html';
  /** Added to every heading's depth; results are kept within `minDepth`..6. */
  shift: number;
  minDepth: number;
  /** The term a `:term[id]` names: the words to show and the glossary anchor. */
  term(id: string): { text: string; anchor: string } | undefined;
  /** Removes confidential addresses from text. */
  redact(text: string): string;
  /** The source text of a node (to print directives that are not protokit's, such as the `:00` of `17:00`, as written). */
  original(node: Nodes): string | undefined;
}

/** Deeper trees are cut here (hostile input): the libraries that write Markdown and HTML recurse. */
export const MAX_DEPTH = 100;

type AnyNode = Nodes & { children?: Nodes[]; value?: string; position?: unknown; data?: unknown };

/**
 * The nodes without the `:::audience` containers that do not name `profession` (DITA-style
 * audience profiling). Unchanged subtrees are returned as the same objects, so that results
 * cached per node are shared between handbooks.
 */
export function filterAudience(nodes: readonly RootContent[], profession: string): RootContent[] {
  const out: RootContent[] = [];
  let changed = false;
  for (const node of nodes) {
    const kept = filterNode(node as AnyNode, profession, 0);
    if (kept !== node) changed = true;
    if (kept !== undefined) out.push(kept as RootContent);
  }
  return changed ? out : (nodes as RootContent[]);
}

function filterNode(node: AnyNode, profession: string, depth: number): AnyNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (node.type === 'containerDirective' && node.name === 'audience' && !audienceProfessions(node).includes(profession)) return undefined;
  if (node.children === undefined) return node;
  let changed = false;
  const children: AnyNode[] = [];
  for (const child of node.children) {
    const kept = filterNode(child as AnyNode, profession, depth + 1);
    if (kept !== child) changed = true;
    if (kept !== undefined) children.push(kept);
  }
  return changed ? ({ ...node, children } as AnyNode) : node;
}

const SAFE_URL = /^(?:https?:|mailto:|tel:)/i;

/** True for link targets that are safe to print: web, mail and phone links, and relative ones. */
export function isSafeUrl(url: string): boolean {
  const value = url.trim();
  if (SAFE_URL.test(value)) return true;
  // a relative reference has no scheme before its first `/`, `?` or `#`
  const colon = value.indexOf(':');
  if (colon === -1) return true;
  const end = value.search(/[/?#]/);
  return end !== -1 && end < colon;
}

/**
 * Body nodes made ready for a handbook: raw HTML, frontmatter and link definitions removed;
 * directives unwrapped (term uses become the term's words, or glossary links for HTML); unsafe
 * links reduced to their text; images to links (a handbook never loads remote content);
 * headings shifted; confidential addresses redacted. Returns nodes without positions: new ones
 * where anything changed, and the nodes themselves where nothing did (see `bare`).
 */
export function cleanNodes(nodes: readonly RootContent[], options: CleanOptions): RootContent[] {
  const out: AnyNode[] = [];
  for (const node of nodes) out.push(...cleanNode(node as AnyNode, options));
  return out as RootContent[];
}

function cleanChildren(node: AnyNode, options: CleanOptions): AnyNode[] {
  const out: AnyNode[] = [];
  for (const child of node.children ?? []) out.push(...cleanNode(child as AnyNode, options));
  return out;
}

function text(value: string): AnyNode {
  return { type: 'text', value } as AnyNode;
}

function cleanNode(node: AnyNode, options: CleanOptions): AnyNode[] {
  switch (node.type) {
    case 'html':
    case 'yaml':
    case 'definition':
    case 'footnoteDefinition':
    case 'footnoteReference':
      return [];
    case 'text': {
      const value = options.redact(node.value);
      return [value === node.value && bare(node) ? node : text(value)];
    }
    case 'inlineCode': {
      const value = options.redact(node.value);
      return [value === node.value && bare(node) ? node : ({ type: 'inlineCode', value } as AnyNode)];
    }
    case 'code':
      return [{ type: 'code', lang: node.lang ?? null, meta: null, value: options.redact(node.value) } as AnyNode];
    case 'textDirective': {
      if (node.name === 'term') {
        const id = toString(node).trim();
        const term = options.term(id);
        if (term === undefined) return [text(id)];
        if (options.target === 'md') return [text(term.text)];
        return [{ type: 'link', url: `#${term.anchor}`, title: null, children: [text(term.text)], data: { hProperties: { className: ['term'] } } } as AnyNode];
      }
      // not a directive for protokit: remark-directive also reads the `:00` of "17:00" as one
      const written = options.original(node);
      return written === undefined ? [text(`:${node.name}`), ...cleanChildren(node, options)] : [text(options.redact(written))];
    }
    case 'leafDirective': {
      const children = cleanChildren(node, options);
      return children.length === 0 ? [] : [{ type: 'paragraph', children } as AnyNode];
    }
    case 'containerDirective':
      return cleanChildren(node, options);
    case 'link': {
      const children = cleanChildren(node, options);
      if (!isSafeUrl(node.url)) return children;
      return [{ type: 'link', url: node.url.trim(), title: node.title ?? null, children } as AnyNode];
    }
    case 'image': {
      const alt = options.redact(node.alt ?? '');
      if (!isSafeUrl(node.url) || /^data:/i.test(node.url.trim())) return alt === '' ? [] : [text(alt)];
      return [{ type: 'link', url: node.url.trim(), title: null, children: [text(alt === '' ? node.url.trim() : alt)] } as AnyNode];
    }
    case 'linkReference':
      return cleanChildren(node, options);
    case 'imageReference':
      return node.alt ? [text(options.redact(node.alt))] : [];
    case 'heading': {
      const depth = Math.min(6, Math.max(options.minDepth, node.depth + options.shift));
      return [{ type: 'heading', depth, children: cleanChildren(node, options) } as AnyNode];
    }
    default: {
      const { position: _position, data: _data, children, ...rest } = node;
      void _position;
      void _data;
      if (children === undefined) return [bare(node) ? node : ({ ...rest } as AnyNode)];
      const cleaned = cleanChildren(node, options);
      return [bare(node) && sameNodes(cleaned, children) ? node : ({ ...rest, children: cleaned } as AnyNode)];
    }
  }
}

/**
 * Whether a node is as cleaning would copy it: without a position (a tree handbooks read keeps
 * those of top-level nodes only, src/load/tree.ts) and without `data`. Such a node, and a parent
 * whose children all come back unchanged, is used as it is instead of copied: most of a body
 * (its text) needs no change, and the copies were most of what building handbooks allocated.
 * Nothing downstream changes a cleaned node (tests/render/prose.test.ts).
 */
function bare(node: AnyNode): boolean {
  return node.position === undefined && node.data === undefined;
}

/** Whether two lists hold the same node objects, in the same order. */
function sameNodes(a: readonly AnyNode[], b: readonly Nodes[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A run of body nodes that starts at a heading (or at the start of the body). */
export interface BodySection {
  nodes: RootContent[];
  line: number;
  /** The words of its heading; empty for text before the first heading. */
  heading: string;
}

/** A document body split for a handbook: its title (a leading `#` heading) and its sections. */
export interface SplitBody {
  title: string | undefined;
  sections: BodySection[];
  /** The smallest heading depth left in the sections (for shifting them under the handbook's). */
  minDepth: number;
}

/** Splits a body at every heading of depth 1 or 2; a first `#` heading becomes the title. */
export function splitBody(tree: Root): SplitBody {
  const nodes = tree.children.filter((n) => n.type !== 'yaml');
  let title: string | undefined;
  const first = nodes[0];
  if (first !== undefined && first.type === 'heading' && first.depth === 1) {
    title = toString(first).trim();
    nodes.shift();
  }
  const sections: BodySection[] = [];
  let minDepth = 6;
  for (const node of nodes) {
    if (node.type === 'heading') minDepth = Math.min(minDepth, node.depth);
    const last = sections[sections.length - 1];
    if (last === undefined || (node.type === 'heading' && node.depth <= 2)) {
      sections.push({ nodes: [node], line: node.position?.start.line ?? 1, heading: node.type === 'heading' ? toString(node).trim() : '' });
    } else {
      last.nodes.push(node);
    }
  }
  return { title, sections, minDepth };
}

/** The smallest heading depth among nodes (6 when there are none). */
export function minHeadingDepth(nodes: readonly RootContent[]): number {
  let min = 6;
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === 'heading') min = Math.min(min, node.depth);
    if ('children' in node && node.type !== 'heading') stack.push(...(node.children as Nodes[]));
  }
  return min;
}
