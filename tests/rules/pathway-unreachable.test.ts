import { pathwayUnreachable } from '../../src/rules/pathway-unreachable.js';
import { testRule } from '../helpers/test-rule.js';

// steps start on lines 7, 10, 13 and 16 (ids at column 9)
const pathway = (entry: string, a: string, b: string, c: string, d: string) => ({
  'pathway.md': `---
kind: pathway
id: sv
title: Sexual violence
entry: ${entry}
steps:
  - id: first-contact
    action: Respond.
${a}  - id: medical-care
    action: Treat.
${b}  - id: counselling
    action: Support.
${c}  - id: follow-up
    action: Follow up.
${d}---
# Pathway
`,
});
const next = (...ids: string[]) => `    next: [${ids.join(', ')}]\n`;
const after = (id: string) => `    after: ${id}\n`;
/** A step with neither `next` nor `after` (one line, so that the lines above stay put). */
const none = '    notes: no link\n';

/** The pathway with one text replaced. */
const edit = (docs: { 'pathway.md': string }, from: string, to: string) => ({ 'pathway.md': docs['pathway.md'].replace(from, to) });

testRule(pathwayUnreachable, {
  valid: [
    { name: 'a chain through next', docs: pathway('first-contact', next('medical-care'), next('counselling'), next('follow-up'), none) },
    { name: 'branches and a loop back', docs: pathway('first-contact', next('medical-care', 'counselling'), next('follow-up'), next('follow-up'), next('first-contact')) },
    { name: 'two steps counted from the same step', docs: pathway('first-contact', next('medical-care'), none, after('medical-care'), after('medical-care')) },
    { name: 'a step id written twice (ref/duplicate-id’s finding): both are reached by the id', docs: edit(pathway('first-contact', next('medical-care'), next('follow-up'), next('first-contact'), none), 'id: counselling', 'id: follow-up') },
    { name: 'a step with `after` follows that step', docs: pathway('first-contact', next('medical-care'), next('counselling'), none, after('counselling')) },
    { name: 'a pathway without entry (schema/shape’s finding)', docs: edit(pathway('first-contact', none, none, none, none), 'entry: first-contact\n', '') },
    { name: 'a step without id (schema/shape’s finding) is skipped', docs: edit(pathway('first-contact', next('medical-care'), next('counselling'), next('follow-up'), none), '  - id: follow-up\n', '  - x-draft: true\n') },
    { name: 'an unknown entry is ref/unknown’s finding', docs: pathway('first-contac', none, none, none, none) },
  ],
  invalid: [
    {
      name: 'a step that no next points to',
      docs: pathway('first-contact', next('medical-care'), next('follow-up'), next('follow-up'), none),
      errors: [{ file: 'pathway.md', line: 13, column: 9, endColumn: 20, messageId: 'unreachable', data: { step: 'counselling', entry: 'first-contact' } }],
    },
    {
      name: 'steps reachable only from each other, or pointing back to the entry',
      docs: pathway('first-contact', none, next('counselling'), next('medical-care', 'first-contact'), after('medical-care')),
      errors: [
        { file: 'pathway.md', line: 10, column: 9, messageId: 'unreachable', data: { step: 'medical-care', entry: 'first-contact' } },
        { file: 'pathway.md', line: 13, column: 9 },
        { file: 'pathway.md', line: 16, column: 9 },
      ],
    },
    {
      name: 'the entry is another step: the steps before it are unreachable',
      docs: pathway('medical-care', next('medical-care'), next('counselling'), next('follow-up'), none),
      errors: [{ file: 'pathway.md', line: 7, column: 9, messageId: 'unreachable', data: { step: 'first-contact', entry: 'medical-care' } }],
    },
  ],
});
