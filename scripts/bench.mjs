#!/usr/bin/env node
// npm run bench: times protokit against the single-thread floor, as whole processes.
//
//   node scripts/bench.mjs                 sizes 25, 250 and 1000 agencies, 5 counted runs each
//   BENCH_SIZES=25,250 BENCH_RUNS=3 node scripts/bench.mjs
//
// Env: BENCH_SIZES, BENCH_RUNS, PROTOKIT_BENCH_DIR (the shared bench folder; default
// ../shared/bench from the repository root), BENCH_OUT (default docs/benchmarks.md; "-" prints
// only), BENCH_ONLY (comma-separated measure ids, for quick looks: floor,cold,warm,changed,render,render-warm,one).
//
// Corpora are generated deterministically with the bench's gen-corpus.mjs into the git-ignored
// .bench/ (regenerated only when the generator changes). floor.mjs and its schemas are copied to
// .bench/floor/ so that its imports (unified, remark-*, yaml, ajv) resolve from our node_modules.
// Every command gets one warm-up run, then BENCH_RUNS counted runs, interleaved with the floor's
// (floor, cold, warm, changed, render, floor, cold, ...) so that a change in the machine's load
// hits all of them alike. Wall time, CPU time (user + system) and peak RSS come from GNU
// /usr/bin/time -v when it is there, else from a wrapper that reads process.resourceUsage().

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, availableParallelism, totalmem, release } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BENCH = resolve(process.env.PROTOKIT_BENCH_DIR ?? join(ROOT, '../shared/bench'));
const WORK = join(ROOT, '.bench');
const SIZES = (process.env.BENCH_SIZES ?? '25,250,1000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5) || 5);
const OUT = process.env.BENCH_OUT ?? join(ROOT, 'docs/benchmarks.md');
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',').map((s) => s.trim())) : undefined;
// the CLI runs from a snapshot of the build (.bench/pkg/), so that a rebuild by someone else
// during the bench (which also changes the cache key) does not change what is measured
const PKG = join(WORK, 'pkg');
const CLI = join(PKG, 'bin/protokit.js');
const GNU_TIME = '/usr/bin/time';

/** The targets of issue 5, on the largest set. */
const TARGETS = {
  cold: 0.6, // × floor
  changed: 0.1, // × floor
  render: 1.0, // × floor
  rssMB: 400,
  growth: 4.2, // 250 → 1000, check cold
  oneMs: 300,
};

