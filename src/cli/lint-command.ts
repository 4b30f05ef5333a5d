import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { exitCodeOf, ignoreBaseOf, lint, type LintMode } from '../lint.js';
import type { Severity } from '../model/diagnostic.js';
import { IoError, isToolError, UsageError } from '../model/errors.js';
import { writeOutputFile } from '../io/atomic-write.js';
import { cacheFile } from '../load/cache.js';
import type { GivenFile } from '../load/load-set.js';
import { defaultJobs, loadSetParallel } from '../load/parallel.js';
import { REPORTERS } from '../report/index.js';
import { REPORTER_NAMES, type ReporterName } from '../report/reporter.js';
import { VERSION } from '../version.js';
import type { CliIo } from './io.js';

/** Flags shared by `validate` and `check`. */
export interface LintFlags {
  format: string;
  output?: string;
  maxWarnings?: string;
  rule: string[];
  config?: string;
  set?: string;
  stdin?: boolean;
  stdinFilename?: string;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  jobs?: string;
  cache?: boolean;
  cacheLocation?: string;
}

/** Parses `--rule id=severity` values. */
export function parseRuleFlags(values: readonly string[]): Record<string, Severity | 'off'> {
  const out: Record<string, Severity | 'off'> = {};
  for (const value of values) {
    const match = /^([^=\s]+)=(off|warning|error|warn|0|1|2)$/.exec(value.trim());
    if (match === null) throw new UsageError(`Invalid --rule \`${value}\`: write ID=off|warning|error, e.g. --rule definitions/avoid=off`);
    const level = match[2] as string;
    out[match[1] as string] = level === 'warn' || level === '1' ? 'warning' : level === '0' ? 'off' : level === '2' ? 'error' : (level as Severity | 'off');
  }
  return out;
}

/** Whether output is coloured: on a TTY, unless `--no-color` or `NO_COLOR`. */
export function useColor(io: CliIo, flags: { color?: boolean }, toFile: boolean): boolean {
  if (flags.color === false || toFile) return false;
  if (io.env['NO_COLOR'] !== undefined && io.env['NO_COLOR'] !== '') return false;
  if (io.env['FORCE_COLOR'] !== undefined && io.env['FORCE_COLOR'] !== '0') return true;
  return io.stdout.isTTY === true;
}

/** Parses `--jobs N` (threads that parse; default one per core). */
export function parseJobs(value: string | undefined): number {
  if (value !== undefined && !/^[1-9]\d{0,3}$/.test(value)) throw new UsageError(`Invalid --jobs \`${value}\`: give a whole number of threads from 1, e.g. --jobs 2`);
  return value === undefined ? defaultJobs() : Number(value);
}

