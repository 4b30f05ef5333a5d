import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseFile } from '../../src/load/parse-file.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { yamlSyntax } from '../../src/rules/document-rules.js';
import { RULES } from '../../src/rules/index.js';

const parse = (text: string, limits = DEFAULT_LIMITS) => parseFile('doc.md', Buffer.from(text, 'utf8'), { limits });
const brief = (d: Diagnostic) => ({ ruleId: d.ruleId, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, message: d.message });

describe('yaml/syntax', () => {
  it('is registered as an error rule of the per-document stage', () => {
    expect(yamlSyntax).toMatchObject({ id: 'yaml/syntax', scope: 'document', defaultSeverity: 'error' });
    expect(RULES).toContain(yamlSyntax);
  });

  it('valid YAML gives no finding', () => {
    expect(parse('---\nkind: agency\nid: police\nname: "Police: #1"\nsector: police\ntype: government\n---\n').diagnostics).toEqual([]);
  });

  it('an unclosed quote: at the line and column where YAML stops, with the parser message', () => {
    const file = parse('---\nkind: agency\nid: police\nname: "Police\nsector: police\n---\n# Body\n');
    expect(file.diagnostics.map(brief)).toEqual([
      { ruleId: 'yaml/syntax', line: 4, column: 7, endLine: 5, endColumn: 15, message: 'The frontmatter is not valid YAML (Missing closing "quote): fix the syntax' },
    ]);
    expect(file.isDocument).toBe(true);
    expect(file.data).toBeUndefined();
  });

  it('a bad indentation: on the offending line', () => {
    const file = parse('---\nkind: agency\nid: police\nroles:\n  - id: a\n   title: b\n---\n');
    const found = file.diagnostics.map(brief);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((d) => d.ruleId === 'yaml/syntax')).toBe(true);
    expect(found[0]).toMatchObject({ line: 6, column: 1 });
  });

  it('a tab used for indentation', () => {
    const found = parse('---\nkind: agency\nroles:\n\t- id: a\n---\n').diagnostics.map(brief);
    expect(found[0]).toMatchObject({ ruleId: 'yaml/syntax', line: 4, column: 1 });
  });

  it('the positions are the same with CRLF line endings and a BOM', () => {
    const text = '---\nkind: agency\nid: police\nname: "Police\nsector: police\n---\n';
    const crlf = parseFile('doc.md', Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf8'));
    expect(crlf.diagnostics.map((d) => [d.range.start.line, d.range.start.column])).toEqual([[4, 7]]);
  });

  it('a duplicate key: on the second key, naming it', () => {
    const file = parse('---\nkind: agency\nid: police\nname: Police\nsector: police\nname: Police Service\n---\n');
    expect(file.diagnostics.map(brief)).toEqual([
      { ruleId: 'yaml/syntax', line: 6, column: 1, endLine: 6, endColumn: 5, message: 'The key `name` appears twice in this mapping (also on line 4): keep one, YAML keys must be unique' },
    ]);
  });

  it('a duplicate key in a nested flow mapping', () => {
    const file = parse('---\nkind: agency\nid: police\nroles:\n  - { id: a, title: A, id: b }\n---\n');
    expect(file.diagnostics.map(brief)).toEqual([
      { ruleId: 'yaml/syntax', line: 5, column: 24, endLine: 5, endColumn: 26, message: 'The key `id` appears twice in this mapping (also on line 5): keep one, YAML keys must be unique' },
    ]);
  });

  it('an alias bomb ("billion laughs", 9 levels of 9 aliases) is refused quickly, naming limits.maxAliases', () => {
    let yaml = 'kind: agency\nid: police\nlol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let level = 1; level <= 9; level++) yaml += `lol${level}: &l${level} [${Array.from({ length: 9 }, () => `*l${level - 1}`).join(', ')}]\n`;
    const file = parse(`---\n${yaml}---\n# Body\n`);
    expect(file.diagnostics.map(brief)).toEqual([
      {
        ruleId: 'yaml/syntax',
        line: 5,
        column: 12,
        endLine: 5,
        endColumn: 15,
        message: 'The frontmatter expands YAML aliases more than 100 times (an alias bomb?): write the values out, or raise `limits.maxAliases` in protokit.config.yaml',
      },
    ]);
    expect(file.data).toBeUndefined();
  });

  it('a few aliases within the limit are read normally', () => {
    const file = parse('---\nkind: framework\nid: f\nx-members: &m [police, hospital]\nx-copy: *m\n---\n');
    expect(file.diagnostics.filter((d) => d.ruleId === 'yaml/syntax')).toEqual([]);
    expect(file.data?.['x-copy']).toEqual(['police', 'hospital']);
  });

  it('the alias limit comes from the limits', () => {
    const text = '---\nkind: framework\nid: f\nx-a: &a [1]\nx-b: [*a, *a, *a]\n---\n';
    expect(parse(text, { ...DEFAULT_LIMITS, maxAliases: 2 }).diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('more than 2 times')]);
    expect(parse(text, { ...DEFAULT_LIMITS, maxAliases: 3 }).diagnostics.map((d) => d.ruleId)).not.toContain('yaml/syntax');
    expect(parse(text, { ...DEFAULT_LIMITS, maxAliases: 0 }).diagnostics.map((d) => d.ruleId)).toEqual(['yaml/syntax']);
  });

  it('an unknown alias', () => {
    const found = parse('---\nkind: agency\nid: *nowhere\n---\n').diagnostics.map(brief);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ ruleId: 'yaml/syntax', line: 3, column: 5 });
  });

  it('frontmatter nested deeper than limits.maxYamlDepth', () => {
    const found = parse(`---\nkind: agency\nx-deep: ${'['.repeat(12)}${']'.repeat(12)}\n---\n`, { ...DEFAULT_LIMITS, maxYamlDepth: 10 }).diagnostics;
    expect(found.map((d) => d.ruleId)).toEqual(['yaml/syntax']);
    expect(found[0]?.message).toContain('`limits.maxYamlDepth`');
  });

  it('NUL bytes: the file is binary', () => {
    const found = parse('---\nkind: agency\nid: po\u0000lice\n---\n').diagnostics.map(brief);
    expect(found).toEqual([expect.objectContaining({ ruleId: 'yaml/syntax', line: 3, column: 7 })]);
  });

  it('the rule can be turned off like any other', () => {
    const files = [parse('---\nkind: agency\nid: police\nid: police\n---\n')];
    expect(runRules(files, { rules: RULES, severities: new Map([['yaml/syntax', 'off']]) }).filter((d) => d.ruleId === 'yaml/syntax')).toEqual([]);
    expect(runRules(files, { rules: RULES, severities: new Map([['yaml/syntax', 'warning']]) }).filter((d) => d.ruleId === 'yaml/syntax').map((d) => d.severity)).toEqual(['warning']);
  });
});
