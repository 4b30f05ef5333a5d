import { referralNoLegalBasis } from '../../src/rules/referral-no-legal-basis.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// the framework's instruments on lines 20 (vaw-act), 21 (funding-regulation), 22 (reporting-act), 23 (old-act)
const framework = (BASE['framework.md'] as string).replace(
  /  - \{ id: vaw-act,.*\n/,
  `  - { id: vaw-act, title: VAW Act, type: statute, provides: [coordination-mandate, information-sharing] }
  - { id: funding-regulation, title: Funding Regulation, type: regulation, provides: [funding] }
  - { id: reporting-act, title: Child Reporting Act, type: statute, provides: [mandatory-reporting] }
  - { id: old-act, title: Old Act, type: statute }
`,
);
// the referral's own lines start on line 10
const police = (lines: string) => `---
kind: agency
id: police
name: National Police
sector: police
type: government
referrals:
  - id: refer-forensic
    to: hospital/forensic-examination
${lines}
---
# Police
`;
const set = (lines: string) => ({ ...BASE, 'framework.md': framework, 'police.md': police(lines) });

testRule(referralNoLegalBasis, {
  valid: [
    { name: 'shares under an instrument that provides information-sharing', docs: set('    shares: [incident-summary]\n    legal_basis: vaw-act') },
    { name: 'shares nothing, needs no basis', docs: set('    consent: required') },
    { name: 'an empty `shares` needs no basis', docs: set('    shares: []') },
    { name: 'a mandatory report under an instrument that provides mandatory-reporting', docs: set('    consent: mandatory-report\n    shares: [children-details]\n    legal_basis: reporting-act') },
    { name: 'a mandatory report under an information-sharing instrument', docs: set('    consent: mandatory-report\n    shares: [children-details]\n    legal_basis: vaw-act') },
    { name: 'an unknown instrument is ref/unknown’s finding', docs: set('    shares: [incident-summary]\n    legal_basis: vaw-ac') },
  ],
  invalid: [
    {
      name: 'shares without legal_basis: at the shares value',
      docs: set('    shares: [incident-summary, risk-level]'),
      errors: [{ file: 'police.md', line: 10, column: 13, messageId: 'missing', data: { shares: '`incident-summary`, `risk-level`', needed: 'information-sharing' } }],
    },
    {
      name: 'shares as a block list, without legal_basis: the line after the key',
      docs: set('    shares:\n      - incident-summary'),
      errors: [{ file: 'police.md', line: 11, column: 7, messageId: 'missing', data: { shares: '`incident-summary`', needed: 'information-sharing' } }],
    },
    {
      name: 'an instrument that provides only funding',
      docs: set('    shares: [incident-summary]\n    legal_basis: funding-regulation'),
      errors: [
        {
          file: 'police.md',
          line: 11,
          column: 18,
          endColumn: 36,
          messageId: 'notProvided',
          data: { legal: 'funding-regulation', file: 'framework.md', needed: 'information-sharing', shares: '`incident-summary`' },
          related: [{ file: 'framework.md', line: 21, column: 86 }],
        },
      ],
    },
    {
      name: 'mandatory-reporting is enough only for a mandatory report',
      docs: set('    consent: required\n    shares: [incident-summary]\n    legal_basis: reporting-act'),
      errors: [{ file: 'police.md', line: 12, column: 18, messageId: 'notProvided', data: { legal: 'reporting-act', file: 'framework.md', needed: 'information-sharing', shares: '`incident-summary`' }, related: [{ file: 'framework.md', line: 22 }] }],
    },
    {
      name: 'an instrument that says nothing of what it provides: related at its id',
      docs: set('    shares: [incident-summary]\n    legal_basis: old-act'),
      errors: [{ file: 'police.md', line: 11, column: 18, messageId: 'notProvided', data: { legal: 'old-act', file: 'framework.md', needed: 'information-sharing', shares: '`incident-summary`' }, related: [{ file: 'framework.md', line: 23, column: 11 }] }],
    },
    {
      name: 'a mandatory report under a funding instrument',
      docs: set('    consent: mandatory-report\n    shares: [children-details]\n    legal_basis: funding-regulation'),
      errors: [{ file: 'police.md', line: 12, column: 18, messageId: 'notProvided', data: { legal: 'funding-regulation', file: 'framework.md', needed: 'information-sharing` or `mandatory-reporting', shares: '`children-details`' } }],
    },
  ],
});
