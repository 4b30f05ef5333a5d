import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loneCrAsLf, parseFile } from '../../src/load/parse-file.js';
import { markdownFiles } from '../helpers/files.js';
import { removeTemps, runMain, tempDir } from '../cli/harness.js';
import { renderSet, VALDORIA } from '../render/render-helpers.js';

afterAll(removeTemps);

/** A copy of the example set (`valdoria` in a new temporary folder), each file's line endings made `eol`, with one unknown reference planted. */
function exampleSet(eol: '\n' | '\r\n' | '\r'): string {
  const dir = tempDir();
  cpSync(VALDORIA, join(dir, 'valdoria'), { recursive: true });
  for (const file of markdownFiles(join(dir, 'valdoria'))) {
    let text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
    if (file.endsWith('valdoria-police.md')) {
      const planted = text.replace('to: calvendra-general-hospital/', 'to: calvendra-general-hospitl/');
      expect(planted).not.toBe(text);
      text = planted;
    }
    writeFileSync(file, text.replace(/\n/g, eol));
  }
  return dir;
}

describe('line endings: a lone CR is a line ending, as in CommonMark and YAML', () => {
  it('loneCrAsLf turns each lone CR into an LF and keeps CRLF and the length', () => {
    expect(loneCrAsLf('a\rb\r\nc\n\rd\r')).toBe('a\nb\r\nc\n\nd\n');
    expect(loneCrAsLf('no line ending')).toBe('no line ending');
    const text = '---\rkind: agency\r\r\n---\r';
    expect(loneCrAsLf(text)).toHaveLength(text.length);
  });

  it('a CR-only document reads as the same document with LF line endings (data, body facts, findings)', () => {
    const lf = readFileSync(join(VALDORIA, 'agencies/valdoria-police.md'), 'utf8').replace(/\r\n?/g, '\n');
    const cr = lf.replace(/\n/g, '\r');
    const fromLf = parseFile('p.md', Buffer.from(lf));
    const fromCr = parseFile('p.md', Buffer.from(cr));
    expect(fromCr.kind).toBe('agency');
    expect(fromCr.data).toEqual(fromLf.data);
    expect(fromCr.body).toEqual(fromLf.body);
    expect(fromCr.diagnostics).toEqual(fromLf.diagnostics);
    expect(fromCr.text).toBe(lf);
    expect(fromCr.hash).not.toBe(fromLf.hash);
  });

  it('check gives the same findings at the same lines and columns for LF, CRLF and CR-only files', async () => {
    const reports = new Map<string, string>();
    for (const [name, eol] of [['lf', '\n'], ['crlf', '\r\n'], ['cr', '\r']] as const) {
      const dir = exampleSet(eol);
      const result = await runMain(['check', 'valdoria', '--format', 'json'], { cwd: dir });
      expect(result.code, name).toBe(1);
      reports.set(name, result.stdout.split(dir).join('<dir>'));
    }
    const lf = JSON.parse(reports.get('lf') ?? '') as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    expect(lf.flatMap((f) => f.messages.map((m) => `${f.filePath.replace(/.*\//, '')}:${m.line}:${m.column} ${m.ruleId}`))).toEqual(['valdoria-police.md:144:9 ref/unknown']);
    expect(reports.get('crlf')).toBe(reports.get('lf'));
    expect(reports.get('cr')).toBe(reports.get('lf'));
  });

  it('the handbooks of a CR-only set are those of the same set with LF line endings', async () => {
    const lf = await renderSet(join(exampleSet('\n'), 'valdoria'));
    const cr = await renderSet(join(exampleSet('\r'), 'valdoria'));
    expect([...cr.files.keys()]).toEqual([...lf.files.keys()]);
    for (const [name, text] of lf.files) expect(cr.files.get(name), name).toBe(text);
  });
});
