import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

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
