import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a CLI run gave. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Standard input holding `text`, in two chunks (a multi-byte character may be cut between them). */
async function* chunksOf(text: string): AsyncIterable<Uint8Array> {
  const bytes = Buffer.from(text);
  const half = Math.floor(bytes.length / 2);
  yield bytes.subarray(0, half);
  yield bytes.subarray(half);
}

/** Runs `main(argv)` with fake streams: no process, no terminal. */
export async function runMain(argv: readonly string[], options: { cwd: string; env?: Record<string, string>; tty?: boolean; stdin?: string }): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text), isTTY: options.tty === true },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty === true },
    env: options.env ?? {},
    cwd: options.cwd,
    ...(options.stdin !== undefined ? { stdin: chunksOf(options.stdin) } : {}),
  });
  return { code, stdout, stderr };
}

const temps: string[] = [];

/** A new temporary folder, removed by `removeTemps`. */
export function tempDir(prefix = 'protokit-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** Copies a fixture set (tests/fixtures/sets/NAME) into `<new temp folder>/<as>`; returns the temp folder. */
export function copySet(name: string, as = 'set'): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'tests/fixtures/sets', name), join(dir, as), { recursive: true });
  return dir;
}

/** Rewrites a file with `edit`, failing loudly when the edit changes nothing. */
export function editFile(file: string, edit: (text: string) => string): void {
  const before = readFileSync(file, 'utf8');
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  writeFileSync(file, after);
}

/** Removes every temporary folder made by this module. */
export function removeTemps(): void {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Asserts the shape of a tool error: one line on stderr, no stack trace, nothing on stdout. */
export function oneLineError(result: CliResult): string {
  const lines = result.stderr.split('\n');
  if (result.code !== 2 || result.stdout !== '' || lines.length !== 2 || lines[1] !== '' || /\n\s+at /.test(result.stderr)) {
    throw new Error(`expected exit 2 with one line on stderr, got ${JSON.stringify(result)}`);
  }
  return lines[0] as string;
}
