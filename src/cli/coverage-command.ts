import { resolve } from 'node:path';
import { evaluateCoverage, locateCoverage } from '../coverage/evaluate.js';
import { COVERAGE_FORMATS, formatCoverage, type CoverageFormat } from '../coverage/format.js';
import { ignoreBaseOf, resolveConfig } from '../lint.js';
import { loadSetParallel } from '../load/parallel.js';
import { UsageError } from '../model/errors.js';
import type { CliIo } from './io.js';

/** Flags of `protokit coverage`. */
export interface CoverageFlags {
  format: string;
  min?: string;
  config?: string;
}

/** Runs `coverage`: scores the set against the coordination strategies; exit 1 when fewer than `--min` are met. */
export async function runCoverage(paths: readonly string[], flags: CoverageFlags, io: CliIo): Promise<number> {
  if (!(COVERAGE_FORMATS as readonly string[]).includes(flags.format)) {
    throw new UsageError(`Unknown --format \`${flags.format}\`: use one of ${COVERAGE_FORMATS.join(', ')}`);
  }
  let min: number | undefined;
  if (flags.min !== undefined) {
    if (!/^\d+$/.test(flags.min)) throw new UsageError(`Invalid --min \`${flags.min}\`: give the number of strategies that must be met, e.g. --min 15`);
    min = Number(flags.min);
  }
  const given = paths.length === 0 ? ['.'] : paths;
  const config = resolveConfig(given, io.cwd, flags.config);
  const files = await loadSetParallel({ paths: given.map((p) => resolve(io.cwd, p)), base: io.cwd, ignore: config.ignore, ...ignoreBaseOf(config), limits: config.limits });
  if (!files.some((f) => f.kind !== undefined)) {
    throw new UsageError(`No protocol documents in ${given.join(', ')}: give the folder of a protocol set (Markdown files with \`kind:\` in their frontmatter)`);
  }
  const frameworks = files.filter((f) => f.kind === 'framework').map((f) => f.file);
  const notes = frameworks.length > 1 ? [`the set has ${frameworks.length} frameworks; the coordinating body is read from ${frameworks[0] ?? ''} (fix \`set/framework\` with \`protokit check\`)`] : [];
  const report = locateCoverage(evaluateCoverage({ files }));
  io.stdout.write(formatCoverage(report, flags.format as CoverageFormat, notes));
  if (min !== undefined && report.summary.met < min) {
    io.stderr.write(`protokit: ${report.summary.met} coordination strategies met, fewer than --min ${min}\n`);
    return 1;
  }
  return 0;
}
