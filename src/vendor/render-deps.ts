/**
 * The libraries that write handbooks (src/render/), re-exported from one module. The build
 * (scripts/bundle-vendor.mjs) bundles this module with them into one CommonJS file,
 * dist/vendor/render-deps.cjs, and replaces the compiled module with one that loads it with V8's
 * code cache (src/util/code-cache.ts), as for check-deps.ts: `render`'s thread and its Markdown
 * workers then load one file instead of the hundred-odd modules of unified, remark-stringify,
 * GFM, remark-rehype, rehype-sanitize, rehype-stringify and Handlebars. Graphviz (@viz-js/viz)
 * and Playwright stay apart: they are loaded only for diagrams and PDF. The code is the
 * libraries' own, unchanged; tests that run the sources (vitest) load the packages themselves.
 */
import * as HandlebarsModule from 'handlebars';

export { unified } from 'unified';
export { default as remarkGfm } from 'remark-gfm';
export { default as remarkStringify } from 'remark-stringify';
export { defaultHandlers as toMarkdownHandlers } from 'mdast-util-to-markdown';
export { default as remarkRehype, defaultHandlers as toHastHandlers } from 'remark-rehype';
export { default as rehypeSanitize, defaultSchema as sanitizeSchema } from 'rehype-sanitize';
export { default as rehypeStringify } from 'rehype-stringify';
export { toString as mdastToString } from 'mdast-util-to-string';

/**
 * Handlebars' whole API. It is CommonJS with `export =`: its `module.exports` is the namespace's
 * `default` (in Node and in the bundle), which TypeScript's types of `export =` do not show.
 */
export const Handlebars = ((HandlebarsModule as unknown as { default?: typeof HandlebarsModule }).default ?? HandlebarsModule) as typeof HandlebarsModule;
