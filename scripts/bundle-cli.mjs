#!/usr/bin/env node
// Bundles the CLI (dist/cli/main.js and every protokit module it imports) into dist/bundle/, so
// that a run loads a few files instead of the ninety-odd modules tsc writes: on a one-document
// `check`, loading them was about half of protokit's own start-up time. What a run loads only on
// demand (render, HTML, PDF) stays in chunks of its own, loaded only then. Libraries stay outside
// the bundle (node_modules/, and dist/vendor/ for the check path's, bundled by bundle-vendor.mjs),
// and so do the worker threads' modules (dist/load/worker.js, dist/render/md-worker.js: another
// thread, nothing shared). bin/protokit.js runs the bundle when it is newer than dist/cli/main.js,
// and dist/cli/main.js otherwise (a build with tsc alone, or one without rolldown).
//
//   node scripts/bundle-cli.mjs        (part of `npm run build`, after tsc and bundle-vendor)

import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/bundle');
const ENTRY = join(ROOT, 'dist/cli/main.js');

// an old bundle never outlives the build that made it
rmSync(OUT, { recursive: true, force: true });

let rolldown;
try {
  ({ rolldown } = await import('rolldown'));
} catch (error) {
  process.stderr.write(`bundle-cli: skipped, rolldown is not available here (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); the CLI runs unbundled, only its start-up is slower\n`);
  process.exit(0);
}

const temporary = `${OUT}.tmp-${process.pid}`;
try {
  if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run tsc first (npm run build)`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  const bundle = await rolldown({
    input: { protokit: ENTRY },
    platform: 'node',
    // Node's modules, packages (bare names) and CommonJS files (validators, yaml) are loaded at run time
    external: [/^node:/, /^[^./]/, /\.cjs$/],
    logLevel: 'warn',
  });
  await bundle.write({ dir: temporary, format: 'esm', sourcemap: false, entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', comments: { legal: true } });
  await bundle.close();
  renameSync(temporary, OUT);
  process.stdout.write('bundle-cli: dist/bundle/protokit.js\n');
} catch (error) {
  rmSync(temporary, { recursive: true, force: true });
  process.stderr.write(`bundle-cli: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
