import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FoundFile } from '../io/discover.js';
import type { ParsedFile } from '../model/document.js';
import { InternalError, IoError } from '../model/errors.js';
import { cacheKey, ParseCache, type CacheMode } from './cache.js';
import type { Limits } from './limits.js';
import { findFiles, type LoadOptions } from './load-set.js';
import { parseFile, type ParsedFileWithTree } from './parse-file.js';
import { readBytes, readFound } from './read-file.js';
import { decodeText } from './text-decode.js';
import { parseForHandbooks } from './tree.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker.js';

/**
 * Below this many files to parse, the work stays in this thread: starting a worker (a fresh
 * isolate that loads the parser and compiles validators) costs more than it saves.
 */
export const MIN_FILES_FOR_WORKERS = 64;

/**
 * The young generation of a worker thread of `render` (its parse workers and its Markdown
 * workers), in MB: Node's default is a fraction of this.
 */
export const YOUNG_GENERATION_MB = 192;

/** Files per message to a worker: small enough to keep both cores busy to the end. */
const BATCH = 8;

/** How the parallel, cached loader runs. */
export interface FastLoadOptions extends LoadOptions {
  /** Threads that parse (this one and `jobs - 1` workers): 1 parses in this thread only; default one per core. */
  jobs?: number;
  /** The cache file (`--cache`); no cache when undefined. */
  cache?: string;
  /** The parser fingerprint the cache is keyed on (default: this protokit's; tests inject others). */
  fingerprint?: string;
  /** Called on this thread for every file that was parsed (not served from the cache). */
  onParse?: (file: string) => void;
  /** Called with what `--verbose` may show (cache used or not, threads). */
  onInfo?: (message: string) => void;
  /** Called when the cache cannot be written (the run goes on without it). */
  onWarning?: (message: string) => void;
}

/** The default number of parsing threads: one per core. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

// from this folder's parent, so that the CLI's bundle (dist/bundle/) finds it too
const WORKER_URL = new URL('../load/worker.js', import.meta.url);

/** Whether the compiled worker exists next to this module (it does not when running from sources). */
function workerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/** Drops the mdast tree and any remembered YAML document: what crosses threads or stays long is plain data. */
function plainCopy(file: ParsedFile): ParsedFile {
  const { tree: _tree, ...rest } = file as ParsedFile & { tree?: unknown };
  return rest;
}

/** Parsed files in the order of the files asked for, and whether each text is the plain decoding of its bytes. */
interface Parsed {
  files: ParsedFile[];
  plain: boolean[];
}

/**
 * What a load reads of each file: what rules read (`check`), that and the trees handbooks read
 * (`render`), or only what handbooks read (`render --force` without a cache, see `parseForHandbooks`).
 */
type ReadFor = 'rules' | 'both' | 'handbooks';

/** What `options` ask to read (what only handbooks read never goes into a cache). */
function readFor(options: FastLoadOptions): ReadFor {
  if (options.keepTree !== true) return 'rules';
  return options.noRules === true && options.cache === undefined ? 'handbooks' : 'both';
}

/** Reads (unless already read) and parses one file in this thread; for handbooks, with the trees they read. */
function parseOne(found: FoundFile, limits: Limits, bytes: Uint8Array | ParsedFile | undefined, keep: boolean, wantPlain: boolean, read: ReadFor): { file: ParsedFile; plain: boolean } {
  const got = bytes ?? readBytes(found, limits);
  if (!(got instanceof Uint8Array)) return { file: got, plain: false };
  if (read !== 'rules') {
    const file = parseForHandbooks(found.file, got, limits, { noRules: read === 'handbooks' });
    return { file: keep ? file : { ...file }, plain: wantPlain && file.text === decodeText(got) };
  }
  const file = parseFile(found.file, got, { limits });
  // a copy lets the parser's remembered YAML document go (positions re-parse it when needed):
  // a big set then does not hold every frontmatter's syntax tree in memory
  return { file: keep ? file : plainCopy(file), plain: wantPlain && file.text === decodeText(got) };
}

