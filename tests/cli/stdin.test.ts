import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useGeneratedSet } from '../helpers/generate.js';
import { removeTemps, ROOT, runMain, tempDir } from './harness.js';

afterAll(removeTemps);

/**
 * `--stdin`: an editor's unsaved buffer checked as the file it will be saved as (ESLint's
 * `--stdin --stdin-filename`), alone or in its set (`--set`).
 */

const POLICE = 'valdoria/agencies/valdoria-police.md';
const policeText = (): string => readFileSync(join(ROOT, 'protocols', POLICE), 'utf8');
/** The police protocol with one unknown service reference (line 144, column 9). */
const withDefect = (): string => {
  const text = policeText().replace('to: calvendra-general-hospital/', 'to: calvendra-general-hospitl/');
  expect(text).not.toBe(policeText());
  return text;
};

/** A copy of the example set in a new temporary folder (as `valdoria`); returns the folder. */
function exampleCopy(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'protocols/valdoria'), join(dir, 'valdoria'), { recursive: true });
  return dir;
}

/** The JSON report's findings as `file:line:column rule`, the folder taken out. */
function found(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[]).flatMap((f) => f.messages.map((m) => `${f.filePath.slice(dir.length + 1)}:${m.line}:${m.column} ${m.ruleId}`));
}

const generated = useGeneratedSet({ agencies: 45, defects: 6, seed: 'stdin' });

/** Every Markdown file below a folder, relative to it. */
function markdownBelow(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix))
    .sort()
    .flatMap((name) => (statSync(join(dir, prefix, name)).isDirectory() ? markdownBelow(dir, join(prefix, name)) : name.endsWith('.md') ? [join(prefix, name)] : []));
}

