import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copySet, editFile, oneLineError, removeTemps, runMain, tempDir } from './harness.js';

afterAll(removeTemps);

/** A copy of the small set with one unknown reference and one bad enum value. */
function brokenSet(): string {
  const dir = copySet('small');
  editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('to: hospital/forensic-examination', 'to: hospital/forensic-examinaton'));
  editFile(join(dir, 'set/agencies/hospital.md'), (t) => t.replace('sector: health', 'sector: helth'));
  return dir;
}

/** A copy of the small set whose only finding is a warning (an unused suppression). */
function warningSet(): string {
  const dir = copySet('small');
  editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('Officers attend quickly', '<!-- protokit-disable-next-line ref/unknown -->\nOfficers attend quickly'));
  return dir;
}

const SHAPE = '`helth` is not allowed in `sector`: did you mean `health`? Use one of `police`, `justice`, `prosecution`, `corrections`, `health`, `mental-health`, `social-services`, `shelter`, `helpline`, `education`, `child-protection`, `legal-aid`, `housing`, `employment`, `gender-equality`, `coordination`, `civil-society`, `other`';
const UNKNOWN = "`hospital/forensic-examinaton` is not a known service: use an id defined in the agency's `services`; did you mean `hospital/forensic-examination`?";

describe('check and validate', () => {
  it('a clean set: exit 0, nothing on stdout or stderr', async () => {
    const dir = copySet('small');
    expect(await runMain(['check'], { cwd: join(dir, 'set') })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runMain(['check', 'set'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await runMain(['validate', 'set'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('findings: exit 1, stylish output grouped by file (golden)', async () => {
    const dir = brokenSet();
    const result = await runMain(['check', 'set', '--quiet'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(
      [
        '',
        'set/agencies/hospital.md',
        `  5:9  error  ${SHAPE}  schema/shape`,
        '',
        'set/agencies/police.md',
        `  19:9  error  ${UNKNOWN}  ref/unknown`,
        '',
        '✖ 2 problems (2 errors, 0 warnings)',
        '',
      ].join('\n'),
    );
  });

  it('--format json: ESLint-shaped results with positions', async () => {
    const dir = brokenSet();
    const result = await runMain(['check', 'set', '--quiet', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const results = JSON.parse(result.stdout) as { filePath: string; messages: Record<string, unknown>[]; errorCount: number }[];
    const withMessages = results.filter((r) => r.messages.length > 0);
    expect(withMessages.map((r) => [r.filePath, r.errorCount])).toEqual([
      [join(dir, 'set/agencies/hospital.md'), 1],
      [join(dir, 'set/agencies/police.md'), 1],
    ]);
    expect(withMessages[1]?.messages[0]).toMatchObject({ ruleId: 'ref/unknown', severity: 2, message: UNKNOWN, line: 19, column: 9, endLine: 19, endColumn: 37 });
  });

  it('validate runs the schema rules only; check runs every rule', async () => {
    const dir = copySet('small');
    editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('to: hospital/forensic-examination', 'to: hospital/forensic-examinaton'));
    expect(await runMain(['validate', 'set'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    const check = await runMain(['check', 'set'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('ref/unknown');
    editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('type: government', 'type: govt'));
    const validate = await runMain(['validate', 'set'], { cwd: dir });
    expect(validate.code).toBe(1);
    expect(validate.stdout).toContain('schema/shape');
    expect(validate.stdout).not.toContain('ref/unknown');
  });

  it('warnings alone exit 0; --max-warnings sets the limit', async () => {
    const dir = warningSet();
    const plain = await runMain(['check', 'set'], { cwd: dir });
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('warning  This suppression of `ref/unknown` silences nothing on the next line: remove it  suppression/unused');
    expect(plain.stdout).toContain('✖ 1 problem (0 errors, 1 warning)');
    expect((await runMain(['check', 'set', '--max-warnings', '0'], { cwd: dir })).code).toBe(1);
    expect((await runMain(['check', 'set', '--max-warnings', '1'], { cwd: dir })).code).toBe(0);
  });

  it('--quiet shows errors only', async () => {
    expect(await runMain(['check', 'set', '--quiet'], { cwd: warningSet() })).toEqual({ code: 0, stdout: '', stderr: '' });
    const dir = brokenSet();
    editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('Officers attend quickly', '<!-- protokit-disable-next-line ref/unknown -->\nOfficers attend quickly'));
    const loud = await runMain(['check', 'set'], { cwd: dir });
    const quiet = await runMain(['check', 'set', '-q'], { cwd: dir });
    expect(loud.stdout).toContain('suppression/unused');
    expect(quiet.stdout).not.toContain('suppression/unused');
    expect(quiet.stdout).toContain('ref/unknown');
    expect([loud.code, quiet.code]).toEqual([1, 1]);
  });

  it('--rule ID=severity overrides the config, repeatable', async () => {
    const dir = brokenSet();
    expect((await runMain(['check', 'set', '--rule', 'ref/unknown=off', '--rule', 'schema/shape=off'], { cwd: dir })).code).toBe(0);
    const warned = await runMain(['check', 'set', '--rule', 'ref/unknown=warning', '--rule', 'schema/shape=warning'], { cwd: dir });
    expect(warned.code).toBe(0);
    expect(warned.stdout).toContain('✖ 2 problems (0 errors, 2 warnings)');
  });

  it('--output FILE: the report goes to the file, nothing to stdout, same exit code', async () => {
    const dir = brokenSet();
    const result = await runMain(['check', 'set', '--quiet', '--output', 'reports/lint.txt'], { cwd: dir });
    expect(result).toEqual({ code: 1, stdout: '', stderr: '' });
    const written = readFileSync(join(dir, 'reports/lint.txt'), 'utf8');
    expect(written).toBe((await runMain(['check', 'set', '--quiet'], { cwd: dir })).stdout);
    expect(written).not.toContain('\u001b[');
    const json = await runMain(['check', 'set', '-f', 'json', '-o', 'out.json'], { cwd: dir });
    expect(json.stdout).toBe('');
    expect(() => JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')) as unknown).not.toThrow();
  });

  it('colour only on a TTY, never with --no-color, NO_COLOR or --output', async () => {
    const dir = brokenSet();
    const esc = '\u001b[';
    expect((await runMain(['check', 'set'], { cwd: dir, tty: true })).stdout).toContain(esc);
    expect((await runMain(['check', 'set'], { cwd: dir, tty: false })).stdout).not.toContain(esc);
    expect((await runMain(['check', 'set', '--no-color'], { cwd: dir, tty: true })).stdout).not.toContain(esc);
    expect((await runMain(['check', 'set'], { cwd: dir, tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    await runMain(['check', 'set', '--output', 'color.txt'], { cwd: dir, tty: true });
    expect(readFileSync(join(dir, 'color.txt'), 'utf8')).not.toContain(esc);
  });

  it('--verbose lists what was read and the files without frontmatter it skipped', async () => {
    const dir = copySet('small');
    const result = await runMain(['check', 'set', '--verbose'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('5 documents read');
    expect(result.stderr).toContain('skipped (no frontmatter): set/README.md');
    expect((await runMain(['check', 'set'], { cwd: dir })).stderr).toBe('');
  });
});

describe('configuration', () => {
  it('the config found by walking up from the set', async () => {
    const dir = brokenSet();
    rmSync(join(dir, 'set/protokit.config.yaml'));
    writeFileSync(join(dir, 'protokit.config.yaml'), 'rules:\n  ref/unknown: warning\n  schema/shape: warning\n  coverage/strategy: off\n');
    const result = await runMain(['check', 'set'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('(0 errors, 2 warnings)');
  });

  it('--config FILE instead of the nearest config', async () => {
    const dir = brokenSet();
    writeFileSync(join(dir, 'lenient.yaml'), 'rules:\n  ref/unknown: off\n  schema/shape: off\n  coverage/strategy: off\n');
    expect(await runMain(['check', 'set', '--config', 'lenient.yaml'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await runMain(['check', 'set', '-c', join(dir, 'lenient.yaml')], { cwd: dir })).code).toBe(0);
  });

  it('the set\'s `ignore` globs', async () => {
    const dir = brokenSet();
    writeFileSync(join(dir, 'set/protokit.config.yaml'), 'ignore: ["agencies/hospital.md"]\nrules:\n  coverage/strategy: off\n  ref/unknown: off\n');
    expect((await runMain(['check', 'set'], { cwd: dir })).stdout).not.toContain('hospital.md');
  });
});

describe('tool errors: exit 2, one line on stderr, no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown flag', ['check', 'set', '--bogus'], /^protokit: unknown option '--bogus'$/],
    ['an unknown format', ['check', 'set', '--format', 'xml'], /^protokit: Unknown --format `xml`: use one of stylish, json, sarif, github, junit, gitlab$/],
    ['a bad --rule value', ['check', 'set', '--rule', 'ref/unknown'], /^protokit: Invalid --rule `ref\/unknown`: write ID=off\|warning\|error/],
    ['a bad --rule severity', ['check', 'set', '--rule', 'ref/unknown=loud'], /^protokit: Invalid --rule `ref\/unknown=loud`/],
    ['an unknown rule id', ['check', 'set', '--rule', 'ref/unknwn=off'], /^protokit: Unknown rule `ref\/unknwn`: did you mean `ref\/unknown`\? \(`protokit rules` lists them\)$/],
    ['a missing path', ['check', 'nowhere'], /^protokit: Cannot read .*nowhere: no such file or folder$/],
    ['a missing config file', ['check', 'set', '--config', 'nope.yaml'], /^protokit: Cannot read the config file .*nope\.yaml: no such file$/],
    ['a bad --max-warnings', ['check', 'set', '--max-warnings', 'many'], /^protokit: Invalid --max-warnings `many`: give a whole number/],
    ['a mistyped flag, with a suggestion on the same line', ['check', 'set', '--quiett'], /^protokit: unknown option '--quiett' \(Did you mean --quiet\?\)$/],
    ['a missing option argument', ['check', 'set', '--format'], /^protokit: option '-f, --format <name>' argument missing$/],
  ];
  for (const [name, argv, expected] of cases) {
    it(name, async () => {
      const dir = copySet('small');
      expect(oneLineError(await runMain(argv, { cwd: dir }))).toMatch(expected);
    });
  }

  it('an invalid config file, found by walking up', async () => {
    const dir = copySet('small');
    writeFileSync(join(dir, 'set/protokit.config.yaml'), 'rules:\n  ref/unknown: loud\n');
    expect(oneLineError(await runMain(['check', 'set'], { cwd: dir }))).toMatch(/^protokit: .*protokit\.config\.yaml:2:16: invalid config: `loud` is not allowed in `ref\/unknown`: use one of `off`, `warning`, `error`$/);
  });

  it('invalid YAML in the config file', async () => {
    const dir = copySet('small');
    writeFileSync(join(dir, 'set/protokit.config.yaml'), 'rules: [\n');
    expect(oneLineError(await runMain(['check', 'set'], { cwd: dir }))).toMatch(/^protokit: .*protokit\.config\.yaml:2:1: the config file is not valid YAML/);
  });

  it('an unwritable --output', async () => {
    const dir = copySet('small');
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    expect(oneLineError(await runMain(['check', 'set', '--output', 'a-file/report.txt'], { cwd: dir }))).toMatch(/^protokit: Cannot write .*report\.txt: a part of the path is a file, not a folder$/);
  });

  it('a malformed document is a finding (exit 1), never a crash', async () => {
    const dir = copySet('small');
    writeFileSync(join(dir, 'set/broken.md'), Buffer.concat([Buffer.from('---\nkind: agency\nid: [\u0000'), Buffer.from([0xff, 0xfe]), Buffer.from('\n---\n')]));
    writeFileSync(join(dir, 'set/dup.md'), '---\nkind: agency\nkind: agency\n---\n');
    const result = await runMain(['check', 'set'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('yaml/syntax');
  });
});

describe('other commands', () => {
  it('--version', async () => {
    const result = await runMain(['--version'], { cwd: tempDir() });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it('an empty folder is clean', async () => {
    const dir = tempDir();
    expect(await runMain(['check'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(dir, 'protokit.config.yaml'))).toBe(false);
  });
});
