import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The shared bench folder (its generator makes the synthetic sets); PROTOKIT_BENCH_DIR overrides it. */
export const BENCH = process.env['PROTOKIT_BENCH_DIR'] ?? resolve(ROOT, '../shared/bench');

/** Writes a synthetic protocol set into `out` (absent or empty) with the shared generator; returns `out`. */
export function generateSet(out: string, options: { agencies: number; defects?: number; seed: string }): string {
  const args = [join(BENCH, 'gen-corpus.mjs'), '--agencies', String(options.agencies), '--out', out, '--seed', options.seed];
  if (options.defects !== undefined) args.push('--defects', String(options.defects));
  execFileSync(process.execPath, args, { stdio: 'pipe' });
  return out;
}

/**
 * A synthetic set generated once for a test file, in a temporary folder removed after it: call at
 * the top level of the file, and the returned function gives the set's folder inside tests.
 */
export function useGeneratedSet(options: { agencies: number; defects?: number; seed: string }): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `protokit-${options.seed}-`));
    generateSet(join(dir, 'set'), options);
  }, 60_000);
  afterAll(() => {
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });
  return () => join(dir ?? '', 'set');
}
