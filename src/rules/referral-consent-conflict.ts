import type { ProtocolDocument } from '../model/document.js';
import { defineRule } from '../model/rule.js';
import { itemsOf, str } from '../util/data.js';

interface Referral {
  doc: ProtocolDocument;
  agency: string;
  index: number;
  consent: string;
}

/** Referrals of two or more agencies to the same service that disagree on consent. */
export const referralConsentConflict = defineRule({
  id: 'referral/consent-conflict',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: "Two agencies' referrals for the same service that disagree on consent",
  help: 'Whether a referral needs the survivor\'s consent depends on the service and the law, not on who refers. When agencies disagree about the same service, a survivor is treated differently depending on where she first came in: agree on one consent rule with the receiving agency.',
  messages: {
    conflict: 'This referral to `{{to}}` has `consent: {{consent}}`, but the referral of `{{other}}` ({{file}}) to the same service has `consent: {{first}}`: agree on one consent rule for `{{to}}`',
  },
  examples: {
    invalid: `# agencies/national-police.md (excerpt)
referrals:
  - { id: refer-counselling, to: womens-helpline/counselling, consent: required }
---
# agencies/central-hospital.md (excerpt)
referrals:
  - { id: refer-counselling, to: womens-helpline/counselling, consent: not-required }`,
    valid: `# both agencies ask for the survivor's consent before referring her
referrals:
  - { id: refer-counselling, to: womens-helpline/counselling, consent: required }
---
referrals:
  - { id: refer-counselling, to: womens-helpline/counselling, consent: required }`,
  },
  check({ index, report }) {
    const byService = new Map<string, Referral[]>();
    for (const doc of index.ofKind('agency')) {
      const agency = doc.id;
      if (agency === undefined) continue;
      for (const [referral, i] of itemsOf(doc.data, 'referrals')) {
        const to = str(referral, 'to');
        const consent = str(referral, 'consent');
        if (to === undefined || consent === undefined || !index.services.has(to)) continue;
        let list = byService.get(to);
        if (list === undefined) byService.set(to, (list = []));
        list.push({ doc, agency, index: i, consent });
      }
    }
    for (const [to, referrals] of byService) {
      const first = referrals[0] as Referral; // a list is created with its first referral
      for (const r of referrals.slice(1)) {
        // one agency's own referrals are its business; the rule compares agencies
        if (r.agency === first.agency || r.consent === first.consent) continue;
        report({
          doc: r.doc,
          at: ['referrals', r.index, 'consent'],
          messageId: 'conflict',
          data: { to, consent: r.consent, other: first.agency, file: first.doc.file, first: first.consent },
          related: [{ doc: first.doc, at: ['referrals', first.index, 'consent'], message: `The first referral to \`${to}\`, with \`consent: ${first.consent}\`` }],
        });
      }
    }
  },
});
