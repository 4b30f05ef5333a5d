import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serialize } from 'node:v8';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { cacheFile, cacheKey, fingerprintOf, installedPackages, jsonSafe, packageVersions, ParseCache, parserFingerprint } from '../../src/load/cache.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/load/limits.js';
import { loadSet } from '../../src/load/load-set.js';
import { loadSetParallel } from '../../src/load/parallel.js';
import type { ParsedFileWithTree } from '../../src/load/parse-file.js';
import type { ParsedFile } from '../../src/model/document.js';
import { RULES } from '../../src/rules/index.js';
import { schemasDir } from '../../src/validate/schemas.js';
import { VERSION } from '../../src/version.js';

/** The parse cache: unchanged files come from it, anything else is parsed again; a bad cache is never trusted. */

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

const AGENCY = (id: string, extra = ''): string => `---
kind: agency
id: ${id}
name: Agency ${id}
sector: health
${extra}---

# About

A survivor-centred service. :term[survivor] support.

<!-- protokit-disable-next-line definitions/avoid -->
Text after a suppression.
`;

let root: string;
let set: string;
let cache: string;

function write(name: string, text: string): void {
  writeFileSync(join(set, name), text);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'protokit-cache-'));
  temps.push(root);
  set = join(root, 'set');
  mkdirSync(set);
  write('a.md', AGENCY('alpha'));
  write('b.md', AGENCY('beta', 'budget: .nan\nlimit: .inf\nshared: &s { x: 1 }\nagain: *s\n'));
  write('c.md', AGENCY('gamma', 'unknown_key: 1\n')); // a schema/shape finding
  write('d.md', '---\nkind: agency\nid: [broken\n---\n'); // yaml/syntax
  write('e.md', '\uFEFF---\nkind: agency\nid: bom\nname: BOM\nsector: health\n---\nBody\n'); // a BOM
  writeFileSync(join(set, 'f.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x69, 0x64, 0x3a, 0x20, 0xff, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a])); // invalid UTF-8
  write('readme.md', '# Not a document\n');
  cache = join(root, '.protokitcache');
});

/** One load through the cache, counting what was parsed. */
async function load(options: { limits?: Limits; fingerprint?: string; cacheAt?: string } = {}): Promise<{ files: ParsedFile[]; parsed: string[]; warnings: string[] }> {
  const parsed: string[] = [];
  const warnings: string[] = [];
  const files = await loadSetParallel({
    paths: [set],
    base: root,
    limits: options.limits ?? DEFAULT_LIMITS,
    jobs: 1,
    cache: options.cacheAt ?? cache,
    ...(options.fingerprint !== undefined ? { fingerprint: options.fingerprint } : {}),
    onParse: (file) => parsed.push(file),
    onWarning: (message) => warnings.push(message),
  });
  return { files, parsed, warnings };
}

/** The findings of a check over loaded files, as the JSON a reporter would get. */
function findings(files: readonly ParsedFile[]): string {
  return JSON.stringify(runRules(files, { rules: RULES }));
}

const ALL = ['set/a.md', 'set/b.md', 'set/c.md', 'set/d.md', 'set/e.md', 'set/f.md', 'set/readme.md'];

/** Writes a cache file of format 4 by hand: header, checksum, index line, entries. */
function writeCacheFile(file: string, key: string, entries: readonly (readonly [unknown, unknown, unknown, unknown, unknown, Uint8Array])[], index?: unknown): void {
  const list = index ?? entries.map(([mode, path, hash, plain, encoding, bytes]) => [mode, path, hash, plain, encoding, bytes.length]);
  const payload = Buffer.concat([Buffer.from(`${JSON.stringify(list)}\n`), ...entries.map((e) => e[5])]);
  writeFileSync(file, Buffer.concat([Buffer.from(`protokit-cache 4\n${key}\n${createHash('sha1').update(payload).digest('hex')}\n`, 'latin1'), payload]));
}

/** The index line of a cache file. */
function indexOf(file: string): unknown[][] {
  return JSON.parse(readFileSync(file, 'utf8').split('\n')[3] as string) as unknown[][];
}

