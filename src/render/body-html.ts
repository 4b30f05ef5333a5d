import type { Root, RootContent } from 'mdast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

/**
 * What document bodies may contain in HTML: GitHub's schema (rehype-sanitize's default) without
 * images or any other element that loads content, links only to the web, mail and phone, and the
 * one class protokit adds (glossary links). Scripts, event handlers, styles, `javascript:` URLs
 * and raw HTML never get through.
 */
export const BODY_SCHEMA: SanitizeSchema = {
  ...defaultSchema,
  tagNames: (defaultSchema.tagNames ?? []).filter((tag) => !['img', 'picture', 'source', 'video', 'audio', 'iframe', 'object', 'embed'].includes(tag)),
  attributes: {
    ...defaultSchema.attributes,
    // the first className rule of an element wins, so protokit's class joins GitHub's one
    a: [...(defaultSchema.attributes?.['a'] ?? []).filter((rule) => !(Array.isArray(rule) && rule[0] === 'className')), ['className', 'data-footnote-backref', 'term']],
  },
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'], cite: ['http', 'https'], src: [] },
};

let processor: ReturnType<typeof createProcessor> | undefined;

function createProcessor() {
  // allowDangerousHtml stays off: raw HTML in a body is dropped before sanitising even starts
  return unified().use(remarkRehype).use(rehypeSanitize, BODY_SCHEMA).use(rehypeStringify).freeze();
}

const cache = new WeakMap<object, string>();

/**
 * Cleaned body nodes as sanitised HTML (remark-rehype, rehype-sanitize, rehype-stringify).
 * Each node is converted once per process and reused by every handbook that shows it.
 */
export function bodyToHtml(nodes: readonly RootContent[]): string {
  processor ??= createProcessor();
  let html = '';
  for (const node of nodes) {
    let part = cache.get(node);
    if (part === undefined) {
      const root: Root = { type: 'root', children: [node] };
      const hast = processor.runSync(root);
      part = processor.stringify(hast);
      cache.set(node, part);
    }
    html += part === '' ? '' : `${part}\n`;
  }
  return html;
}
