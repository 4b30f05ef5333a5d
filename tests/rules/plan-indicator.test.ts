import { planIndicator } from '../../src/rules/plan-indicator.js';
import { BASE, testRule } from '../helpers/test-rule.js';

const plan = (target: string, indicators: string) => `---
kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    targets:
      - ${target}
indicators:
${indicators}---
# Plan
`;
const target = '{ id: sart-50, horizon: short, due: 2026-12-31, indicator: sart-coverage }';

testRule(planIndicator, {
  valid: [
    { name: 'indicator with baseline and source', docs: { ...BASE, 'plan.md': plan(target, '  - { id: sart-coverage, definition: "% of provinces", baseline: 10, source: MoH records }\n') } },
    { name: 'near miss: a baseline of 0', docs: { ...BASE, 'plan.md': plan(target, '  - { id: sart-coverage, baseline: 0, source: MoH records }\n') } },
  ],
  invalid: [
    {
      name: 'a target without indicator (position: its id)',
      docs: { ...BASE, 'plan.md': plan('{ id: sart-50, horizon: short, due: 2026-12-31 }', '  - { id: sart-coverage, baseline: 10, source: MoH records }\n') },
      errors: [{ file: 'plan.md', line: 9, column: 15, messageId: 'noIndicator', data: { id: 'sart-50' } }],
    },
    {
      name: 'an indicator without baseline (position: its id, as the bench expects)',
      docs: { ...BASE, 'plan.md': plan(target, '  - id: sart-coverage\n    definition: "% of provinces"\n    source: MoH records\n') },
      errors: [{ file: 'plan.md', line: 11, column: 9, messageId: 'incomplete', data: { id: 'sart-coverage', fields: '`baseline`', them: 'it' } }],
    },
    {
      name: 'an indicator without baseline and source, and one with an empty source',
      docs: { ...BASE, 'plan.md': plan(target, '  - { id: sart-coverage }\n  - { id: other, baseline: 3, source: "" }\n') },
      errors: [
        { file: 'plan.md', line: 11, column: 11, messageId: 'incomplete', data: { id: 'sart-coverage', fields: '`baseline` and `source`', them: 'them' } },
        { file: 'plan.md', line: 12, column: 11, messageId: 'incomplete', data: { id: 'other', fields: '`source`', them: 'it' } },
      ],
    },
  ],
});
