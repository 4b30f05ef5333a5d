import type { Nodes, Root, RootContent } from 'mdast';
import type { ParsedFile } from '../model/document.js';
import type { Limits } from './limits.js';
import { parseFile, type ParsedFileWithTree } from './parse-file.js';

/**
 * Whether handbooks read this file's body: the whole body of an agency's protocol, and the
 * `:::audience` containers of any document. Other bodies (meetings, most pathways) are not shown.
 */
export function wantsTree(file: ParsedFile): boolean {
  return file.kind === 'agency' || file.body.audiences.length > 0;
}

/**
 * Parses a file for `render`: one GFM parse gives the tree handbooks show and the body facts the
 * rules read (so a body is parsed once, not once for the rules and once for the handbook). Only
 * the trees handbooks read are kept, pruned to what they read.
 */
export function parseForHandbooks(path: string, bytes: Uint8Array, limits: Limits): ParsedFileWithTree {
  const file = parseFile(path, bytes, { limits, keepTree: true });
  const { tree, ...rest } = file;
  if (tree === undefined || !wantsTree(file)) return rest;
  return { ...rest, tree: withoutPositions(file.kind === 'agency' ? tree : audiencesOnly(tree)) };
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
