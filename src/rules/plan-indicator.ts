import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';
import { code, joinWords } from '../util/words.js';

/** Whether an indicator field holds a value (0 is a baseline; an empty string is not a source). */
function present(value: unknown): boolean {
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** A target without an indicator, or an indicator without baseline and source. */
export const planIndicator = defineRule({
  id: 'plan/indicator',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: 'A target without an indicator, or an indicator without baseline and source',
  help:
    'Monitoring needs every target to name the indicator that measures it, and every indicator to say where it starts (`baseline`) ' +
    'and where its data come from (`source`). A target without `indicator` is reported at its `id`; an indicator that lacks ' +
    '`baseline`, `source` or both is reported at its `id`.',
  messages: {
    noIndicator: 'Target `{{id}}` has no indicator: add `indicator:` with the id of an indicator in the plan\'s `indicators`',
    incomplete: 'Indicator `{{id}}` has no {{fields}}: add {{them}}, so that progress can be measured',
  },
  examples: {
    invalid: `kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    targets:
      - { id: sart-50, horizon: short, due: 2026-12-31 }
indicators:
  - { id: sart-coverage, definition: "% of provinces with a SART" }`,
    valid: `kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    targets:
      - { id: sart-50, horizon: short, due: 2026-12-31, indicator: sart-coverage }
indicators:
  - { id: sart-coverage, definition: "% of provinces with a SART", baseline: 10, source: MoH records }`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('plan')) {
      for (const [intervention, i] of itemsOf(doc.data, 'interventions')) {
        for (const [target, j] of itemsOf(intervention, 'targets')) {
          if (present(own(target, 'indicator'))) continue;
          const at = own(target, 'id') === undefined ? ['interventions', i, 'targets', j] : ['interventions', i, 'targets', j, 'id'];
          report({ doc, at, messageId: 'noIndicator', data: { id: str(target, 'id') ?? `#${j + 1}` } });
        }
      }
      for (const [indicator, k] of itemsOf(doc.data, 'indicators')) {
        const missing = (['baseline', 'source'] as const).filter((field) => !present(own(indicator, field)));
        if (missing.length === 0) continue;
        const at = own(indicator, 'id') === undefined ? ['indicators', k] : ['indicators', k, 'id'];
        report({ doc, at, messageId: 'incomplete', data: { id: str(indicator, 'id') ?? `#${k + 1}`, fields: joinWords(code(missing)), them: missing.length === 1 ? 'it' : 'them' } });
      }
    }
  },
});
