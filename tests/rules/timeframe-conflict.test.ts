import { timeframeConflict } from '../../src/rules/timeframe-conflict.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// step `within` values: first-contact on line 9, medical-care (counted after first-contact) on line 13, column 13
const pathway = `---
kind: pathway
id: sv
title: Sexual violence
entry: first-contact
steps:
  - id: first-contact
    action: Respond.
    within: PT4H
    next: [medical-care]
  - id: medical-care
    action: Treat.
    within: PT24H
    after: first-contact
    next: [counselling]
  - id: counselling
    action: Support.
---
# Pathway
`;
// the responsibility's `within` is on line 13, column 13
const hospital = (within: string, step: string) => `---
kind: agency
id: hospital
name: Hospital
sector: health
type: government
roles:
  - { id: doctor, title: Doctor }
responsibilities:
  - id: treat
    role: doctor
    action: Treat.
    ${within}
    step: ${step}
---
# Hospital
`;
const set = (within: string, step: string) => ({ ...BASE, 'pathway.md': pathway, 'hospital.md': hospital(within, step) });

testRule(timeframeConflict, {
  valid: [
    { name: 'as long as the step', docs: set('within: PT24H', 'sv/medical-care') },
    { name: 'as long as the step, in other units', docs: set('within: P1D', 'sv/medical-care') },
    { name: 'shorter than the step', docs: set('within: immediate', 'sv/first-contact') },
    { name: 'shorter than each step of a list', docs: set('within: PT4H', '[sv/first-contact, sv/medical-care]') },
    { name: 'a step list with an item that is not a reference (schema/shape’s finding)', docs: set('within: PT4H', '[42, sv/first-contact]') },
    { name: 'an untimed step', docs: set('within: P30D', 'sv/counselling') },
    { name: 'an untimed responsibility', docs: set('notes: untimed', 'sv/first-contact') },
    { name: 'an unknown step is ref/unknown’s finding', docs: set('within: P30D', 'sv/first-contac') },
  ],
  invalid: [
    {
      name: 'longer than the step it implements',
      docs: set('within: PT48H', 'sv/medical-care'),
      errors: [
        {
          file: 'hospital.md',
          line: 13,
          column: 13,
          endColumn: 18,
          messageId: 'longer',
          data: { within: '`PT48H`', stepWithin: '`PT24H`', step: 'sv/medical-care', file: 'pathway.md' },
          related: [{ file: 'pathway.md', line: 13, column: 13 }],
        },
      ],
    },
    {
      // the step's latest time is 28 hours (after first-contact), but its `within` says 24
      name: 'compared with the step’s `within` as written, not its latest time',
      docs: set('within: PT26H', 'sv/medical-care'),
      errors: [{ file: 'hospital.md', line: 13, column: 13, messageId: 'longer', data: { within: '`PT26H`', stepWithin: '`PT24H`', step: 'sv/medical-care', file: 'pathway.md' } }],
    },
    {
      name: 'a list of steps: the one it is longer than',
      docs: set('within: PT12H', '[sv/medical-care, sv/first-contact]'),
      errors: [{ file: 'hospital.md', line: 13, column: 13, messageId: 'longer', data: { within: '`PT12H`', stepWithin: '`PT4H`', step: 'sv/first-contact', file: 'pathway.md' }, related: [{ file: 'pathway.md', line: 9, column: 13 }] }],
    },
    {
      name: 'longer than two steps of a list: one finding, naming the shortest',
      docs: set('within: P2D', '[sv/medical-care, sv/first-contact]'),
      errors: [
        {
          file: 'hospital.md',
          line: 13,
          column: 13,
          messageId: 'longer',
          data: { within: '`P2D`', stepWithin: '`PT4H`', step: 'sv/first-contact', file: 'pathway.md' },
          related: [
            { file: 'pathway.md', line: 13, column: 13 },
            { file: 'pathway.md', line: 9, column: 13 },
          ],
        },
      ],
    },
  ],
});
