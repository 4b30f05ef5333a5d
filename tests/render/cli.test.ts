import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { BASIC, tempDir } from './render-helpers.js';

/** Runs the CLI with fake streams. */
async function run(args: string[], options: { tty?: boolean; env?: Record<string, string>; cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty === true },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty === true },
    env: { PATH: process.env['PATH'] ?? '', ...(options.env ?? {}) },
    cwd: options.cwd ?? process.cwd(),
  };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A copy of the render fixture with one error: a referral to a service that does not exist. */
function brokenCopy(): string {
  const dir = tempDir();
  cpSync(BASIC, dir, { recursive: true });
  const file = join(dir, 'agencies', 'testland-hospital.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('to: testland-shelter/emergency-shelter', 'to: testland-shelter/emergency-shelterr'));
  return dir;
}

describe('protokit render', () => {
  it('writes the handbooks quietly when not on a terminal', async () => {
    const out = tempDir();
    const result = await run(['render', BASIC, '--out', out]);
    expect(result).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readdirSync(out)).toContain('police-officer.html');
  });

  it('shows one progress line per handbook on a terminal', async () => {
    const out = tempDir();
    const result = await run(['render', BASIC, '--out', out, '--profession', 'teacher', '--profession', 'health-worker', '--format', 'md'], { tty: true });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('[1/2] teacher: teacher.md\n[2/2] health-worker: health-worker.md\n');
    expect(readdirSync(out).sort()).toEqual(['health-worker.md', 'teacher.md']);
  });

  it('refuses a set with check errors, and says which, unless --force', async () => {
    const dir = brokenCopy();
    const out = join(tempDir(), 'handbooks');
    const refused = await run(['render', dir, '--out', out, '--no-color']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/testland-hospital\.md\n.*error.*emergency-shelterr.*ref\/unknown/s);
    expect(refused.stderr).toMatch(/protokit: not rendering: `check` finds 1 error in the set \(listed above\); fix it, or add --force to render anyway\n$/);
    expect(existsSync(out)).toBe(false);
    const forced = await run(['render', dir, '--out', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readdirSync(out)).toContain('health-worker.md');
  });

  it('with --force still refuses a config that names an unknown rule (exit 2)', async () => {
    const dir = brokenCopy();
    writeFileSync(join(dir, 'protokit.config.yaml'), 'rules:\n  ref/unknwn: off\n');
    const result = await run(['render', dir, '--out', join(tempDir(), 'h'), '--force']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('protokit: Unknown rule `ref/unknwn`: did you mean `ref/unknown`? (`protokit rules` lists them)\n');
  });

  it.each([
    [['--profession', 'polce-officer'], /^protokit: Unknown profession `polce-officer`: did you mean `police-officer`\?\n$/],
    [['--format', 'md,docx'], /^protokit: Unknown --format `docx`: use md, html or pdf/],
    [['--lang', 'de'], /^protokit: Unknown --lang `de`: use en, es or fr\n$/],
    [['--templates', '/nonexistent/templates'], /^protokit: --templates \/nonexistent\/templates is not a folder/],
  ])('exits 2 with one line for %j', async (flags, message) => {
    const result = await run(['render', BASIC, '--out', tempDir(), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('with --cache writes the same handbooks cold and warm, from .protokitrendercache in the working folder', async () => {
    const cwd = tempDir();
    const read = (dir: string): Record<string, string> => Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
    const plain = tempDir();
    expect((await run(['render', BASIC, '--out', plain], { cwd })).code).toBe(0);
    const cold = tempDir();
    const first = await run(['render', BASIC, '--out', cold, '--cache', '--verbose'], { cwd });
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`protokit: cache ${join(cwd, '.protokitrendercache')}: not used (missing), rebuilt\n`);
    expect(existsSync(join(cwd, '.protokitrendercache'))).toBe(true);
    expect(existsSync(join(cwd, '.protokitcache'))).toBe(false);
    const warm = tempDir();
    const second = await run(['render', BASIC, '--out', warm, '--cache', '--verbose'], { cwd });
    expect(second.code).toBe(0);
    const files = readdirSync(BASIC, { recursive: true }).filter((name) => String(name).endsWith('.md')).length;
    expect(second.stderr).toContain(`protokit: cache ${join(cwd, '.protokitrendercache')}: ${files} entries\n`);
    expect(read(cold)).toEqual(read(plain));
    expect(read(warm)).toEqual(read(plain));
  });

  it('exits 2 without --out', async () => {
    const result = await run(['render', BASIC]);
    expect(result).toMatchObject({ code: 2, stderr: 'protokit: Say where to write the handbooks: --out DIR\n' });
  });

  it('exits 2 with one line when --out cannot be written', async () => {
    const parent = tempDir();
    const readOnly = join(parent, 'read-only');
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
    let out = join(readOnly, 'handbooks');
    try {
      writeFileSync(join(readOnly, 'probe'), '');
      // root writes anywhere: use a folder that even root cannot create
      out = existsSync('/sys') ? '/sys/protokit-render-test' : join(parent, 'a-file', 'handbooks');
      writeFileSync(join(parent, 'a-file'), '');
    } catch {
      // not root: the read-only folder is the test
    }
    const result = await run(['render', BASIC, '--out', out, '--format', 'md']);
    chmodSync(readOnly, 0o755);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^protokit: Cannot write .*: (the folder is not writable|.+)\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('says how to install Chromium when PDF is asked for and none is found', async () => {
    const missing = await run(['render', BASIC, '--out', tempDir(), '--format', 'pdf'], { env: { PATH: tempDir() } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^protokit: No Chromium found for --format pdf \(looked for chromium, .* on PATH\): install one \(Debian\/Ubuntu: `apt-get install chromium`\), or give its path with --chromium PATH or PROTOKIT_CHROMIUM\n$/);
    const wrong = await run(['render', BASIC, '--out', tempDir(), '--format', 'pdf', '--chromium', '/nonexistent/chromium']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^protokit: No Chromium at \/nonexistent\/chromium for --format pdf/);
    const env = await run(['render', BASIC, '--out', tempDir(), '--format', 'pdf'], { env: { PROTOKIT_CHROMIUM: '/nonexistent/env-chromium' } });
    expect(env.stderr).toMatch(/No Chromium at \/nonexistent\/env-chromium/);
  });

  it('uses the templates of --templates and the render options of the config file', async () => {
    const dir = tempDir();
    cpSync(BASIC, join(dir, 'set'), { recursive: true });
    mkdirSync(join(dir, 'my-templates', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'my-templates', 'partials', 'cover.hbs'), '<header><h1 id="ch-cover">CUSTOM COVER {{profession.title}}</h1></header>');
    writeFileSync(join(dir, 'protokit.config.yaml'), 'render:\n  lang: fr\n  professions: [teacher]\n  templates: my-templates\n');
    const out = join(dir, 'out');
    const result = await run(['render', 'set', '--out', 'out'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(out).sort()).toEqual(['index.html', 'teacher.html', 'teacher.md']);
    const html = readFileSync(join(out, 'teacher.html'), 'utf8');
    expect(html).toContain('CUSTOM COVER Teacher');
    expect(html).toContain('<html lang="fr">');
    const flags = await run(['render', 'set', '--out', 'out2', '--lang', 'es', '--profession', 'police-officer', '--format', 'html', '--templates', join(BASIC, '..', 'no-such-dir')], { cwd: dir });
    expect(flags.code).toBe(2);
  });
});
