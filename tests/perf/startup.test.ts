import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** `protokit check` on one small document loads only what checking needs. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let tracer: string;

beforeAll(() => {
  // what `npm run build` makes (npm test builds first; a lone run of this file builds what is missing)
  if (!existsSync(join(ROOT, 'dist/bundle/protokit.js')) || !existsSync(join(ROOT, 'dist/validate/validators.cjs'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'pipe' });
    for (const script of ['build-validators.mjs', 'bundle-vendor.mjs', 'bundle-cli.mjs']) execFileSync(process.execPath, [join(ROOT, 'scripts', script)], { stdio: 'pipe' });
  }
  dir = mkdtempSync(join(tmpdir(), 'protokit-startup-'));
  writeFileSync(join(dir, 'one.md'), '---\nkind: agency\nid: one\nname: One\nsector: health\n---\n\n# About\n\nA small document.\n');
  // a document with findings, whose positions need `yaml`
  writeFileSync(join(dir, 'two.md'), '---\nkind: agency\nid: two\nname: Two\nsector: health\nunknown_key: 1\n---\n\n# About\n\nA small document.\n');
  // lists every ES module loaded (a resolve hook) and every CommonJS module (require.cache), at exit
  writeFileSync(join(dir, 'hooks.mjs'), 'export async function load(url, context, next) { process.stderr.write(`LOADED ${url}\\n`); return next(url, context); }\n');
  tracer = join(dir, 'trace.mjs');
  writeFileSync(
    tracer,
    `import { register, createRequire } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(dir, 'hooks.mjs')).href)});
const require = createRequire(import.meta.url);
process.on('exit', () => { for (const key of Object.keys(require.cache)) process.stderr.write('LOADED ' + key + '\\n'); });
`,
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI run without the bundle: dist/cli/main.js, as bin/protokit.js runs it when there is no newer bundle. */
let unbundled: string;

function loaded(args: readonly string[], entry = join(ROOT, 'bin/protokit.js')): string[] {
  // exit 1 on findings is fine; the module list is on standard error either way
  const { stderr } = spawnSync(process.execPath, ['--import', pathToFileURL(tracer).href, entry, ...args], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
}

/** Handbooks' modules and libraries, which `check` never needs. */
const RENDER_LIBRARIES = /\/node_modules\/(handlebars|rehype-[^/]+|hast-util-[^/]+|@viz-js|playwright-core|remark-rehype|mdast-util-to-hast)\//;
const GFM = /\/node_modules\/(remark-gfm|micromark-extension-gfm[^/]*)\//;
const lazyGfm = (process.features as { require_module?: boolean }).require_module === true;
/** `yaml` (positions) and remark-parse (trees): a check without findings needs neither. */
const PARSERS_FOR_POSITIONS_AND_TREES = /\/node_modules\/(yaml|remark-parse|unified|mdast-util-from-markdown)\/|\/dist\/vendor\/(yaml|tree-deps)\.cjs$/;

/** What is still read from node_modules: only the ajv runtime helpers the precompiled validators require. */
function expectOnlyAjvRuntimeFromPackages(modules: readonly string[]): void {
  const fromPackages = modules.filter((m) => m.includes('/node_modules/'));
  expect(fromPackages.filter((m) => !/\/node_modules\/ajv\/dist\/runtime\//.test(m))).toEqual([]);
  expect(fromPackages.length).toBeLessThanOrEqual(3);
}

describe('start-up of check, from the bundle of the CLI (scripts/bundle-cli.mjs)', () => {
  it('is what bin/protokit.js runs after `npm run build`', () => {
    const modules = loaded(['check', 'one.md', '--format', 'json']);
    expect(modules.some((m) => m.endsWith('/dist/bundle/protokit.js'))).toBe(true);
    // none of the ninety-odd modules tsc writes (the worker threads' would be, in a worker)
    const dist = modules.filter((m) => m.includes(`${ROOT}dist/`)).map((m) => m.slice(m.indexOf(`${ROOT}dist/`) + ROOT.length));
    expect(dist.filter((m) => !/^dist\/(bundle\/[^/]+\.js|vendor\/(check-deps|yaml)\.cjs|validate\/validators\.cjs)$/.test(m))).toEqual([]);
    // the check path's libraries from their CommonJS bundle, which loads with V8's code cache (src/util/code-cache.ts)
    expect(dist).toContain('dist/vendor/check-deps.cjs');
  }, 60_000);

  it('loads a handful of files, none with the code of handbooks, nor Handlebars, rehype, Graphviz, Playwright or GFM', () => {
    const modules = loaded(['check', 'one.md', '--format', 'json']);
    const own = modules.filter((m) => m.includes('/dist/bundle/'));
    expect(own.length).toBeGreaterThan(0);
    expect(own.length).toBeLessThanOrEqual(5);
    for (const chunk of own) {
      const code = readFileSync(fileURLToPath(chunk), 'utf8');
      expect(code, chunk).not.toContain('function renderHandbooks(');
      expect(code, chunk).not.toContain('function createHtmlRenderer(');
    }
    expect(modules.filter((m) => RENDER_LIBRARIES.test(m))).toEqual([]);
    if (lazyGfm) expect(modules.filter((m) => GFM.test(m))).toEqual([]);
  }, 60_000);

  it('reads from node_modules only the ajv runtime helpers of the precompiled validators, and yaml only for positions', () => {
    const modules = loaded(['check', 'two.md', '--format', 'json']);
    expect(modules.some((m) => m.endsWith('/dist/vendor/yaml.cjs'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/dist/validate/validators.cjs'))).toBe(true);
    expectOnlyAjvRuntimeFromPackages(modules);
  }, 60_000);

  it('on a set without findings, loads neither remark-parse nor yaml', () => {
    if (!lazyGfm) return; // loaded eagerly before Node 20.19
    const modules = loaded(['check', join(ROOT, 'protocols/valdoria'), '--format', 'json']);
    expect(modules.some((m) => m.endsWith('/dist/bundle/protokit.js'))).toBe(true);
    expect(modules.filter((m) => PARSERS_FOR_POSITIONS_AND_TREES.test(m))).toEqual([]);
  }, 60_000);
});

describe('start-up of check, unbundled (dist/cli/main.js: a build with tsc alone)', () => {
  beforeAll(() => {
    unbundled = join(dir, 'unbundled.mjs');
    writeFileSync(unbundled, `const { main } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'dist/cli/main.js')).href)});\nprocess.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() });\n`);
  });

  it('does not load render, Handlebars, rehype, Graphviz, Playwright or GFM', () => {
    const modules = loaded(['check', 'one.md', '--format', 'json'], unbundled);
    expect(modules.length).toBeGreaterThan(50);
    expect(modules.some((m) => m.includes('/dist/load/parse-file.js'))).toBe(true);
    expect(modules.filter((m) => /\/dist\/render\//.test(m) || RENDER_LIBRARIES.test(m))).toEqual([]);
    if (lazyGfm) expect(modules.filter((m) => GFM.test(m))).toEqual([]);
  }, 60_000);

  it('uses the validators precompiled at build time when they are there (no ajv compiler)', () => {
    const modules = loaded(['check', 'one.md', '--format', 'json'], unbundled);
    expect(modules.some((m) => m.endsWith('/dist/validate/validators.cjs'))).toBe(true);
    expect(modules.filter((m) => /\/node_modules\/ajv\/dist\/(2020|core|compile\/index)\.js$/.test(m))).toEqual([]);
  }, 60_000);

  it('on a set without findings, loads neither remark-parse nor yaml (body facts from micromark events, data from js-yaml)', () => {
    if (!lazyGfm) return; // loaded eagerly before Node 20.19
    const modules = loaded(['check', join(ROOT, 'protocols/valdoria'), '--format', 'json'], unbundled);
    // micromark and js-yaml come from the build's bundle of the check path's libraries
    expect(modules.some((m) => m.endsWith('/dist/vendor/check-deps.js'))).toBe(true);
    expect(modules.filter((m) => PARSERS_FOR_POSITIONS_AND_TREES.test(m))).toEqual([]);
  }, 60_000);

  it('loads its libraries from two bundles (scripts/bundle-vendor.mjs), not from their hundred-odd modules', () => {
    const modules = loaded(['check', 'two.md', '--format', 'json'], unbundled);
    expect(modules.some((m) => m.endsWith('/dist/vendor/check-deps.js'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/dist/vendor/check-deps.cjs'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/dist/vendor/yaml.cjs'))).toBe(true);
    expectOnlyAjvRuntimeFromPackages(modules);
  }, 60_000);
});

describe('start-up of render, from the build', () => {
  it('loads the libraries that parse trees and write handbooks from their two bundles (scripts/bundle-vendor.mjs)', () => {
    const out = join(dir, 'handbooks');
    const modules = loaded(['render', join(ROOT, 'protocols/valdoria'), '-o', out]);
    expect(modules.some((m) => m.endsWith('/dist/vendor/tree-deps.cjs'))).toBe(true);
    expect(modules.some((m) => m.endsWith('/dist/vendor/render-deps.cjs'))).toBe(true);
    // from node_modules, only Graphviz (loaded for diagrams) and the ajv runtime helpers of the validators
    const fromPackages = modules.filter((m) => m.includes('/node_modules/'));
    expect(fromPackages.filter((m) => !/\/node_modules\/(ajv\/dist\/runtime|@viz-js\/viz)\//.test(m))).toEqual([]);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<html');
  }, 60_000);
});