/** Runs `validate` or `check` and returns the exit code. */
export async function runLint(mode: LintMode, paths: readonly string[], flags: LintFlags, io: CliIo): Promise<number> {
  if (!(REPORTER_NAMES as readonly string[]).includes(flags.format)) {
    throw new UsageError(`Unknown --format \`${flags.format}\`: use one of ${REPORTER_NAMES.join(', ')}`);
  }
  const reporter = REPORTERS[flags.format as ReporterName];
  let maxWarnings = -1;
  if (flags.maxWarnings !== undefined) {
    if (!/^\d+$/.test(flags.maxWarnings)) throw new UsageError(`Invalid --max-warnings \`${flags.maxWarnings}\`: give a whole number, e.g. --max-warnings 0`);
    maxWarnings = Number(flags.maxWarnings);
  }
  const jobs = parseJobs(flags.jobs);
  const cache = flags.cache === true ? cacheFile(flags.cacheLocation, io.cwd) : undefined;
  if (flags.set !== undefined && flags.set.trim() === '') throw new UsageError('--set needs the folder of the protocol set, e.g. --set protocols/valdoria');
  const given = flags.stdin === true ? await stdinDocument(paths, flags, io) : undefined;
  if (flags.stdin !== true && flags.stdinFilename !== undefined) throw new UsageError('--stdin-filename names the document read with --stdin: add --stdin, or give the file as a path');
  const result = await lint({
    paths: given !== undefined ? [flags.stdinFilename ?? STDIN_NAME] : paths.length > 0 ? paths : flags.set !== undefined ? [flags.set] : ['.'],
    mode,
    cwd: io.cwd,
    ...(flags.set !== undefined ? { set: flags.set } : {}),
    ...(given !== undefined ? { given } : {}),
    ...(flags.config !== undefined ? { configFile: flags.config } : {}),
    ruleOverrides: parseRuleFlags(flags.rule),
    load: (config, resolved, cwd) =>
      loadSetParallel({
        paths: resolved,
        base: cwd,
        ignore: config.ignore,
        ...ignoreBaseOf(config),
        limits: config.limits,
        ...(given !== undefined ? { given } : {}),
        jobs,
        ...(cache !== undefined ? { cache } : {}),
        ...(flags.verbose === true ? { onInfo: (message: string) => io.stderr.write(`protokit: ${message}\n`) } : {}),
        onWarning: (message: string) => io.stderr.write(`protokit: warning: ${message}\n`),
      }),
  });
  const exitCode = exitCodeOf(result.diagnostics, maxWarnings);
  const shown = flags.quiet === true ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
  const output = reporter(shown, {
    color: useColor(io, flags, flags.output !== undefined),
    rules: result.rules,
    version: VERSION,
    cwd: io.cwd,
    files: result.files.filter((f) => f.isDocument).map((f) => f.file),
  });
  if (flags.verbose === true) {
    const skipped = result.files.filter((f) => !f.isDocument).map((f) => f.file);
    const documents = result.files.length - skipped.length;
    io.stderr.write(`protokit ${VERSION}: ${documents} document${documents === 1 ? '' : 's'} read${result.config.file !== undefined ? `, config ${result.config.file}` : ''}\n`);
    for (const file of skipped) io.stderr.write(`skipped (no frontmatter): ${file}\n`);
  }
  if (flags.output !== undefined) writeReport(resolve(io.cwd, flags.output), output);
  else io.stdout.write(output);
  return exitCode;
}

/** The path the document of `--stdin` is read as, unless `--stdin-filename` names one. */
const STDIN_NAME = 'stdin.md';

/** The document of `--stdin`: standard input, read to its end, as the file `--stdin-filename` names. */
async function stdinDocument(paths: readonly string[], flags: LintFlags, io: CliIo): Promise<GivenFile> {
  if (paths.length > 0) throw new UsageError('--stdin reads one document from standard input: leave out the paths (name it with --stdin-filename, and give its set with --set DIR)');
  const name = flags.stdinFilename ?? STDIN_NAME;
  if (name.trim() === '') throw new UsageError('--stdin-filename needs a path, e.g. --stdin-filename agencies/police.md');
  const absolute = resolve(io.cwd, name);
  if (statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true) throw new UsageError(`--stdin-filename names the document read with --stdin, and \`${name}\` is a folder: give a file's path`);
  if (io.stdin === undefined) throw new UsageError('--stdin: this run has no standard input to read');
  // (loaded here: a run without --stdin does not need it)
  const { buffer } = await import('node:stream/consumers');
  try {
    return { absolute, bytes: await buffer(io.stdin) };
  } catch (error) {
    throw new IoError(`Cannot read standard input: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes the report for `--output`; any failure is one `IoError` line (exit code 2). */
function writeReport(file: string, output: string): void {
  try {
    writeOutputFile(file, output);
  } catch (error) {
    if (isToolError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOTDIR' ? 'a part of the path is a file, not a folder' : code === 'EISDIR' ? 'it is a folder' : (code ?? (error as Error).message);
    throw new IoError(`Cannot write ${file}: ${why}`, { cause: error });
  }
}
