/**
 * The libraries that parse bodies into the GFM trees handbooks show (src/load/markdown.ts), by
 * package name. The build (scripts/bundle-vendor.mjs) bundles this module with them into one
 * CommonJS file, dist/vendor/tree-deps.cjs, which markdown.ts loads on first use with V8's code
 * cache (src/util/code-cache.ts): one file instead of the hundred-odd modules these packages are
 * made of, loaded by `render`'s thread and each of its parse workers. The code is the libraries'
 * own, unchanged; running from the sources (vitest), or from a build without the bundle,
 * markdown.ts loads the packages themselves.
 */
import * as micromarkUtilCombineExtensions from 'micromark-util-combine-extensions';
import * as micromarkExtensionGfmAutolinkLiteral from 'micromark-extension-gfm-autolink-literal';
import * as mdastUtilGfmAutolinkLiteral from 'mdast-util-gfm-autolink-literal';
import * as micromarkExtensionGfmFootnote from 'micromark-extension-gfm-footnote';
import * as mdastUtilGfmFootnote from 'mdast-util-gfm-footnote';
import * as micromarkExtensionGfmStrikethrough from 'micromark-extension-gfm-strikethrough';
import * as mdastUtilGfmStrikethrough from 'mdast-util-gfm-strikethrough';
import * as micromarkExtensionGfmTable from 'micromark-extension-gfm-table';
import * as mdastUtilGfmTable from 'mdast-util-gfm-table';
import * as micromarkExtensionGfmTaskListItem from 'micromark-extension-gfm-task-list-item';
import * as mdastUtilGfmTaskListItem from 'mdast-util-gfm-task-list-item';
import * as remarkDirective from 'remark-directive';
import * as remarkFrontmatter from 'remark-frontmatter';
import * as remarkParse from 'remark-parse';
import * as unified from 'unified';

/** Each package's exports, by the name markdown.ts loads it by (its `TREE_PACKAGES`). */
export const modules: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  unified,
  'remark-parse': remarkParse,
  'remark-directive': remarkDirective,
  'remark-frontmatter': remarkFrontmatter,
  'micromark-util-combine-extensions': micromarkUtilCombineExtensions,
  'micromark-extension-gfm-autolink-literal': micromarkExtensionGfmAutolinkLiteral,
  'mdast-util-gfm-autolink-literal': mdastUtilGfmAutolinkLiteral,
  'micromark-extension-gfm-footnote': micromarkExtensionGfmFootnote,
  'mdast-util-gfm-footnote': mdastUtilGfmFootnote,
  'micromark-extension-gfm-strikethrough': micromarkExtensionGfmStrikethrough,
  'mdast-util-gfm-strikethrough': mdastUtilGfmStrikethrough,
  'micromark-extension-gfm-table': micromarkExtensionGfmTable,
  'mdast-util-gfm-table': mdastUtilGfmTable,
  'micromark-extension-gfm-task-list-item': micromarkExtensionGfmTaskListItem,
  'mdast-util-gfm-task-list-item': mdastUtilGfmTaskListItem,
};