describe('check --stdin', () => {
  it('with --set: the buffer stands in for its file (the file on disk is not read) and gives what the saved file would', async () => {
    const dir = exampleCopy();
    const result = await runMain(['check', '--stdin', '--stdin-filename', POLICE, '--set', 'valdoria'], { cwd: dir, stdin: withDefect() });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${POLICE}\n  144:9  error  \`calvendra-general-hospitl/one-stop-centre\` is not a known service`);
    expect(result.stdout).toContain('did you mean `calvendra-general-hospital/one-stop-centre`?');
    // the same buffer as the file on disk: the same report
    const json = await runMain(['check', '--stdin', '--stdin-filename', POLICE, '--set', 'valdoria', '--format', 'json'], { cwd: dir, stdin: withDefect() });
    writeFileSync(join(dir, POLICE), withDefect());
    const saved = await runMain(['check', POLICE, '--set', 'valdoria', '--format', 'json'], { cwd: dir });
    expect(found(json.stdout, dir)).toEqual([`${POLICE}:144:9 ref/unknown`]);
    expect(json.stdout).toBe(saved.stdout);
    // the saved defect, and a clean buffer for it: no finding
    const clean = await runMain(['check', '--stdin', '--stdin-filename', POLICE, '--set', 'valdoria'], { cwd: dir, stdin: policeText() });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
  });

  it('with --set: a new document, not on disk, joins the set', async () => {
    const dir = exampleCopy();
    const draft = 'valdoria/agencies/new-draft.md';
    const text = withDefect().replace(/^id: valdoria-police$/m, 'id: new-draft');
    expect(text).toContain('id: new-draft');
    const piped = await runMain(['check', '--stdin', '--stdin-filename', draft, '--set', 'valdoria', '--format', 'json'], { cwd: dir, stdin: text });
    writeFileSync(join(dir, draft), text);
    const saved = await runMain(['check', draft, '--set', 'valdoria', '--format', 'json'], { cwd: dir });
    expect(piped.code).toBe(1);
    expect(found(piped.stdout, dir)).toContain(`${draft}:144:9 ref/unknown`);
    expect(piped.stdout).toBe(saved.stdout);
  });

  it('without --set: a set of one, named stdin.md unless --stdin-filename names it; positions are the buffer\'s', async () => {
    const dir = tempDir();
    const text = '---\nkind: meeting\nid: m1\ndate: 2026-02-30\n  bad: indent\n---\n\n# A meeting\n';
    const result = await runMain(['validate', '--stdin', '--format', 'json'], { cwd: dir, stdin: text });
    expect(result.code).toBe(1);
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(files.map((f) => f.filePath)).toEqual([join(dir, 'stdin.md')]);
    expect(files[0]?.messages[0]).toMatchObject({ ruleId: 'yaml/syntax', line: 4, column: 7 });
    const named = await runMain(['validate', '--stdin', '--stdin-filename', 'drafts/m1.md'], { cwd: dir, stdin: text });
    expect(named.stdout).toMatch(/^drafts\/m1\.md\n {2}4:7 /m);
  });

  it('in a set big enough for worker threads, with the cache: the findings of the saved file, and the buffer is never cached', () => {
    const set = generated();
    const files = markdownBelow(set);
    expect(files.length).toBeGreaterThanOrEqual(64);
    const dir = tempDir();
    cpSync(set, join(dir, 'set'), { recursive: true });
    const target = join('set', files.find((f) => f.startsWith('agencies')) ?? '');
    const original = readFileSync(join(dir, target), 'utf8');
    const edited = original.replace(/^id: (.+)$/m, 'id: $1\nnot_a_field: true');
    expect(edited).not.toBe(original);
    // the installed command: worker threads run the compiled loader
    const args = ['--set', 'set', '--format', 'json', '--jobs', '2', '--cache', '--cache-location', 'cache'];
    const protokit = (argv: string[], input?: string) => spawnSync(process.execPath, [join(ROOT, 'bin/protokit.js'), 'check', ...argv], { cwd: dir, encoding: 'utf8', ...(input !== undefined ? { input } : {}) });
    const piped = protokit([...args, '--stdin', '--stdin-filename', target, '--verbose'], edited);
    expect(piped.stderr).toContain('in 2 threads');
    expect(piped.status).toBe(1);
    const line = edited.split('\n').indexOf('not_a_field: true') + 1;
    expect(line).toBeGreaterThan(1);
    expect(found(piped.stdout, dir)).toContain(`${target}:${line}:1 schema/shape`);
    // the file on disk, from the same cache: its own findings, not the buffer's
    const disk = protokit([target, ...args]);
    expect(disk.stdout).not.toContain('not_a_field');
    expect(found(disk.stdout, dir).filter((f) => f.startsWith(`${target}:${line}:`))).toEqual([]);
    writeFileSync(join(dir, target), edited);
    const saved = protokit([target, ...args]);
    expect(piped.stdout).toBe(saved.stdout);
  });

  it('refuses paths with --stdin, --stdin-filename without --stdin, and a folder as its name: one line, exit 2', async () => {
    const dir = exampleCopy();
    const paths = await runMain(['check', '--stdin', 'valdoria'], { cwd: dir, stdin: policeText() });
    expect(paths.code).toBe(2);
    expect(paths.stderr).toMatch(/--stdin reads one document from standard input: leave out the paths/);
    const alone = await runMain(['check', '--stdin-filename', POLICE], { cwd: dir });
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--stdin-filename names the document read with --stdin: add --stdin/);
    const folder = await runMain(['check', '--stdin', '--stdin-filename', 'valdoria'], { cwd: dir, stdin: policeText() });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toMatch(/`valdoria` is a folder/);
    for (const r of [paths, alone, folder]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the installed command reads its standard input', () => {
    const dir = exampleCopy();
    const run = spawnSync(process.execPath, [join(ROOT, 'bin/protokit.js'), 'check', '--stdin', '--stdin-filename', POLICE, '--set', 'valdoria', '--no-color'], { cwd: dir, input: withDefect(), encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`${POLICE}\n  144:9  error  \`calvendra-general-hospitl/one-stop-centre\` is not a known service`);
  });
});
