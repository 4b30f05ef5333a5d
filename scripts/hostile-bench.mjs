#!/usr/bin/env node
// Time and peak memory of protokit on the hostile-input corpus (tests/robustness/hostile.test.ts
// asserts the outcomes; this script measures them). Each case runs the built CLI
// (bin/protokit.js, so `npm run build` first) in a child process, as a user would, with
// `--max-old-space-size=500`; the figures are the median wall time of the whole process (start-up
// included) and its peak resident set size (getrusage maxRSS), over RUNS runs.
//
//   node scripts/hostile-bench.mjs [--runs N] [--json FILE] [--only SUBSTRING]
//
// Node built-ins only. Prints a Markdown table; --json also writes the raw figures.

import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, cpSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = join(ROOT, 'bin/protokit.js');
const CORPUS = join(ROOT, 'tests/robustness/corpus');
const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;

function parseArgs(argv) {
  const o = { runs: Number(process.env.RUNS ?? 3), json: undefined, only: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') o.runs = Number(argv[++i]);
    else if (argv[i] === '--json') o.json = argv[++i];
    else if (argv[i] === '--only') o.only = argv[++i];
    else {
      console.error(`hostile-bench: unknown argument ${argv[i]}\nusage: node scripts/hostile-bench.mjs [--runs N] [--json FILE] [--only SUBSTRING]`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(o.runs) || o.runs < 1) o.runs = 3;
  return o;
}

const options = parseArgs(process.argv.slice(2));
const work = mkdtempSync(join(tmpdir(), 'protokit-hostile-bench-'));
chmodSync(work, 0o755);

// A wrapper that runs the CLI in this process and reports its peak RSS on fd 3 at exit.
const MEASURE = join(work, 'measure.mjs');
writeFileSync(
  MEASURE,
  `import { writeSync } from 'node:fs';\nprocess.on('exit', (code) => { try { writeSync(3, JSON.stringify({ code, maxRssKb: process.resourceUsage().maxRSS }) + '\\n'); } catch {} });\nawait import(${JSON.stringify(pathToFileURL(BIN).href)});\n`,
);

function writeFiles(dir, files) {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
}

let counter = 0;
/** A fresh folder holding `set/`: the corpus's clean base set plus `files`. */
function baseSet(files = {}) {
  const dir = join(work, `case-${++counter}`);
  cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
  writeFiles(join(dir, 'set'), files);
  return dir;
}

const fm = (yaml, body = '\n# Body\n') => `---\n${yaml}---\n${body}`;
const endings = ['---', 'kind: definitions', 'id: endings', 'terms:', '  - { id: a, term: a, definition: b, bogus: 1 }', '---', '', 'See :term[nope] here.', ''];

/** Each case: a name, and a function that prepares a folder and gives the CLI arguments. */
const CASES = [
  ['clean base set (3 documents)', () => ({ dir: baseSet(), args: ['check', 'set'] })],
  ['alias bomb (billion laughs, 9 levels of 9)', () => ({ dir: baseSet({ 'bomb.md': readFileSync(join(CORPUS, 'cases/alias-bomb.md')) }), args: ['check', 'set'] })],
  ['YAML: 10,000 nested flow sequences', () => ({ dir: baseSet({ 'deep.md': fm(`kind: definitions\nid: deep\nx-deep: ${'['.repeat(10000)}${']'.repeat(10000)}\n`) }), args: ['check', 'set'] })],
  ['YAML: 10,000 nested flow mappings', () => ({ dir: baseSet({ 'deep.md': fm(`kind: definitions\nid: deep\nx-deep: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n`) }), args: ['check', 'set'] })],
  ['YAML: 10,000 nested block sequences', () => ({ dir: baseSet({ 'deep.md': fm(`kind: definitions\nid: deep\nx-deep:\n${'- '.repeat(10000)}x\n`) }), args: ['check', 'set'] })],
  [
    'YAML: 1,000 nested block mappings (500 KB)',
    () => {
      let yaml = 'kind: definitions\nid: deep\nx-deep:\n';
      for (let i = 1; i <= 1000; i++) yaml += `${' '.repeat(i)}k:\n`;
      return { dir: baseSet({ 'deep.md': fm(`${yaml}${' '.repeat(1001)}v\n`) }), args: ['check', 'set'] };
    },
  ],
  ['Markdown: 10,000 nested block quotes', () => ({ dir: baseSet({ 'deep.md': fm('kind: definitions\nid: deep\n', `${'> '.repeat(10000)}x\n`) }), args: ['check', 'set'] })],
  ['Markdown: 10,000 nested list items', () => ({ dir: baseSet({ 'deep.md': fm('kind: definitions\nid: deep\n', `${'- '.repeat(10000)}x\n`) }), args: ['check', 'set'] })],
  ['Markdown: 5,000 nested directives', () => ({ dir: baseSet({ 'deep.md': fm('kind: definitions\nid: deep\n', `${':::note\n'.repeat(5000)}x\n${':::\n'.repeat(5000)}`) }), args: ['check', 'set'] })],
  [
    '50 MB document (refused by size)',
    () => {
      const dir = baseSet();
      const fd = openSync(join(dir, 'set/huge.md'), 'w');
      writeSync(fd, '---\nkind: definitions\nid: huge\n---\n');
      const chunk = Buffer.alloc(1 << 20, 'All work and no play makes a very long protocol.\n');
      for (let i = 0; i < 50; i++) writeSync(fd, chunk);
      closeSync(fd);
      return { dir, args: ['check', 'set'] };
    },
  ],
  [
    '6 MB binary read under a raised maxFileSize',
    () => ({ dir: baseSet({ 'big.md': Buffer.concat([Buffer.from('---\nkind: definitions\nid: big\n---\n'), Buffer.alloc(6000000)]), 'protokit.config.yaml': 'limits:\n  maxFileSize: 8000000\n' }), args: ['check', 'set'] }),
  ],
  ['binary file named .md', () => ({ dir: baseSet({ 'image.md': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))]) }), args: ['check', 'set'] })],
  ['invalid UTF-8', () => ({ dir: baseSet({ 'latin.md': Buffer.concat([Buffer.from('---\nkind: definitions\nid: latin\n---\nline 5\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from(' here\n')]) }), args: ['check', 'set'] })],
  ['mixed CRLF/LF', () => ({ dir: baseSet({ 'endings.md': endings.map((l, i) => l + (i % 2 === 0 ? '\r\n' : '\n')).join('') }), args: ['check', 'set'] })],
  ['UTF-8 BOM', () => ({ dir: baseSet({ 'endings.md': `\uFEFF${endings.join('\n')}` }), args: ['check', 'set'] })],
  ['NUL bytes', () => ({ dir: baseSet({ 'nul.md': fm('kind: definitions\nid: nul\n', '\nbody \u0000 here\n') }), args: ['check', 'set'] })],
  [
    'symbolic links: outside the set, looping',
    () => {
      const dir = baseSet();
      symlinkSync('/etc/passwd', join(dir, 'set/passwd.md'));
      symlinkSync('loop.md', join(dir, 'set/loop.md'));
      mkdirSync(join(dir, 'set/sub'));
      symlinkSync('..', join(dir, 'set/sub/up'));
      return { dir, args: ['check', 'set'] };
    },
  ],
  [
    `unreadable file (chmod 000${IS_ROOT ? ', as nobody' : ''})`,
    () => {
      const dir = baseSet({ 'locked.md': fm('kind: definitions\nid: locked\n') });
      chmodSync(join(dir, 'set/locked.md'), 0o000);
      return { dir, args: ['check', 'set'], uid: IS_ROOT ? 65534 : undefined };
    },
  ],
  [
    'FIFO named x.md',
    () => {
      const dir = baseSet();
      spawnSync('mkfifo', [join(dir, 'set/x.md')]);
      return { dir, args: ['check', 'set'] };
    },
  ],
  ['prototype names as ids', () => ({ dir: baseSet({ 'constructor.md': readFileSync(join(CORPUS, 'cases/prototype-ids.md')) }), args: ['check', 'set'] })],
  ['prototype names as references', () => ({ dir: baseSet({ 'refs.md': readFileSync(join(CORPUS, 'cases/prototype-refs.md')) }), args: ['check', 'set'] })],
  ['injection set: render md,html', () => ({ dir: (() => { const d = join(work, `case-${++counter}`); mkdirSync(d, { recursive: true }); return d; })(), args: ['render', join(CORPUS, 'injection'), '--out', 'out'] })],
  // a known limitation, measured so that the README can say it: micromark's list handling is
  // quadratic in the number of items that hold a sub-list (see the report of issue 6)
  ['known slow: 2,000 list items, each with a sub-list (12 KB)', () => ({ dir: baseSet({ 'lists.md': fm('kind: definitions\nid: lists\n', `\n${'- - x\n'.repeat(2000)}`) }), args: ['check', 'set'] })],
];

function runOnce(dir, args, uid) {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--max-old-space-size=500', MEASURE, ...args, '--format', args[0] === 'render' ? 'md,html' : 'json'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
      ...(uid !== undefined ? { uid, gid: uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let report = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.stdio[3].on('data', (b) => (report += b));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      let maxRssKb = NaN;
      try {
        maxRssKb = JSON.parse(report.trim().split('\n').pop() ?? '').maxRssKb;
      } catch {
        // killed before it could report
      }
      done({ code, signal, ms, maxRssKb, stdout, stderr });
    });
  });
}

/** The outcome in a few words: exit code and the first error's rule, or the tool error. */
function outcome(run, args) {
  if (run.signal !== null) return `killed (${run.signal})`;
  if (run.code === 2) return `exit 2: ${run.stderr.trim().replace(/^protokit: /, '').slice(0, 60)}`;
  if (args[0] === 'render') return `exit ${run.code}`;
  try {
    const results = JSON.parse(run.stdout);
    const errors = results.flatMap((r) => r.messages.filter((m) => m.severity === 2).map((m) => m.ruleId));
    return `exit ${run.code}${errors.length > 0 ? `: ${[...new Set(errors)].join(', ')}` : ''}`;
  } catch {
    return `exit ${run.code}`;
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

const rows = [];
try {
  for (const [name, build] of CASES) {
    if (options.only !== undefined && !name.includes(options.only)) continue;
    const { dir, args, uid } = build();
    const results = [];
    for (let i = 0; i < options.runs; i++) {
      if (args[0] === 'render') rmSync(join(dir, 'out'), { recursive: true, force: true });
      results.push(await runOnce(dir, args, uid));
    }
    const row = { name, outcome: outcome(results[0], args), seconds: median(results.map((r) => r.ms)) / 1000, peakMiB: median(results.map((r) => r.maxRssKb)) / 1024 };
    rows.push(row);
    process.stderr.write(`${name}: ${row.seconds.toFixed(2)} s, ${row.peakMiB.toFixed(0)} MiB — ${row.outcome}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const lines = [
  `Hostile-input cases, Node ${process.version}, ${options.runs} run${options.runs === 1 ? '' : 's'} each (median), whole CLI process with --max-old-space-size=500:`,
  '',
  '| case | outcome | time | peak RSS |',
  '| --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.name} | ${r.outcome.replace(/\|/g, '\\|')} | ${r.seconds.toFixed(2)} s | ${Number.isFinite(r.peakMiB) ? `${r.peakMiB.toFixed(0)} MiB` : '?'} |`),
];
process.stdout.write(`${lines.join('\n')}\n`);
if (options.json !== undefined) writeFileSync(options.json, `${JSON.stringify({ node: process.version, runs: options.runs, rows }, null, 2)}\n`);
