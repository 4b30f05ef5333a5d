import { defineRule } from '../model/rule.js';
import { asList, itemsOf, own, str } from '../util/data.js';

/**
 * A referral that shares information without a legal instrument that provides for it: the
 * instrument must provide `information-sharing`, or `mandatory-reporting` for a referral with
 * `consent: mandatory-report` (either is enough there).
 */
export const referralNoLegalBasis = defineRule({
  id: 'referral/no-legal-basis',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A referral that shares information without a legal instrument that provides `information-sharing` (or `mandatory-reporting`, for `consent: mandatory-report`)',
  help: "Sharing a survivor's information with another agency needs a legal basis. A referral whose `shares` is not empty names, in `legal_basis`, an instrument of the framework's `legal_basis` whose `provides` includes `information-sharing` (or `mandatory-reporting`, when the referral is a mandatory report).",
  messages: {
    missing: 'This referral shares {{shares}} without a `legal_basis`: add the id of a legal instrument that provides `{{needed}}`, or share nothing',
    notProvided: 'The legal instrument `{{legal}}` (in {{file}}) does not provide `{{needed}}`, so it cannot be the basis for sharing {{shares}}: name an instrument that does, or add `{{needed}}` to its `provides` if the law allows it',
  },
  examples: {
    invalid: `# agencies/national-police.md (excerpt)
referrals:
  - id: refer-shelter
    to: safe-haven-shelter/emergency-accommodation
    consent: required
    shares: [incident-summary, risk-assessment]`,
    valid: `# framework.md (excerpt)
legal_basis:
  - { id: vaw-act-2024, title: Violence against Women Act 2024, type: statute, provides: [information-sharing] }
---
# agencies/national-police.md (excerpt)
referrals:
  - id: refer-shelter
    to: safe-haven-shelter/emergency-accommodation
    consent: required
    shares: [incident-summary, risk-assessment]
    legal_basis: vaw-act-2024`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('agency')) {
      for (const [referral, i] of itemsOf(doc.data, 'referrals')) {
        const shares = asList(own(referral, 'shares'));
        if (shares.length === 0) continue;
        const shown = shares.map((s) => `\`${String(s)}\``).join(', ');
        const mandatory = own(referral, 'consent') === 'mandatory-report';
        const needed = mandatory ? 'information-sharing` or `mandatory-reporting' : 'information-sharing';
        const legal = str(referral, 'legal_basis');
        if (legal === undefined) {
          report({ doc, at: ['referrals', i, 'shares'], messageId: 'missing', data: { shares: shown, needed } });
          continue;
        }
        const instrument = index.legal.get(legal);
        if (instrument === undefined) continue; // ref/unknown reports it
        const provides = asList(own(instrument.value, 'provides'));
        if (provides.includes('information-sharing') || (mandatory && provides.includes('mandatory-reporting'))) continue;
        report({
          doc,
          at: ['referrals', i, 'legal_basis'],
          messageId: 'notProvided',
          data: { legal, file: instrument.doc.file, needed, shares: shown },
          related: [{ doc: instrument.doc, at: [...instrument.path, own(instrument.value, 'provides') === undefined ? 'id' : 'provides'], message: `What \`${legal}\` provides` }],
        });
      }
    }
  },
});
