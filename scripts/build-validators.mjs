#!/usr/bin/env node
// Precompiles protokit's JSON Schemas into one CommonJS module of ajv standalone validators, so
// that a run loads them instead of loading ajv and compiling (about 25 ms per schema, paid by
// every process and every worker thread).
//
//   node scripts/build-validators.mjs [--out DIR]      default DIR: dist/validate
//
// Writes DIR/validators.cjs: one export per schema (agency, config, ...), plus `hashes` (the
// SHA-256 of each schema file it was made from) and `options`. src/validate/schemas.ts uses a
// validator only when its hash and options match the schema file and options of the run, so a
// stale build falls back to compiling, never to validating against an old schema.
// The ajv options must stay those of src/validate/schemas.ts (AJV_OPTIONS there).

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));
const { Ajv2020 } = require('ajv/dist/2020.js');
const standaloneCode = require('ajv/dist/standalone').default;

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = resolve(outIndex === -1 ? join(ROOT, 'dist/validate') : args[outIndex + 1]);
const schemasDir = join(ROOT, 'schemas');

/** Must equal AJV_OPTIONS in src/validate/schemas.ts. */
const AJV_OPTIONS = { allErrors: true, strict: true, verbose: true };
const OPTIONS_KEY = JSON.stringify(AJV_OPTIONS);

const ajv = new Ajv2020({ ...AJV_OPTIONS, code: { source: true } });
const exportsMap = {};
const hashes = {};
for (const file of readdirSync(schemasDir).filter((f) => f.endsWith('.schema.json')).sort()) {
  const name = file.slice(0, -'.schema.json'.length);
  const text = readFileSync(join(schemasDir, file));
  hashes[name] = createHash('sha256').update(text).digest('hex');
  ajv.addSchema(JSON.parse(text.toString('utf8')), `protokit:${name}`);
  exportsMap[name] = `protokit:${name}`;
}
const code = standaloneCode(ajv, exportsMap);
const module = `${code}\nexports.hashes = ${JSON.stringify(hashes)};\nexports.options = ${JSON.stringify(OPTIONS_KEY)};\n`;
mkdirSync(out, { recursive: true });
const target = join(out, 'validators.cjs');
writeFileSync(`${target}.tmp`, module);
renameSync(`${target}.tmp`, target);
process.stderr.write(`build-validators: ${Object.keys(hashes).length} schemas → ${target} (${Math.round(module.length / 1024)} KB)\n`);
