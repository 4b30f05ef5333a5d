import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built CLI (`npm test` builds first; `ensureBuilt` builds when dist/ is missing). */
export const BIN = join(ROOT, 'bin/protokit.js');
/** The committed hostile-input corpus. */
export const CORPUS = join(ROOT, 'tests/robustness/corpus');
/** Tests run as root in CI's container, where permission bits do not stop reads. */
export const IS_ROOT = typeof process.getuid === 'function' && process.getuid() === 0;
/** The user a root test run drops to, so that `chmod 000` means something. */
export const NOBODY = 65534;

/** Builds dist/ when it is missing (a lone `vitest run` of this folder). */
export function ensureBuilt(): void {
  if (existsSync(join(ROOT, 'dist/cli/main.js'))) return;
  const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { encoding: 'utf8' });
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}

const temps: string[] = [];

/** A new temporary folder (world-readable, so a child dropped to `nobody` can enter it). */
export function tempDir(prefix = 'protokit-robust-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  temps.push(dir);
  return dir;
}

/** Removes every temporary folder made by this module (restoring permissions first). */
export function removeTemps(): void {
  for (const dir of temps.splice(0)) {
    spawnSync('chmod', ['-R', 'u+rwX', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes files (path relative to `dir` → text or bytes), creating folders. */
export function writeFiles(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** A temp folder holding `set/`: the clean base set of the corpus plus `files`. Returns the temp folder. */
export function baseSet(files: Record<string, string | Uint8Array> = {}): string {
  const dir = tempDir();
  cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
  writeFiles(join(dir, 'set'), files);
  return dir;
}

/** A file of the committed corpus, as text. */
export function corpusFile(name: string): string {
  return readFileSync(join(CORPUS, name), 'utf8');
}

/** What a child process run of the CLI gave. */
export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/**
 * Runs `node --max-old-space-size=MB bin/protokit.js ARGS` in `cwd`: a case that needs more heap
 * than that dies (and fails), one that hangs is killed after `timeoutMs` (and fails).
 */
export function runCli(args: readonly string[], options: { cwd: string; timeoutMs?: number; heapMb?: number; uid?: number; env?: Record<string, string> }): Promise<CliRun> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'FORCE_COLOR') env[key] = value;
  env['NO_COLOR'] = '1';
  return new Promise((done) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMb ?? 500}`, BIN, ...args], {
      cwd: options.cwd,
      env: { ...env, ...(options.env ?? {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 20_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, timedOut });
    });
  });
}

/** One finding as the json reporter prints it, with its file relative to the run's folder. */
export interface Finding {
  file: string;
  ruleId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The findings of a `--format json` run. */
export function findingsOf(run: CliRun, cwd: string): Finding[] {
  const results = JSON.parse(run.stdout) as { filePath: string; messages: Omit<Finding, 'file'>[] }[];
  return results.flatMap((r) => r.messages.map((m) => ({ ...m, file: relative(cwd, r.filePath).split('\\').join('/') })));
}

/** True when text looks like a JavaScript stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+[(:]\d+/.test(text) || /^\s+at /m.test(text);
}

/** The text protokit reads from bytes: UTF-8 (lossy) without a BOM. */
export function textOf(bytes: Uint8Array): string {
  const text = Buffer.from(bytes).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A range as the findings carry it. */
export interface Span {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/**
 * Why a range is not inside `text` (1-based lines; a column may be one past the line's end, as
 * an exclusive end is), or undefined when it is.
 */
export function outsideText(text: string, span: Span): string | undefined {
  const lines = text.split('\n');
  for (const [name, p] of [['start', span.start], ['end', span.end]] as const) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.column) || p.line < 1 || p.column < 1) return `${name} ${p.line}:${p.column} is not a 1-based position`;
    if (p.line > lines.length) return `${name} line ${p.line} is past the last line (${lines.length})`;
    const length = (lines[p.line - 1] ?? '').length;
    if (p.column > length + 1) return `${name} column ${p.column} is past the end of line ${p.line} (length ${length})`;
  }
  if (span.start.line > span.end.line || (span.start.line === span.end.line && span.start.column > span.end.column)) {
    return `start ${span.start.line}:${span.start.column} is after end ${span.end.line}:${span.end.column}`;
  }
  return undefined;
}

/** A json-reporter finding as a span. */
export function spanOf(f: Finding): Span {
  return { start: { line: f.line, column: f.column }, end: { line: f.endLine, column: f.endColumn } };
}
