import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/io/discover.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { findFiles, loadSet } from '../../src/load/load-set.js';
import { IoError } from '../../src/model/errors.js';
import { lint } from '../../src/lint.js';

const DOC = (id: string) => `---\nkind: agency\nid: ${id}\nname: Agency ${id}\nsector: police\ntype: government\n---\n# ${id}\n`;

let root: string;
const write = (rel: string, text: string) => {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, text);
};

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'protokit-discover-'));
  write('set/agencies/police.md', DOC('police'));
  write('set/agencies/hospital.md', DOC('hospital'));
  write('set/README.md', '# About this set\n\nNo frontmatter: not a document.\n');
  write('set/notes.txt', 'not Markdown');
  write('set/node_modules/pkg/readme.md', DOC('from-node-modules'));
  write('set/deep/node_modules/x.md', DOC('from-nested-node-modules'));
  write('set/.git/info.md', DOC('from-git'));
  write('set/drafts/old.md', DOC('draft'));
  write('set/archive/2019.md', DOC('archived'));
  write('set/archive/keep.md', DOC('kept'));
  write('outside/secret.md', DOC('outside'));
  write('outside/folder/inner.md', DOC('outside-folder'));
  symlinkSync(join(root, 'outside/secret.md'), join(root, 'set/linked-out.md'));
  symlinkSync(join(root, 'outside/folder'), join(root, 'set/linked-folder-out'));
  symlinkSync(join(root, 'set/agencies/police.md'), join(root, 'set/police-alias.md'));
  symlinkSync('loop-b.md', join(root, 'set/loop-a.md'));
  symlinkSync('loop-a.md', join(root, 'set/loop-b.md'));
  symlinkSync('..', join(root, 'set/agencies/parent'));
  symlinkSync(join(root, 'set/missing.md'), join(root, 'set/dangling.md'));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const setFiles = (ignore: string[] = []) => discover(join(root, 'set'), ignore, DEFAULT_LIMITS.maxFiles).files.map((f) => (f.problem === undefined ? f.file : `${f.file} (${f.problem})`));

describe('discovery', () => {
  it('lists the Markdown files in a stable order, skipping node_modules and .git at any depth', () => {
    expect(setFiles()).toEqual([
      'README.md',
      'agencies/hospital.md',
      'agencies/police.md',
      'archive/2019.md',
      'archive/keep.md',
      'dangling.md (the symbolic link points to nothing)',
      'drafts/old.md',
      'linked-out.md (the symbolic link points outside the protocol set, so it is not read)',
      'loop-a.md (the symbolic link loops)',
      'loop-b.md (the symbolic link loops)',
      'police-alias.md',
    ]);
  });

  it('never follows a link out of the set, and a link to a folder above does not loop', () => {
    const files = setFiles().join('\n');
    expect(files).not.toContain('inner.md');
    expect(files).not.toContain('secret');
    expect(files).not.toContain('parent/');
  });

  it('skips the `ignore` globs: folders, single files and patterns', () => {
    expect(setFiles(['drafts/**', 'archive/2019.md', '*-alias.md', 'loop-*.md', 'dangling.md', 'linked-out.md'])).toEqual([
      'README.md',
      'agencies/hospital.md',
      'agencies/police.md',
      'archive/keep.md',
    ]);
    expect(setFiles(['drafts', '**/archive/**']).filter((f) => f.startsWith('drafts') || f.startsWith('archive'))).toEqual([]);
  });

  it('a missing path is an IoError (exit code 2), not a crash', () => {
    expect(() => discover(join(root, 'nowhere'), [], 10)).toThrow(IoError);
    expect(() => discover(join(root, 'nowhere'), [], 10)).toThrow(/no such file or folder/);
  });

  it('a single file can be given', () => {
    expect(discover(join(root, 'set/agencies/police.md'), [], 10).files.map((f) => f.file)).toEqual(['police.md']);
  });

  it('more files than limits.maxFiles is an IoError that says what to do', () => {
    expect(() => discover(join(root, 'set'), [], 3)).toThrow(/more than 3 Markdown files.*`limits.maxFiles`/);
  });

  it('paths in findings are relative to the base folder; a file given twice is read once', () => {
    const found = findFiles({ paths: [join(root, 'set/agencies'), join(root, 'set/agencies/police.md')], base: root, limits: DEFAULT_LIMITS });
    expect(found.map((f) => f.file)).toEqual(['set/agencies/hospital.md', 'set/agencies/police.md']);
  });
});

describe('loading', () => {
  it('a file without frontmatter is read but is not a document', () => {
    const { files } = loadSet({ paths: [join(root, 'set')], base: join(root, 'set'), ignore: ['drafts/**', 'archive/**'], limits: DEFAULT_LIMITS });
    const readme = files.find((f) => f.file === 'README.md');
    expect(readme).toMatchObject({ isDocument: false, diagnostics: [] });
    expect(files.filter((f) => f.kind === 'agency').map((f) => f.file)).toEqual(['agencies/hospital.md', 'agencies/police.md', 'police-alias.md']);
  });

  it('links that leave the set, loop or dangle are io/read findings; the run goes on', async () => {
    const result = await lint({ paths: ['set'], mode: 'validate', cwd: root });
    const io = result.diagnostics.filter((d) => d.ruleId === 'io/read').map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`);
    expect(io).toEqual([
      'set/dangling.md:1:1 Cannot read this file: the symbolic link points to nothing',
      'set/linked-out.md:1:1 Cannot read this file: the symbolic link points outside the protocol set, so it is not read',
      'set/loop-a.md:1:1 Cannot read this file: the symbolic link loops',
      'set/loop-b.md:1:1 Cannot read this file: the symbolic link loops',
    ]);
    expect(result.files.map((f) => f.file)).not.toContain('set/node_modules/pkg/readme.md');
  });

  it('the config `ignore` applies to a run', async () => {
    write('ignoring/protokit.config.yaml', 'ignore: ["drafts/**"]\n');
    write('ignoring/drafts/broken.md', '---\nkind: agency\nid: [\n---\n');
    write('ignoring/ok.md', DOC('ok'));
    const result = await lint({ paths: ['ignoring'], mode: 'validate', cwd: root });
    expect(result.files.map((f) => f.file)).toEqual(['ignoring/ok.md']);
    expect(result.diagnostics).toEqual([]);
  });

  it('the config `ignore` globs are relative to the config file, also when a subfolder is checked', async () => {
    write('rooted/protokit.config.yaml', 'ignore: ["agencies/drafts/**"]\n');
    write('rooted/agencies/drafts/broken.md', '---\nkind: agency\nid: [\n---\n');
    write('rooted/agencies/ok.md', DOC('ok'));
    const result = await lint({ paths: ['rooted/agencies'], mode: 'validate', cwd: root });
    expect(result.files.map((f) => f.file)).toEqual(['rooted/agencies/ok.md']);
    expect(result.diagnostics).toEqual([]);
  });
});
