import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { RULES } from '../../src/rules/index.js';
import { primaryFramework, setFramework } from '../../src/rules/set-framework.js';
import { protocolDocuments } from '../../src/check/run-rules.js';
import { BASE, parseDocs, testRule } from '../helpers/test-rule.js';

const framework = (id: string, status: string) => (BASE['framework.md'] as string).replace('id: test-framework', `id: ${id}`).replace('status: adopted', `status: ${status}`);
const agency = '---\nkind: agency\nid: police\nname: Police\nsector: police\ntype: government\n---\n# Police\n';

testRule(setFramework, {
  valid: [
    { name: 'exactly one framework', docs: BASE },
    { name: 'one framework with schema problems still counts', docs: { ...BASE, 'framework.md': framework('test-framework', 'in-force') } },
    { name: 'Markdown files without frontmatter are not documents', docs: { ...BASE, 'README.md': '# Read me\n' } },
    { name: 'an empty set has nothing to report on', docs: { 'README.md': '# Read me\n' } },
  ],
  invalid: [
    {
      name: 'no framework: on the first document (by path)',
      docs: { 'definitions.md': BASE['definitions.md'] as string, 'agencies/police.md': agency },
      errors: [{ file: 'agencies/police.md', line: 2, column: 7, messageId: 'missing' }],
    },
    {
      name: 'two drafts: the first by path is kept',
      docs: { ...BASE, 'framework.md': framework('a', 'draft'), 'z-framework.md': framework('b', 'draft') },
      errors: [{ file: 'z-framework.md', line: 2, column: 7, messageId: 'extra', data: { first: 'framework.md', why: '' }, related: [{ file: 'framework.md', line: 2, column: 7 }] }],
    },
    {
      name: 'the adopted framework is kept even when another comes first by path',
      docs: { ...BASE, 'a-draft.md': framework('draft-2027', 'draft'), 'framework.md': framework('national', 'adopted'), 'old/superseded.md': framework('old', 'superseded') },
      errors: [
        { file: 'a-draft.md', line: 2, column: 7, messageId: 'extra', data: { first: 'framework.md', why: ' (the adopted one)' }, related: [{ file: 'framework.md', line: 2, column: 7 }] },
        { file: 'old/superseded.md', line: 2, column: 7, messageId: 'extra', data: { first: 'framework.md', why: ' (the adopted one)' }, related: [{ file: 'framework.md', line: 2, column: 7 }] },
      ],
    },
    {
      name: 'two adopted frameworks: the first by path is kept',
      docs: { ...BASE, 'b.md': framework('b', 'adopted'), 'a.md': framework('a', 'draft') },
      errors: [
        { file: 'a.md', line: 2, column: 7, messageId: 'extra', data: { first: 'b.md', why: ' (the adopted one)' } },
        { file: 'framework.md', line: 2, column: 7, messageId: 'extra', data: { first: 'b.md', why: ' (the adopted one)' } },
      ],
    },
  ],
});

describe('set/framework', () => {
  it('the message reads well', () => {
    const found = runRules(parseDocs({ ...BASE, 'a-draft.md': framework('draft-2027', 'draft') }), { rules: RULES }).filter((d) => d.ruleId === 'set/framework');
    expect(found.map((d) => [d.file, d.message, d.related?.[0]?.message])).toEqual([
      ['a-draft.md', 'A second `framework` document: a set holds exactly one, so merge it into framework.md (the adopted one) or remove it', 'The adopted framework, kept'],
    ]);
    const missing = runRules(parseDocs({ 'agency.md': agency }), { rules: RULES }).filter((d) => d.ruleId === 'set/framework');
    expect(missing.map((d) => d.message)).toEqual(['The set has no `framework` document: add one (kind: framework) that names the coordinating body, professions and legal basis']);
  });

  it('primaryFramework: adopted first, else first by path; none for none', () => {
    const docs = protocolDocuments(parseDocs({ 'b.md': framework('b', 'draft'), 'a.md': framework('a', 'consultation'), 'c.md': framework('c', 'adopted') }));
    expect(primaryFramework(docs)?.file).toBe('c.md');
    expect(primaryFramework(docs.filter((d) => d.file !== 'c.md'))?.file).toBe('a.md');
    expect(primaryFramework([])).toBeUndefined();
  });

  it('is not run by `validate`', () => {
    expect(setFramework.checkOnly).toBe(true);
  });
});
