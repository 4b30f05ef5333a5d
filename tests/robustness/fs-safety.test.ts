/**
 * File-system safety of `render --out`: nothing is written outside the output folder (ids such as
 * `../../x`, absolute paths, symbolic links planted in the folder), nothing is deleted there that
 * this run did not write, each file is replaced atomically (a render killed with SIGKILL leaves
 * every file either its old complete content or its new one), and a read-only folder or a full
 * disk give exit 2 with one line.
 *
 * Temporary files: each file is written to `NAME.PID-RANDOM.tmp` beside it (created exclusively,
 * so a planted file or link at that name is never written through) and renamed over NAME. A failed
 * write removes its temporary file; a SIGKILL cannot, so a killed render may leave one `*.tmp`
 * file behind. protokit never reads them and never deletes them (it deletes nothing it did not
 * write in the same run): remove them by hand.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmdirSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, CORPUS, ensureBuilt, hasStackTrace, IS_ROOT, NOBODY, removeTemps, ROOT, runCli, tempDir, type CliRun } from './helpers.js';

const TMP_NAME = /\.\d+-[0-9a-f]{12}\.tmp$/;
const mounts: string[] = [];

beforeAll(ensureBuilt);
afterAll(() => {
  for (const dir of mounts.splice(0)) spawnSync('umount', [dir]);
  removeTemps();
});

/** Every file under `dir` with its bytes (paths relative to it). */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string, rel: string): void => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      const stat = lstatSync(path);
      if (stat.isDirectory()) walk(path, `${rel}${name}/`);
      else out.set(`${rel}${name}`, stat.isSymbolicLink() ? Buffer.from(`-> link`) : readFileSync(path));
    }
  };
  walk(dir, '');
  return out;
}

/** A one-line tool error: exit 2, nothing on stdout, one line on stderr, no stack trace. */
function expectOneLine(run: CliRun, pattern: RegExp): void {
  expect(run.timedOut).toBe(false);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  expect(hasStackTrace(run.stderr)).toBe(false);
  expect(run.stderr.split('\n')).toHaveLength(2);
  expect(run.stderr).toMatch(pattern);
}

/** Mounts a tmpfs at `dir` (root only); false when this machine does not allow it. */
function mountTmpfs(dir: string, options: string): boolean {
  if (!IS_ROOT) return false;
  const result = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
  if (result.status !== 0) return false;
  mounts.push(dir);
  return true;
}

function unmount(dir: string): void {
  spawnSync('umount', [dir]);
  mounts.splice(mounts.indexOf(dir), 1);
}

const canMount = ((): boolean => {
  if (!IS_ROOT) return false;
  const dir = join(tempDir(), 'probe');
  mkdirSync(dir);
  const ok = mountTmpfs(dir, 'size=64k');
  if (ok) unmount(dir);
  rmdirSync(dir);
  return ok;
})();

