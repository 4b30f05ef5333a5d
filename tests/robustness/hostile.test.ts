/**
 * The hostile-input corpus: each case runs the built CLI in a child process with a 20 s timeout and
 * `--max-old-space-size=500` (so a case that hangs or needs more heap fails), and asserts its exact
 * outcome: exit code, and each finding of the hostile file (rule id, position when it is fixed,
 * message). Big and odd files are made at test time in a temporary folder; small ones are committed
 * in tests/robustness/corpus/cases/. Real times and peak memory: `node scripts/hostile-bench.mjs`.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, closeSync, mkdirSync, openSync, readFileSync, statSync, symlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/io/discover.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { readBytes } from '../../src/load/read-file.js';
import {
  baseSet,
  corpusFile,
  ensureBuilt,
  findingsOf,
  hasStackTrace,
  IS_ROOT,
  NOBODY,
  outsideText,
  removeTemps,
  runCli,
  spanOf,
  textOf,
  type CliRun,
  type Finding,
} from './helpers.js';

beforeAll(ensureBuilt);
afterAll(removeTemps);

/** An expected finding of the hostile file: rule id, `line:column` when fixed, message parts. */
interface Expected {
  ruleId: string;
  at?: string;
  line?: number;
  message: readonly string[];
}

/** Runs `check set --format json` in `dir`; asserts it finished, without a stack trace. */
async function check(dir: string, options: { uid?: number; args?: readonly string[] } = {}): Promise<{ run: CliRun; findings: Finding[] }> {
  const run = await runCli(['check', ...(options.args ?? ['set']), '--format', 'json'], { cwd: dir, ...(options.uid !== undefined ? { uid: options.uid } : {}) });
  expect(run.timedOut, 'the run hung').toBe(false);
  expect(run.signal, `killed by ${String(run.signal)} (out of memory?): ${run.stderr}`).toBeNull();
  expect(hasStackTrace(run.stderr), run.stderr).toBe(false);
  expect(run.stderr).toBe('');
  const findings = findingsOf(run, dir);
  for (const f of findings) {
    let text = '';
    try {
      // never open a FIFO (it would block); unreadable files' findings sit at 1:1
      if (statSync(join(dir, f.file)).isFile()) text = textOf(readFileSync(join(dir, f.file)));
    } catch {
      text = '';
    }
    expect(outsideText(text, spanOf(f)), `${f.file}:${f.line}:${f.column} ${f.ruleId}`).toBeUndefined();
  }
  return { run, findings };
}

/** Asserts exit code 1 and exactly the expected findings in `file`; the base set's files have no error. */
async function expectOutcome(dir: string, file: string, expected: readonly Expected[], options: { uid?: number; args?: readonly string[]; code?: number } = {}): Promise<void> {
  const { run, findings } = await check(dir, options);
  const mine = findings.filter((f) => f.file === `set/${file}`);
  const others = findings.filter((f) => f.file !== `set/${file}` && f.severity === 2);
  expect(others, 'the base set stays clean').toEqual([]);
  expect(mine.map((f) => f.ruleId), mine.map((f) => `${f.line}:${f.column} ${f.message}`).join('\n')).toEqual(expected.map((e) => e.ruleId));
  expected.forEach((e, i) => {
    const f = mine[i] as Finding;
    if (e.at !== undefined) expect(`${f.line}:${f.column}`).toBe(e.at);
    if (e.line !== undefined) expect(f.line).toBe(e.line);
    for (const part of e.message) expect(f.message).toContain(part);
  });
  expect(run.code).toBe(options.code ?? (expected.length > 0 ? 1 : 0));
}

const DEPTH_LIMIT = ['nested too deeply', '`limits.maxYamlDepth`'];

function frontmatter(yaml: string, body = '\n# Body\n'): string {
  return `---\n${yaml}---\n${body}`;
}