/** Lets the event loop run (worker replies, and sending them more work). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolveYield) => setImmediate(resolveYield));
}

/**
 * Parses files with `jobs` threads: this one and `jobs - 1` workers, all taking batches of
 * files from one queue (so a slow batch does not hold the others up). Workers read the files
 * themselves (only paths are sent) and send back plain data; results keep the order of `found`.
 */
async function parseShared(found: readonly FoundFile[], options: FastLoadOptions, jobs: number, wantPlain: boolean, bytesOf: (i: number) => Uint8Array | ParsedFile | undefined): Promise<Parsed> {
  const files: ParsedFile[] = new Array<ParsedFile>(found.length);
  const plain: boolean[] = new Array<boolean>(found.length).fill(false);
  const workers: Worker[] = [];
  let next = 0;
  let inFlight = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const take = (): [number, number] | undefined => {
    if (next >= found.length) return undefined;
    const start = next;
    next = Math.min(found.length, start + BATCH);
    return [start, next];
  };
  const send = (worker: Worker): void => {
    const batch = failure === undefined ? take() : undefined;
    if (batch === undefined) return;
    const request: WorkerRequest = { id: batch[0], files: found.slice(batch[0], batch[1]) };
    inFlight++;
    worker.postMessage(request);
  };
  const fail = (error: Error): void => {
    failure ??= error;
    wake?.();
  };
  const read = readFor(options);
  const trees = read !== 'rules';
  const setup: WorkerSetup = { limits: options.limits, plain: wantPlain, trees, noRules: read === 'handbooks' };
  const count = Math.max(0, Math.min(jobs - 1, Math.ceil(found.length / BATCH) - 1));
  for (let t = 0; t < count; t++) {
    // with trees (`render`), a larger young generation: the trees outlive it and each scavenge
    // copies them, so fewer scavenges cost less (docs/benchmarks.md: 7 of 10 renders faster)
    const worker = new Worker(WORKER_URL, { workerData: setup, ...(trees ? { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } } : {}) });
    workers.push(worker);
    worker.on('message', (reply: WorkerReply) => {
      inFlight--;
      if ('error' in reply) {
        const error = new InternalError(`Parsing failed in a worker thread: ${reply.error.message}`);
        if (reply.error.stack !== undefined) error.stack = reply.error.stack;
        fail(error);
        return;
      }
      for (let k = 0; k < reply.files.length; k++) {
        const file = reply.files[k] as ParsedFile;
        files[reply.id + k] = file;
        plain[reply.id + k] = reply.plain?.[k] ?? false;
        options.onParse?.(file.file);
      }
      send(worker);
      if (inFlight === 0) wake?.();
    });
    worker.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
    worker.on('exit', (code) => {
      if (next < found.length || inFlight > 0) fail(new InternalError(`A worker thread stopped early (exit code ${code})`));
    });
  }
  options.onInfo?.(`parsing ${found.length} files in ${count + 1} threads (this one and ${count} worker${count === 1 ? '' : 's'})`);
  try {
    // two batches in flight per worker, so that a worker never waits for this thread
    for (const worker of workers) send(worker);
    for (const worker of workers) send(worker);
    // this thread takes its share from the same queue, yielding between batches to feed the workers
    for (let batch = take(); batch !== undefined && failure === undefined; batch = take()) {
      for (let i = batch[0]; i < batch[1]; i++) {
        const one = parseOne(found[i] as FoundFile, options.limits, bytesOf(i), false, wantPlain, read);
        files[i] = one.file;
        plain[i] = one.plain;
        options.onParse?.(one.file.file);
      }
      await yieldToEventLoop();
    }
    while (inFlight > 0 && failure === undefined) {
      await new Promise<void>((resolveWait) => {
        wake = resolveWait;
      });
      wake = undefined;
    }
    if (failure !== undefined) throw failure;
    return { files, plain };
  } finally {
    for (const worker of workers) void worker.terminate();
  }
}

