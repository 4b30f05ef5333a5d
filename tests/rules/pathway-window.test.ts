import { pathwayWindow } from '../../src/rules/pathway-window.js';
import { testRule } from '../helpers/test-rule.js';

// medical-care's `within` is on line 13, column 13; the windows' `within` on lines 16 (column 44) and 17 (column 64)
const pathway = (first: string, medical: string, link = '    notes: no after') => ({
  'pathway.md': `---
kind: pathway
id: sv
title: Sexual violence
entry: first-contact
steps:
  - id: first-contact
    action: Respond.
    ${first}
    next: [medical-care]
  - id: medical-care
    action: Treat.
    ${medical}
${link}
windows:
  - { id: pep, step: medical-care, within: PT72H, source: "WHO 2013" }
  - { id: emergency-contraception, step: medical-care, within: PT120H }
---
# Pathway
`,
});

testRule(pathwayWindow, {
  valid: [
    { name: 'within both windows', docs: pathway('within: PT1H', 'within: PT12H') },
    { name: 'exactly at the window: met', docs: pathway('within: PT1H', 'within: PT72H') },
    { name: 'P3D is PT72H (not compared as text)', docs: pathway('within: PT1H', 'within: P3D') },
    { name: 'an untimed step has no latest time', docs: pathway('within: PT1H', 'x-untimed: true') },
    { name: 'no windows', docs: { 'pathway.md': pathway('within: PT1H', 'within: P30D')['pathway.md'].replace(/windows:\n.*\n.*\n/, '') } },
    { name: 'a window without step, or for an unknown step (ref/unknown’s finding)', docs: { 'pathway.md': pathway('within: PT1H', 'within: P30D')['pathway.md'].replace('step: medical-care, ', '').replace('step: medical-care', 'step: medical') } },
    { name: 'counted from an untimed step: no latest time', docs: pathway('notes: untimed', 'within: P10D', '    after: first-contact') },
    { name: 'counted from a step, with `immediate`', docs: pathway('within: PT72H', 'within: immediate', '    after: first-contact') },
  ],
  invalid: [
    {
      name: 'past the PEP window, within emergency contraception',
      docs: pathway('within: PT1H', 'within: P4D'),
      errors: [
        {
          file: 'pathway.md',
          line: 13,
          column: 13,
          endColumn: 16,
          messageId: 'late',
          data: { step: 'medical-care', latest: '`P4D`', window: 'pep', within: '`PT72H`', source: ': WHO 2013' },
          related: [{ file: 'pathway.md', line: 16, column: 44 }],
        },
      ],
    },
    {
      name: 'past both windows: one finding per window',
      docs: pathway('within: PT1H', 'within: P6D'),
      errors: [
        { file: 'pathway.md', line: 13, column: 13, messageId: 'late', data: { step: 'medical-care', latest: '`P6D`', window: 'emergency-contraception', within: '`PT120H`', source: '' }, related: [{ file: 'pathway.md', line: 17, column: 64 }] },
        { file: 'pathway.md', line: 13, column: 13, messageId: 'late', data: { step: 'medical-care', latest: '`P6D`', window: 'pep', within: '`PT72H`', source: ': WHO 2013' }, related: [{ file: 'pathway.md', line: 16, column: 44 }] },
      ],
    },
    {
      name: 'a window without id (schema/shape’s finding) is named by its place',
      docs: { 'pathway.md': pathway('within: PT1H', 'within: P4D')['pathway.md'].replace('{ id: pep, ', '{ ') },
      errors: [{ file: 'pathway.md', line: 13, column: 13, messageId: 'late', data: { step: 'medical-care', latest: '`P4D`', window: '#1', within: '`PT72H`', source: ': WHO 2013' } }],
    },
    {
      name: 'counted from the step before (after): the sum is past the window',
      docs: pathway('within: PT48H', 'within: PT36H', '    after: first-contact'),
      errors: [{ file: 'pathway.md', line: 13, column: 13, messageId: 'late', data: { step: 'medical-care', latest: '`PT84H`', window: 'pep', within: '`PT72H`', source: ': WHO 2013' }, related: [{ file: 'pathway.md', line: 16 }] }],
    },
  ],
});
