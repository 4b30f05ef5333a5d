import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, resolve } from 'node:path';
import { Script } from 'node:vm';
import { writeFileAtomic } from '../io/atomic-write.js';

/**
 * CommonJS files that `check` loads on every run (the bundle of its libraries, the `yaml` bundle,
 * the precompiled validators) with V8's code cache: the build compiles each one once, runs it on
 * sample input, and writes what V8 compiled beside it (`FILE.v8cache`,
 * scripts/build-code-cache.mjs). A run then skips
 * parsing and compiling those functions: about 40 ms of a one-document `check` on this machine
 * (docs/benchmarks.md). Node 20 has no compile cache of its own (`module.enableCompileCache` came
 * with Node 22), and v8-compile-cache writes its cache to a temporary folder at run time, which a
 * run of protokit never does. The module runs as `require()` runs it. A cache is not used when it
 * was made from other source text or is damaged (checked here), or by another V8 version or with
 * other V8 flags (checked by V8): the file is then compiled as usual. The cache changes how fast
 * a module loads, never what it does.
 */

/** What a file was loaded with: its exports, and whether V8 took the code cache. */
export interface Loaded {
  exports: unknown;
  /** True when the file was compiled now, with a cache file that V8 used. */
  cached: boolean;
}

/**
 * The V8 flags `render` runs with: bin/protokit.js starts its process with them (a test keeps the
 * two lists equal). V8 takes a code cache only under the flags it was made with, and
 * `--max-semi-space-size` is one it checks, so the build writes a second cache of each file under
 * these flags (`FILE.render.v8cache`), for `render`'s threads.
 */
export const RENDER_V8_FLAGS: readonly string[] = ['--single-threaded-gc', '--max-semi-space-size=64'];

/** Whether this process runs with `RENDER_V8_FLAGS` and no others (its worker threads inherit them). */
function renderFlags(execArgv: readonly string[]): boolean {
  return execArgv.length === RENDER_V8_FLAGS.length && RENDER_V8_FLAGS.every((flag, i) => execArgv[i] === flag);
}

/**
 * The cache file of a module file, for this process's flags: `FILE.render.v8cache` under
 * `RENDER_V8_FLAGS`, `FILE.v8cache` otherwise (a process with other flags gets a cache V8 may
 * reject: the file is then compiled as usual).
 */
export function cacheFileOf(file: string, execArgv: readonly string[] = process.execArgv): string {
  return renderFlags(execArgv) ? `${file}.render.v8cache` : `${file}.v8cache`;
}

/** Wraps CommonJS source as Node's loader does, so that it runs with its own `require`, `module` and `exports`. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

/**
 * A cache file: the SHA-256 of the source it was made from, the SHA-256 of V8's data, then the
 * data. V8 checks its own version and flags, but of the source only its length: the first hash
 * keeps a cache from being used for another file of the same length (a rebuild without this
 * step), the second a damaged cache from reaching V8.
 */
const HASH = 32;

function sha256(data: string | Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** V8's data in a cache file, if the file was made from `source` and is whole. */
function cachedDataFor(file: string, source: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(cacheFileOf(file));
  } catch {
    return undefined;
  }
  if (bytes.length <= 2 * HASH) return undefined;
  const data = bytes.subarray(2 * HASH);
  if (!bytes.subarray(0, HASH).equals(sha256(source)) || !bytes.subarray(HASH, 2 * HASH).equals(sha256(data))) return undefined;
  return data;
}

/** Node's module cache (`require.cache`), shared by every `require`. */
const moduleCache = createRequire(import.meta.url).cache;

/**
 * Loads a CommonJS file, with its code cache when one is there, made from this file, and V8
 * accepts it. As `require()`, it gives the module in `require.cache` when the file is loaded
 * already (`cached` is then false), and puts a new one there before running it (taken out again
 * if it throws).
 */
export function loadWithCodeCache(path: string): Loaded {
  const file = resolve(path);
  const known = moduleCache[file];
  if (known?.loaded === true) return { exports: known.exports as unknown, cached: false };
  return compileAndRun(file);
}

function compileAndRun(file: string): Loaded & { script: Script; source: string } {
  const source = readFileSync(file, 'utf8');
  const cachedData = cachedDataFor(file, source);
  const script = new Script(wrap(source), { filename: file, ...(cachedData !== undefined ? { cachedData } : {}) });
  const module = new Module(file);
  module.filename = file;
  const paths = (Module as unknown as { _nodeModulePaths?: (from: string) => string[] })._nodeModulePaths;
  if (typeof paths === 'function') module.paths = paths(dirname(file));
  moduleCache[file] = module;
  try {
    const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  } catch (error) {
    delete moduleCache[file];
    throw error;
  }
  module.loaded = true;
  return { exports: module.exports as unknown, cached: cachedData !== undefined && script.cachedDataRejected !== true, script, source };
}

/** The exports of a CommonJS file, loaded with its code cache when there is one (see above). */
export function requireWithCodeCache(file: string): unknown {
  return loadWithCodeCache(file).exports;
}

/**
 * Writes the code cache of a CommonJS file (for the build): loads it, lets `exercise` call what a
 * run calls (so that V8 has compiled those functions too), and writes the cache beside the file
 * (atomically). Returns the cache's size in bytes.
 */
export function writeCodeCache(file: string, exercise: (exports: unknown) => void): number {
  rmSync(cacheFileOf(file), { force: true });
  // compiled afresh (not the module `require.cache` may hold), so that V8 has compiled what `exercise` runs
  const { exports, script, source } = compileAndRun(resolve(file));
  exercise(exports);
  const data = script.createCachedData();
  writeFileAtomic(cacheFileOf(file), Buffer.concat([sha256(source), sha256(data), data]));
  return data.length + 2 * HASH;
}