describe.concurrent('hostile YAML', () => {
  it('alias bomb (billion laughs): yaml/syntax at the first alias, naming limits.maxAliases', async () => {
    const dir = baseSet({ 'alias-bomb.md': corpusFile('cases/alias-bomb.md') });
    await expectOutcome(dir, 'alias-bomb.md', [{ ruleId: 'yaml/syntax', at: '8:10', message: ['expands YAML aliases more than 100 times', '`limits.maxAliases`'] }]);
  });

  it('10,000 nested flow sequences: yaml/syntax, too deep', async () => {
    const dir = baseSet({ 'deep.md': frontmatter(`kind: definitions\nid: deep\nx-deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`) });
    await expectOutcome(dir, 'deep.md', [{ ruleId: 'yaml/syntax', line: 4, message: DEPTH_LIMIT }]);
  });

  it('10,000 nested flow mappings: yaml/syntax, too deep', async () => {
    const dir = baseSet({ 'deep.md': frontmatter(`kind: definitions\nid: deep\nx-deep: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`) });
    await expectOutcome(dir, 'deep.md', [{ ruleId: 'yaml/syntax', line: 4, message: DEPTH_LIMIT }]);
  });

  it('10,000 nested block sequences (`- - - … x`): yaml/syntax, too deep', async () => {
    const dir = baseSet({ 'deep.md': frontmatter(`kind: definitions\nid: deep\nx-deep:\n${'- '.repeat(10_000)}x\n`) });
    await expectOutcome(dir, 'deep.md', [{ ruleId: 'yaml/syntax', line: 5, message: DEPTH_LIMIT }]);
  });

  it('1,000 nested block mappings (10,000 would be 50 MB of indentation: see the size case): yaml/syntax, too deep', async () => {
    let yaml = 'kind: definitions\nid: deep\nx-deep:\n';
    for (let i = 1; i <= 1000; i++) yaml += `${' '.repeat(i)}k:\n`;
    const dir = baseSet({ 'deep.md': frontmatter(`${yaml}${' '.repeat(1001)}v\n`) });
    await expectOutcome(dir, 'deep.md', [{ ruleId: 'yaml/syntax', message: ['`limits.maxYamlDepth`'] }]);
  });

  it('101 levels is one past the default limit; limits.maxYamlDepth in the config raises it', async () => {
    const deep = frontmatter(`kind: definitions\nid: deep\nx-deep: ${'['.repeat(100)}${']'.repeat(100)}\n`);
    const dir = baseSet({ 'deep.md': deep });
    await expectOutcome(dir, 'deep.md', [{ ruleId: 'yaml/syntax', at: '2:1', message: ['nested deeper than 100 levels', 'raise `limits.maxYamlDepth` in protokit.config.yaml'] }]);
    const raised = baseSet({ 'deep.md': deep, 'protokit.config.yaml': 'limits:\n  maxYamlDepth: 150\n' });
    await expectOutcome(raised, 'deep.md', []);
    const exact = baseSet({ 'deep.md': frontmatter(`kind: definitions\nid: deep\nx-deep: ${'['.repeat(99)}${']'.repeat(99)}\n`) });
    await expectOutcome(exact, 'deep.md', []);
  });
});

describe.concurrent('hostile Markdown bodies', () => {
  for (const [name, body] of [
    ['10,000 nested block quotes', `${'> '.repeat(10_000)}x\n`],
    ['10,000 nested list items', `${'- '.repeat(10_000)}x\n`],
    ['5,000 nested container directives', `${':::note\n'.repeat(5000)}x\n${':::\n'.repeat(5000)}`],
  ] as const) {
    it(`${name}: io/read, not parsed (the parser would overflow its stack or take minutes)`, async () => {
      const dir = baseSet({ 'deep.md': frontmatter('kind: definitions\nid: deep\n', body) });
      await expectOutcome(dir, 'deep.md', [{ ruleId: 'io/read', message: ['nests lists, quotes or directives more than 100 levels deep'] }]);
    });
  }
});

