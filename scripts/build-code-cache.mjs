#!/usr/bin/env node
// Writes V8's code cache beside the CommonJS files every `check` loads (src/util/code-cache.ts):
// dist/vendor/check-deps.cjs (micromark, js-yaml, commander, ...), dist/vendor/yaml.cjs
// (positions of findings, the config file) and dist/validate/validators.cjs (the precompiled
// schemas), and beside the two that `render` loads in each of its threads:
// dist/vendor/tree-deps.cjs (remark-parse with GFM, directives and frontmatter) and
// dist/vendor/render-deps.cjs (remark-stringify, remark-rehype, rehype, Handlebars). Each file is
// loaded, run on the built-in example set the way a run uses it (parse bodies and frontmatters,
// parse a command line; parse YAML with positions and visit it; validate each document against
// the schema of its kind; parse bodies into GFM trees; write trees as Markdown and as sanitised
// HTML, compile the built-in templates), and what V8 compiled is written to FILE.v8cache. V8
// takes a cache only under the flags it was made with, so the script then runs itself again
// with the V8 flags of `render`'s process (RENDER_V8_FLAGS), which writes FILE.render.v8cache
// (src/util/code-cache.ts `cacheFileOf`). A file that is not built is skipped. The cache only
// makes loading faster: a run without it, or with one V8 rejects, compiles the file as before.
//
//   node scripts/build-code-cache.mjs        (the last step of `npm run build`)

import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnSync } from 'node:child_process';
import { findFrontmatter, parseMarkdown } from '../dist/load/markdown.js';
import { cacheFileOf, RENDER_V8_FLAGS, writeCodeCache } from '../dist/util/code-cache.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLE = join(ROOT, 'protocols/valdoria');

/** The texts of a folder's Markdown files, in path order. */
function markdownTexts(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownTexts(path));
    else if (name.endsWith('.md')) out.push(readFileSync(path, 'utf8'));
  }
  return out;
}

// (without the example set, as in a copy of the package without it, the caches hold less)
const documents = existsSync(EXAMPLE) ? markdownTexts(EXAMPLE) : [];
const sources = documents.map((text) => findFrontmatter(text)?.value).filter((value) => value !== undefined);

/** Writes one cache; a failure is a warning (a run without the cache compiles the file as before). */
function cache(file, exercise) {
  if (!existsSync(file)) return;
  try {
    const size = writeCodeCache(file, exercise);
    process.stderr.write(`build-code-cache: ${cacheFileOf(file)} (${Math.round(size / 1024)} KB)\n`);
  } catch (error) {
    rmSync(cacheFileOf(file), { force: true });
    process.stderr.write(`build-code-cache: warning: no code cache for ${file} (${error instanceof Error ? error.message : String(error)}); it loads without one\n`);
  }
}

// the check path's libraries (micromark, js-yaml, commander, ...): parse each example document as
// body-events.ts does, read its frontmatter, and parse a command line
cache(join(ROOT, 'dist/vendor/check-deps.cjs'), (deps) => {
  const extensions = [deps.directive(), deps.frontmatter()];
  for (const text of documents) {
    deps.postprocess(deps.parse({ extensions }).document().write(deps.preprocess()(text, undefined, true)));
    const yaml = findFrontmatter(text)?.value;
    if (yaml !== undefined) deps.jsyaml.load(yaml);
  }
  deps.picomatch('**/*.md')('a/b.md');
  deps.closest('agnecy', ['agency', 'pathway']);
  new deps.Command('protokit').exitOverride().option('-f, --format <name>').argument('[paths...]').action(() => undefined).parse(['node', 'protokit', '-f', 'json', 'a.md']);
});

// the trees of render: each example document parsed by src/load/markdown.ts itself, as a run
// parses bodies (with the GFM constructs each can hold, and with all of them). markdown.ts takes
// the bundle from Node's module cache, where writeCodeCache has just put the copy it compiles
// (src/util/code-cache.ts); the trees are kept for the next cache.
let trees = [];
cache(join(ROOT, 'dist/vendor/tree-deps.cjs'), () => {
  trees = documents.map((text) => parseMarkdown(text, { gfm: true }));
  for (const text of documents) parseMarkdown(text, { gfm: true, allGfm: true });
});

// the handbooks' libraries: each tree written as Markdown and as sanitised HTML (as
// src/render/prose-markdown.ts and body-html.ts do), its text read, and the built-in templates
// compiled (Handlebars' parser and compiler, which every render runs on them)
const TEMPLATES = join(ROOT, 'templates');
const templateTexts = existsSync(TEMPLATES) ? [...hbsTexts(TEMPLATES)] : [];
/** The texts of a folder's Handlebars files (HTML and Markdown templates, partials), in path order. */
function* hbsTexts(dir) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* hbsTexts(path);
    else if (name.endsWith('.hbs')) yield readFileSync(path, 'utf8');
  }
}
cache(join(ROOT, 'dist/vendor/render-deps.cjs'), (deps) => {
  const markdown = deps.unified().use(deps.remarkGfm).use(deps.remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-' }).freeze();
  const html = deps.unified().use(deps.remarkRehype).use(deps.rehypeSanitize, deps.sanitizeSchema).use(deps.rehypeStringify).freeze();
  // (without what protokit turns into other nodes before writing: frontmatter and directives)
  const plain = (node) => ('children' in node ? { ...node, children: node.children.filter((child) => child.type !== 'yaml' && !child.type.endsWith('Directive')).map(plain) } : node);
  for (const tree of trees.map(plain)) {
    markdown.stringify(tree);
    html.stringify(html.runSync(structuredClone(tree)));
    deps.mdastToString(tree);
  }
  const hb = deps.Handlebars.create();
  for (const text of templateTexts) hb.precompile(text, { strict: true, knownHelpersOnly: false, preventIndent: true });
  hb.compile('{{#each items}}{{this}}{{/each}}')({ items: ['a', 'b'] });
});

let data = [];

cache(join(ROOT, 'dist/vendor/yaml.cjs'), (yaml) => {
  data = sources.map((source) => {
    const doc = yaml.parseDocument(source, { lineCounter: new yaml.LineCounter(), keepSourceTokens: false });
    yaml.visit(doc, {
      Pair: (_, pair) => void (yaml.isScalar(pair.key) && pair.key.range),
      Alias: () => undefined,
      Map: (_, map) => void yaml.isMap(map),
      Seq: (_, seq) => void yaml.isSeq(seq),
    });
    return doc.toJS();
  });
});

cache(join(ROOT, 'dist/validate/validators.cjs'), (validators) => {
  for (const document of data) {
    const validate = document !== null && typeof document === 'object' ? validators[document.kind] : undefined;
    if (typeof validate === 'function') validate(document);
    // and once with errors, as a draft gives them
    if (typeof validate === 'function') validate({ ...document, id: 42, unknown: true });
  }
});

// the same caches made under the V8 flags of `render`'s process, which V8 checks (see above)
if (process.execArgv.length === 0) {
  const run = spawnSync(process.execPath, [...RENDER_V8_FLAGS, fileURLToPath(import.meta.url)], { stdio: 'inherit' });
  if (run.status !== 0) process.stderr.write(`build-code-cache: warning: the caches for render's flags were not all written (exit ${run.status ?? run.signal}); render loads without them\n`);
}
