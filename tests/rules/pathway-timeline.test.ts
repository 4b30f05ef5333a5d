import { pathwayTimeline } from '../../src/rules/pathway-timeline.js';
import { testRule } from '../helpers/test-rule.js';

/** A step in four lines, so that step k's `within` is on line 9 + 4k, column 13. */
const step = (id: string, within: string | undefined, link = '    notes: last step') => `  - id: ${id}
    action: Do ${id}.
${within === undefined ? '    notes: untimed' : `    within: ${within}`}
${link}
`;
const pathway = (...steps: string[]) => ({
  'pathway.md': `---
kind: pathway
id: sv
title: Sexual violence
entry: a
steps:
${steps.join('')}---
# Pathway
`,
});
const next = (...ids: string[]) => `    next: [${ids.join(', ')}]`;
const after = (id: string) => `    after: ${id}`;

testRule(pathwayTimeline, {
  valid: [
    { name: 'later steps, later times', docs: pathway(step('a', 'PT1H', next('b')), step('b', 'PT24H', next('c')), step('c', 'P3D')) },
    { name: 'equal times in other units (PT24H, P1D, PT1440M)', docs: pathway(step('a', 'PT24H', next('b')), step('b', 'P1D', next('c')), step('c', 'PT1440M')) },
    { name: 'months and days: P1M is 30 days', docs: pathway(step('a', 'P1M', next('b')), step('b', 'P30D', next('c')), step('c', 'P5W')) },
    { name: 'PT72H before P4D (not compared as text)', docs: pathway(step('a', 'PT72H', next('b')), step('b', 'P4D')) },
    { name: 'a step counted from another with `immediate` is not earlier', docs: pathway(step('a', 'PT4H', next('b')), step('b', 'immediate', after('a'))) },
    { name: 'a short `within` counted from a later step (after)', docs: pathway(step('a', 'P7D', next('b')), step('b', 'PT1H', after('a'))) },
    { name: 'steps counted from each other (a cycle) have no latest time', docs: pathway(step('a', 'P7D', next('b')), step('b', 'PT1H', after('c')), step('c', 'PT1H', after('b'))) },
    { name: 'counted from an unknown step: no latest time', docs: pathway(step('a', 'P7D', next('b')), step('b', 'PT1H', after('x'))) },
    { name: 'a step that leads to itself', docs: pathway(step('a', 'P7D', next('a'))) },
    { name: 'a step without id (schema/shape’s finding) is skipped', docs: pathway(step('a', 'P7D', next('b')), step('b', 'PT1H').replace('  - id: b\n', '  - x-draft: true\n')) },
    { name: 'an untimed step in between: no comparison across it', docs: pathway(step('a', 'PT72H', next('b')), step('b', undefined, next('c')), step('c', 'PT1H')) },
    { name: 'after an untimed step, no latest time', docs: pathway(step('a', undefined, next('b')), step('b', 'PT1H', after('a') + '\n' + next('c')), step('c', 'PT2H')) },
  ],
  invalid: [
    {
      name: 'a step due before the step that leads to it',
      docs: pathway(step('a', 'P2D', next('b')), step('b', 'PT36H')),
      errors: [
        {
          file: 'pathway.md',
          line: 13,
          column: 13,
          endColumn: 18,
          messageId: 'earlier',
          data: { step: 'b', latest: '`PT36H`', previous: 'a', previousLatest: '`P2D`' },
          related: [{ file: 'pathway.md', line: 9, column: 13 }],
        },
      ],
    },
    {
      // b takes five lines (after and next), so c's within is on line 18
      name: 'the earlier step counts from another (after): its latest time is the sum',
      docs: pathway(step('a', 'PT24H', next('b')), step('b', 'PT24H', after('a') + '\n' + next('c')), step('c', 'PT36H')),
      errors: [{ file: 'pathway.md', line: 18, column: 13, messageId: 'earlier', data: { step: 'c', latest: '`PT36H`', previous: 'b', previousLatest: '`PT48H`' }, related: [{ file: 'pathway.md', line: 13, column: 13 }] }],
    },
    {
      name: 'two steps lead to it: one finding, naming the latest',
      docs: pathway(step('a', 'PT72H', next('b', 'c')), step('b', 'PT96H', next('c')), step('c', 'PT48H')),
      errors: [
        {
          file: 'pathway.md',
          line: 17,
          column: 13,
          messageId: 'earlier',
          data: { step: 'c', latest: '`PT48H`', previous: 'b', previousLatest: '`PT96H`' },
          related: [
            { file: 'pathway.md', line: 13, column: 13 },
            { file: 'pathway.md', line: 9, column: 13 },
          ],
        },
      ],
    },
    {
      name: 'two steps with the same time lead to it: related in step order',
      docs: pathway(step('a', 'PT24H', next('b', 'c')), step('b', 'P1D', next('c')), step('c', 'PT12H')),
      errors: [
        {
          file: 'pathway.md',
          line: 17,
          column: 13,
          messageId: 'earlier',
          data: { step: 'c', latest: '`PT12H`', previous: 'a', previousLatest: '`PT24H`' },
          related: [
            { file: 'pathway.md', line: 9, column: 13 },
            { file: 'pathway.md', line: 13, column: 13 },
          ],
        },
      ],
    },
  ],
});
