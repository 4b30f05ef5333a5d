import { execFile, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copySet, editFile, oneLineError, removeTemps, ROOT, runMain, type CliResult } from './harness.js';

/** The built CLI (`npm test` builds first; a lone run of this file builds when dist/ is missing). */
const BIN = join(ROOT, 'bin/protokit.js');

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/cli/main.js'))) {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { encoding: 'utf8' });
    if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
  }
});
afterAll(removeTemps);

/** Runs `node bin/protokit.js ARGS` in `cwd`, with colour variables cleared unless given. */
function protokit(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  const clean: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'NO_COLOR' && key !== 'FORCE_COLOR') clean[key] = value;
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...clean, ...env }, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      done({ code, stdout, stderr });
    });
  });
}

function brokenSet(): string {
  const dir = copySet('small');
  editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('to: hospital/forensic-examination', 'to: hospital/forensic-examinaton'));
  return dir;
}

describe('the built binary, with its libraries bundled (scripts/bundle-vendor.mjs)', () => {
  // the sources (what vitest runs) load micromark, js-yaml, yaml, commander... from their packages
  for (const target of ['protocols/valdoria', 'protocols/draft', 'tests/robustness/corpus', 'tests/fixtures/sets/small']) {
    it(`reports what the sources report on ${target}`, async () => {
      for (const command of ['check', 'validate']) {
        const args = [command, target, '--format', 'json'];
        const built = await protokit(args, ROOT);
        const sources = await runMain(args, { cwd: ROOT });
        expect(built.stderr).toBe('');
        expect(built.code).toBe(sources.code);
        expect(built.stdout).toBe(sources.stdout);
      }
    }, 60_000);
  }
});