function log(message) {
  process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------- timing one process

const useGnuTime = (() => {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-v', process.execPath, '-e', ''], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr);
})();

const WRAPPER = join(WORK, 'rusage-wrapper.mjs');

/** The fallback timer: runs a Node script in this process and reports its rusage on exit. */
function writeWrapper() {
  writeFileSync(
    WRAPPER,
    `// written by scripts/bench.mjs: runs a Node script, then prints its resource usage to fd 3
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const [script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on('exit', () => {
  const u = process.resourceUsage();
  try { writeSync(3, JSON.stringify({ maxRssKB: u.maxRSS, userUs: u.userCPUTime, systemUs: u.systemCPUTime }) + '\\n'); } catch {}
});
await import(pathToFileURL(script).href);
`,
  );
}

// ---------------------------------------------------------------- a quiet machine

const QUIET_MAX_S = Number(process.env.BENCH_QUIET_MAX ?? 120);
let quietWaits = 0;
let quietWaitMs = 0;

/** Busy share of all CPUs over `ms`, from /proc/stat (undefined where there is none). */
function busyShare(ms) {
  const read = () => {
    try {
      const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      const idle = cpu[3] + (cpu[4] ?? 0);
      return { idle, total: cpu.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const a = read();
  if (a === undefined) return Promise.resolve(undefined);
  return new Promise((done) =>
    setTimeout(() => {
      const b = read();
      done(b === undefined || b.total === a.total ? undefined : 1 - (b.idle - a.idle) / (b.total - a.total));
    }, ms),
  );
}

/**
 * Waits (up to BENCH_QUIET_MAX seconds) until other processes use under 15 % of the CPUs, so that
 * a run is not timed while another job shares the machine.
 */
async function waitForQuiet() {
  const start = Date.now();
  let waited = false;
  while (Date.now() - start < QUIET_MAX_S * 1000) {
    const busy = await busyShare(400);
    if (busy === undefined || busy < 0.15) break;
    waited = true;
  }
  if (waited) {
    quietWaits++;
    quietWaitMs += Date.now() - start;
  }
}

/** Runs `node script args` in `cwd`; resolves wall ms, CPU ms, peak RSS MB and the exit code. */
async function timeNode(script, args, cwd) {
  await waitForQuiet();
  return new Promise((done, fail) => {
    const start = process.hrtime.bigint();
    let child;
    let rusage = '';
    let stderr = '';
    if (useGnuTime) {
      child = spawn(GNU_TIME, ['-v', process.execPath, script, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    } else {
      child = spawn(process.execPath, [WRAPPER, script, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
      child.stdio[3].on('data', (d) => (rusage += d));
    }
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
      let rssMB;
      let cpuMs;
      if (useGnuTime) {
        const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        const user = /User time \(seconds\): ([\d.]+)/.exec(stderr);
        const sys = /System time \(seconds\): ([\d.]+)/.exec(stderr);
        const status = /Exit status: (\d+)/.exec(stderr);
        rssMB = rss ? Number(rss[1]) / 1024 : NaN;
        cpuMs = user && sys ? (Number(user[1]) + Number(sys[1])) * 1000 : NaN;
        code = status ? Number(status[1]) : code;
      } else {
        try {
          const u = JSON.parse(rusage.trim().split('\n').pop());
          rssMB = u.maxRssKB / 1024;
          cpuMs = (u.userUs + u.systemUs) / 1000;
        } catch {
          rssMB = NaN;
          cpuMs = NaN;
        }
      }
      const message = stderr.split('\n').filter((l) => l.startsWith('protokit') || l.includes('Error')).slice(0, 3).join(' | ');
      done({ wallMs, cpuMs, rssMB, code, message });
    });
  });
}

// ---------------------------------------------------------------- corpora

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

/** Generates `.bench/nN` unless it is there from the same generator and arguments. */
function corpus(n) {
  const dir = join(WORK, `n${n}`);
  const args = ['--agencies', String(n), '--out', dir, '--seed', 'protokit'];
  const generator = join(BENCH, 'gen-corpus.mjs');
  const libFiles = existsSync(join(BENCH, 'lib')) ? readdirSync(join(BENCH, 'lib')).sort().map((f) => readFileSync(join(BENCH, 'lib', f))) : [];
  const stamp = sha256(Buffer.concat([readFileSync(generator), ...libFiles, Buffer.from(args.slice(0, 2).join(' '))]));
  const stampFile = join(WORK, `n${n}.stamp`);
  if (existsSync(dir) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return dir;
  log(`generating ${relative(ROOT, dir)} ...`);
  rmSync(dir, { recursive: true, force: true });
  const result = spawnSync(process.execPath, [generator, ...args], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`gen-corpus failed: ${result.stderr}`);
  log(result.stdout.trim());
  writeFileSync(stampFile, stamp);
  return dir;
}

function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) {
        files++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(dir);
  return { files, mb: bytes / 1048576 };
}

/** The smallest protocol document of a set (for the start-up measure). */
function smallestDocument(dir) {
  let best;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md') && readFileSync(p, 'utf8').startsWith('---')) {
        const size = statSync(p).size;
        if (best === undefined || size < best.size) best = { path: p, size };
      }
    }
  };
  walk(dir);
  return best;
}

/** A meeting record (or any document) of the set, edited in the "one document changed" runs. */
function documentToChange(dir) {
  const meetings = join(dir, 'meetings');
  const folder = existsSync(meetings) ? meetings : join(dir, 'agencies');
  const name = readdirSync(folder).filter((f) => f.endsWith('.md')).sort()[0];
  return join(folder, name);
}

// ---------------------------------------------------------------- statistics and formatting

function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

function summary(runs) {
  const wall = runs.map((r) => r.wallMs);
  return {
    runs: runs.length,
    median: median(wall),
    min: Math.min(...wall),
    max: Math.max(...wall),
    cpu: median(runs.map((r) => r.cpuMs)),
    rss: median(runs.map((r) => r.rssMB)),
    rssMax: Math.max(...runs.map((r) => r.rssMB).filter(Number.isFinite)),
    codes: [...new Set(runs.map((r) => r.code))],
  };
}

const secs = (ms) => (Number.isFinite(ms) ? (ms >= 10000 ? (ms / 1000).toFixed(1) : (ms / 1000).toFixed(2)) : 'n/a');
const mb = (x) => (Number.isFinite(x) ? String(Math.round(x)) : 'n/a');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');

// ---------------------------------------------------------------- the run

async function main() {
  mkdirSync(WORK, { recursive: true });
  if (!useGnuTime) writeWrapper();
  if (process.env.BENCH_BUILD !== '0' || !existsSync(join(ROOT, 'dist/cli/main.js'))) {
    log('building dist/ (npm run build; BENCH_BUILD=0 skips it) ...');
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('npm run build failed');
  }
  // the precompiled validators (until the build script makes them itself)
  const validators = join(ROOT, 'dist/validate/validators.cjs');
  const schemaTimes = readdirSync(join(ROOT, 'schemas')).map((f) => statSync(join(ROOT, 'schemas', f)).mtimeMs);
  if (!existsSync(validators) || statSync(validators).mtimeMs < Math.max(...schemaTimes)) {
    const made = spawnSync(process.execPath, [join(ROOT, 'scripts/build-validators.mjs')], { cwd: ROOT, stdio: 'inherit' });
    if (made.status !== 0) throw new Error('scripts/build-validators.mjs failed');
  }
  rmSync(PKG, { recursive: true, force: true });
  mkdirSync(PKG, { recursive: true });
  for (const part of ['bin', 'dist', 'schemas', 'templates', 'locales', 'package.json']) {
    if (existsSync(join(ROOT, part))) cpSync(join(ROOT, part), join(PKG, part), { recursive: true, preserveTimestamps: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(PKG, 'node_modules'), 'dir');
  // the floor, runnable with our node_modules
  const floorDir = join(WORK, 'floor');
  rmSync(floorDir, { recursive: true, force: true });
  mkdirSync(floorDir, { recursive: true });
  cpSync(join(BENCH, 'floor.mjs'), join(floorDir, 'floor.mjs'));
  cpSync(join(BENCH, 'schemas'), join(floorDir, 'schemas'), { recursive: true });
  const floorScript = join(floorDir, 'floor.mjs');

  const renderHelp = spawnSync(process.execPath, [CLI, 'render', '--help'], { encoding: 'utf8' });
  const renderAvailable = renderHelp.status === 0 && /render/.test(renderHelp.stdout);
  if (!renderAvailable) log('protokit render is not available: its rows say n/a');

  const startLoad = loadavg();
  const started = new Date();
  log(`timer: ${useGnuTime ? 'GNU /usr/bin/time -v' : 'process.resourceUsage() wrapper'}; sizes ${SIZES.join(', ')}; ${RUNS} counted runs after 1 warm-up`);

  const want = (id) => ONLY === undefined || ONLY.has(id);
  const rows = [];
  const results = new Map(); // `${size}/${id}` → summary
  for (const n of SIZES) {
    const dir = corpus(n);
    const { files, mb: size } = sizeOf(dir);
    const rel = relative(ROOT, dir);
    const cache = join(WORK, `cache-n${n}`);
    const renderCache = join(WORK, `cache-render-n${n}`);
    const changeFile = documentToChange(dir);
    const original = readFileSync(changeFile);
    let edit = 0;
    const measures = [
      want('floor') && { id: 'floor', label: 'floor (single thread)', run: () => timeNode(floorScript, [rel], ROOT) },
      want('cold') && { id: 'cold', label: 'check, cold', run: () => timeNode(CLI, ['check', rel, '--format', 'json'], ROOT) },
      want('warm') && {
        id: 'warm',
        label: 'check, warm cache, nothing changed',
        prime: () => timeNode(CLI, ['check', rel, '--format', 'json', '--cache', '--cache-location', cache], ROOT),
        run: () => timeNode(CLI, ['check', rel, '--format', 'json', '--cache', '--cache-location', cache], ROOT),
      },
      want('changed') && {
        id: 'changed',
        label: 'check, warm cache, one document changed',
        prime: () => timeNode(CLI, ['check', rel, '--format', 'json', '--cache', '--cache-location', cache], ROOT),
        run: () => {
          edit++;
          writeFileSync(changeFile, Buffer.concat([original, Buffer.from(`\nBench edit ${edit}.\n`)]));
          return timeNode(CLI, ['check', rel, '--format', 'json', '--cache', '--cache-location', cache], ROOT);
        },
      },
      want('render') && {
        id: 'render',
        label: 'render all handbooks (md, html)',
        run: renderAvailable
          ? () => timeNode(CLI, ['render', rel, '--out', join(WORK, `render-n${n}`), '--force'], ROOT)
          : undefined,
      },
      want('render-warm') && {
        id: 'render-warm',
        label: 'render all handbooks, warm cache (`--cache`), nothing changed',
        prime: renderAvailable ? () => timeNode(CLI, ['render', rel, '--out', join(WORK, `render-n${n}`), '--force', '--cache', '--cache-location', renderCache], ROOT) : undefined,
        run: renderAvailable
          ? () => timeNode(CLI, ['render', rel, '--out', join(WORK, `render-n${n}`), '--force', '--cache', '--cache-location', renderCache], ROOT)
          : undefined,
      },
    ].filter(Boolean);
    const runs = new Map(measures.map((m) => [m.id, []]));
    try {
      for (const m of measures) {
        if (m.run === undefined) continue;
        log(`n${n}: warm-up ${m.id}`);
        if (m.prime) await m.prime();
        const r = await m.run();
        if (r.code !== 0 && r.code !== 1) log(`  ${m.id} exited ${r.code}: ${r.message}`);
      }
      for (let i = 0; i < RUNS; i++) {
        for (const m of measures) {
          if (m.run === undefined) continue;
          const r = await m.run();
          runs.get(m.id).push(r);
          log(`n${n} run ${i + 1}/${RUNS} ${m.id.padEnd(7)} ${secs(r.wallMs)} s wall, ${secs(r.cpuMs)} s cpu, ${mb(r.rssMB)} MB, exit ${r.code}`);
        }
      }
    } finally {
      writeFileSync(changeFile, original);
    }
    const floorRuns = runs.get('floor');
    for (const m of measures) {
      const s = m.run === undefined ? undefined : summary(runs.get(m.id));
      // each run against the floor run of the same round: drift in the machine's speed cancels out
      if (s !== undefined && floorRuns !== undefined && floorRuns.length > 0) s.paired = median(runs.get(m.id).map((r, i) => r.wallMs / (floorRuns[i]?.wallMs ?? NaN)));
      results.set(`${n}/${m.id}`, s);
      rows.push({ n, files, size, id: m.id, label: m.label, s });
    }
  }

  // start-up: one small document
  if (want('one')) {
    const small = smallestDocument(corpus(Math.min(...SIZES)));
    const args = ['check', relative(ROOT, small.path), '--format', 'json'];
    // Node's own start-up, timed the same way in the same rounds: how fast this machine is now
    // (the target is absolute, so a slower machine reads worse with the same code)
    const empty = join(WORK, 'empty.mjs');
    writeFileSync(empty, '');
    await timeNode(CLI, args, ROOT);
    await timeNode(empty, [], ROOT);
    const runs = [];
    const bare = [];
    for (let i = 0; i < Math.max(RUNS, 5); i++) {
      runs.push(await timeNode(CLI, args, ROOT));
      bare.push(await timeNode(empty, [], ROOT));
    }
    const s = summary(runs);
    results.set('one', s);
    results.set('node', summary(bare));
    rows.push({ n: undefined, files: 1, size: small.size / 1048576, id: 'one', label: `check of one small document (${relative(ROOT, small.path)}, ${small.size} bytes)`, s });
    rows.push({ n: undefined, files: 0, size: 0, id: 'node', label: 'Node alone, on an empty script (for reference: how fast the machine starts a process)', s: results.get('node') });
  }
  const endLoad = loadavg();

  // ---------------------------------------------------------------- report
  const floorOf = (n) => results.get(`${n}/floor`)?.median;
  const lines = [];
  lines.push('| agencies | files | MB | measure | median s | min s | max s | CPU s (median) | peak RSS MB (median / max) | × floor (median of per-round ratios) |');
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const row of rows) {
    const s = row.s;
    const f = row.n === undefined ? undefined : floorOf(row.n);
    const x = s && f && row.id !== 'floor' ? ratio(s.paired ?? s.median / f) : row.id === 'floor' ? '1.00×' : '';
    lines.push(
      `| ${row.n ?? '-'} | ${row.files} | ${row.size.toFixed(2)} | ${row.label} | ${s ? secs(s.median) : 'n/a'} | ${s ? secs(s.min) : 'n/a'} | ${s ? secs(s.max) : 'n/a'} | ${s ? secs(s.cpu) : 'n/a'} | ${s ? `${mb(s.rss)} / ${mb(s.rssMax)}` : 'n/a'} | ${x} |`,
    );
  }
  const table = lines.join('\n');

  // targets, on the largest size measured
  const big = Math.max(...SIZES);
  const targets = [];
  const verdict = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const f = floorOf(big);
  const cold = results.get(`${big}/cold`);
  const changed = results.get(`${big}/changed`);
  const render = results.get(`${big}/render`);
  const renderWarm = results.get(`${big}/render-warm`);
  const one = results.get('one');
  const cold250 = results.get('250/cold');
  const val = (s, k = 'median') => (s ? s[k] : undefined);
  const r = (a, b) => (a !== undefined && b !== undefined ? a / b : undefined);
  const cx = cold?.paired ?? r(val(cold), f);
  const chx = changed?.paired ?? r(val(changed), f);
  const rx = render?.paired ?? r(val(render), f);
  const rwx = renderWarm?.paired ?? r(val(renderWarm), f);
  const rss = cold ? Math.max(cold.rssMax, changed?.rssMax ?? 0, results.get(`${big}/warm`)?.rssMax ?? 0) : undefined;
  const growth = cold250 && big !== 250 && cold ? cold.median / cold250.median : undefined;
  targets.push(`| \`check\` cold, ${availableParallelism()} cores | ≤ ${TARGETS.cold} × floor | ${cx === undefined ? 'n/a' : `${ratio(cx)} (${secs(val(cold))} s / ${secs(f)} s)`} | ${verdict(cx === undefined ? undefined : cx <= TARGETS.cold)} |`);
  targets.push(`| \`check\` warm, one document changed | ≤ ${TARGETS.changed} × floor | ${chx === undefined ? 'n/a' : `${ratio(chx)} (${secs(val(changed))} s)`} | ${verdict(chx === undefined ? undefined : chx <= TARGETS.changed)} |`);
  targets.push(`| \`render\` all handbooks | ≤ ${TARGETS.render} × floor | ${rx === undefined ? 'n/a' : `${ratio(rx)} (${secs(val(render))} s)`} | ${verdict(rx === undefined ? undefined : rx <= TARGETS.render)} |`);
  targets.push(`| \`render\` all handbooks, warm cache (\`--cache\`; not the target's cold run, shown beside it) | ≤ ${TARGETS.render} × floor | ${rwx === undefined ? 'n/a' : `${ratio(rwx)} (${secs(val(renderWarm))} s)`} | ${rwx === undefined ? 'not measured' : rwx <= TARGETS.render ? 'within it' : 'over it'} |`);
  targets.push(`| peak memory of \`check\` (max over cold and warm runs) | ≤ ${TARGETS.rssMB} MB | ${rss === undefined ? 'n/a' : `${mb(rss)} MB`} | ${verdict(rss === undefined ? undefined : rss <= TARGETS.rssMB)} |`);
  targets.push(`| growth of \`check\` cold from 250 to ${big} agencies | ≤ ${TARGETS.growth} × time | ${growth === undefined ? 'n/a' : ratio(growth)} | ${verdict(growth === undefined || big !== 1000 ? undefined : growth <= TARGETS.growth)} |`);
  const node = results.get('node');
  targets.push(`| \`check\` of one small document, cold | ≤ ${TARGETS.oneMs} ms wall | ${one ? `${Math.round(one.median)} ms (min ${Math.round(one.min)}${node ? `; Node alone ${Math.round(node.median)} ms` : ''})` : 'n/a'} | ${verdict(one ? one.median <= TARGETS.oneMs : undefined)} |`);

  const cpu = cpus();
  const header = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench.mjs); do not edit above the notes.',
    '',
    `- Machine: ${availableParallelism()} cores (${cpu[0]?.model?.trim() ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Linux ${release()}`,
    `- Node ${process.version}; protokit ${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}; timer: ${useGnuTime ? 'GNU time -v' : 'process.resourceUsage() wrapper'}`,
    `- Run ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC, ${RUNS} counted runs per measure after one warm-up, interleaved; load average (1 min) ${startLoad[0].toFixed(1)} at the start, ${endLoad[0].toFixed(1)} at the end. The machine is shared: before each run the bench waited until other processes used under 15 % of the CPUs (${quietWaits} waits, ${Math.round(quietWaitMs / 1000)} s in all; at most ${QUIET_MAX_S} s each)`,
    `- Floor: \`node ../shared/bench/floor.mjs DIR\` (copied to .bench/floor/); check: \`protokit check DIR --format json\` (stdout discarded; default \`--jobs\`: one thread per core); warm: \`--cache\`; render: \`protokit render DIR --out .bench/render-nN --force\` (md, html), warm with \`--cache\` too (a cache file of its own); protokit runs from a copy of the build (.bench/pkg/)`,
    '- × floor: the median over rounds of (run ÷ floor run of the same round); a round runs floor, cold, warm, changed, render and warm render once each, so a change in the machine\'s speed hits both sides of a ratio',
    '',
    '## Results',
    '',
    table,
    '',
    `## Targets (issue 5), ${big} agencies`,
    '',
    '| measure | target | measured | |',
    '| --- | --- | --- | --- |',
    ...targets,
    '',
  ].join('\n');

  process.stdout.write(`\n${header}\n`);
  if (OUT !== '-') {
    const marker = '<!-- notes: kept by scripts/bench.mjs -->';
    const previous = existsSync(OUT) ? readFileSync(OUT, 'utf8') : '';
    const notes = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n\n## Notes\n`;
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${header}\n${notes}`);
    log(`written: ${relative(ROOT, OUT)}`);
  }
  appendFileSync(join(WORK, 'history.jsonl'), `${JSON.stringify({ at: started.toISOString(), runs: RUNS, load: [startLoad[0], endLoad[0]], results: Object.fromEntries(results) })}\n`);
}

main().catch((error) => {
  log(`bench: ${error.stack ?? error}`);
  process.exitCode = 1;
});