describe('--cache', () => {
  it('parses everything on a cold run, nothing on a warm one, with the same result as no cache', async () => {
    const plain = loadSet({ paths: [set], base: root, limits: DEFAULT_LIMITS }).files;
    const cold = await load();
    expect(cold.parsed).toEqual(ALL);
    const warm = await load();
    expect(warm.parsed).toEqual([]);
    expect(warm.files.map((f) => f.file)).toEqual(ALL);
    for (const files of [cold.files, warm.files]) {
      expect(findings(files)).toBe(findings(plain));
      expect(files.map((f) => f.text)).toEqual(plain.map((f) => f.text));
      expect(files.map((f) => f.data)).toEqual(plain.map((f) => f.data));
      expect(files.map((f) => f.body)).toEqual(plain.map((f) => f.body));
      expect(files.map((f) => f.suppressions)).toEqual(plain.map((f) => f.suppressions));
    }
    // what JSON would lose survives: .nan, .inf, and an alias that shares its value
    const beta = warm.files[1]?.data as Record<string, unknown>;
    expect(beta['budget']).toBeNaN();
    expect(beta['limit']).toBe(Infinity);
    expect(beta['again']).toBe(beta['shared']);
    expect(warm.files[4]?.text.startsWith('---')).toBe(true); // the BOM is not restored into the text
    expect(warm.warnings).toEqual([]);
  });

  it('parses again only the file whose content changed', async () => {
    await load();
    write('b.md', AGENCY('beta-2'));
    const warm = await load();
    expect(warm.parsed).toEqual(['set/b.md']);
    expect(warm.files[1]?.data?.['id']).toBe('beta-2');
    expect((await load()).parsed).toEqual([]);
  });

  it('parses a new file and forgets a removed one', async () => {
    await load();
    write('g.md', AGENCY('delta'));
    rmSync(join(set, 'a.md'));
    expect((await load()).parsed).toEqual(['set/g.md']);
    const entries = ParseCache.load(cache, cacheKey(DEFAULT_LIMITS));
    expect(entries.rejected).toBeUndefined();
    expect(entries.has('set/a.md')).toBe(false);
    expect(entries.has('set/g.md')).toBe(true);
  });

  it('keeps the entries of files outside a partial run', async () => {
    await load();
    const parsed: string[] = [];
    await loadSetParallel({ paths: [join(set, 'a.md')], base: root, limits: DEFAULT_LIMITS, jobs: 1, cache, onParse: (f) => parsed.push(f) });
    expect(parsed).toEqual([]);
    expect((await load()).parsed).toEqual([]);
  });

  const spoil: [string, (file: string) => void][] = [
    ['corrupt payload', (file) => {
      const bytes = readFileSync(file);
      bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
      writeFileSync(file, bytes);
    }],
    ['truncated', (file) => truncateSync(file, Math.floor(readFileSync(file).length / 2))],
    ['truncated inside the header', (file) => truncateSync(file, 20)],
    ['empty', (file) => writeFileSync(file, '')],
    ['not a cache (JSON)', (file) => writeFileSync(file, '{"entries": {"set/a.md": {"hash": "x"}}}')],
    ['another format', (file) => writeFileSync(file, readFileSync(file, 'latin1').replace('protokit-cache 4', 'protokit-cache 3'), 'latin1')],
    ['another key (other version)', (file) => writeFileSync(file, readFileSync(file, 'latin1').replace(/\n[0-9a-f]{64}\n/, `\n${'0'.repeat(64)}\n`), 'latin1')],
  ];
  for (const [what, damage] of spoil) {
    it(`ignores and rewrites a cache that is ${what}`, async () => {
      await load();
      damage(cache);
      const again = await load();
      expect(again.parsed).toEqual(ALL);
      expect(findings(again.files)).toBe(findings(loadSet({ paths: [set], base: root, limits: DEFAULT_LIMITS }).files));
      expect((await load()).parsed).toEqual([]); // rewritten, and good again
    });
  }

  it('parses again a file whose entry is not a parsed file, even with a right checksum', async () => {
    await load();
    const key = readFileSync(cache, 'latin1').split('\n')[1] as string;
    const hashOf = (name: string): string => createHash('sha256').update(readFileSync(join(set, name))).digest('hex');
    const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
    const body = { terms: [], audiences: [], prose: [] };
    writeCacheFile(cache, key, [
      ['check', 'set/a.md', hashOf('a.md'), true, 'v8', serialize({ file: 'set/a.md', hash: hashOf('a.md'), diagnostics: 'not a list' })],
      ['check', 'set/b.md', hashOf('b.md'), true, 'v8', Buffer.from('not v8 data')],
      ['check', 'set/c.md', hashOf('c.md'), true, 'json', json({ file: 'set/other.md', hash: hashOf('c.md'), text: '', isDocument: true, body, suppressions: [], diagnostics: [] })],
      // a tree has no place in a `check` entry
      ['check', 'set/e.md', hashOf('e.md'), false, 'json', json({ file: 'set/e.md', hash: hashOf('e.md'), text: 'x', isDocument: true, body, suppressions: [], diagnostics: [], tree: { type: 'root', children: [] } })],
      ['check', 'set/f.md', hashOf('f.md'), true, 'json', Buffer.from('{"file": "set/f.md", not JSON')],
    ]);
    expect(ParseCache.load(cache, key).rejected).toBeUndefined();
    expect((await load()).parsed).toEqual(ALL);
    const one = (entry: readonly unknown[]): void => writeCacheFile(cache, key, [[...entry, serialize({})] as unknown as readonly [unknown, unknown, unknown, unknown, unknown, Uint8Array]]);
    one(['check', 'set/a.md', 'not a hash', true, 'v8']);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    one(['lint', 'set/a.md', hashOf('a.md'), true, 'v8']);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    one(['check', 'set/a.md', hashOf('a.md'), true, 'yaml']);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    one(['check', 'set/a.md', hashOf('a.md'), 'yes', 'v8']);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    // lengths that do not add up to the bytes after the index
    const bytes = serialize({});
    writeCacheFile(cache, key, [['check', 'set/a.md', hashOf('a.md'), true, 'v8', bytes]], [['check', 'set/a.md', hashOf('a.md'), true, 'v8', bytes.length + 1]]);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    writeCacheFile(cache, key, [['check', 'set/a.md', hashOf('a.md'), true, 'v8', bytes]], [['check', 'set/a.md', hashOf('a.md'), true, 'v8', bytes.length - 1]]);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    writeCacheFile(cache, key, [['check', 'set/a.md', hashOf('a.md'), true, 'v8', bytes]], [['check', 'set/a.md', hashOf('a.md'), true, 'v8', -1]]);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    writeCacheFile(cache, key, [['check', 'set/a.md', hashOf('a.md'), true, 'v8', bytes]], { not: 'a list' });
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    // an entry of format 3 (five fields)
    writeCacheFile(cache, key, [['check', 'set/a.md', hashOf('a.md'), true, 'v8', bytes]], [['check', 'set/a.md', hashOf('a.md'), true, bytes.length]]);
    expect(ParseCache.load(cache, key).rejected).toBe('corrupt');
    expect((await load()).parsed).toEqual(ALL);
    expect((await load()).parsed).toEqual([]);
  });

  it('stores an entry as JSON when JSON gives it back unchanged, else in v8 serialization', async () => {
    await load();
    const encodings = new Map(indexOf(cache).map((entry) => [entry[1], entry[4]]));
    // b.md has .nan, .inf and an alias: JSON would lose them
    expect(Object.fromEntries(encodings)).toEqual({ 'set/a.md': 'json', 'set/b.md': 'v8', 'set/c.md': 'json', 'set/d.md': 'json', 'set/e.md': 'json', 'set/f.md': 'json', 'set/readme.md': 'json' });
    const shared = { x: 1 };
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    for (const value of [{ a: [1, 'two', true, null, { b: -1.5e300 }] }, [], {}, 'x', 0, { position: undefined }]) expect(jsonSafe(value)).toBe(true);
    for (const value of [NaN, Infinity, -Infinity, -0, undefined, 1n, () => 1, Symbol('s'), new Date(0), new Map(), [undefined], [1, , 3], { a: shared, b: shared }, cycle, JSON.parse('{"__proto__": 1}') as object, Object.assign([1], { extra: 2 }), { [Symbol('k')]: 1 }, Object.create(null) as object]) {
      expect(jsonSafe(value)).toBe(false);
    }
  });

  it('stores every file of the example set as JSON, in check and render entries (what makes warm runs fast)', async () => {
    const example = new URL('../../protocols/valdoria/', import.meta.url).pathname;
    const at = join(root, 'example.cache');
    await loadSetParallel({ paths: [example], base: root, limits: DEFAULT_LIMITS, jobs: 1, cache: at });
    await loadSetParallel({ paths: [example], base: root, limits: DEFAULT_LIMITS, jobs: 1, cache: at, keepTree: true });
    const index = indexOf(at);
    expect(index.filter((entry) => entry[0] === 'render').length).toBeGreaterThan(10);
    expect(index.filter((entry) => entry[0] === 'check').length).toBe(index.length / 2);
    expect(index.filter((entry) => entry[4] !== 'json').map((entry) => entry[1])).toEqual([]);
  });

  it('is stale when the schemas change (fingerprint), or the limits', async () => {
    const schemas = join(root, 'schemas');
    cpSync(new URL('.', schemasDir), schemas, { recursive: true });
    const sources = { version: '0.1.0', schemas: pathToFileURL(`${schemas}/`), code: [] };
    const before = fingerprintOf(sources);
    await load({ fingerprint: before });
    expect((await load({ fingerprint: before })).parsed).toEqual([]);
    writeFileSync(join(schemas, 'agency.schema.json'), readFileSync(join(schemas, 'agency.schema.json'), 'utf8').replace('"type": "object"', '"type":"object"'));
    const after = fingerprintOf(sources);
    expect(after).not.toBe(before);
    expect((await load({ fingerprint: after })).parsed).toEqual(ALL);
    expect(fingerprintOf({ ...sources, version: '0.1.1' })).not.toBe(after);
    expect((await load({ fingerprint: after, limits: { ...DEFAULT_LIMITS, maxYamlDepth: 50 } })).parsed).toEqual(ALL);
  });

  it('is stale when an installed parsing package changes version, one the parsers depend on included', async () => {
    // a package tree as npm installs one: a depends on b and c; b on another version of c, nested under a
    const tree = join(root, 'packages');
    const manifest = (dir: string, body: Record<string, unknown>): void => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify(body));
    };
    manifest(tree, { name: 'app', version: '1.0.0' });
    manifest(join(tree, 'node_modules/pk-test-a'), { name: 'pk-test-a', version: '1.0.0', dependencies: { 'pk-test-b': '^2.0.0', 'pk-test-c': '^1.0.0' } });
    manifest(join(tree, 'node_modules/pk-test-b'), { name: 'pk-test-b', version: '2.1.0', dependencies: { 'pk-test-c': '^3.0.0' } });
    manifest(join(tree, 'node_modules/pk-test-c'), { name: 'pk-test-c', version: '3.0.0' });
    manifest(join(tree, 'node_modules/pk-test-a/node_modules/pk-test-c'), { name: 'pk-test-c', version: '1.2.0' });
    const from = join(tree, 'package.json');
    expect(packageVersions(['pk-test-a', 'pk-test-gone'], from)).toEqual(['pk-test-a@1.0.0', 'pk-test-b@2.1.0', 'pk-test-c@1.2.0', 'pk-test-c@3.0.0', 'pk-test-gone@missing']);
    const sources = { version: '0.1.0', schemas: new URL('.', schemasDir), code: [] };
    const before = fingerprintOf({ ...sources, packages: packageVersions(['pk-test-a'], from) });
    await load({ fingerprint: before });
    expect((await load({ fingerprint: before })).parsed).toEqual([]);
    // an update of a package two levels down, nothing else changed
    manifest(join(tree, 'node_modules/pk-test-c'), { name: 'pk-test-c', version: '3.0.1' });
    const after = fingerprintOf({ ...sources, packages: packageVersions(['pk-test-a'], from) });
    expect(after).not.toBe(before);
    expect((await load({ fingerprint: after })).parsed).toEqual(ALL);
    // with npm's hidden lockfile there, that file stands for them (and changes with any install)
    expect(installedPackages(['pk-test-a'], from)).toEqual(packageVersions(['pk-test-a'], from));
    writeFileSync(join(tree, 'node_modules/.package-lock.json'), '{"packages":{"node_modules/pk-test-c":{"version":"3.0.1"}}}');
    const locked = installedPackages(['pk-test-a'], from);
    expect(locked).toEqual([expect.stringMatching(/^npm-lockfile [0-9a-f]{64}$/)]);
    writeFileSync(join(tree, 'node_modules/.package-lock.json'), '{"packages":{"node_modules/pk-test-c":{"version":"3.0.2"}}}');
    expect(installedPackages(['pk-test-a'], from)).not.toEqual(locked);
    // this protokit's own: the tree builder under remark-parse and micromark's constructs are in it
    const own = packageVersions(['remark-parse', 'micromark'], new URL(import.meta.url));
    expect(own).toEqual(expect.arrayContaining([expect.stringMatching(/^mdast-util-from-markdown@\d/), expect.stringMatching(/^micromark-core-commonmark@\d/), expect.stringMatching(/^remark-parse@\d/)]));
    expect(own.some((p) => p.endsWith('@missing'))).toBe(false);
    // and this protokit's key takes them in: it is not the key of its code alone
    const code = ['load', 'validate', 'model', 'util', 'vendor'].map((f) => new URL(`../../src/${f}/`, import.meta.url));
    expect(parserFingerprint()).toMatch(/^[0-9a-f]{64}$/);
    expect(parserFingerprint()).not.toBe(fingerprintOf({ version: VERSION, schemas: schemasDir, code }));
  });

  it('goes on without the cache, with a warning, when it cannot write it', async () => {
    const blocked = join(root, 'file-not-folder');
    writeFileSync(blocked, 'x');
    const result = await load({ cacheAt: join(blocked, 'cache') });
    expect(result.parsed).toEqual(ALL);
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/Cannot write .*going on without the cache/);
  });

  it('puts the cache in a folder given as --cache-location', () => {
    mkdirSync(join(root, 'cachedir'));
    expect(cacheFile('cachedir', root)).toBe(join(root, 'cachedir', '.protokitcache'));
    expect(cacheFile('newdir/', root)).toBe(join(root, 'newdir', '.protokitcache'));
    expect(cacheFile('my.cache', root)).toBe(join(root, 'my.cache'));
    expect(cacheFile(undefined, root)).toBe(join(root, '.protokitcache'));
    // render's entries hold trees: a file of their own unless one is named
    expect(cacheFile(undefined, root, 'render')).toBe(join(root, '.protokitrendercache'));
    expect(cacheFile('cachedir', root, 'render')).toBe(join(root, 'cachedir', '.protokitrendercache'));
    expect(cacheFile('my.cache', root, 'render')).toBe(join(root, 'my.cache'));
  });
});