describe.concurrent('hostile files', () => {
  it('a 50 MB document: io/read naming limits.maxFileSize, refused from its size alone', async () => {
    const dir = baseSet();
    const fd = openSync(join(dir, 'set/huge.md'), 'w');
    const head = '---\nkind: definitions\nid: huge\n---\n';
    writeSync(fd, head);
    const chunk = Buffer.alloc(1 << 20, 'All work and no play makes a very long protocol.\n');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);
    await expectOutcome(dir, 'huge.md', [{ ruleId: 'io/read', at: '1:1', message: [`This file is ${50 * (1 << 20) + head.length} bytes, over the 5242880-byte limit`, '`limits.maxFileSize`'] }]);
  });

  it('limits.maxFileSize in the config moves the limit both ways', async () => {
    // 6 MB of NUL bytes: refused by size by default; read (and found binary) under a raised limit
    const big = Buffer.concat([Buffer.from('---\nkind: definitions\nid: big\n---\n'), Buffer.alloc(6_000_000)]);
    await expectOutcome(baseSet({ 'big.md': big }), 'big.md', [{ ruleId: 'io/read', at: '1:1', message: ['over the 5242880-byte limit'] }]);
    await expectOutcome(baseSet({ 'big.md': big, 'protokit.config.yaml': 'limits:\n  maxFileSize: 8000000\n' }), 'big.md', [{ ruleId: 'yaml/syntax', at: '5:1', message: ['NUL bytes'] }]);
    const { findings } = await check(baseSet({ 'protokit.config.yaml': 'limits:\n  maxFileSize: 100\n' }));
    expect(findings.filter((f) => f.severity === 2).map((f) => `${f.file} ${f.ruleId} ${f.message.replace(/ \d+ bytes/, ' N bytes')}`)).toEqual(
      ['definitions', 'framework', 'police'].map((name) => `set/${name}.md io/read This file is N bytes, over the 100-byte limit: split it, or raise \`limits.maxFileSize\` in protokit.config.yaml`),
    );
  });

  it('the size is checked on the open descriptor: a file that grew after discovery is still refused', () => {
    const dir = baseSet({ 'grows.md': frontmatter('kind: definitions\nid: grows\n') });
    const found = discover(join(dir, 'set'), [], 100).files.find((f) => f.file === 'grows.md');
    expect(found).toBeDefined();
    expect(statSync(join(dir, 'set/grows.md')).size).toBeLessThan(100);
    appendFileSync(join(dir, 'set/grows.md'), Buffer.alloc(2000, 'x'));
    const result = readBytes({ ...(found as NonNullable<typeof found>) }, { ...DEFAULT_LIMITS, maxFileSize: 1000 });
    expect(result).not.toBeInstanceOf(Uint8Array);
    expect((result as { diagnostics: { ruleId: string; message: string }[] }).diagnostics[0]).toMatchObject({ ruleId: 'io/read', message: expect.stringContaining('over the 1000-byte limit') as unknown });
  });

  it('a binary file with a .md name: yaml/syntax, not UTF-8 text', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256))]);
    await expectOutcome(baseSet({ 'image.md': png }), 'image.md', [{ ruleId: 'yaml/syntax', at: '1:1', message: ['Line 1 is not valid UTF-8 (the byte at column 1)'] }]);
  });

  it('invalid UTF-8 on line 6: yaml/syntax at the bad byte', async () => {
    const bytes = Buffer.concat([Buffer.from('---\nkind: definitions\nid: latin\n---\nline 5\nbad '), Buffer.from([0xff, 0xfe]), Buffer.from(' here\n')]);
    await expectOutcome(baseSet({ 'latin.md': bytes }), 'latin.md', [{ ruleId: 'yaml/syntax', at: '6:5', message: ['Line 6 is not valid UTF-8 (the byte at column 5)'] }]);
  });

  it('NUL bytes: yaml/syntax, binary', async () => {
    await expectOutcome(baseSet({ 'nul.md': frontmatter('kind: definitions\nid: nul\n', '\nbody \u0000 here\n') }), 'nul.md', [{ ruleId: 'yaml/syntax', at: '6:6', message: ['holds NUL bytes'] }]);
  });

  const doc = [
    '---',
    'kind: definitions',
    'id: endings',
    'terms:',
    '  - { id: a, term: a, definition: b, bogus: 1 }',
    '---',
    '',
    'See :term[nope] here.',
    '',
  ];
  const expectedEndings: Expected[] = [
    { ruleId: 'schema/shape', at: '5:38', message: ['Unknown key `bogus`'] },
    { ruleId: 'ref/unknown', at: '8:5', message: ['`nope` is not a known term'] },
  ];

  it('mixed CRLF and LF line endings: the same findings at the same places as LF', async () => {
    const mixed = doc.map((line, i) => line + (i % 2 === 0 ? '\r\n' : '\n')).join('');
    await expectOutcome(baseSet({ 'endings.md': doc.join('\n') }), 'endings.md', expectedEndings);
    await expectOutcome(baseSet({ 'endings.md': mixed }), 'endings.md', expectedEndings);
    await expectOutcome(baseSet({ 'endings.md': doc.join('\r\n') }), 'endings.md', expectedEndings);
  });

  it('a UTF-8 BOM: read as a document, the same places as without', async () => {
    await expectOutcome(baseSet({ 'endings.md': `\uFEFF${doc.join('\n')}` }), 'endings.md', expectedEndings);
  });
});

describe.concurrent('hostile file system', () => {
  it('a symbolic link that points outside the set: io/read, not followed', async () => {
    const dir = baseSet({ 'secret.md': frontmatter('kind: definitions\nid: secret\n') });
    execFileSync('mv', [join(dir, 'set/secret.md'), join(dir, 'secret.md')]);
    symlinkSync(join(dir, 'secret.md'), join(dir, 'set/outside.md'));
    symlinkSync('/etc/passwd', join(dir, 'set/passwd.md'));
    const { findings, run } = await check(dir);
    expect(findings.filter((f) => f.ruleId === 'io/read').map((f) => `${f.file} ${f.line}:${f.column} ${f.message}`)).toEqual([
      'set/outside.md 1:1 Cannot read this file: the symbolic link points outside the protocol set, so it is not read',
      'set/passwd.md 1:1 Cannot read this file: the symbolic link points outside the protocol set, so it is not read',
    ]);
    expect(findings.filter((f) => f.severity === 2).length).toBe(2);
    expect(run.code).toBe(1);
  });

  it('symbolic links that loop: io/read for a file link, a folder link cycle is walked once', async () => {
    const dir = baseSet();
    symlinkSync('loop.md', join(dir, 'set/loop.md'));
    symlinkSync('pong.md', join(dir, 'set/ping.md'));
    symlinkSync('ping.md', join(dir, 'set/pong.md'));
    mkdirSync(join(dir, 'set/sub'));
    symlinkSync('..', join(dir, 'set/sub/up'));
    symlinkSync('.', join(dir, 'set/sub/self'));
    const { findings, run } = await check(dir);
    expect(findings.filter((f) => f.severity === 2).map((f) => `${f.file} ${f.ruleId} ${f.message}`)).toEqual([
      'set/loop.md io/read Cannot read this file: the symbolic link loops',
      'set/ping.md io/read Cannot read this file: the symbolic link loops',
      'set/pong.md io/read Cannot read this file: the symbolic link loops',
    ]);
    expect(run.code).toBe(1);
  });

  it(`an unreadable file (chmod 000${IS_ROOT ? ', run as nobody since root reads anything' : ''}): io/read, EACCES`, async () => {
    const dir = baseSet({ 'locked.md': frontmatter('kind: definitions\nid: locked\n') });
    chmodSync(join(dir, 'set/locked.md'), 0o000);
    await expectOutcome(dir, 'locked.md', [{ ruleId: 'io/read', at: '1:1', message: ['Cannot read this file (EACCES)', 'give protokit read permission'] }], IS_ROOT ? { uid: NOBODY } : {});
  });

  it('an unreadable folder: io/read for the folder, the rest is checked', async () => {
    const dir = baseSet({ 'locked/a.md': frontmatter('kind: definitions\nid: locked\n') });
    chmodSync(join(dir, 'set/locked'), 0o000);
    await expectOutcome(dir, 'locked', [{ ruleId: 'io/read', at: '1:1', message: ['the folder cannot be read (EACCES)'] }], IS_ROOT ? { uid: NOBODY } : {});
  });

  it('a folder named x.md is not a file: skipped', async () => {
    const dir = baseSet({ 'x.md/inner.txt': 'not markdown' });
    await expectOutcome(dir, 'x.md', []);
  });

  it('a FIFO named x.md: skipped in a folder, refused when named, never opened (a read would block)', async () => {
    const dir = baseSet();
    execFileSync('mkfifo', [join(dir, 'set/x.md')]);
    await expectOutcome(dir, 'x.md', []);
    await expectOutcome(dir, 'x.md', [{ ruleId: 'io/read', at: '1:1', message: ['not a regular file'] }], { args: ['set/x.md'] });
    // swapped in after discovery: the loader opens without blocking and refuses it
    const started = Date.now();
    const result = readBytes({ file: 'x.md', absolute: join(dir, 'set/x.md') }, DEFAULT_LIMITS);
    expect(Date.now() - started).toBeLessThan(2000);
    expect((result as { diagnostics: { message: string }[] }).diagnostics[0]?.message).toContain('not a regular file');
  });

  it('more Markdown files than limits.maxFiles: exit 2, one line naming the limit', async () => {
    const dir = baseSet({ 'protokit.config.yaml': 'limits:\n  maxFiles: 2\n' });
    const run = await runCli(['check', 'set'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^protokit: The set holds more than 2 Markdown files: .*raise `limits\.maxFiles` in protokit\.config\.yaml\n$/);
  });

  it('--output to a FIFO that nothing reads: exit 2, one line, no hang', async () => {
    const dir = baseSet();
    execFileSync('mkfifo', [join(dir, 'report.pipe')]);
    const run = await runCli(['check', 'set', '--output', 'report.pipe'], { cwd: dir });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`protokit: Cannot write ${join(dir, 'report.pipe')}: it is a pipe that nothing reads from\n`);
  });

  it('a FIFO where the parse cache should be: the run goes on without the cache, no hang', async () => {
    const dir = baseSet();
    execFileSync('mkfifo', [join(dir, '.protokitcache')]);
    const run = await runCli(['check', 'set', '--cache'], { cwd: dir });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(0);
    expect(hasStackTrace(run.stderr)).toBe(false);
    expect(statSync(join(dir, '.protokitcache')).isFIFO()).toBe(true);
  });

  it('--output to a full disk (a /dev/full node): exit 2, one line; the device is written, never replaced', async () => {
    const dir = baseSet();
    // as root, a private copy of /dev/full: a regression that renames over it harms only the copy
    let full = '/dev/full';
    if (IS_ROOT) {
      full = join(dir, 'full');
      execFileSync('mknod', ['-m', '666', full, 'c', '1', '7']);
    }
    const run = await runCli(['check', 'set', '--output', full], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`protokit: Cannot write ${full}: the disk is full\n`);
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });
});

describe.concurrent('JavaScript prototype names', () => {
  it('`constructor` as an agency, role, service, term, responsibility and referral id is an ordinary id', async () => {
    const dir = baseSet({ 'constructor.md': corpusFile('cases/prototype-ids.md') });
    await expectOutcome(dir, 'constructor.md', []);
  });

  it('references to `__proto__`, `toString`, `constructor` and others resolve to nothing: ref/unknown', async () => {
    const dir = baseSet({ 'refs.md': corpusFile('cases/prototype-refs.md') });
    const notId = (value: string): Expected => ({ ruleId: 'schema/shape', message: [`\`${value}\` is not`] });
    await expectOutcome(dir, 'refs.md', [
      { ruleId: 'ref/unknown', at: '10:44', message: ['`tostring` is not a known agency'] },
      { ruleId: 'ref/unknown', at: '10:54', message: ['`constructor` is not a known agency'] },
      { ruleId: 'ref/unknown', at: '12:21', message: ['`__proto__` is not a known role'] },
      { ...notId('__proto__'), at: '12:21' },
      { ruleId: 'ref/unknown', at: '13:21', message: ['`toString` is not a known role'] },
      { ...notId('toString'), at: '13:21' },
      { ruleId: 'ref/unknown', at: '15:19', message: ['`__proto__/constructor` is not a known service'] },
      { ...notId('__proto__/constructor'), at: '15:19' },
      { ruleId: 'ref/unknown', at: '16:19', message: ['`test-police/toString` is not a known service'] },
      { ...notId('test-police/toString'), at: '16:19' },
      { ruleId: 'ref/unknown', at: '17:19', message: ['`test-police/constructor` is not a known service'] },
      { ruleId: 'ref/unknown', at: '22:53', message: ['`__proto__` is not a known term'] },
      { ruleId: 'ref/unknown', at: '22:71', message: ['`toString` is not a known term'] },
      { ruleId: 'ref/unknown', at: '23:1', message: ['`constructor` is not a known term'] },
      { ruleId: 'ref/unknown', at: '23:21', message: ['`hasOwnProperty` is not a known term'] },
      { ruleId: 'ref/unknown', at: '23:47', message: ['`valueOf` is not a known term'] },
    ]);
  });

  it('`__proto__` keys in a frontmatter are data, never a prototype', async () => {
    const dir = baseSet({ 'proto.md': frontmatter('__proto__: { kind: definitions, polluted: true }\nid: proto\n') });
    await expectOutcome(dir, 'proto.md', [{ ruleId: 'schema/kind', at: '2:1', message: ['has no `kind`'] }]);
  });
});
