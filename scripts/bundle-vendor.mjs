#!/usr/bin/env node
// Bundles the libraries that `check` loads, with rolldown, so that Node reads, resolves and
// compiles two files instead of about 170 modules (with their package.json look-ups): that was
// most of a one-document check's start-up.
//
// - dist/vendor/check-deps.cjs: src/vendor/check-deps.ts as tsc compiled it (it re-exports
//   micromark, its directive and frontmatter extensions, parse-entities, mdast-util-to-string,
//   js-yaml, picomatch, fastest-levenshtein and commander), bundled as one CommonJS module, and
//   dist/vendor/check-deps.js rewritten as the ES module that loads it (with V8's code cache:
//   scripts/build-code-cache.mjs) and exports its names.
// - dist/vendor/yaml.cjs: the `yaml` package's CommonJS build as one file, which
//   src/load/yaml-lib.ts requires when it is there (the package itself when running from sources).
// - dist/vendor/render-deps.cjs: src/vendor/render-deps.ts (unified, remark-stringify, GFM,
//   remark-rehype, rehype-sanitize, rehype-stringify, Handlebars: what writes handbooks), bundled
//   and loaded the same way as check-deps.cjs, by `render`'s thread and its Markdown workers.
// - dist/vendor/tree-deps.cjs: src/vendor/tree-deps.ts (unified, remark-parse, remark-directive,
//   remark-frontmatter and GFM's constructs: what parses bodies into trees), which
//   src/load/markdown.ts loads on first use (with its code cache), by `render`'s thread and each
//   of its parse workers; `check` loads it only where its event walk gives up.
//
// The libraries' code is unchanged but for the performance patches of scripts/vendor-patches.mjs
// (in tree-deps.cjs only: mdast-util-from-markdown's compile context and micromark-util-
// subtokenize's jumps), each checked against the package's text: rolldown takes each package's
// build as Node's own resolution would (the `node`, `import` and `require` conditions; no
// development builds); `node:` modules stay imports. Files are written atomically.
//
//   node scripts/bundle-vendor.mjs        (part of `npm run build`, after tsc)

import { createRequire } from 'node:module';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PATCHES, patchPlugin } from './vendor-patches.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const VENDOR = join(ROOT, 'dist/vendor');

/**
 * Bundles `input` into `file` (one file, or an error), through a temporary file renamed into
 * place, with `patches` (scripts/vendor-patches.mjs) applied to the libraries' code.
 */
async function bundleTo(input, file, format, patches = []) {
  const temporary = `${file}.bundle-${process.pid}.tmp${format === 'cjs' ? '.cjs' : '.js'}`;
  try {
    const bundle = await rolldown({ input, platform: 'node', external: [/^node:/], logLevel: 'warn', plugins: patches.length > 0 ? [patchPlugin(patches)] : [] });
    const { output } = await bundle.write({ file: temporary, format, codeSplitting: false, sourcemap: false, comments: { legal: true } });
    await bundle.close();
    if (output.length !== 1) throw new Error(`${input}: expected one file, got ${output.length}`);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/**
 * The ES module that stands for check-deps.cjs: it loads the bundle with its code cache
 * (src/util/code-cache.ts; the path from the parent folder, so that the CLI's bundle in
 * dist/bundle/ finds it too) and exports its names.
 */
function esmFacade(base, names) {
  if (names.length === 0) throw new Error(`${base}.cjs exports nothing`);
  return [
    `// Written by scripts/bundle-vendor.mjs: the libraries of src/vendor/${base}.ts, from their CommonJS bundle`,
    `// (${base}.cjs), loaded with the V8 code cache the build writes beside it (src/util/code-cache.ts).`,
    "import { fileURLToPath } from 'node:url';",
    "import { requireWithCodeCache } from '../util/code-cache.js';",
    `const deps = requireWithCodeCache(fileURLToPath(new URL('../vendor/${base}.cjs', import.meta.url)));`,
    ...names.map((name) => `export const ${name} = deps.${name};`),
    '',
  ].join('\n');
}

// rolldown needs Node 20.19 or later and its native binding for this platform; without it the
// build goes on unbundled (dist/vendor/check-deps.js then re-exports the packages, and yaml-lib.ts
// requires `yaml` itself): the same results, a slower start-up
let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch (error) {
  process.stderr.write(`bundle-vendor: skipped, rolldown is not available here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); protokit works unbundled, only its start-up is slower\n`);
  process.exit(0);
}

/** The compiled module `dist/vendor/BASE.js`, which the bundle is made from (it must be there). */
function compiled(base) {
  const file = join(VENDOR, `${base}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run tsc first (npm run build)`);
  return file;
}

try {
  // protokit's own atomic write, as tsc compiled it
  const { writeFileAtomic } = await import('../dist/io/atomic-write.js');
  // as CommonJS, so that a run can load them with V8's code cache (Node 20 has none for ES
  // modules); check-deps.js and render-deps.js become the ES modules that load them and
  // re-export their names (each bundle is made before its module is replaced)
  for (const base of ['check-deps', 'render-deps']) {
    const deps = compiled(base);
    const cjs = join(VENDOR, `${base}.cjs`);
    await bundleTo(deps, cjs, 'cjs');
    writeFileAtomic(deps, esmFacade(base, Object.keys(require(cjs)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== '__esModule').sort()));
  }
  // tree-deps.cjs is loaded by src/load/markdown.ts itself, on first use
  await bundleTo(compiled('tree-deps'), join(VENDOR, 'tree-deps.cjs'), 'cjs', PATCHES['tree-deps']);
  await bundleTo(require.resolve('yaml'), join(VENDOR, 'yaml.cjs'), 'cjs');
  process.stdout.write('bundle-vendor: dist/vendor/check-deps.js and render-deps.js (from their .cjs bundles), dist/vendor/tree-deps.cjs, dist/vendor/yaml.cjs\n');
} catch (error) {
  process.stderr.write(`bundle-vendor: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
