import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { parseFile } from '../../src/load/parse-file.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { RULES } from '../../src/rules/index.js';
import { BASE } from '../helpers/test-rule.js';

/** An agency with a bad enum value (schema/shape) and a reference that resolves to nothing (ref/unknown). */
const AGENCY = `---
kind: agency
id: police
name: Police
sector: polise
type: government
roles:
  - { id: first-responder, title: First responder, profession: police-oficer }
---
# Police

Body text.
`;

type Variant = (text: string) => Buffer;
const VARIANTS: Record<string, Variant> = {
  LF: (t) => Buffer.from(t, 'utf8'),
  CRLF: (t) => Buffer.from(t.replace(/\n/g, '\r\n'), 'utf8'),
  'UTF-8 BOM': (t) => Buffer.from(`\uFEFF${t}`, 'utf8'),
  'BOM and CRLF': (t) => Buffer.from(`\uFEFF${t.replace(/\n/g, '\r\n')}`, 'utf8'),
};

/** Checks a set in which every file is encoded by `encode`. */
function check(encode: Variant): Diagnostic[] {
  const docs = { ...BASE, 'police.md': AGENCY };
  const files = Object.keys(docs).sort().map((name) => parseFile(name, encode(docs[name as keyof typeof docs] as string)));
  return runRules(files, { rules: RULES });
}

const where = (d: Diagnostic) => ({ ruleId: d.ruleId, file: d.file, start: d.range.start, end: d.range.end });

describe('line endings and byte order mark', () => {
  const expected = [
    { ruleId: 'schema/shape', file: 'police.md', start: { line: 5, column: 9 }, end: { line: 5, column: 15 } },
    { ruleId: 'ref/unknown', file: 'police.md', start: { line: 8, column: 64 }, end: { line: 8, column: 77 } },
  ];

  for (const [name, encode] of Object.entries(VARIANTS)) {
    it(`${name}: findings land on the value, as with LF`, () => {
      expect(check(encode).filter((d) => d.file === 'police.md').map(where)).toEqual(expected);
    });
  }

  it('CRLF: a range never ends on the carriage return', () => {
    const file = parseFile('x.md', VARIANTS['CRLF']!('---\nkind: agency\nid: Police Service\nname: P\nsector: police\ntype: government\n---\n'));
    expect(file.diagnostics.map(where)).toEqual([{ ruleId: 'schema/shape', file: 'x.md', start: { line: 3, column: 5 }, end: { line: 3, column: 19 } }]);
  });

  it('the text the rules see has no BOM, and CRLF documents keep their data', () => {
    const file = parseFile('x.md', VARIANTS['BOM and CRLF']!(AGENCY));
    expect(file.text.startsWith('---')).toBe(true);
    expect(file.data?.['name']).toBe('Police');
    expect(file.kind).toBe('agency');
  });

  it('a BOM and CRLF file without frontmatter is not a document', () => {
    const file = parseFile('notes.md', VARIANTS['BOM and CRLF']!('# Notes\n\n---\n\nkind: agency\n'));
    expect(file.isDocument).toBe(false);
    expect(file.diagnostics).toEqual([]);
  });
});

describe('invalid UTF-8', () => {
  const bytes = (before: string, bad: number[], after: string) => Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(bad), Buffer.from(after, 'utf8')]);

  it('is a yaml/syntax finding on the line and column of the first bad byte, not a crash', () => {
    const file = parseFile('x.md', bytes('---\nkind: agency\nid: police\nname: Caf', [0xe9], ' Police\n---\n'));
    expect(file.diagnostics.map(where)).toEqual([{ ruleId: 'yaml/syntax', file: 'x.md', start: { line: 4, column: 10 }, end: { line: 4, column: 11 } }]);
    expect(file.diagnostics[0]?.message).toBe('Line 4 is not valid UTF-8 (the byte at column 10): save the file as UTF-8 (Unicode) text');
    expect(file.diagnostics[0]?.fatal).toBe(true);
  });

  it('counts columns in characters after valid multi-byte text, with a BOM and CRLF', () => {
    const file = parseFile('x.md', bytes('\uFEFF---\r\nkind: agency\r\nname: Ñandú ', [0xc3, 0x28], '\r\n---\r\n'));
    expect(file.diagnostics.map(where)).toEqual([{ ruleId: 'yaml/syntax', file: 'x.md', start: { line: 3, column: 13 }, end: { line: 3, column: 14 } }]);
  });

  it('in the body is reported too', () => {
    const file = parseFile('x.md', bytes('# Title\n\nSome text ', [0xff], '\n'));
    expect(file.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.range.start.column])).toEqual([['yaml/syntax', 3, 11]]);
  });

  it('a truncated multi-byte sequence at the end of the file', () => {
    const file = parseFile('x.md', bytes('---\nkind: agency\n---\nend ', [0xe2, 0x82], ''));
    expect(file.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.range.start.column])).toEqual([['yaml/syntax', 4, 5]]);
  });

  it('overlong encodings and UTF-16 surrogates are invalid', () => {
    for (const bad of [[0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80]]) {
      const file = parseFile('x.md', bytes('---\nid: ', bad, '\n---\n'));
      expect(file.diagnostics.map((d) => [d.ruleId, d.range.start.line, d.range.start.column])).toEqual([['yaml/syntax', 2, 5]]);
    }
  });
});
