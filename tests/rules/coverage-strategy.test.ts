import { coverageStrategy } from '../../src/rules/coverage-strategy.js';
// the registry registers the meeting/* and referral/* rules that coverage runs
import '../../src/rules/index.js';
import { FULL_SET, withChange } from '../coverage/full-set.js';
import { testRule } from '../helpers/test-rule.js';

const noAddresses = withChange('plan.md', (t) => t.replace('    addresses: [men-as-allies, serial-perpetrators-multiple-forms]\n', ''));
const { ['plan.md']: _plan, ...noPlan } = FULL_SET;
const missing = (id: string, title: string, why: string, expects: string) => ({ file: 'framework.md', line: 3, column: 5, messageId: 'missing', data: { id, title, missing: why, expects } });

testRule(coverageStrategy, {
  valid: [
    { name: 'every strategy met', docs: FULL_SET },
    {
      name: 'near miss: a partly covered strategy (an indicator without baseline) is left to `protokit coverage`',
      docs: withChange('plan.md', (t) => t.replace('baseline: 10, ', '')),
    },
    {
      name: 'two frameworks: not scored until set/framework is fixed',
      docs: { ...noAddresses, 'framework-draft.md': (FULL_SET['framework.md'] as string).replace('id: test-framework', 'id: draft') },
    },
  ],
  invalid: [
    {
      name: 'no `addresses:` evidence for the two strategies that need it (position: the framework id)',
      docs: noAddresses,
      // findings at one position are sorted by message
      errors: [
        missing('men-as-allies', 'Men as allies', 'nothing has `addresses: [men-as-allies]`', '`addresses:` evidence'),
        missing('serial-perpetrators-multiple-forms', 'Serial perpetrators, multiple forms of violence', 'nothing has `addresses: [serial-perpetrators-multiple-forms]`', '`addresses:` evidence'),
      ],
    },
    {
      name: 'no plan',
      docs: noPlan,
      errors: [
        missing('evaluate-coordination', "Coordination itself evaluated, with survivors' voices", 'no evaluation in a plan', 'an evaluation with `includes_survivor_voice: true`'),
        missing('evidence-and-evaluation', 'Research, monitoring and evaluation', 'no indicators; no evaluation in a plan', 'indicators with baseline and source; at least one evaluation'),
        missing('men-as-allies', 'Men as allies', 'nothing has `addresses: [men-as-allies]`', '`addresses:` evidence'),
        missing('multisectoral-plan', 'Multi-sectoral plan, delineated roles, fully budgeted', 'no plan document; no interventions; no interventions', 'a plan; every intervention with lead and budget'),
        missing('realistic-targets', 'Short, medium and long-term targets', 'no short-term target; no medium-term target; no long-term target', 'targets on all three horizons'),
        missing('serial-perpetrators-multiple-forms', 'Serial perpetrators, multiple forms of violence', 'nothing has `addresses: [serial-perpetrators-multiple-forms]`', '`addresses:` evidence'),
      ],
    },
  ],
});