/** Parses the given files: with workers when there are enough of them and more than one job. */
async function parse(found: readonly FoundFile[], options: FastLoadOptions, jobs: number, wantPlain: boolean, bytesOf: (i: number) => Uint8Array | ParsedFile | undefined): Promise<Parsed> {
  if (jobs > 1 && found.length >= MIN_FILES_FOR_WORKERS && workerAvailable()) return parseShared(found, options, jobs, wantPlain, bytesOf);
  const keep = found.length < MIN_FILES_FOR_WORKERS;
  const out: Parsed = { files: [], plain: [] };
  found.forEach((f, i) => {
    const one = parseOne(f, options.limits, bytesOf(i), keep, wantPlain, readFor(options));
    out.files.push(one.file);
    out.plain.push(one.plain);
    options.onParse?.(one.file.file);
  });
  return out;
}

/**
 * Loads a set like `loadSet`, with the same result (files sorted by path, the same findings),
 * spreading the parsing over worker threads and, with a cache, parsing only what changed.
 */
export async function loadSetParallel(options: FastLoadOptions): Promise<ParsedFileWithTree[]> {
  const all = findFiles(options);
  const given = options.given;
  const at = given === undefined ? -1 : all.findIndex((f) => f.absolute === given.absolute);
  if (at === -1) return loadFound(all, options);
  // the given document (`--stdin`) is parsed here, never cached: its contents are not the file's
  const files = await loadFound(all.filter((_, i) => i !== at), options);
  const found = all[at] as FoundFile;
  files.splice(at, 0, parseOne(found, options.limits, readFound(found, options.limits, given), true, false, readFor(options)).file);
  return files;
}

/** Loads found files: in parallel, and with the cache when there is one. */
async function loadFound(found: readonly FoundFile[], options: FastLoadOptions): Promise<ParsedFileWithTree[]> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  if (options.cache === undefined) return (await parse(found, options, jobs, false, () => undefined)).files;

  // `render` (keepTree) keeps its parses, trees included, apart from `check`'s (cache.ts)
  const mode: CacheMode = options.keepTree === true ? 'render' : 'check';
  const cache = ParseCache.load(options.cache, cacheKey(options.limits, options.fingerprint));
  options.onInfo?.(cache.rejected === undefined ? `cache ${options.cache}: ${cache.size} entries` : `cache ${options.cache}: not used (${cache.rejected}), rebuilt`);
  const out: ParsedFile[] = new Array<ParsedFile>(found.length);
  const missing: number[] = [];
  const read: (Uint8Array | ParsedFile | undefined)[] = [];
  if (!cache.hasMode(mode)) {
    // nothing to compare with: do not read and hash here what the workers read anyway
    for (let i = 0; i < found.length; i++) missing.push(i);
  } else {
    for (let i = 0; i < found.length; i++) {
      const f = found[i] as FoundFile;
      const bytes = readBytes(f, options.limits);
      if (bytes instanceof Uint8Array) {
        const hash = createHash('sha256').update(bytes).digest('hex');
        const hit = cache.get(f.file, hash, () => decodeText(bytes), mode);
        if (hit !== undefined) {
          out[i] = hit;
          continue;
        }
      }
      missing.push(i);
      read[i] = bytes;
    }
  }
  const parsed = await parse(missing.map((i) => found[i] as FoundFile), options, jobs, true, (k) => read[missing[k] as number]);
  missing.forEach((i, k) => {
    const file = parsed.files[k] as ParsedFile;
    out[i] = file;
    cache.set(file, parsed.plain[k] === true, mode);
  });
  try {
    cache.save(options.base ?? '.');
  } catch (error) {
    if (!(error instanceof IoError)) throw error;
    options.onWarning?.(`${error.message}; going on without the cache`);
  }
  return out;
}
