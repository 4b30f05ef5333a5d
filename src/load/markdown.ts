import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

let processor: ReturnType<typeof createProcessor> | undefined;

function createProcessor() {
  return unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();
}

/** Parses Markdown with frontmatter, directives and GFM into an mdast tree with positions. */
export function parseMarkdown(text: string): Root {
  processor ??= createProcessor();
  return processor.parse(text);
}
