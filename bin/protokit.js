#!/usr/bin/env node
import { statSync } from 'node:fs';

// the build's bundle of the CLI (scripts/bundle-cli.mjs) when it is there and not older than
// the modules tsc wrote; those modules otherwise
const modified = (path) => statSync(new URL(path, import.meta.url), { throwIfNoEntry: false })?.mtimeMs;
const bundled = modified('../dist/bundle/protokit.js');
const compiled = modified('../dist/cli/main.js');
const { main } = await import(bundled !== undefined && (compiled === undefined || bundled >= compiled) ? '../dist/bundle/protokit.js' : '../dist/cli/main.js');

process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });
