import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cacheFileOf, loadWithCodeCache, RENDER_V8_FLAGS, requireWithCodeCache, writeCodeCache } from '../../src/util/code-cache.js';
import { tempDir } from '../render/render-helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const require = createRequire(import.meta.url);

/** Loads a file afresh: out of Node's module cache first (a test loads a file more than once). */
function fresh(file: string): ReturnType<typeof loadWithCodeCache> {
  delete require.cache[file];
  return loadWithCodeCache(file);
}

/** A CommonJS module that uses what Node's loader gives it. */
const MODULE = `'use strict';
const path = require('node:path');
exports.join = (a, b) => path.join(a, b);
exports.where = { dir: __dirname, file: __filename };
exports.thisIsExports = this === module.exports;
`;

function moduleFile(source = MODULE): string {
  const file = join(tempDir('protokit-code-cache-'), 'lib.cjs');
  writeFileSync(file, source);
  return file;
}

describe('loadWithCodeCache', () => {
  it('runs a CommonJS file as require() does, without a cache and then with the one writeCodeCache wrote', () => {
    const file = moduleFile();
    const first = fresh(file);
    expect(first.cached).toBe(false);
    const size = writeCodeCache(file, (exports) => (exports as { join: (a: string, b: string) => string }).join('a', 'b'));
    expect(size).toBeGreaterThan(64);
    expect(existsSync(cacheFileOf(file))).toBe(true);
    const second = fresh(file);
    expect(second.cached).toBe(true);
    // as require(): the module is in require.cache, and loading it again gives the same one
    expect(require.cache[file]?.exports).toBe(second.exports);
    expect(requireWithCodeCache(file)).toBe(second.exports);
    expect(require(file)).toBe(second.exports);
    for (const loaded of [first.exports, second.exports]) {
      const lib = loaded as { join: (a: string, b: string) => string; where: { dir: string; file: string }; thisIsExports: boolean };
      expect(lib.join('a', 'b')).toBe(join('a', 'b'));
      expect(lib.where).toEqual({ dir: join(file, '..'), file });
      expect(lib.thisIsExports).toBe(true);
    }
  });

  it('does not use a cache made from other source of the same length (V8 itself would, and run the old code)', () => {
    const file = moduleFile('exports.value = 1;\n');
    writeCodeCache(file, () => undefined);
    writeFileSync(file, 'exports.value = 2;\n');
    const loaded = fresh(file);
    expect(loaded.cached).toBe(false);
    expect((loaded.exports as { value: number }).value).toBe(2);
  });

  it('does not hand a damaged or truncated cache to V8, and loads the file as usual', () => {
    const file = moduleFile();
    writeCodeCache(file, () => undefined);
    const bytes = readFileSync(cacheFileOf(file));
    const damaged = Buffer.from(bytes);
    damaged[damaged.length - 10] = (damaged[damaged.length - 10] ?? 0) ^ 0xff;
    for (const broken of [damaged, bytes.subarray(0, 70), Buffer.alloc(0)]) {
      writeFileSync(cacheFileOf(file), broken);
      const loaded = fresh(file);
      expect(loaded.cached).toBe(false);
      expect((loaded.exports as { join: (a: string, b: string) => string }).join('x', 'y')).toBe(join('x', 'y'));
    }
  });

  it('a module that throws while loading throws to the caller, and is not left in require.cache', () => {
    const file = moduleFile("throw new Error('not built right');\n");
    expect(() => loadWithCodeCache(file)).toThrow('not built right');
    expect(require.cache[file]).toBeUndefined();
  });
});

/** The CommonJS files the build bundles and writes code caches for (scripts/build-code-cache.mjs). */
const BUILT = ['dist/vendor/check-deps.cjs', 'dist/vendor/yaml.cjs', 'dist/validate/validators.cjs', 'dist/vendor/tree-deps.cjs', 'dist/vendor/render-deps.cjs'];

describe('cacheFileOf', () => {
  it('names a second cache for a process with the V8 flags of render, which V8 checks, and the first for any other', () => {
    expect(cacheFileOf('/x/lib.cjs', [])).toBe('/x/lib.cjs.v8cache');
    expect(cacheFileOf('/x/lib.cjs', RENDER_V8_FLAGS)).toBe('/x/lib.cjs.render.v8cache');
    expect(cacheFileOf('/x/lib.cjs', [...RENDER_V8_FLAGS, '--stack-size=2000'])).toBe('/x/lib.cjs.v8cache');
    expect(cacheFileOf('/x/lib.cjs', ['--max-semi-space-size=64'])).toBe('/x/lib.cjs.v8cache');
  });

  it('knows the flags bin/protokit.js starts render with', () => {
    const bin = readFileSync(join(ROOT, 'bin/protokit.js'), 'utf8');
    const list = /const RENDER_FLAGS = \[([^\]]*)\];/.exec(bin)?.[1];
    expect(list).toBeDefined();
    expect(JSON.parse(`[${(list ?? '').replaceAll("'", '"')}]`)).toEqual(RENDER_V8_FLAGS);
  });
});

describe('the build', () => {
  it('writes caches that V8 takes under render\'s flags too, and render loads each bundle with its cache', () => {
    // V8 rejects a cache made without --max-semi-space-size in a process run with it: render's
    // process and its worker threads run with it, so they take the second cache
    const script = `const { loadWithCodeCache } = await import(${JSON.stringify(new URL('../../dist/util/code-cache.js', import.meta.url).href)});
const out = {};
for (const file of ${JSON.stringify(BUILT.map((f) => join(ROOT, f)))}) out[file.slice(${ROOT.length})] = loadWithCodeCache(file).cached;
process.stdout.write(JSON.stringify(out));`;
    // (a script file: `node -e` would add to the process's flags)
    const file = join(tempDir('protokit-code-cache-'), 'load.mjs');
    writeFileSync(file, script);
    const run = (flags: readonly string[]): Record<string, boolean> => JSON.parse(execFileSync(process.execPath, [...flags, file], { encoding: 'utf8' })) as Record<string, boolean>;
    const everyOne = Object.fromEntries(BUILT.map((f) => [f, true]));
    for (const file of BUILT) expect(existsSync(cacheFileOf(join(ROOT, file), RENDER_V8_FLAGS)), `${file}.render.v8cache`).toBe(true);
    expect(run(RENDER_V8_FLAGS)).toEqual(everyOne);
    expect(run([])).toEqual(everyOne);
  }, 60_000);

  it('writes caches that V8 takes for the check path\'s libraries, the yaml bundle, the precompiled validators and render\'s two bundles', () => {
    // (npm test builds first)
    for (const file of BUILT) {
      const path = join(ROOT, file);
      expect(existsSync(cacheFileOf(path)), `${file}.v8cache`).toBe(true);
      const loaded = fresh(path);
      expect(loaded.cached, file).toBe(true);
    }
    const yaml = requireWithCodeCache(join(ROOT, 'dist/vendor/yaml.cjs')) as typeof import('yaml');
    expect(yaml.parseDocument('a: [1, 2]\n').toJS()).toEqual({ a: [1, 2] });
  });
});
