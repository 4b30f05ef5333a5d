#!/usr/bin/env node
// Writes V8's code cache beside the CommonJS files every `check` loads (src/util/code-cache.ts):
// dist/vendor/check-deps.cjs (micromark, js-yaml, commander, ...), dist/vendor/yaml.cjs
// (positions of findings, the config file) and dist/validate/validators.cjs (the precompiled
// schemas). Each file is loaded, run on the built-in example set the way a run uses it (parse
// bodies and frontmatters, parse a command line; parse YAML with positions and visit it; validate
// each document against the schema of its kind), and what V8 compiled is written to FILE.v8cache. A file that is not built
// is skipped. The cache only makes loading faster: a run without it, or with one V8 rejects,
// compiles the file as before.
//
//   node scripts/build-code-cache.mjs        (the last step of `npm run build`)

import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFrontmatter } from '../dist/load/markdown.js';
import { writeCodeCache } from '../dist/util/code-cache.js';

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
    process.stderr.write(`build-code-cache: ${file}.v8cache (${Math.round(size / 1024)} KB)\n`);
  } catch (error) {
    rmSync(`${file}.v8cache`, { force: true });
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
