import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { ParsedFile } from '../model/document.js';
import { IoError } from '../model/errors.js';
import { schemasDir } from '../validate/schemas.js';
import { VERSION } from '../version.js';
import type { Limits } from './limits.js';
import { TREE_PACKAGES } from './markdown.js';

/**
 * The parse cache (`--cache`): what `parseFile` produced for each file (findings of the document
 * stage, frontmatter data, body facts), keyed on the file's path and the SHA-256 of its bytes,
 * for `check` (mode `check`: no tree) and for `render` (mode `render`: what `parseForHandbooks`
 * gives, with the GFM tree handbooks show). The two modes keep their entries side by side in one
 * file, so that `check --cache` and `render --cache` given one file do not throw out each other's.
 * The whole cache is keyed on protokit's version, the code that parses and validates, the
 * installed packages that parse (`installedPackages`), the JSON Schemas and the config's limits;
 * a cache made under another key is ignored.
 *
 * One file, written atomically:
 *
 *     protokit-cache 4\n        magic and format
 *     <key>\n                   SHA-256 (hex) of version, code, packages, schemas and limits
 *     <checksum>\n              SHA-1 (hex) of everything after this line
 *     <index>\n                 JSON: [[mode, path, hash, plain, encoding, length], ...]
 *     <entries>                 each entry's bytes, one after the other, in the index's order
 *
 * An entry is a parsed file as JSON (`encoding` "json") when JSON gives it back exactly, which
 * `jsonSafe` checks before writing it; else (frontmatter data with `.inf` or `.nan`, values shared
 * through YAML aliases, ...) in v8's serialization (`encoding` "v8", the structured clone format
 * workers use), which keeps them. JSON is what a warm run reads: V8 parses it about three times
 * faster than it deserializes the same objects (1,704 entries of the 1,000-agency set: ~110 ms
 * against ~320 ms, the objects kept). Entries are read and deserialized one by one, only when
 * used, and unchanged ones are written back as they were read. The checksum only tells a damaged
 * file (anyone who can write the cache can write its checksum too), so it is SHA-1, three times
 * faster than SHA-256 here (8 against 25 ms for 14 MB); files are keyed on the SHA-256 of their bytes.
 * A cache that is corrupt, truncated, of another format or key, or not shaped as expected is
 * never trusted: it is ignored, every file is parsed again, and it is rewritten; an entry that
 * does not hold a parsed file is parsed again.
 */

const MAGIC = 'protokit-cache 4';

/** Which parse an entry holds: `check`'s (no tree) or `render`'s (with the tree handbooks show). */
export type CacheMode = 'check' | 'render';
const MODES: readonly string[] = ['check', 'render'] satisfies CacheMode[];

/** Default file name of the cache, in the current directory. */
export const DEFAULT_CACHE_NAME = '.protokitcache';

/** How an entry's bytes encode its file. */
type Encoding = 'json' | 'v8';
const ENCODINGS: readonly string[] = ['json', 'v8'] satisfies Encoding[];

/** One cached file: `text` is left out (restored from the bytes) when `plain`. */
interface Entry {
  mode: CacheMode;
  path: string;
  hash: string;
  plain: boolean;
  encoding: Encoding;
  /** The serialized file, as read or as it will be written. */
  raw: Buffer;
}

/**
 * Whether `JSON.parse(JSON.stringify(value))` gives `value` back: plain objects (of Object.prototype) and dense arrays
 * of strings, booleans, null and finite numbers other than -0, each object met once (a value
 * shared through a YAML alias, or a cycle, is not), and no `__proto__` key. A property set to
 * undefined comes back absent, which protokit reads the same; undefined anywhere else is not safe.
 */
export function jsonSafe(value: unknown, seen: Set<object> = new Set()): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && !Object.is(value, -0);
    case 'object': {
      if (value === null) return true;
      if (seen.has(value)) return false;
      seen.add(value);
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!(i in value) || !jsonSafe(value[i], seen)) return false;
        return Object.getOwnPropertyNames(value).length === value.length + 1;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype) return false; // JSON.parse gives Object.prototype to every object
      const keys = Object.keys(value);
      for (const key of keys) {
        const property = (value as Record<string, unknown>)[key];
        // JSON leaves the property out; protokit reads an absent one as it reads one set to undefined
        // (trees have `position: undefined` where positions were dropped)
        if (key === '__proto__' || (property !== undefined && !jsonSafe(property, seen))) return false;
      }
      return Object.getOwnPropertyNames(value).length === keys.length && Object.getOwnPropertySymbols(value).length === 0;
    }
    default:
      return false; // undefined, functions, symbols, bigints
  }
}

