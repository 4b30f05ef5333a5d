import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FoundFile } from '../io/discover.js';
import type { ParsedFile } from '../model/document.js';
import { InternalError, IoError } from '../model/errors.js';
import { cacheKey, ParseCache } from './cache.js';
import type { Limits } from './limits.js';
import { findFiles, type LoadOptions } from './load-set.js';
import { parseFile } from './parse-file.js';
import { readBytes } from './read-file.js';
import { decodeText } from './text-decode.js';
import type { WorkerReply, WorkerRequest, WorkerSetup } from './worker.js';

/**
 * Below this many files to parse, the work stays in this thread: starting a worker (a fresh
 * isolate that loads the parser and compiles validators) costs more than it saves.
 */
export const MIN_FILES_FOR_WORKERS = 64;

/** Files per message to a worker: small enough to keep both cores busy to the end. */
const BATCH = 8;

/** How the parallel, cached loader runs. */
export interface FastLoadOptions extends LoadOptions {
  /** Threads that parse: 1 parses in this thread; default one per core. */
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

const WORKER_URL = new URL('./worker.js', import.meta.url);

/** Whether the compiled worker exists next to this module (it does not when running from sources). */
function workerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/** Drops the mdast tree and any remembered YAML document: what crosses threads or stays long is plain data. */
function plainCopy(file: ParsedFile): ParsedFile {
  const { tree: _tree, ...rest } = file as ParsedFile & { tree?: unknown };
  return rest;
}

/** Parses files in worker threads; results come back in the order of `found`. */
function parseInWorkers(found: readonly FoundFile[], limits: Limits, jobs: number, wantPlain: boolean, onParse?: (file: string) => void): Promise<{ files: ParsedFile[]; plain: boolean[] }> {
  const files: ParsedFile[] = new Array<ParsedFile>(found.length);
  const plain: boolean[] = new Array<boolean>(found.length).fill(false);
  const threads = Math.max(1, Math.min(jobs, Math.ceil(found.length / BATCH)));
  return new Promise((resolvePromise, rejectPromise) => {
    const workers: Worker[] = [];
    let next = 0;
    let inFlight = 0;
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const worker of workers) void worker.terminate();
      if (error !== undefined) rejectPromise(error);
      else resolvePromise({ files, plain });
    };
    const send = (worker: Worker): void => {
      if (next >= found.length) return;
      const start = next;
      next = Math.min(found.length, start + BATCH);
      const request: WorkerRequest = { id: start, files: found.slice(start, next) };
      inFlight++;
      worker.postMessage(request);
    };
    const setup: WorkerSetup = { limits, plain: wantPlain };
    for (let t = 0; t < threads; t++) {
      const worker = new Worker(WORKER_URL, { workerData: setup });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        inFlight--;
        if ('error' in reply) {
          const error = new InternalError(`Parsing failed in a worker thread: ${reply.error.message}`);
          if (reply.error.stack !== undefined) error.stack = reply.error.stack;
          finish(error);
          return;
        }
        for (let k = 0; k < reply.files.length; k++) {
          const file = reply.files[k] as ParsedFile;
          files[reply.id + k] = file;
          plain[reply.id + k] = reply.plain?.[k] ?? false;
          onParse?.(file.file);
        }
        send(worker);
        if (inFlight === 0 && next >= found.length) finish();
      });
      worker.on('error', (error) => finish(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => {
        if (!settled) finish(new InternalError(`A worker thread stopped early (exit code ${code})`));
      });
      // two batches in flight per worker, so that it never waits for this thread
      send(worker);
      send(worker);
    }
  });
}

/** Reads and parses files in this thread; `bytes` holds what was already read (for the cache). */
function parseHere(found: readonly FoundFile[], limits: Limits, keep: boolean, wantPlain: boolean, bytesOf: (i: number) => Uint8Array | ParsedFile | undefined, onParse?: (file: string) => void): { files: ParsedFile[]; plain: boolean[] } {
  const files: ParsedFile[] = [];
  const plain: boolean[] = [];
  found.forEach((f, i) => {
    const bytes = bytesOf(i) ?? readBytes(f, limits);
    if (!(bytes instanceof Uint8Array)) {
      files.push(bytes);
      plain.push(false);
      return;
    }
    const file = parseFile(f.file, bytes, { limits });
    onParse?.(file.file);
    // a copy lets the parser's remembered YAML document go (positions re-parse it when needed):
    // a big set then does not hold every frontmatter's syntax tree in memory
    files.push(keep ? file : plainCopy(file));
    plain.push(wantPlain && file.text === decodeText(bytes));
  });
  return { files, plain };
}

/** Parses the given files, in workers when there are enough of them and more than one job. */
async function parse(found: readonly FoundFile[], options: FastLoadOptions, jobs: number, wantPlain: boolean, bytesOf: (i: number) => Uint8Array | ParsedFile | undefined): Promise<{ files: ParsedFile[]; plain: boolean[] }> {
  if (jobs > 1 && found.length >= MIN_FILES_FOR_WORKERS && workerAvailable()) {
    options.onInfo?.(`parsing ${found.length} files in ${Math.min(jobs, Math.ceil(found.length / BATCH))} worker threads`);
    return parseInWorkers(found, options.limits, jobs, wantPlain, options.onParse);
  }
  return parseHere(found, options.limits, found.length < MIN_FILES_FOR_WORKERS, wantPlain, bytesOf, options.onParse);
}

/**
 * Loads a set like `loadSet`, with the same result (files sorted by path, the same findings),
 * spreading the parsing over worker threads and, with a cache, parsing only what changed.
 */
export async function loadSetParallel(options: FastLoadOptions): Promise<ParsedFile[]> {
  const jobs = Math.max(1, Math.floor(options.jobs ?? defaultJobs()));
  const found = findFiles(options);
  if (options.cache === undefined) return (await parse(found, options, jobs, false, () => undefined)).files;

  const cache = ParseCache.load(options.cache, cacheKey(options.limits, options.fingerprint));
  options.onInfo?.(cache.rejected === undefined ? `cache ${options.cache}: ${cache.size} entries` : `cache ${options.cache}: not used (${cache.rejected}), rebuilt`);
  const out: ParsedFile[] = new Array<ParsedFile>(found.length);
  const missing: number[] = [];
  const read: (Uint8Array | ParsedFile | undefined)[] = [];
  if (cache.size === 0) {
    // nothing to compare with: do not read and hash here what the workers read anyway
    for (let i = 0; i < found.length; i++) missing.push(i);
  } else {
    for (let i = 0; i < found.length; i++) {
      const f = found[i] as FoundFile;
      const bytes = readBytes(f, options.limits);
      if (bytes instanceof Uint8Array) {
        const hash = createHash('sha256').update(bytes).digest('hex');
        const hit = cache.get(f.file, hash, () => decodeText(bytes));
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
    cache.set(file, parsed.plain[k] === true);
  });
  try {
    cache.save(options.base ?? '.');
  } catch (error) {
    if (!(error instanceof IoError)) throw error;
    options.onWarning?.(`${error.message}; going on without the cache`);
  }
  return out;
}