describe.concurrent('the built binary, in a temporary folder', () => {
  it('exit 0 on a clean set, with no output', async () => {
    const dir = copySet('small');
    expect(await protokit(['check'], join(dir, 'set'))).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('exit 1 with findings, at their line and column; validate does not run ref/unknown', async () => {
    const dir = brokenSet();
    const result = await protokit(['check', 'set'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('set/agencies/police.md\n  19:9  error  `hospital/forensic-examinaton` is not a known service');
    expect(result.stdout).not.toContain('\u001b[');
    expect(await protokit(['validate', 'set'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--output FILE writes the file and nothing to stdout', async () => {
    const dir = brokenSet();
    expect(await protokit(['check', 'set', '--format', 'json', '--output', 'report.json'], dir)).toEqual({ code: 1, stdout: '', stderr: '' });
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { messages: { ruleId: string; line: number; column: number }[] }[];
    expect(report.flatMap((r) => r.messages).map((m) => `${m.ruleId} ${m.line}:${m.column}`)).toEqual(['ref/unknown 19:9']);
  });

  it('colour: FORCE_COLOR turns it on; NO_COLOR and --no-color win', async () => {
    const dir = brokenSet();
    expect((await protokit(['check', 'set'], dir, { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
    expect((await protokit(['check', 'set'], dir, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await protokit(['check', 'set', '--no-color'], dir, { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });

  it('render, in its second process: the same handbooks, output and exit codes as in one process', async () => {
    const dir = copySet('small');
    const files = (out: string): Record<string, string> => Object.fromEntries(readdirSync(join(dir, out)).sort().map((name) => [name, readFileSync(join(dir, out, name), 'utf8')]));
    const two = await protokit(['render', 'set', '--out', 'two'], dir);
    const one = await protokit(['render', 'set', '--out', 'one'], dir, { PROTOKIT_ONE_PROCESS: '1' });
    expect(two).toEqual({ code: 0, stdout: one.stdout, stderr: '' });
    expect(Object.keys(files('two')).length).toBeGreaterThan(1);
    expect(files('two')).toEqual(files('one'));
    // refused (errors in the set), and a usage error
    const broken = brokenSet();
    const refused = await protokit(['render', 'set', '--out', 'out'], broken);
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('forensic-examinaton');
    expect(refused).toEqual(await protokit(['render', 'set', '--out', 'out'], broken, { PROTOKIT_ONE_PROCESS: '1' }));
    expect(existsSync(join(broken, 'out'))).toBe(false);
    expect(oneLineError(await protokit(['render', 'set'], dir))).toBe('protokit: Say where to write the handbooks: --out DIR');
  }, 60_000);

  it('--quiet and --max-warnings', async () => {
    const dir = copySet('small');
    editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('Officers attend quickly', '<!-- protokit-disable-next-line ref/unknown -->\nOfficers attend quickly'));
    expect(await protokit(['check', 'set', '--quiet'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await protokit(['check', 'set', '--max-warnings', '0'], dir)).code).toBe(1);
  });

  it('--config FILE', async () => {
    const dir = brokenSet();
    writeFileSync(join(dir, 'ci.yaml'), 'rules:\n  ref/unknown: warning\n  coverage/strategy: off\n');
    const result = await protokit(['check', 'set', '--config', 'ci.yaml'], dir);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(0 errors, 1 warning)');
  });

  const failures: [string, string[], RegExp][] = [
    ['an unknown flag', ['check', 'set', '--bogus'], /unknown option '--bogus'/],
    ['an unknown format', ['check', 'set', '-f', 'xml'], /^protokit: Unknown --format `xml`/],
    ['a bad --rule value', ['check', 'set', '--rule', 'ref/unknown:off'], /^protokit: Invalid --rule `ref\/unknown:off`/],
    ['an unknown rule id', ['check', 'set', '--rule', 'ref/unknwn=off'], /^protokit: Unknown rule `ref\/unknwn`: did you mean `ref\/unknown`\?/],
    ['a missing path', ['check', 'no-such-set'], /^protokit: Cannot read .*no-such-set: no such file or folder$/],
    ['a missing --config', ['check', 'set', '--config', 'missing.yaml'], /^protokit: Cannot read the config file .*missing\.yaml: no such file$/],
  ];
  for (const [name, args, expected] of failures) {
    it(`exit 2, one line on stderr, no stack trace: ${name}`, async () => {
      expect(oneLineError(await protokit(args, copySet('small')))).toMatch(expected);
    });
  }

  it('exit 2, one line on stderr, no stack trace: an invalid config file', async () => {
    const dir = copySet('small');
    writeFileSync(join(dir, 'set/protokit.config.yaml'), 'rulez:\n  ref/unknown: off\n');
    expect(oneLineError(await protokit(['check', 'set'], dir))).toMatch(/^protokit: .*protokit\.config\.yaml:1:1: invalid config: Unknown key `rulez`: did you mean `rules`\?/);
  });
});

describe('bin/protokit.js', () => {
  /** A copy of bin/protokit.js beside a fake build whose two entries say which one ran. */
  function fakeBuild(files: { bundle?: number; compiled?: number }): string {
    const dir = mkdtempSync(join(tmpdir(), 'protokit-bin-'));
    temps.push(dir);
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin/protokit.js'));
    const entry = (path: string, name: string, mtime: number | undefined): void => {
      if (mtime === undefined) return;
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), `export async function main() { process.stdout.write('${name}'); return 0; }\n`);
      utimesSync(join(dir, path), mtime, mtime);
    };
    entry('dist/bundle/protokit.js', 'bundle', files.bundle);
    entry('dist/cli/main.js', 'compiled', files.compiled);
    return dir;
  }
  const ran = (dir: string): string => spawnSync(process.execPath, [join(dir, 'bin/protokit.js')], { encoding: 'utf8' }).stdout;
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });

  it('runs the bundle of the CLI when it is as new as the modules tsc wrote, or newer, or older by under 2 s', () => {
    expect(ran(fakeBuild({ bundle: 2_000_000_000, compiled: 1_000_000_000 }))).toBe('bundle');
    expect(ran(fakeBuild({ bundle: 1_000_000_000, compiled: 1_000_000_000 }))).toBe('bundle');
    // a copy of the build may write dist/cli/ a moment after dist/bundle/
    expect(ran(fakeBuild({ bundle: 1_000_000_000, compiled: 1_000_000_001 }))).toBe('bundle');
  });

  it('runs the modules tsc wrote when the bundle is older (rebuilt with tsc alone) or missing', () => {
    expect(ran(fakeBuild({ bundle: 1_000_000_000, compiled: 1_000_000_010 }))).toBe('compiled');
    expect(ran(fakeBuild({ compiled: 1_000_000_000 }))).toBe('compiled');
  });
});

describe('bin/protokit.js: render in a second process with V8 flags', () => {
  const temps: string[] = [];
  afterAll(() => {
    for (const dir of temps) rmSync(dir, { recursive: true, force: true });
  });
  /**
   * A copy of bin/protokit.js beside a fake CLI that prints what its process was started with and
   * exits with the code given after `--exit`, or, with `--wait`, prints its pid and waits.
   */
  function fakeCli(): string {
    const dir = mkdtempSync(join(tmpdir(), 'protokit-bin-'));
    temps.push(dir);
    mkdirSync(join(dir, 'bin'));
    copyFileSync(BIN, join(dir, 'bin/protokit.js'));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    mkdirSync(join(dir, 'dist/cli'), { recursive: true });
    writeFileSync(
      join(dir, 'dist/cli/main.js'),
      `export async function main(argv, io) {
  if (argv.includes('--wait')) { io.stdout.write(String(process.pid) + '\\n'); await new Promise(() => setInterval(() => {}, 1000)); }
  if (argv.includes('--busy')) { io.stdout.write(String(process.pid) + '\\n'); for (;;); }
  io.stdout.write(JSON.stringify({ execArgv: process.execArgv, argv, env: Object.keys(io.env).filter((key) => key.startsWith('PROTOKIT_')) }));
  io.stderr.write('to stderr');
  const i = argv.indexOf('--exit');
  return i < 0 ? 0 : Number(argv[i + 1]);
}\n`,
    );
    return join(dir, 'bin/protokit.js');
  }
  const started = (bin: string, args: string[], options: { env?: Record<string, string>; nodeFlags?: string[] } = {}) => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !key.startsWith('PROTOKIT_')) env[key] = value;
    const result = spawnSync(process.execPath, [...(options.nodeFlags ?? []), bin, ...args], { encoding: 'utf8', env: { ...env, ...options.env } });
    return { code: result.status, stderr: result.stderr, ...(JSON.parse(result.stdout) as { execArgv: string[]; argv: string[]; env: string[] }) };
  };
  const FLAGS = ['--single-threaded-gc', '--max-semi-space-size=64'];

  it('render runs in a Node process started with the flags, with the same arguments, output and exit code', () => {
    const bin = fakeCli();
    // (the pid of the command, which the render process watches, is not left in the CLI's environment)
    expect(started(bin, ['render', 'set', '--out', 'out dir', '--exit', '3'])).toEqual({ code: 3, stderr: 'to stderr', execArgv: FLAGS, argv: ['render', 'set', '--out', 'out dir', '--exit', '3'], env: [] });
    expect(started(bin, ['render', '--exit', '0'])).toMatchObject({ code: 0, execArgv: FLAGS });
  });

  it('every other command, PROTOKIT_ONE_PROCESS, or flags given to Node: one process, as started', () => {
    const bin = fakeCli();
    expect(started(bin, ['check', 'set', '--exit', '1'])).toEqual({ code: 1, stderr: 'to stderr', execArgv: [], argv: ['check', 'set', '--exit', '1'], env: [] });
    expect(started(bin, ['validate', 'render'])).toMatchObject({ code: 0, execArgv: [] });
    expect(started(bin, ['render', '--exit', '2'], { env: { PROTOKIT_ONE_PROCESS: '1' } })).toMatchObject({ code: 2, execArgv: [] });
    expect(started(bin, ['render'], { nodeFlags: ['--no-warnings'] })).toMatchObject({ code: 0, execArgv: ['--no-warnings'] });
  });

  it('a SIGTERM to the command ends the render process too, and the command ends by that signal', async () => {
    const bin = fakeCli();
    const command = spawn(process.execPath, [bin, 'render', '--wait'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => command.on('exit', (_code, signal) => resolve(signal)));
    const renderPid = await new Promise<number>((resolve) => command.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
    expect(renderPid).not.toBe(command.pid);
    expect(alive(renderPid)).toBe(true);
    command.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    for (let i = 0; i < 100 && alive(renderPid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(alive(renderPid)).toBe(false);
  }, 20_000);

  it('a SIGKILL to the command (which nothing can pass on) ends the render process too, even while it is busy', async () => {
    const bin = fakeCli();
    const command = spawn(process.execPath, [bin, 'render', '--busy'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const renderPid = await new Promise<number>((resolve) => command.stdout.once('data', (chunk: Buffer) => resolve(Number(String(chunk).trim()))));
    try {
      expect(alive(renderPid)).toBe(true);
      command.kill('SIGKILL');
      for (let i = 0; i < 100 && alive(renderPid); i++) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(alive(renderPid)).toBe(false);
    } finally {
      if (alive(renderPid)) process.kill(renderPid, 'SIGKILL');
    }
  }, 20_000);
});

/** Whether process `pid` runs (a zombie, ended but not yet reaped, does not). */
function alive(pid: number): boolean {
  const stat = `/proc/${pid}/stat`;
  if (existsSync('/proc/self/stat')) return existsSync(stat) && !/^\d+ \(.*\) Z/s.test(readFileSafe(stat));
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function readFileSafe(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
