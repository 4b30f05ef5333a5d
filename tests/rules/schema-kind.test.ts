import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/load/parse-file.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { schemaKind } from '../../src/rules/document-rules.js';
import { RULES } from '../../src/rules/index.js';
import { runRule } from '../helpers/test-rule.js';

const parse = (text: string) => parseFile('doc.md', Buffer.from(text, 'utf8'));
const brief = (d: Diagnostic) => ({ ruleId: d.ruleId, line: d.range.start.line, column: d.range.start.column, endLine: d.range.end.line, endColumn: d.range.end.column, message: d.message });
const KINDS = '`framework`, `definitions`, `agency`, `pathway`, `plan`, `meeting`';

describe('schema/kind', () => {
  it('is registered as an error rule of the per-document stage', () => {
    expect(schemaKind).toMatchObject({ id: 'schema/kind', scope: 'document', defaultSeverity: 'error' });
    expect(RULES).toContain(schemaKind);
  });

  it('every known kind passes', () => {
    for (const kind of ['framework', 'definitions', 'agency', 'pathway', 'plan', 'meeting']) {
      expect(runRule(schemaKind, { 'doc.md': `---\nkind: ${kind}\nid: x\n---\n` })).toEqual([]);
    }
  });

  it('a Markdown file without frontmatter is not a document and gives no finding', () => {
    const file = parse('# Notes\n\nkind: agency\n\n---\n\nMore text.\n');
    expect(file.isDocument).toBe(false);
    expect(file.diagnostics).toEqual([]);
    expect(runRule(schemaKind, { 'notes.md': '# Notes\n' })).toEqual([]);
  });

  it('frontmatter with no kind: on the first key, never line 1', () => {
    expect(parse('---\n# a comment\nid: police\nname: Police\n---\n# Police\n').diagnostics.map(brief)).toEqual([
      { ruleId: 'schema/kind', line: 3, column: 1, endLine: 3, endColumn: 3, message: `The frontmatter has no \`kind\`: add \`kind:\` with one of ${KINDS}` },
    ]);
  });

  it('a kind with a typo: on the value, with a did-you-mean', () => {
    expect(parse('---\nid: police\nkind: agncy\n---\n').diagnostics.map(brief)).toEqual([
      { ruleId: 'schema/kind', line: 3, column: 7, endLine: 3, endColumn: 12, message: '`agncy` is not a document kind: did you mean `agency`?' },
    ]);
  });

  it('an unknown kind far from any: lists the kinds', () => {
    expect(parse('---\nkind: memorandum-of-understanding\n---\n').diagnostics.map(brief)).toEqual([
      { ruleId: 'schema/kind', line: 2, column: 7, endLine: 2, endColumn: 34, message: `\`memorandum-of-understanding\` is not a document kind: use one of ${KINDS}` },
    ]);
  });

  it('a kind that is not text', () => {
    expect(parse('---\nkind: 3\n---\n').diagnostics.map((d) => d.message)).toEqual([`\`3\` is not a document kind: use one of ${KINDS}`]);
    expect(parse('---\nkind: [agency]\n---\n').diagnostics.map(brief)).toEqual([
      { ruleId: 'schema/kind', line: 2, column: 7, endLine: 2, endColumn: 15, message: `A list is not a document kind: use one of ${KINDS}` },
    ]);
  });

  it('a kind in another case is not accepted', () => {
    expect(parse('---\nkind: Agency\n---\n').diagnostics.map((d) => d.message)).toEqual(['`Agency` is not a document kind: did you mean `agency`?']);
  });

  it('`kind` inherited from Object.prototype does not count', () => {
    expect(parse('---\n__proto__: { kind: agency }\nid: x\n---\n').diagnostics.map((d) => d.ruleId)).toEqual(['schema/kind']);
  });

  it('frontmatter that is not a mapping', () => {
    expect(parse('---\n- kind\n- agency\n---\n').diagnostics.map(brief)).toEqual([
      { ruleId: 'schema/kind', line: 2, column: 1, endLine: 3, endColumn: 9, message: 'The frontmatter is not a mapping of keys to values: start it with `kind:` and `id:`' },
    ]);
  });

  it('empty frontmatter: on the opening fence', () => {
    expect(parse('---\n---\n# Title\n').diagnostics.map(brief)).toEqual([
      { ruleId: 'schema/kind', line: 1, column: 1, endLine: 1, endColumn: 4, message: 'The frontmatter is empty: start it with `kind:` and `id:`' },
    ]);
  });

  it('no schema/shape finding is added for a document without a known kind', () => {
    expect(parse('---\nkind: agncy\nid: Not An Id\nbogus: 1\n---\n').diagnostics.map((d) => d.ruleId)).toEqual(['schema/kind']);
  });
});
