import { defineRule } from '../model/rule.js';
import { asList, itemsOf, own, str } from '../util/data.js';

/** A referral to a service whose `accepts_from` lists neither the sender nor `any`. */
export const referralNotAccepted = defineRule({
  id: 'referral/not-accepted',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A referral to a service whose `accepts_from` lists neither the sender nor `any`',
  help: 'A service says in `accepts_from` which agencies may refer to it (`[any]`: every agency). A referral from an agency it does not list would be turned away: refer to another service, or agree with the receiving agency that it adds the sender to `accepts_from`.',
  messages: {
    notAccepted: 'Service `{{to}}` does not accept referrals from `{{sender}}` (its `accepts_from` in {{file}} lists {{list}}): refer to another service, or ask its agency to add `{{sender}}` to `accepts_from`',
  },
  examples: {
    invalid: `# agencies/central-hospital.md (excerpt)
services:
  - id: forensic-examination
    name: Forensic examination
    accepts_from: [national-police]
---
# agencies/womens-helpline.md (excerpt)
referrals:
  - { id: refer-forensic, to: central-hospital/forensic-examination, consent: required }`,
    valid: `# agencies/central-hospital.md (excerpt): the hospital agreed to take
# referrals from the helpline too
services:
  - id: forensic-examination
    name: Forensic examination
    accepts_from: [national-police, womens-helpline]`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('agency')) {
      const sender = doc.id;
      if (sender === undefined) continue;
      for (const [referral, i] of itemsOf(doc.data, 'referrals')) {
        const to = str(referral, 'to');
        if (to === undefined) continue;
        const service = index.services.get(to);
        if (service === undefined) continue; // ref/unknown reports it
        const acceptsFrom = own(service.value, 'accepts_from');
        if (acceptsFrom === undefined) continue; // no policy written: nothing to check
        const accepted = asList(acceptsFrom).filter((a): a is string => typeof a === 'string');
        if (accepted.includes('any') || accepted.includes(sender)) continue;
        report({
          doc,
          at: ['referrals', i, 'to'],
          messageId: 'notAccepted',
          data: { to, sender, file: service.doc.file, list: accepted.length === 0 ? 'no agency' : accepted.map((a) => `\`${a}\``).join(', ') },
          related: [{ doc: service.doc, at: [...service.path, 'accepts_from'], message: `The agencies that \`${to}\` accepts referrals from` }],
        });
      }
    }
  },
});
