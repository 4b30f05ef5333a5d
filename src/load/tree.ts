import type { ParsedFile } from '../model/document.js';
import { parseMarkdown } from './markdown.js';
import type { ParsedFileWithTree } from './parse-file.js';

/**
 * Whether handbooks read this file's body: the whole body of an agency's protocol, and the
 * `:::audience` containers of any document. Other bodies (meetings, most pathways) are not shown.
 */
export function wantsTree(file: ParsedFile): boolean {
  return file.kind === 'agency' || file.body.audiences.length > 0;
}

/**
 * The file with the GFM mdast tree of its text, when handbooks read its body. The facts the rules
 * read stay those of the check path (so `render` refuses exactly what `check` reports); the tree
 * adds what handbooks show (GFM tables, strikethrough, footnotes, task lists, bare links).
 * A body the parser cannot take (it already parsed once without GFM) gets no tree: its handbook
 * section is left out rather than the run stopped.
 */
export function withTree(file: ParsedFile): ParsedFileWithTree {
  if (!wantsTree(file)) return file;
  try {
    return { ...file, tree: parseMarkdown(file.text, { gfm: true }) };
  } catch {
    return file;
  }
}
