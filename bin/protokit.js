#!/usr/bin/env node
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * V8 flags for `render`, a long batch job on every core: its threads' collections in the thread
 * itself (V8's helper threads only compete with ours for the cores) and a larger young generation
 * for this thread (the trees and models it holds outlive the default one). V8 reads them only at
 * start-up, so `render` runs in a second Node process started with them, as the foreground child of
 * this one (its exit code and signals are this process's); docs/benchmarks.md has the measures.
 * Not when Node was given flags of its own (the user chose), nor with PROTOKIT_ONE_PROCESS set.
 */
const RENDER_FLAGS = ['--single-threaded-gc', '--max-semi-space-size=64'];

if (process.argv[2] === 'render' && process.execArgv.length === 0 && !process.env.PROTOKIT_ONE_PROCESS) {
  const { foregroundChild } = await import('foreground-child');
  foregroundChild(process.execPath, [...RENDER_FLAGS, fileURLToPath(import.meta.url), ...process.argv.slice(2)]);
} else {
  // The build's bundle of the CLI (scripts/bundle-cli.mjs), unless the modules tsc wrote are newer
  // (rebuilt with tsc alone; a rebuild takes seconds, and a copy of the build, which may write
  // dist/cli/ a moment after dist/bundle/, stays within 2 s); those modules otherwise.
  const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
  const bundled = modified('../dist/bundle/protokit.js');
  const compiled = modified('../dist/cli/main.js');
  const { main } = await import(bundled !== undefined && (compiled === undefined || bundled >= compiled - 2000) ? '../dist/bundle/protokit.js' : '../dist/cli/main.js');

  // standard input is opened only when --stdin reads it (process.stdin is created on first use)
  const lazyStdin = { [Symbol.asyncIterator]: () => process.stdin[Symbol.asyncIterator]() };
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin: lazyStdin });
}
