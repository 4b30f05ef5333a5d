import { defineRule, type RelatedReport } from '../model/rule.js';
import { asList, itemsOf, own } from '../util/data.js';
import { parseDuration } from '../util/duration.js';

/** A responsibility whose `within` is longer than the `within` of the pathway step it implements. */
export const timeframeConflict = defineRule({
  id: 'timeframe/conflict',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A responsibility whose `within` is longer than the pathway step it implements',
  help: "A responsibility that carries out a pathway step (`step:`) cannot allow more time than the pathway gives the step, or the agency's own protocol would let the pathway's deadline pass. Shorten the responsibility's `within`, or agree a longer step with the pathway's partners.",
  messages: {
    longer: 'This responsibility allows {{within}}, longer than the {{stepWithin}} of step `{{step}}` ({{file}}) that it implements: shorten its `within` to {{stepWithin}} or less',
  },
  examples: {
    invalid: `# pathways/adult-sexual-violence.md (excerpt)
steps:
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception., within: PT12H }
---
# agencies/central-hospital.md (excerpt): the hospital allows itself 24 hours
responsibilities:
  - id: offer-emergency-care
    role: sexual-assault-nurse
    action: Offer HIV post-exposure prophylaxis and emergency contraception.
    step: adult-sexual-violence/medical-care
    within: PT24H`,
    valid: `# agencies/central-hospital.md (excerpt)
responsibilities:
  - id: offer-emergency-care
    role: sexual-assault-nurse
    action: Offer HIV post-exposure prophylaxis and emergency contraception.
    step: adult-sexual-violence/medical-care
    within: PT4H`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('agency')) {
      for (const [responsibility, i] of itemsOf(doc.data, 'responsibilities')) {
        const written = own(responsibility, 'within');
        const within = parseDuration(written);
        if (within === undefined) continue;
        // the durations as written: a step's `within` may count from another step (`after`)
        const shorter: { ref: string; within: number; written: string; related: RelatedReport }[] = [];
        for (const ref of asList(own(responsibility, 'step'))) {
          if (typeof ref !== 'string') continue;
          const step = index.steps.get(ref);
          const stepWritten = own(step?.value, 'within');
          const stepWithin = parseDuration(stepWritten);
          if (step === undefined || stepWithin === undefined || within <= stepWithin) continue;
          shorter.push({ ref, within: stepWithin, written: String(stepWritten), related: { doc: step.doc, at: [...step.path, 'within'], message: `Step \`${ref}\` is due within \`${String(stepWritten)}\`` } });
        }
        const tightest = [...shorter].sort((a, b) => a.within - b.within)[0];
        if (tightest === undefined) continue;
        report({
          doc,
          at: ['responsibilities', i, 'within'],
          messageId: 'longer',
          data: { within: `\`${String(written)}\``, stepWithin: `\`${tightest.written}\``, step: tightest.ref, file: tightest.related.doc.file },
          related: shorter.map((s) => s.related),
        });
      }
    }
  },
});
