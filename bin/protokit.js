#!/usr/bin/env node
import { statSync } from 'node:fs';

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
