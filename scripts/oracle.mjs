#!/usr/bin/env node
// Test oracle: generates protocol sets with the shared bench generator (planted defects with exact
// positions, see ../shared/bench/README.md), runs the built CLI over them, and compares.
//
//   npm run build && node scripts/oracle.mjs [--only prefix,prefix]
//
// - clean 25-agency set: nothing but `coverage/strategy` warnings;
// - `--agencies 25 --defects 25` and `--agencies 60 --defects 50`: every planted defect found (rule id,
//   file, line; column where given; a finding at one of the defect's `related` positions also counts,
//   and absorbs further findings there), and nothing unplanned. `set/framework` and
//   `meeting/continuity` are advisory: rule id and file (or a related file) only.
// `--only` limits the comparison to rule ids starting with one of the prefixes (e.g. plan/,meeting/).
// Prints a diff and ends with `N passed, M failed`; exits 1 on any failure, 2 when it cannot run.
// The generator comes from $PROTOKIT_BENCH_DIR, else ../shared/bench from the repository root; the
// sets are written to the git-ignored .oracle/.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = resolve(process.env.PROTOKIT_BENCH_DIR ?? join(root, '..', 'shared', 'bench'));
const generator = join(benchDir, 'gen-corpus.mjs');
const cli = join(root, 'bin', 'protokit.js');
const outDir = join(root, '.oracle');
const ADVISORY = new Set(['set/framework', 'meeting/continuity']);

const SETS = [
  { name: 'clean-25', args: ['--agencies', '25'], tolerate: new Set(['coverage/strategy']) },
  { name: 'defects-25-25', args: ['--agencies', '25', '--defects', '25'], tolerate: new Set() },
  { name: 'defects-60-50', args: ['--agencies', '60', '--defects', '50'], tolerate: new Set() },
];

function fail(message) {
  console.error(`oracle: ${message}`);
  process.exit(2);
}

function parseArgs(argv) {
  const options = { only: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only' && i + 1 < argv.length) options.only = argv[++i].split(',').filter(Boolean);
    else fail(`unknown argument ${argv[i]} (usage: node scripts/oracle.mjs [--only prefix,prefix])`);
  }
  return options;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.error) fail(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result;
}

/** The findings of `protokit check . --format json`, run inside the set. */
function check(dir) {
  const result = run(process.execPath, [cli, 'check', '.', '--format', 'json'], dir);
  if (result.status !== 0 && result.status !== 1) fail(`protokit check ${relative(root, dir)} exited ${result.status}: ${result.stderr.trim()}`);
  const findings = [];
  for (const file of JSON.parse(result.stdout)) {
    for (const m of file.messages) {
      findings.push({ ruleId: m.ruleId, file: relative(dir, file.filePath).split('\\').join('/'), line: m.line, column: m.column, message: m.message });
    }
  }
  return findings;
}

const at = (x) => `${x.file}:${x.line}${x.column === undefined ? '' : `:${x.column}`}`;

/** Whether a finding sits at one of an expected defect's positions. */
function matches(finding, expected) {
  if (finding.ruleId !== expected.ruleId) return false;
  if (ADVISORY.has(expected.ruleId)) return finding.file === expected.file || (expected.related ?? []).some((r) => r.file === finding.file);
  if (finding.file === expected.file && finding.line === expected.line && (expected.column === undefined || finding.column === expected.column)) return true;
  return (expected.related ?? []).some((r) => finding.file === r.file && finding.line === r.line);
}

function compare(set, findings, expected) {
  const used = new Set();
  const missing = [];
  for (const e of expected) {
    // the main position first, then the related ones
    const exact = findings.findIndex((f, i) => !used.has(i) && f.ruleId === e.ruleId && f.file === e.file && f.line === e.line && (e.column === undefined || f.column === e.column));
    const index = exact !== -1 ? exact : findings.findIndex((f, i) => !used.has(i) && matches(f, e));
    if (index === -1) missing.push(e);
    else used.add(index);
  }
  // further findings of the same defect at its related positions are the same defect
  findings.forEach((f, i) => {
    if (!used.has(i) && expected.some((e) => !missing.includes(e) && !ADVISORY.has(e.ruleId) && matches(f, e))) used.add(i);
  });
  const unplanned = findings.filter((f, i) => !used.has(i) && !set.tolerate.has(f.ruleId));
  const tolerated = findings.filter((f, i) => !used.has(i) && set.tolerate.has(f.ruleId));
  return { found: expected.length - missing.length, missing, unplanned, tolerated };
}

function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(generator)) fail(`no generator at ${generator}: set PROTOKIT_BENCH_DIR to the shared bench folder`);
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) fail('no build in dist/: run `npm run build` first');
  const wanted = (ruleId) => options.only.length === 0 || options.only.some((p) => ruleId.startsWith(p));
  let passed = 0;
  let failed = 0;
  for (const set of SETS) {
    const dir = join(outDir, set.name);
    const gen = run(process.execPath, [generator, ...set.args, '--out', dir, '--force'], root);
    if (gen.status !== 0) fail(`gen-corpus ${set.args.join(' ')} failed: ${gen.stderr.trim()}`);
    const expectedFile = join(dir, '.expected-defects.json');
    const expected = (existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, 'utf8')) : []).filter((e) => wanted(e.ruleId));
    const findings = check(dir).filter((f) => wanted(f.ruleId));
    const { found, missing, unplanned, tolerated } = compare(set, findings, expected);
    const ok = missing.length === 0 && unplanned.length === 0;
    console.log(`${ok ? '✓' : '✗'} ${set.name} (${set.args.join(' ')}): ${found}/${expected.length} planted defects found, ${unplanned.length} unplanned finding${unplanned.length === 1 ? '' : 's'}${tolerated.length > 0 ? `, ${tolerated.length} tolerated ${[...new Set(tolerated.map((t) => t.ruleId))].join(', ')}` : ''}`);
    for (const e of missing) console.log(`  - missing   ${e.ruleId.padEnd(26)} ${at(e)}  (${e.note})`);
    for (const f of unplanned) console.log(`  + unplanned ${f.ruleId.padEnd(26)} ${at(f)}  ${f.message}`);
    passed += found + (unplanned.length === 0 ? 1 : 0);
    failed += missing.length + unplanned.length;
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main();
