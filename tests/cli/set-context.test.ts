import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lint } from '../../src/lint.js';
import { useGeneratedSet } from '../helpers/generate.js';
import { copySet, editFile, removeTemps, ROOT, runMain } from './harness.js';

afterAll(removeTemps);

const generated = useGeneratedSet({ agencies: 12, defects: 10, seed: 'set-context' });

/** Every Markdown file below a folder, relative to `base`, with `/` separators. */
function markdownBelow(dir: string, base: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownBelow(path, base));
    else if (name.endsWith('.md')) out.push(relative(base, path).split('\\').join('/'));
  }
  return out;
}

/** One finding of the JSON report (ESLint's format). */
interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

/** The JSON report of a CLI run, as (absolute file, finding) pairs. */
function findings(stdout: string): (JsonMessage & { file: string })[] {
  return (JSON.parse(stdout) as { filePath: string; messages: JsonMessage[] }[]).flatMap((f) => f.messages.map((m) => ({ ...m, file: f.filePath })));
}

describe('check --set: a draft checked in the context of its set', () => {
  it('a file of a clean set alone is a set of one (many findings); with --set it has none', async () => {
    const file = 'protocols/valdoria/agencies/calvendra-general-hospital.md';
    const alone = await runMain(['check', file, '--format', 'json'], { cwd: ROOT });
    expect(alone.code).toBe(1);
    expect(findings(alone.stdout).some((d) => d.ruleId === 'ref/unknown')).toBe(true);
    expect(await runMain(['check', '--set', 'protocols/valdoria', file], { cwd: ROOT })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('reports exactly the findings that checking the whole set gives in the named file (every file of a set with defects)', async () => {
    const set = generated();
    const whole = await lint({ paths: [set], mode: 'check', cwd: set });
    expect(whole.diagnostics.filter((d) => d.severity === 'error').length).toBeGreaterThan(0);
    const files = markdownBelow(set, set);
    let withFindings = 0;
    for (const file of files) {
      const scoped = await lint({ paths: [file], set: '.', mode: 'check', cwd: set });
      const expected = whole.diagnostics.filter((d) => d.file === file);
      if (expected.length > 0) withFindings++;
      expect(scoped.diagnostics, file).toEqual(expected);
      expect(scoped.files.map((f) => f.file)).toEqual([file]);
    }
    // the defects land in several files
    expect(withFindings).toBeGreaterThan(3);
  });

  it('a folder inside the set: the findings of its files, in the same order as for the whole set', async () => {
    const set = generated();
    const whole = await lint({ paths: [set], mode: 'check', cwd: set });
    const scoped = await lint({ paths: ['agencies'], set: '.', mode: 'check', cwd: set });
    expect(scoped.diagnostics).toEqual(whole.diagnostics.filter((d) => d.file.startsWith('agencies/')));
    expect(scoped.files.every((f) => f.file.startsWith('agencies/'))).toBe(true);
  });

  it('a planted unknown reference: the finding at its value, with exit code 1, in the JSON report as when the whole set is checked', async () => {
    const dir = copySet('small');
    editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('to: hospital/forensic-examination', 'to: hospital/forensic-examinaton'));
    const result = await runMain(['check', '--set', 'set', 'set/agencies/police.md', '--format', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const whole = await runMain(['check', 'set', '--format', 'json'], { cwd: dir });
    const expected = findings(whole.stdout).filter((d) => d.file === join(dir, 'set/agencies/police.md'));
    expect(expected.map((d) => d.ruleId)).toEqual(['ref/unknown']);
    expect(findings(result.stdout)).toEqual(expected);
    // the other file of the set is read for context only
    const hospital = await runMain(['check', '--set', 'set', 'set/agencies/hospital.md'], { cwd: dir });
    expect(hospital).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('with --set and no paths, the whole set', async () => {
    const dir = copySet('small');
    editFile(join(dir, 'set/agencies/police.md'), (t) => t.replace('to: hospital/forensic-examination', 'to: hospital/forensic-examinaton'));
    const scoped = await runMain(['check', '--set', 'set', '--format', 'json'], { cwd: dir });
    const whole = await runMain(['check', 'set', '--format', 'json'], { cwd: dir });
    expect(scoped.code).toBe(1);
    expect(scoped.stdout).toBe(whole.stdout);
  });

  it('bad --set values: one clear line and exit code 2', async () => {
    const dir = copySet('small');
    expect(await runMain(['check', '--set', 'set', 'elsewhere.md'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'protokit: `elsewhere.md` is not inside the set `set` given with --set: give paths inside it, or leave --set out\n',
    });
    expect(await runMain(['check', '--set', 'missing', 'missing/a.md'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'protokit: Cannot read the set `missing` given with --set: no such folder\n',
    });
    expect(await runMain(['check', '--set', 'set/agencies/police.md', 'set/agencies/police.md'], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'protokit: --set takes the folder of a protocol set, and `set/agencies/police.md` is not a folder\n',
    });
    expect(await runMain(['check', '--set', ' '], { cwd: dir })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'protokit: --set needs the folder of the protocol set, e.g. --set protocols/valdoria\n',
    });
  });
});
