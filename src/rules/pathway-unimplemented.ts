import { defineRule } from '../model/rule.js';
import { asList, itemsOf, own, str } from '../util/data.js';

/** A pathway step whose lead agency has no responsibility with `step:` pointing to it. */
export const pathwayUnimplemented = defineRule({
  id: 'pathway/unimplemented',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: 'A step whose lead agency has no responsibility with `step:` pointing to it',
  help: "A pathway step is only done when the agency that leads it has made it a duty of one of its roles. Add a responsibility to the lead agency's document with `step: pathway-id/step-id`, so that the step appears in its professionals' handbooks.",
  messages: {
    unimplemented: 'Agency `{{agency}}` leads step `{{step}}`, but none of its responsibilities has `step: {{step}}`: add one to {{file}}, or name another lead',
  },
  examples: {
    invalid: `# pathways/adult-sexual-violence.md (excerpt)
steps:
  - { id: medical-care, lead: central-hospital/sexual-assault-nurse, action: Offer PEP and emergency contraception. }
---
# agencies/central-hospital.md (excerpt): no responsibility names the step
responsibilities:
  - { id: triage, role: sexual-assault-nurse, action: See every survivor in a private room within 15 minutes. }`,
    valid: `# agencies/central-hospital.md (excerpt)
responsibilities:
  - { id: triage, role: sexual-assault-nurse, action: See every survivor in a private room within 15 minutes. }
  - id: offer-emergency-care
    role: sexual-assault-nurse
    action: Offer HIV post-exposure prophylaxis and emergency contraception.
    step: adult-sexual-violence/medical-care`,
  },
  check({ index, report }) {
    // which agency implements which step: `agency-id` NUL `pathway-id/step-id`
    const implemented = new Set<string>();
    for (const doc of index.ofKind('agency')) {
      if (doc.id === undefined) continue;
      for (const [responsibility] of itemsOf(doc.data, 'responsibilities')) {
        for (const step of asList(own(responsibility, 'step'))) if (typeof step === 'string') implemented.add(`${doc.id}\u0000${step}`);
      }
    }
    for (const doc of index.ofKind('pathway')) {
      if (doc.id === undefined) continue;
      for (const [step, i] of itemsOf(doc.data, 'steps')) {
        const id = str(step, 'id');
        const leads = asList(own(step, 'lead'));
        const lead = leads[0];
        // no lead or several: pathway/lead's finding
        if (id === undefined || leads.length !== 1 || typeof lead !== 'string') continue;
        const slash = lead.indexOf('/');
        if (slash <= 0) continue;
        const agencyId = lead.slice(0, slash);
        const agency = index.agencies.get(agencyId);
        if (agency === undefined) continue; // ref/unknown reports it
        const ref = `${doc.id}/${id}`;
        if (implemented.has(`${agencyId}\u0000${ref}`)) continue;
        report({
          doc,
          at: ['steps', i, 'lead'],
          messageId: 'unimplemented',
          data: { agency: agencyId, step: ref, file: agency.doc.file },
          related: [{ doc: agency.doc, at: own(agency.doc.data, 'responsibilities') === undefined ? ['id'] : { path: ['responsibilities'], target: 'key' }, message: `The responsibilities of \`${agencyId}\`` }],
        });
      }
    }
  },
});
