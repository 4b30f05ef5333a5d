import { execFile, execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeTemps, ROOT, runMain, tempDir } from './harness.js';

/** The shared corpus generator (FORMAT.md sets, deterministic). */
const GENERATOR = join(ROOT, '../shared/bench/gen-corpus.mjs');

let clean: string;

beforeAll(() => {
  clean = join(tempDir('protokit-acceptance-'), 'n25');
  execFileSync(process.execPath, [GENERATOR, '--agencies', '25', '--out', clean], { stdio: 'pipe' });
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'pipe' });
  }
});
afterAll(removeTemps);

/** Runs the built CLI in `cwd`. */
function protokit(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [join(ROOT, 'bin/protokit.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1, stdout, stderr });
    });
  });
}

/**
 * Copies a clean set, misspells the first value matched by `pattern` (group 1) in `file` by
 * swapping its last two letters, and returns where that value is and what it was.
 */
function misspell(set: string, file: string, pattern: RegExp): { dir: string; line: number; column: number; original: string; typo: string } {
  const dir = join(tempDir('protokit-typo-'), 'set');
  cpSync(set, dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  const match = pattern.exec(text);
  if (match === null || match[1] === undefined) throw new Error(`${pattern} not found in ${file}`);
  const original = match[1];
  const typo = `${original.slice(0, -2)}${original.slice(-1)}${original.slice(-2, -1)}`;
  if (typo === original) throw new Error(`cannot misspell ${original}`);
  const offset = match.index + match[0].indexOf(original);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  writeFileSync(path, `${before}${typo}${text.slice(offset + original.length)}`);
  return { dir, line, column, original, typo };
}

describe('acceptance: a generated national set (25 agencies)', () => {
  it('is clean: `check` exits 0 with no findings', async () => {
    expect(await runMain(['check', '.'], { cwd: clean })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('one changed reference: `check` exits 1 naming ref/unknown at its line and column, with a did-you-mean', async () => {
    const file = 'pathways/adult-sexual-violence.md';
    const { dir, line, column, original, typo } = misspell(clean, file, /\n {4}lead: ([a-z0-9-]+\/[a-z0-9-]+)\n/);
    const result = await protokit(['check', '--format', 'json'], dir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const messages = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number; message: string }[] }[]).flatMap((r) =>
      r.messages.map((m) => ({ file: r.filePath, ...m })),
    );
    expect(messages).toEqual([
      {
        file: join(dir, file),
        ruleId: 'ref/unknown',
        severity: 2,
        line,
        column,
        endLine: line,
        endColumn: column + typo.length,
        message: `\`${typo}\` is not a known role: use an id defined in the agency's \`roles\`; did you mean \`${original}\`?`,
      },
    ]);
    const stylish = await runMain(['check'], { cwd: dir });
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain(`${file}\n  ${line}:${column}  error  \`${typo}\` is not a known role`);
    expect(stylish.stdout).toMatch(/ref\/unknown\n\n✖ 1 problem \(1 error, 0 warnings\)\n$/);
  });

  it('one changed service reference in an agency', async () => {
    const { dir, line, column, original, typo } = misspell(clean, 'agencies/national-police.md', /\n {4}to: ([a-z0-9-]+\/[a-z0-9-]+)\n/);
    const result = await runMain(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const messages = (JSON.parse(result.stdout) as { messages: { ruleId: string; line: number; column: number; message: string }[] }[]).flatMap((r) => r.messages);
    expect(messages.filter((m) => m.ruleId === 'ref/unknown')).toEqual([
      expect.objectContaining({ line, column, message: expect.stringContaining(`\`${typo}\` is not a known service`) as unknown }),
    ]);
    expect(messages.find((m) => m.ruleId === 'ref/unknown')?.message).toContain(`did you mean \`${original}\`?`);
  });
});

describe('acceptance: the built-in example set (protocols/valdoria)', () => {
  const valdoria = join(ROOT, 'protocols/valdoria');

  it('is clean: `check` exits 0 with no findings', async () => {
    expect(await runMain(['check', valdoria], { cwd: ROOT })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('one changed reference: ref/unknown at its line and column, with a did-you-mean, and nothing else', async () => {
    const file = 'pathways/adult-sexual-violence.md';
    const { dir, line, column, original, typo } = misspell(valdoria, file, /\n {4}lead: ([a-z0-9-]+\/[a-z0-9-]+)\n/);
    const result = await runMain(['check', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const messages = (JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number; message: string }[] }[]).flatMap((r) =>
      r.messages.map((m) => ({ file: r.filePath, ruleId: m.ruleId, line: m.line, column: m.column, message: m.message })),
    );
    expect(messages).toEqual([
      { file: join(dir, file), ruleId: 'ref/unknown', line, column, message: `\`${typo}\` is not a known role: use an id defined in the agency's \`roles\`; did you mean \`${original}\`?` },
    ]);
  });
});
