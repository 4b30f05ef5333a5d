import { evaluateCoverage } from '../coverage/evaluate.js';
import { defineRule } from '../model/rule.js';

/** A coordination strategy (FORMAT.md §4) with no evidence in the set. */
export const coverageStrategy = defineRule({
  id: 'coverage/strategy',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: 'A coordination strategy (section 4) with no evidence in the set',
  help:
    'The set is scored against the 22 national coordination strategies of the UN Women guidance on coordinated responses ' +
    '(`protokit coverage` shows each with its evidence, file by file). This rule warns only about strategies with no evidence at ' +
    'all (missing); partly covered ones are left to `protokit coverage`. Evidence comes from the structure where it can ' +
    '(a plan with budgeted interventions, legal instruments, the coordinating body, meetings...), otherwise from ' +
    '`addresses: [strategy-id]` on interventions, responsibilities or meeting actions. The findings point at the framework\'s `id` ' +
    '(its `kind` when it has none; the first document\'s `kind` in a set without a framework), one per strategy. A set with ' +
    'several frameworks is not scored until `set/framework` is fixed.',
  messages: {
    missing: 'No evidence for the coordination strategy `{{id}}` ({{title}}): {{missing}}; it needs {{expects}} (`protokit coverage` shows what counts)',
  },
  examples: {
    invalid: `# plan/national-action-plan.md: no intervention, responsibility or meeting action
# of the set has addresses: [men-as-allies]
interventions:
  - id: allies-campaign
    title: Men as allies campaign`,
    valid: `# plan/national-action-plan.md
interventions:
  - id: allies-campaign
    title: Men as allies campaign
    addresses: [men-as-allies]`,
  },
  check({ index, documents, files, report, ruleFindings }) {
    // with several frameworks the coordinating body is ambiguous: `set/framework` comes first
    if (index.frameworks.length > 1) return;
    const anchor = index.framework ?? documents[0];
    if (anchor === undefined) return;
    const at = index.framework !== undefined && index.framework.id !== undefined ? ['id'] : ['kind'];
    for (const result of evaluateCoverage({ files, index, ...(ruleFindings !== undefined ? { ruleFindings } : {}) })) {
      if (result.status !== 'missing') continue;
      const missing = result.parts.map((p) => p.missing ?? p.label).join('; ');
      report({ doc: anchor, at, messageId: 'missing', data: { id: result.strategy.id, title: result.strategy.title, missing, expects: result.strategy.evidence } });
    }
  },
});
