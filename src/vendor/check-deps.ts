/**
 * The libraries `check` loads, re-exported from one module. The build (scripts/bundle-vendor.mjs)
 * bundles this module with these libraries into one CommonJS file (dist/vendor/check-deps.cjs,
 * loaded with V8's code cache: src/util/code-cache.ts) and replaces the compiled module with one
 * that loads it, so that a run loads one file instead of the hundred or so modules they are made
 * of (with their package.json look-ups): the larger part of a one-document check's start-up. The
 * code is the libraries' own, unchanged; tests that run the sources (vitest) load the packages
 * themselves.
 */
export { parse, postprocess, preprocess } from 'micromark';
export { directive } from 'micromark-extension-directive';
export { frontmatter } from 'micromark-extension-frontmatter';
export { parseEntities } from 'parse-entities';
export { toString as mdastToString } from 'mdast-util-to-string';
export { default as jsyaml } from 'js-yaml';
export { default as picomatch } from 'picomatch';
export { closest, distance } from 'fastest-levenshtein';
export { Command, CommanderError, Option } from 'commander';
