import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { RULES } from '../../src/rules/index.js';
import { refDuplicateId } from '../../src/rules/ref-duplicate-id.js';
import { BASE, parseDocs, testRule } from '../helpers/test-rule.js';

const agency = (id: string, extra = '') => `---
kind: agency
id: ${id}
name: Agency ${id}
sector: police
type: government
roles:
  - { id: first-responder, title: First responder }
${extra}---
# ${id}
`;
const pathway = (id: string, steps: string) => `---
kind: pathway
id: ${id}
title: Pathway ${id}
entry: a
steps:
${steps}---
`;
const definitions = (id: string, termId: string) => `---
kind: definitions
id: ${id}
terms:
  - id: ${termId}
    term: ${termId}
    definition: A definition.
---
`;

testRule(refDuplicateId, {
  valid: [
    { name: 'distinct ids', docs: { ...BASE, 'a.md': agency('police'), 'b.md': agency('hospital') } },
    { name: 'the same id in different kinds', docs: { ...BASE, 'a.md': agency('police'), 'p.md': pathway('police', '  - { id: a, action: A. }\n') } },
    { name: 'the same role id in two agencies', docs: { ...BASE, 'a.md': agency('police'), 'b.md': agency('hospital') } },
    { name: 'the same step id in two pathways', docs: { ...BASE, 'p.md': pathway('p', '  - { id: a, action: A. }\n'), 'q.md': pathway('q', '  - { id: a, action: A. }\n') } },
    { name: 'documents without id are left to schema/shape', docs: { ...BASE, 'a.md': agency('police').replace('id: police\n', ''), 'b.md': agency('police').replace('id: police\n', '') } },
  ],
  invalid: [
    {
      name: 'two agency documents share an id: on the second id, the first as related location',
      docs: { ...BASE, 'agencies/a.md': agency('police'), 'agencies/b.md': agency('police') },
      errors: [
        { file: 'agencies/b.md', line: 3, column: 5, endLine: 3, endColumn: 11, messageId: 'duplicate', data: { what: 'agency document', id: 'police', first: 'agencies/a.md' }, related: [{ file: 'agencies/a.md', line: 3, column: 5 }] },
        { file: 'agencies/b.md', line: 8, column: 11, messageId: 'duplicate', data: { what: 'role', id: 'first-responder', first: 'agencies/a.md' }, related: [{ file: 'agencies/a.md', line: 8, column: 11 }] },
      ],
    },
    {
      name: 'a role defined twice in one agency',
      docs: { ...BASE, 'a.md': agency('police', '  - id: first-responder\n    title: Another\n') },
      errors: [{ file: 'a.md', line: 9, column: 9, messageId: 'duplicate', data: { what: 'role', id: 'first-responder', first: 'a.md' }, related: [{ file: 'a.md', line: 8, column: 11 }] }],
    },
    {
      name: 'a step defined twice in one pathway',
      docs: { ...BASE, 'p.md': pathway('p', '  - { id: a, action: A. }\n  - { id: b, action: B. }\n  - { id: a, action: C. }\n') },
      errors: [{ file: 'p.md', line: 9, column: 11, messageId: 'duplicate', data: { what: 'step', id: 'a', first: 'p.md' }, related: [{ file: 'p.md', line: 7, column: 11 }] }],
    },
    {
      name: 'a term defined in two definitions documents',
      docs: { ...BASE, 'more.md': definitions('more', 'survivor') },
      errors: [{ file: 'more.md', line: 5, column: 9, messageId: 'duplicate', data: { what: 'shared term', id: 'survivor', first: 'definitions.md' }, related: [{ file: 'definitions.md', line: 7, column: 11 }] }],
    },
    {
      name: 'a profession and a legal instrument defined twice in the framework',
      docs: {
        ...BASE,
        'framework.md': (BASE['framework.md'] as string)
          .replace('  - { id: health-worker, title: Health worker }\n', '  - { id: health-worker, title: Health worker }\n  - { id: police-officer, title: Officer }\n')
          .replace('legal_basis:\n', 'legal_basis:\n  - { id: vaw-act, title: Old act, type: statute }\n'),
      },
      errors: [
        { file: 'framework.md', line: 13, column: 11, messageId: 'duplicate', data: { what: 'profession', id: 'police-officer', first: 'framework.md' }, related: [{ file: 'framework.md', line: 11, column: 11 }] },
        { file: 'framework.md', line: 22, column: 11, messageId: 'duplicate', data: { what: 'legal instrument', id: 'vaw-act', first: 'framework.md' }, related: [{ file: 'framework.md', line: 21, column: 11 }] },
      ],
    },
    {
      name: 'three definitions of one id: two findings, each pointing at the first',
      docs: { ...BASE, 'a.md': agency('police'), 'b.md': agency('police'), 'c.md': agency('police') },
      errors: [
        { file: 'b.md', line: 3, column: 5, messageId: 'duplicate', data: { what: 'agency document', id: 'police', first: 'a.md' }, related: [{ file: 'a.md', line: 3 }] },
        { file: 'b.md', line: 8, column: 11, messageId: 'duplicate', data: { what: 'role', id: 'first-responder', first: 'a.md' } },
        { file: 'c.md', line: 3, column: 5, messageId: 'duplicate', data: { what: 'agency document', id: 'police', first: 'a.md' }, related: [{ file: 'a.md', line: 3 }] },
        { file: 'c.md', line: 8, column: 11, messageId: 'duplicate', data: { what: 'role', id: 'first-responder', first: 'a.md' } },
      ],
    },
  ],
});

describe('ref/duplicate-id', () => {
  it('the message and related location read well', () => {
    const found = runRules(parseDocs({ ...BASE, 'a.md': agency('police'), 'b.md': agency('police') }), { rules: RULES }).filter((d) => d.ruleId === 'ref/duplicate-id');
    expect(found[0]).toMatchObject({
      severity: 'error',
      message: 'The agency document id `police` is already defined in a.md: rename one of them',
      related: [{ file: 'a.md', range: { start: { line: 3, column: 5 }, end: { line: 3, column: 11 } }, message: 'First defined here' }],
      path: ['id'],
    });
  });
});