describe('--cache for render (trees kept)', () => {
  /** One load for handbooks (GFM facts and trees) through the cache, counting what was parsed. */
  async function loadTrees(jobs = 1): Promise<{ files: ParsedFileWithTree[]; parsed: string[] }> {
    const parsed: string[] = [];
    const files = await loadSetParallel({ paths: [set], base: root, limits: DEFAULT_LIMITS, jobs, keepTree: true, cache, onParse: (file) => parsed.push(file) });
    return { files, parsed };
  }

  beforeEach(() => {
    // a body with what only the GFM parse of render sees: a table, a footnote, an audience container
    write('h.md', `${AGENCY('eta').replace('# About', '# About\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nA note.[^1]\n\n[^1]: The note.\n\n:::audience{professions="teacher"}\nFor teachers.\n:::')}`);
  });

  it('gives the same files, trees included, from the cache as from parsing', async () => {
    const plain = await loadSetParallel({ paths: [set], base: root, limits: DEFAULT_LIMITS, jobs: 1, keepTree: true });
    const cold = await loadTrees();
    expect(cold.parsed).toEqual([...ALL.slice(0, 6), 'set/h.md', 'set/readme.md']);
    const warm = await loadTrees();
    expect(warm.parsed).toEqual([]);
    expect(warm.files).toEqual(plain);
    expect(cold.files).toEqual(plain);
    const eta = warm.files.find((f) => f.file === 'set/h.md');
    expect(eta?.tree?.children.map((n) => n.type)).toEqual(['yaml', 'heading', 'table', 'paragraph', 'footnoteDefinition', 'containerDirective', 'paragraph', 'html', 'paragraph']);
    // the same with a worker thread
    expect((await loadTrees(2)).files).toEqual(plain);
  });

  it('keeps check and render entries side by side in one file: neither run throws out the other\'s', async () => {
    await load();
    // check's entries have no trees: render parses everything once
    expect((await loadTrees()).parsed).toHaveLength(8);
    expect((await load()).parsed).toEqual([]);
    expect((await loadTrees()).parsed).toEqual([]);
    const entries = ParseCache.load(cache, cacheKey(DEFAULT_LIMITS));
    expect(entries.has('set/h.md', 'check')).toBe(true);
    expect(entries.has('set/h.md', 'render')).toBe(true);
    // a changed file is parsed again by each, once
    write('h.md', AGENCY('eta-2'));
    expect((await loadTrees()).parsed).toEqual(['set/h.md']);
    expect((await load()).parsed).toEqual(['set/h.md']);
    expect((await loadTrees()).parsed).toEqual([]);
  });

  it('parses again a file whose render entry holds no root tree', async () => {
    await loadTrees();
    const key = readFileSync(cache, 'latin1').split('\n')[1] as string;
    const hashOf = (name: string): string => createHash('sha256').update(readFileSync(join(set, name))).digest('hex');
    const body = { terms: [], audiences: [], prose: [] };
    const entry = (tree: unknown): Buffer => Buffer.from(JSON.stringify({ file: 'set/a.md', hash: hashOf('a.md'), text: '', isDocument: true, body, suppressions: [], diagnostics: [], tree }));
    for (const tree of [{ type: 'paragraph', children: [] }, { type: 'root' }, 'root']) {
      writeCacheFile(cache, key, [['render', 'set/a.md', hashOf('a.md'), true, 'json', entry(tree)]]);
      expect((await loadTrees()).parsed).toContain('set/a.md');
    }
  });
});
