import type { RootContent } from 'mdast';
import type { Options as SanitizeSchema } from 'rehype-sanitize';
import type { Options as RehypeOptions } from 'remark-rehype';
import { rehypeSanitize, rehypeStringify, remarkRehype, sanitizeSchema as defaultSchema, toHastHandlers as defaultHandlers, unified } from '../vendor/render-deps.js';

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

/** The body node `nodeHtml` converts (see `rootHandler`). */
let converting: RootContent | undefined;

/**
 * remark-rehype's root handler, given the node being converted as the root's one child.
 * mdast-util-to-hast walks the whole tree it is given for link and footnote definitions before it
 * converts it (a third of the conversion's time); cleaned body nodes hold none, nor any reference
 * to one (`cleanNodes` drops them), so `nodeHtml` hands it an empty root and the node comes in
 * here: the same hast as the node's own root gives (tests/render/body-html.test.ts).
 */
const rootHandler: typeof defaultHandlers.root = (state, node) => defaultHandlers.root(state, { ...node, children: converting === undefined ? [] : [converting] });

// (the library types its own root handler apart from the others, as it returns a root)
const REHYPE_OPTIONS = { handlers: { root: rootHandler } } as unknown as RehypeOptions;

function createProcessor() {
  // allowDangerousHtml stays off: raw HTML in a body is dropped before sanitising even starts
  return unified().use(remarkRehype, REHYPE_OPTIONS).use(rehypeSanitize, BODY_SCHEMA).use(rehypeStringify).freeze();
}

/** One cleaned body node as sanitised HTML. */
export function nodeHtml(node: RootContent): string {
  processor ??= createProcessor();
  converting = node;
  try {
    return processor.stringify(processor.runSync({ type: 'root', children: [] }));
  } finally {
    converting = undefined;
  }
}

const cache = new WeakMap<object, string>();

/**
 * Cleaned body nodes as sanitised HTML (remark-rehype, rehype-sanitize, rehype-stringify).
 * Each node is converted once per process and reused by every handbook that shows it.
 */
export function bodyToHtml(nodes: readonly RootContent[]): string {
  let html = '';
  for (const node of nodes) {
    let part = cache.get(node);
    if (part === undefined) {
      part = nodeHtml(node);
      cache.set(node, part);
    }
    html += part === '' ? '' : `${part}\n`;
  }
  return html;
}
