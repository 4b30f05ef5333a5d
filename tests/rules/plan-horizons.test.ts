import { planHorizons } from '../../src/rules/plan-horizons.js';
import { BASE, testRule } from '../helpers/test-rule.js';

/** A plan with one intervention whose targets are given as flow mappings, one per line from line 9. */
const plan = (...targets: string[]) => `---
kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    targets:
${targets.map((t) => `      - ${t}\n`).join('')}---
# Plan
`;
const short = '{ id: t-short, horizon: short, due: 2027-01-01 }';
const medium = '{ id: t-medium, horizon: medium, due: 2027-01-02 }';
const long = '{ id: t-long, horizon: long, due: 2030-12-31 }';

testRule(planHorizons, {
  valid: [
    { name: 'one target per horizon, each on the last day of its band or the first', docs: { ...BASE, 'plan.md': plan(short, medium, long) } },
    {
      name: 'near miss: medium due exactly three years after the start, long the day after',
      docs: { ...BASE, 'plan.md': plan(short, '{ id: m, horizon: medium, due: 2029-01-01 }', '{ id: l, horizon: long, due: 2029-01-02 }') },
    },
    { name: 'targets without horizon count for the band their due falls in', docs: { ...BASE, 'plan.md': plan('{ id: a, due: 2026-06-30 }', '{ id: b, due: 2028-06-30 }', '{ id: c, due: 2030-06-30 }') } },
    {
      name: 'horizons spread over several interventions',
      docs: { ...BASE, 'plan.md': plan(short).replace('---\n# Plan', `  - id: other\n    title: Other\n    targets: [${medium}, ${long}]\n---\n# Plan`) },
    },
  ],
  invalid: [
    {
      name: 'a short target due after one year (it still counts for the horizon it declares: one finding)',
      docs: { ...BASE, 'plan.md': plan('{ id: t-short, horizon: short, due: 2028-06-30 }', medium, long) },
      errors: [
        { file: 'plan.md', line: 9, column: 45, messageId: 'wrongHorizon', data: { id: 't-short', due: '2028-06-30', horizon: 'short', span: '2026-01-01 to 2027-01-01', actual: 'medium' } },
      ],
    },
    {
      name: 'a long target due before three years, and one outside the period',
      docs: { ...BASE, 'plan.md': plan(short, medium, '{ id: t-long, horizon: long, due: 2028-12-31 }', '{ id: late, horizon: long, due: 2031-01-01 }') },
      errors: [
        { file: 'plan.md', line: 11, column: 43, messageId: 'wrongHorizon', data: { id: 't-long', due: '2028-12-31', horizon: 'long', span: 'after 2029-01-01, by 2030-12-31', actual: 'medium' } },
        { file: 'plan.md', line: 12, column: 41, messageId: 'outsidePeriod', data: { id: 'late', due: '2031-01-01', start: '2026-01-01', end: '2030-12-31' } },
      ],
    },
    {
      name: 'a medium target due in the first year',
      docs: { ...BASE, 'plan.md': plan(short, '{ id: t-medium, horizon: medium, due: 2026-06-30 }', long) },
      errors: [
        { file: 'plan.md', line: 10, column: 47, messageId: 'wrongHorizon', data: { id: 't-medium', due: '2026-06-30', horizon: 'medium', span: 'after 2027-01-01, by 2029-01-01', actual: 'short' } },
      ],
    },
    {
      name: 'targets that cover short and long only',
      docs: { ...BASE, 'plan.md': plan(short, long) },
      errors: [{ file: 'plan.md', line: 5, column: 1, messageId: 'uncovered', data: { plan: 'nap', missing: '`medium`', first: 'medium' } }],
    },
    {
      name: 'a plan with no targets misses every horizon (position: the interventions key)',
      docs: { ...BASE, 'plan.md': plan().replace('    targets:\n', '') },
      errors: [{ file: 'plan.md', line: 5, column: 1, messageId: 'uncovered', data: { plan: 'nap', missing: '`short`, `medium` or `long`', first: 'short' } }],
    },
    {
      name: 'a plan without interventions (position: its id)',
      docs: { ...BASE, 'plan.md': '---\nkind: plan\nid: nap\nperiod: { start: 2026-01-01, end: 2030-12-31 }\n---\n' },
      errors: [{ file: 'plan.md', line: 3, column: 5, messageId: 'uncovered', data: { plan: 'nap', missing: '`short`, `medium` or `long`', first: 'short' } }],
    },
  ],
});
