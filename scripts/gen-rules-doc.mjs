#!/usr/bin/env node
// Writes docs/rules.md from the rules' metadata (src/rules/docs.ts, built into dist/).
// Run through `npm run docs:rules`, which builds first.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { renderRulesDoc } = await import(join(root, 'dist', 'rules', 'docs.js'));
const target = join(root, 'docs', 'rules.md');
writeFileSync(target, renderRulesDoc());
console.log(`wrote ${target}`);
