import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

let full: ReturnType<typeof createFull> | undefined;
let lean: ReturnType<typeof createLean> | undefined;

function createFull() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();
}

function createLean() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();
}

/**
 * Parses Markdown with frontmatter and directives into an mdast tree with positions; with `gfm`
 * (the default, what handbooks need) also GFM tables, autolink literals, strikethrough, footnotes
 * and task lists. The check path parses without GFM: it halves the parse time, and what the
 * rules read from a body (`:term[]` and `:::audience` directives, HTML comments, headings, and
 * the offsets of prose) is the same, except that a table's text is one prose run instead of one
 * per cell and a bare URL stays inside its run.
 */
export function parseMarkdown(text: string, options: { gfm?: boolean } = {}): Root {
  if (options.gfm === false) return (lean ??= createLean()).parse(text);
  return (full ??= createFull()).parse(text);
}