/** A file's entry bytes: JSON when it survives JSON unchanged, else v8's serialization. */
function encode(file: ParsedFile): { encoding: Encoding; raw: Buffer } {
  return jsonSafe(file) ? { encoding: 'json', raw: Buffer.from(JSON.stringify(file), 'utf8') } : { encoding: 'v8', raw: serialize(file) };
}

function decodeEntry(entry: Entry): unknown {
  return entry.encoding === 'json' ? JSON.parse(entry.raw.toString('utf8')) : deserialize(entry.raw);
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

function hashFolder(hash: ReturnType<typeof createHash>, folder: URL, test: (name: string) => boolean): void {
  let names: string[];
  try {
    names = readdirSync(folder).filter(test).sort();
  } catch {
    hash.update(`missing ${folder.href}\n`);
    return;
  }
  for (const name of names) {
    hash.update(`${name}\n`);
    hash.update(readFileSync(new URL(name, folder)));
    hash.update('\n');
  }
}

/** What decides a file's parse result besides its bytes (the parts of the cache key). */
export interface FingerprintSources {
  version: string;
  /** The folder of the JSON Schemas. */
  schemas: URL;
  /** Folders of the code that parses, validates and shapes the result. */
  code: readonly URL[];
  /** `name@version` of the installed packages whose code parses (`packageVersions`). */
  packages?: readonly string[];
}

/** SHA-256 of a version, the `*.json` of a schema folder, the code files of some folders and package versions. */
export function fingerprintOf(sources: FingerprintSources): string {
  const hash = createHash('sha256');
  hash.update(`protokit ${sources.version}\n`);
  hashFolder(hash, sources.schemas, (name) => name.endsWith('.json'));
  const code = (name: string): boolean => /\.(js|ts|mjs|cjs)$/.test(name) && !name.endsWith('.d.ts');
  for (const folder of sources.code) hashFolder(hash, folder, code);
  for (const pkg of sources.packages ?? []) hash.update(`package ${pkg}\n`);
  return hash.digest('hex');
}

/**
 * The packages whose code decides a parse result: what the loader loads (check-deps.ts and
 * yaml-lib.ts for every command; the precompiled validators' ajv runtime; markdown.ts's tree
 * builders for `render`). With everything they depend on (`packageVersions`), their versions are
 * part of the cache's key: an update of any of them (say mdast-util-from-markdown, under
 * remark-parse) leaves protokit's own code as it was, and the trees and facts cached before it
 * are then not trusted.
 */
const PARSER_PACKAGES: readonly string[] = ['micromark', 'micromark-extension-directive', 'micromark-extension-frontmatter', 'parse-entities', 'mdast-util-to-string', 'js-yaml', 'yaml', 'ajv', ...TREE_PACKAGES];

/**
 * `name@version` of the packages `roots` name and of every package they depend on (their
 * `dependencies`, found as Node finds them: in the nearest `node_modules` up from the package
 * that depends on them), sorted; a package not found is `name@missing`. It reads only
 * package.json files (some 80 for protokit's parsers: 7–20 ms).
 */
export function packageVersions(roots: readonly string[], from: string | URL): string[] {
  const seen = new Map<string, string>();
  const out = new Set<string>();
  // the folders Node looks in from each dependent (the same for every name it asks for)
  const lookups = new Map<string, readonly string[]>();
  const lookupOf = (dependent: string | URL): readonly string[] => {
    const key = String(dependent);
    let paths = lookups.get(key);
    if (paths === undefined) lookups.set(key, (paths = packageFolders(dependent)));
    return paths;
  };
  const queue: { name: string; from: string | URL }[] = roots.map((name) => ({ name, from }));
  while (queue.length > 0) {
    const { name, from: dependent } = queue.pop() as { name: string; from: string | URL };
    const folder = lookupOf(dependent)
      .map((base) => join(base, name))
      .find((candidate) => existsSync(join(candidate, 'package.json')));
    if (folder === undefined) {
      out.add(`${name}@missing`);
      continue;
    }
    if (seen.has(folder)) continue;
    let manifest: unknown;
    try {
      manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    } catch {
      manifest = undefined;
    }
    const fields = isObject(manifest) ? manifest : {};
    const id = `${typeof fields['name'] === 'string' ? fields['name'] : name}@${typeof fields['version'] === 'string' ? fields['version'] : 'unknown'}`;
    seen.set(folder, id);
    out.add(id);
    const dependencies = fields['dependencies'];
    if (isObject(dependencies)) for (const dependency of Object.keys(dependencies)) queue.push({ name: dependency, from: join(folder, 'package.json') });
  }
  return [...out].sort();
}

/**
 * What identifies the installed versions of the packages `roots` name and depend on: with npm,
 * the hidden lockfile it keeps in the `node_modules` folder they are installed in
 * (`.package-lock.json`: every installed package's version and integrity, rewritten by every
 * install, update or removal), its SHA-256 (one small file read: a run with `--cache` pays ~1 ms
 * for it, where the versions one by one take ~20 ms); else (another package manager)
 * `packageVersions`.
 */
export function installedPackages(roots: readonly string[], from: string | URL): string[] {
  const first = roots[0];
  const modules = first === undefined ? undefined : packageFolders(from).find((base) => existsSync(join(base, first, 'package.json')));
  if (modules !== undefined) {
    try {
      return [`npm-lockfile ${sha256(readFileSync(join(modules, '.package-lock.json')))}`];
    } catch {
      // no hidden lockfile: the versions one by one
    }
  }
  return packageVersions(roots, from);
}

/** The `node_modules` folders (and global folders) Node looks in for a package, from the file `from`. */
function packageFolders(from: string | URL): readonly string[] {
  try {
    return createRequire(from).resolve.paths('a-package') ?? [];
  } catch {
    return [];
  }
}

let fingerprint: string | undefined;

/**
 * The fingerprint of this protokit: its version, its JSON Schemas, the code of the loader, the
 * validators, the model, the utilities they use and the bundles of the libraries they load
 * (dist/vendor/, which change with those libraries' versions), and the parsing packages
 * installed (`installedPackages` of `PARSER_PACKAGES`: a build without the bundles, the sources
 * and the validators' ajv runtime load them from node_modules), so that neither a rebuilt
 * protokit of the same version nor an update of a library trusts results of before.
 */
export function parserFingerprint(): string {
  fingerprint ??= fingerprintOf({
    version: VERSION,
    schemas: schemasDir,
    code: ['../load/', '../validate/', '../model/', '../util/', '../vendor/'].map((f) => new URL(f, import.meta.url)),
    packages: installedPackages(PARSER_PACKAGES, new URL(import.meta.url)),
  });
  return fingerprint;
}

/** The key of a cache: a parser fingerprint and the config's limits. */
export function cacheKey(limits: Limits, fingerprintHex: string = parserFingerprint()): string {
  const sortedLimits = Object.fromEntries(Object.entries(limits).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return sha256(`${fingerprintHex}\n${JSON.stringify(sortedLimits)}`);
}

/**
 * Default file name of `render`'s cache: its entries hold trees (several times the size of
 * `check`'s), which a warm `check` would otherwise read and checksum on every run.
 */
export const DEFAULT_RENDER_CACHE_NAME = '.protokitrendercache';

/**
 * Where the cache lives: `location` as a file, or the default name (`.protokitcache`, or
 * `.protokitrendercache` for `render`) in it when it is a folder, or in `cwd` without a location.
 * One file given to both commands works too: each keeps its entries apart from the other's.
 */
export function cacheFile(location: string | undefined, cwd: string, mode: CacheMode = 'check'): string {
  const name = mode === 'render' ? DEFAULT_RENDER_CACHE_NAME : DEFAULT_CACHE_NAME;
  const path = resolve(cwd, location ?? name);
  if (location !== undefined && (/[\\/]$/.test(location) || isFolder(path))) return join(path, name);
  return path;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The key of an entry in the map: its mode and its path. */
const entryKey = (mode: CacheMode, path: string): string => `${mode}\u0000${path}`;

/** Checks the shape of a cached file closely enough that rules (and, in mode `render`, handbooks) can read it as they read a fresh one. */
function isParsedFile(v: unknown, path: string, hash: string, mode: CacheMode): v is ParsedFile {
  if (!isObject(v)) return false;
  if (v['file'] !== path || v['hash'] !== hash || typeof v['text'] !== 'string' || typeof v['isDocument'] !== 'boolean') return false;
  if (!Array.isArray(v['suppressions']) || !Array.isArray(v['diagnostics'])) return false;
  const body = v['body'];
  if (!isObject(body) || !Array.isArray(body['terms']) || !Array.isArray(body['audiences']) || !Array.isArray(body['prose']) || body['prose'].length % 3 !== 0) return false;
  if (v['data'] !== undefined && !isObject(v['data'])) return false;
  if (v['kind'] !== undefined && typeof v['kind'] !== 'string') return false;
  if (v['yaml'] !== undefined && !isObject(v['yaml'])) return false;
  if (!('tree' in v)) return true;
  // a tree is kept only by `render`, and only as a root with children
  const tree = v['tree'];
  return mode === 'render' && isObject(tree) && tree['type'] === 'root' && Array.isArray(tree['children']);
}

/** Why a cache file was not used (for `--verbose`), or undefined when it was. */
export type CacheRejection = 'missing' | 'unreadable' | 'format' | 'stale' | 'corrupt';

/** The parse cache of one run. */
export class ParseCache {
  private readonly entries: Map<string, Entry>;
  private dirty: boolean;
  private readonly seen = new Set<string>();

  private constructor(
    /** The cache file. */
    readonly file: string,
    /** The key the entries belong to. */
    readonly key: string,
    entries: Map<string, Entry>,
    /** Why the file on disk was not used, if it was not. */
    readonly rejected: CacheRejection | undefined,
  ) {
    this.entries = entries;
    this.dirty = rejected !== undefined;
  }

  /** Reads the cache file; anything wrong with it gives an empty cache (rewritten on save). */
  static load(file: string, key: string): ParseCache {
    let raw: Buffer;
    try {
      // a FIFO (or any non-file) at the cache's path would block the read forever
      if (!statSync(file).isFile()) return new ParseCache(file, key, new Map(), 'unreadable');
      raw = readFileSync(file);
    } catch (error) {
      return new ParseCache(file, key, new Map(), (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable');
    }
    const lines: string[] = [];
    let at = 0;
    for (let i = 0; i < 3; i++) {
      const end = raw.indexOf(0x0a, at);
      if (end === -1 || end - at > 200) return new ParseCache(file, key, new Map(), 'format');
      lines.push(raw.toString('latin1', at, end));
      at = end + 1;
    }
    if (lines[0] !== MAGIC) return new ParseCache(file, key, new Map(), 'format');
    if (lines[1] !== key) return new ParseCache(file, key, new Map(), 'stale');
    if (lines[2] !== createHash('sha1').update(raw.subarray(at)).digest('hex')) return new ParseCache(file, key, new Map(), 'corrupt');
    const indexEnd = raw.indexOf(0x0a, at);
    if (indexEnd === -1) return new ParseCache(file, key, new Map(), 'corrupt');
    let index: unknown;
    try {
      index = JSON.parse(raw.toString('utf8', at, indexEnd));
    } catch {
      return new ParseCache(file, key, new Map(), 'corrupt');
    }
    if (!Array.isArray(index)) return new ParseCache(file, key, new Map(), 'corrupt');
    const entries = new Map<string, Entry>();
    let offset = indexEnd + 1;
    for (const item of index as unknown[]) {
      if (!Array.isArray(item) || item.length !== 6) return new ParseCache(file, key, new Map(), 'corrupt');
      const [mode, path, hash, plain, encoding, length] = item as unknown[];
      if (
        typeof mode !== 'string' || !MODES.includes(mode) || typeof path !== 'string' || typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash) ||
        typeof plain !== 'boolean' || typeof encoding !== 'string' || !ENCODINGS.includes(encoding) ||
        typeof length !== 'number' || !Number.isSafeInteger(length) || length < 0 || offset + length > raw.length
      ) {
        return new ParseCache(file, key, new Map(), 'corrupt');
      }
      entries.set(entryKey(mode as CacheMode, path), { mode: mode as CacheMode, path, hash, plain, encoding: encoding as Encoding, raw: raw.subarray(offset, offset + length) });
      offset += length;
    }
    if (offset !== raw.length) return new ParseCache(file, key, new Map(), 'corrupt');
    return new ParseCache(file, key, entries, undefined);
  }

  /** Number of entries. */
  get size(): number {
    return this.entries.size;
  }

  /**
   * The cached parse of `path` when it was made from bytes with this hash; `decode` gives the
   * text when the entry does not hold it. The result is a fresh object the caller may keep.
   */
  get(path: string, hash: string, decode: () => string, mode: CacheMode = 'check'): ParsedFile | undefined {
    this.seen.add(path);
    const key = entryKey(mode, path);
    const entry = this.entries.get(key);
    if (entry === undefined || entry.hash !== hash) return undefined;
    let file: unknown;
    try {
      file = decodeEntry(entry);
    } catch {
      file = undefined;
    }
    if (!isParsedFile(file, path, hash, mode) || (entry.plain && file.text !== '')) {
      // not what this cache writes: parse the file again, and rewrite the cache
      this.entries.delete(key);
      this.dirty = true;
      return undefined;
    }
    if (entry.plain) file.text = decode();
    return file;
  }

  /**
   * Stores a freshly parsed file; `plain` says whether its text is the plain decoding of its
   * bytes. In mode `check` the tree is left out; in mode `render` it is kept (when there is one).
   */
  set(file: ParsedFile, plain: boolean, mode: CacheMode = 'check'): void {
    this.seen.add(file.file);
    if (file.hash === '') return; // unreadable: nothing worth keeping
    const { tree, ...rest } = file as ParsedFile & { tree?: unknown };
    const kept = mode === 'render' && tree !== undefined ? { ...rest, tree } : rest;
    const stored: ParsedFile = plain ? { ...kept, text: '' } : kept;
    this.entries.set(entryKey(mode, file.file), { mode, path: file.file, hash: file.hash, plain, ...encode(stored) });
    this.dirty = true;
  }

  /** Whether any entry is of `mode`. */
  hasMode(mode: CacheMode): boolean {
    for (const entry of this.entries.values()) if (entry.mode === mode) return true;
    return false;
  }

  /** Whether an entry for `path` exists in `mode` (whatever its hash). */
  has(path: string, mode: CacheMode = 'check'): boolean {
    return this.entries.has(entryKey(mode, path));
  }

  /**
   * Writes the cache if anything changed. Entries of files not met in this run are kept (a run
   * over part of the set must not empty the cache) unless the file no longer exists.
   */
  save(cwd: string): void {
    for (const [key, entry] of this.entries) {
      if (!this.seen.has(entry.path) && !existsSync(resolve(cwd, entry.path))) {
        this.entries.delete(key);
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    const index: [CacheMode, string, string, boolean, Encoding, number][] = [];
    const parts: Buffer[] = [Buffer.alloc(0)];
    for (const entry of this.entries.values()) {
      index.push([entry.mode, entry.path, entry.hash, entry.plain, entry.encoding, entry.raw.length]);
      parts.push(entry.raw);
    }
    parts[0] = Buffer.from(`${JSON.stringify(index)}\n`, 'utf8');
    const checksum = createHash('sha1');
    for (const part of parts) checksum.update(part);
    parts.unshift(Buffer.from(`${MAGIC}\n${this.key}\n${checksum.digest('hex')}\n`, 'latin1'));
    try {
      writeFileAtomic(this.file, parts);
    } catch (error) {
      // writeFileAtomic's own clean-up can fail with a raw error (ENOTDIR when the folder is a file)
      if (error instanceof IoError) throw error;
      throw new IoError(`Cannot write ${this.file}: ${(error as Error).message}`, { cause: error });
    }
    this.dirty = false;
  }
}