describe.concurrent('render --out stays inside its folder', () => {
  it('ids like ../../x, .., an absolute path or index become safe file names inside --out (with --force)', async () => {
    const dir = tempDir();
    cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
    const framework = join(dir, 'set/framework.md');
    writeFileSync(framework, readFileSync(framework, 'utf8').replace(
      '  - { id: police-officer, title: Police officer }',
      ["  - { id: police-officer, title: Police officer }", "  - { id: ../../escape, title: Escape }", "  - { id: index, title: Index }", "  - { id: '..', title: Dots }", `  - { id: ${join(dir, 'absolute')}, title: Absolute }`, "  - { id: 'C:\\\\evil', title: Windows }"].join('\n'),
    ));
    const refused = await runCli(['render', 'set', '--out', 'out'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('not rendering');
    expect(existsSync(join(dir, 'out'))).toBe(false);
    const before = snapshot(dir);
    const run = await runCli(['render', 'set', '--out', 'out', '--force'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const after = snapshot(dir);
    const added = [...after.keys()].filter((name) => !before.has(name));
    expect(added.every((name) => name.startsWith('out/')), added.join(', ')).toBe(true);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
    const absoluteSlug = `${join(dir, 'absolute').replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase()}`;
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(
      ['police-officer', 'escape', 'index-2', 'profession', absoluteSlug, 'c-evil'].flatMap((n) => [`${n}.html`, `${n}.md`]).concat('index.html').sort(),
    );
    // the `index` profession did not overwrite the index page
    expect(readFileSync(join(dir, 'out/index.html'), 'utf8')).toContain('href="index-2.html"');
  });

  it('a symbolic link planted in --out under an output name is replaced, never written through', async () => {
    const dir = tempDir();
    cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'victim.html'), 'victim\n');
    symlinkSync('../victim.html', join(dir, 'out/police-officer.html'));
    symlinkSync(join(dir, 'victim.md'), join(dir, 'out/police-officer.md'));
    const run = await runCli(['render', 'set', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'victim.html'), 'utf8')).toBe('victim\n');
    expect(existsSync(join(dir, 'victim.md'))).toBe(false);
    expect(lstatSync(join(dir, 'out/police-officer.html')).isFile()).toBe(true);
    expect(lstatSync(join(dir, 'out/police-officer.md')).isFile()).toBe(true);
  });

  it('deletes nothing it did not write: other files and folders in --out are left as they were', async () => {
    const dir = tempDir();
    cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
    const out = join(dir, 'out');
    mkdirSync(join(out, 'sub'), { recursive: true });
    writeFileSync(join(out, 'notes.txt'), 'mine\n');
    writeFileSync(join(out, 'retired-profession.html'), '<p>an old handbook</p>\n');
    writeFileSync(join(out, 'sub/keep.md'), '# keep\n');
    writeFileSync(join(out, 'police-officer.html.4242-0123456789ab.tmp'), 'a planted temporary name\n');
    const before = snapshot(out);
    const run = await runCli(['render', 'set', '--out', 'out'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const after = snapshot(out);
    for (const [name, bytes] of before) expect(after.get(name)?.equals(bytes), name).toBe(true);
    expect([...after.keys()].filter((name) => !before.has(name)).sort()).toEqual(['index.html', 'police-officer.html', 'police-officer.md']);
  });

  it('--out naming a file: exit 2, one line', async () => {
    const dir = tempDir();
    cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
    writeFileSync(join(dir, 'out'), 'a file\n');
    expectOneLine(await runCli(['render', 'set', '--out', 'out'], { cwd: dir }), /^protokit: Cannot write .*out\/police-officer\.md: a part of the path is a file, not a folder\n$/);
    expect(readFileSync(join(dir, 'out'), 'utf8')).toBe('a file\n');
  });
});

describe('render writes each file atomically', () => {
  it('killed with SIGKILL mid-render, every file is its old or its new complete content', async () => {
    const dir = tempDir();
    const set = join(dir, 'set');
    spawnSync(process.execPath, [join(ROOT, '../shared/bench/gen-corpus.mjs'), '--agencies', '40', '--out', set], { stdio: 'ignore' });
    const out = join(dir, 'out');
    const render = (target: string): CliRun => {
      const result = spawnSync(process.execPath, [BIN, 'render', set, '--out', target], { encoding: 'utf8' });
      return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr, timedOut: false };
    };
    expect(render(out).code).toBe(0);
    const old = snapshot(out);
    // every handbook changes: a new framework title
    const framework = join(set, 'framework.md');
    writeFileSync(framework, readFileSync(framework, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    const expectedDir = join(dir, 'expected');
    expect(render(expectedDir).code).toBe(0);
    const next = snapshot(expectedDir);
    expect([...next.keys()]).toEqual([...old.keys()]);
    for (const [name, bytes] of next) expect(bytes.equals(old.get(name) as Buffer), `${name} should change`).toBe(false);

    // kill the render as soon as the first handbook has been renamed into place
    // the process that writes is the one killed: in one process (bin/protokit.js otherwise runs the
    // render in a second one, which ends ~0.1 s after its command is killed: tests/cli/bin.test.ts)
    const child = spawn(process.execPath, [BIN, 'render', set, '--out', out], { stdio: 'ignore', env: { ...process.env, PROTOKIT_ONE_PROCESS: '1' } });
    const killed = await new Promise<boolean>((done) => {
      const watcher = watch(out, (_event, name) => {
        if (name === null || TMP_NAME.test(name) || !old.has(name)) return;
        try {
          if (!readFileSync(join(out, name)).equals(next.get(name) as Buffer)) return;
        } catch {
          return;
        }
        watcher.close();
        done(child.kill('SIGKILL'));
      });
      child.on('exit', () => {
        watcher.close();
        done(false);
      });
    });
    await new Promise((done) => (child.exitCode !== null || child.signalCode !== null ? done(null) : child.on('exit', done)));
    expect(killed, 'the render finished before it could be killed').toBe(true);

    const after = snapshot(out);
    let updated = 0;
    let untouched = 0;
    for (const [name, bytes] of after) {
      if (TMP_NAME.test(name)) continue;
      const isOld = bytes.equals(old.get(name) as Buffer);
      const isNew = bytes.equals(next.get(name) as Buffer);
      expect(isOld || isNew, `${name} is neither the old nor the new complete file`).toBe(true);
      if (isNew) updated++;
      else untouched++;
    }
    expect([...after.keys()].filter((name) => !TMP_NAME.test(name)).sort()).toEqual([...old.keys()].sort());
    expect(updated).toBeGreaterThan(0);
    expect(untouched, 'killed mid-render: some files still have their old content').toBeGreaterThan(0);
    // at most the one file being written when the process died is left as a temporary file
    const stray = [...after.keys()].filter((name) => TMP_NAME.test(name));
    expect(stray.length).toBeLessThanOrEqual(1);

    // the next render completes the job and leaves the stray temporary file alone
    expect(render(out).code).toBe(0);
    const done = snapshot(out);
    for (const [name, bytes] of next) expect(done.get(name)?.equals(bytes), name).toBe(true);
    expect([...done.keys()].filter((name) => TMP_NAME.test(name))).toEqual(stray);
  }, 120_000);
});

describe.concurrent('render into an unwritable folder or a full disk', () => {
  it(`a read-only output folder${IS_ROOT ? ' (a read-only tmpfs, or run as nobody)' : ''}: exit 2, one line, old files intact`, async () => {
    const dir = tempDir();
    cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
    const out = join(dir, 'out');
    mkdirSync(out);
    let options: { uid?: number } = {};
    if (IS_ROOT && canMount) {
      mountTmpfs(out, 'size=1m');
      writeFileSync(join(out, 'police-officer.md'), 'old\n');
      expect(spawnSync('mount', ['-o', 'remount,ro', out]).status).toBe(0);
    } else {
      writeFileSync(join(out, 'police-officer.md'), 'old\n');
      if (IS_ROOT) options = { uid: NOBODY };
      else chmodSync(out, 0o555);
    }
    try {
      expectOneLine(await runCli(['render', 'set', '--out', 'out'], { cwd: dir, ...options }), /^protokit: Cannot write .*out\/police-officer\.md: the folder is not writable\n$/);
      expect(readFileSync(join(out, 'police-officer.md'), 'utf8')).toBe('old\n');
    } finally {
      if (mounts.includes(out)) unmount(out);
    }
  });

  it.runIf(canMount)('a full disk (a 16 KB tmpfs): exit 2, one line, no temporary file left', async () => {
    const dir = tempDir();
    cpSync(join(CORPUS, 'base'), join(dir, 'set'), { recursive: true });
    const out = join(dir, 'out');
    mkdirSync(out);
    mountTmpfs(out, 'size=16k');
    try {
      expectOneLine(await runCli(['render', 'set', '--out', 'out'], { cwd: dir }), /^protokit: Cannot write .*out\/police-officer\.\w+: the disk is full\n$/);
      expect(readdirSync(out).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    } finally {
      unmount(out);
    }
  });
});
