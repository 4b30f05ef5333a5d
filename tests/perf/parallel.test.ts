import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSet } from '../helpers/generate.js';

/** The parallel loader gives exactly what the single-thread loader gives: same bytes out. */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let set: string;

function protokit(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/protokit.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

beforeAll(() => {
  // the worker threads run the compiled loader: build it when it is not there
  if (!existsSync(join(ROOT, 'dist/load/worker.js')) || !existsSync(join(ROOT, 'dist/load/parallel.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'pipe' });
  }
  dir = mkdtempSync(join(tmpdir(), 'protokit-parallel-'));
  set = join(dir, 'set');
  // 60 agencies: about 110 files, above the threshold for workers; 40 defects of every kind
  generateSet(set, { agencies: 60, defects: 40, seed: 'parallel' });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('--jobs', () => {
  for (const mode of ['check', 'validate'] as const) {
    it(`${mode}: --jobs 2 (a worker thread) prints the same JSON as --jobs 1 (this thread only)`, async () => {
      const one = await protokit([mode, 'set', '-f', 'json', '--jobs', '1', '--verbose'], dir);
      const two = await protokit([mode, 'set', '-f', 'json', '--jobs', '2', '--verbose'], dir);
      expect(one.stderr).not.toMatch(/worker/);
      expect(two.stderr).toMatch(/parsing \d+ files in 2 threads \(this one and 1 worker\)/);
      expect(two.code).toBe(one.code);
      expect(one.code).toBe(1);
      const findings = (JSON.parse(one.stdout) as { messages: unknown[] }[]).reduce((n, f) => n + f.messages.length, 0);
      expect(findings).toBeGreaterThan(mode === 'check' ? 30 : 3);
      expect(two.stdout).toBe(one.stdout);
    }, 120_000);
  }

  it('render: --jobs 2 writes the same handbooks, byte for byte, as --jobs 1', async () => {
    const one = await protokit(['render', 'set', '--out', 'h1', '--force', '--jobs', '1', '--verbose'], dir);
    const two = await protokit(['render', 'set', '--out', 'h2', '--force', '--jobs', '2', '--verbose'], dir);
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.stderr).not.toMatch(/worker/);
    expect(two.stderr).toMatch(/parsing \d+ files in 2 threads \(this one and 1 worker\)/);
    expect(two.stderr).toMatch(/writing Markdown handbooks in 2 threads \(this one and 1 worker\)/);
    const names = readdirSync(join(dir, 'h1')).sort();
    expect(names.filter((n) => n.endsWith('.md')).length).toBeGreaterThan(5);
    expect(readdirSync(join(dir, 'h2')).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(dir, 'h2', name), 'utf8'), name).toBe(readFileSync(join(dir, 'h1', name), 'utf8'));
  }, 120_000);

  it('render: --force with a cache (which then holds what the rules read too) writes the same handbooks as without', async () => {
    const plain = await protokit(['render', 'set', '--out', 'h5', '--force', '--jobs', '2'], dir);
    const cached = await protokit(['render', 'set', '--out', 'h6', '--force', '--jobs', '2', '--cache', '--cache-location', 'render.cache'], dir);
    expect(plain.code).toBe(0);
    expect(cached.code).toBe(0);
    const names = readdirSync(join(dir, 'h5')).sort();
    expect(names.length).toBeGreaterThan(10);
    expect(readdirSync(join(dir, 'h6')).sort()).toEqual(names);
    for (const name of names) expect(readFileSync(join(dir, 'h6', name), 'utf8'), name).toBe(readFileSync(join(dir, 'h5', name), 'utf8'));
  }, 120_000);

  it('render: a handbook that cannot be written is one clear error (exit 2), from whichever thread writes it', async () => {
    const first = await protokit(['render', 'set', '--out', 'h4', '--force', '--jobs', '1', '--format', 'md'], dir);
    expect(first.code).toBe(0);
    const names = readdirSync(join(dir, 'h4')).filter((n) => n.endsWith('.md'));
    rmSync(join(dir, 'h4'), { recursive: true });
    for (const name of names) mkdirSync(join(dir, 'h4', name), { recursive: true });
    const run = await protokit(['render', 'set', '--out', 'h4', '--force', '--jobs', '2', '--format', 'md'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^protokit: Cannot write .*\.md: it is a folder\n$/);
  }, 120_000);

  it('stylish output is the same too, and so is a run with three workers and a cache', async () => {
    const cache = join(dir, 'c1');
    const one = await protokit(['check', 'set', '--jobs', '1'], dir);
    const three = await protokit(['check', 'set', '--jobs', '3', '--cache', '--cache-location', cache], dir);
    const warm = await protokit(['check', 'set', '--jobs', '3', '--cache', '--cache-location', cache], dir);
    expect(three.stdout).toBe(one.stdout);
    expect(warm.stdout).toBe(one.stdout);
    expect(existsSync(cache)).toBe(true);
  }, 120_000);

  it('refuses a --jobs that is not a whole number from 1', async () => {
    for (const bad of ['0', '-1', 'two', '1.5']) {
      const result = await protokit(['check', 'set', `--jobs=${bad}`], dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/Invalid --jobs/);
    }
  }, 60_000);
});
