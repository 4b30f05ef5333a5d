import { defineRule } from '../model/rule.js';
import { missingBudgetFields } from '../util/budget.js';
import { itemsOf, own, str } from '../util/data.js';
import { code, joinWords } from '../util/words.js';

/** An intervention without a complete budget (amount, currency, funded_by). */
export const planUnbudgeted = defineRule({
  id: 'plan/unbudgeted',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'An intervention without a complete budget (amount, currency, funded_by)',
  help:
    'A multi-sectoral plan is only credible when every intervention is fully budgeted: how much, in which currency, and who pays. ' +
    'Give each intervention a `budget` with `amount`, `currency` (ISO 4217) and `funded_by` (an agency id, or `{ external: "..." }` for a body outside the set). ' +
    'The finding points at the `budget` that lacks a field, or at the intervention\'s `id` when it has no budget at all.',
  messages: {
    noBudget: 'Intervention `{{id}}` has no budget: add `budget: { amount, currency, funded_by }`',
    incomplete: 'The budget of intervention `{{id}}` has no {{fields}}: add {{them}}',
  },
  examples: {
    invalid: `kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    budget: { amount: 2500000, currency: USD }`,
    valid: `kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    budget: { amount: 2500000, currency: USD, funded_by: ministry-of-finance }`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('plan')) {
      for (const [intervention, i] of itemsOf(doc.data, 'interventions')) {
        const id = str(intervention, 'id') ?? `#${i + 1}`;
        const budget = own(intervention, 'budget');
        if (budget === undefined || budget === null) {
          report({ doc, at: own(intervention, 'id') === undefined ? ['interventions', i] : ['interventions', i, 'id'], messageId: 'noBudget', data: { id } });
          continue;
        }
        const missing = missingBudgetFields(budget);
        if (missing.length === 0) continue;
        report({
          doc,
          at: ['interventions', i, 'budget'],
          messageId: 'incomplete',
          data: { id, fields: joinWords(code(missing)), them: missing.length === 1 ? 'it' : 'them' },
        });
      }
    }
  },
});

