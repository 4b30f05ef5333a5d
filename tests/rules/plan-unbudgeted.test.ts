import { planUnbudgeted } from '../../src/rules/plan-unbudgeted.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// line 7 holds the intervention id (column 9), line 9 the budget (column 13)
const plan = (budget: string, extra = '') => `---
kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
${budget}${extra}---
# Plan
`;

testRule(planUnbudgeted, {
  valid: [
    { name: 'a complete budget, funded by an agency', docs: { ...BASE, 'plan.md': plan('    budget: { amount: 2500000, currency: USD, funded_by: police, line: "MoH 04-112" }\n') } },
    { name: 'an amount of 0 is an amount', docs: { ...BASE, 'plan.md': plan('    budget: { amount: 0, currency: USD, funded_by: police }\n') } },
    { name: 'funded by an external party', docs: { ...BASE, 'plan.md': plan('    budget:\n      amount: 10000\n      currency: EUR\n      funded_by: { external: "Provincial Budget 2026" }\n') } },
    { name: 'a plan without interventions', docs: { ...BASE, 'plan.md': '---\nkind: plan\nid: nap\nperiod: { start: 2026-01-01, end: 2030-12-31 }\n---\n' } },
  ],
  invalid: [
    {
      name: 'a budget without funded_by (position: the budget value)',
      docs: { ...BASE, 'plan.md': plan('    budget: { amount: 2500000, currency: USD }\n') },
      errors: [{ file: 'plan.md', line: 8, column: 13, messageId: 'incomplete', data: { id: 'sart-rollout', fields: '`funded_by`', them: 'it' } }],
    },
    {
      name: 'a block budget with an empty external party and no currency',
      docs: { ...BASE, 'plan.md': plan('    budget:\n      amount: 10000\n      funded_by: { external: "" }\n') },
      errors: [{ file: 'plan.md', line: 9, column: 7, messageId: 'incomplete', data: { id: 'sart-rollout', fields: '`currency` and `funded_by`', them: 'them' } }],
    },
    {
      name: 'no budget at all (position: the intervention id)',
      docs: { ...BASE, 'plan.md': plan('', '  - id: no-money\n    title: Another one\n    budget: { currency: USD }\n') },
      errors: [
        { file: 'plan.md', line: 6, column: 9, messageId: 'noBudget', data: { id: 'sart-rollout' } },
        { file: 'plan.md', line: 10, column: 13, messageId: 'incomplete', data: { id: 'no-money', fields: '`amount` and `funded_by`', them: 'them' } },
      ],
    },
  ],
});
