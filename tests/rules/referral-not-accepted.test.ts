import { referralNotAccepted } from '../../src/rules/referral-not-accepted.js';
import { BASE, testRule } from '../helpers/test-rule.js';

const police = (to = 'hospital/forensic-examination') => `---
kind: agency
id: police
name: National Police
sector: police
type: government
roles:
  - { id: first-responder, title: First responder }
referrals:
  - id: refer-forensic
    to: ${to}
    from_role: first-responder
---
# Police
`;
// accepts_from is written on line 10, its value from column 19
const hospital = (acceptsFrom: string) => `---
kind: agency
id: hospital
name: Central Hospital
sector: health
type: government
services:
  - id: forensic-examination
    name: Forensic examination
    ${acceptsFrom}
---
# Hospital
`;

testRule(referralNotAccepted, {
  valid: [
    { name: 'the service accepts any agency', docs: { ...BASE, 'police.md': police(), 'hospital.md': hospital('accepts_from: [any]') } },
    { name: 'the service lists the sender', docs: { ...BASE, 'police.md': police(), 'hospital.md': hospital('accepts_from: [shelter, police]') } },
    { name: '`any` among other agencies', docs: { ...BASE, 'police.md': police(), 'hospital.md': hospital('accepts_from: [shelter, any]') } },
    { name: 'no accepts_from written: nothing to check', docs: { ...BASE, 'police.md': police(), 'hospital.md': hospital('available: "24/7"') } },
    { name: 'an unknown service is ref/unknown’s finding', docs: { ...BASE, 'police.md': police('hospital/forensic-exam'), 'hospital.md': hospital('accepts_from: [shelter]') } },
    {
      name: 'shapes that schema/shape reports are skipped: an agency without id, a referral without `to`',
      docs: {
        ...BASE,
        'hospital.md': hospital('accepts_from: [shelter]'),
        'no-id.md': '---\nkind: agency\nname: No id\nsector: police\ntype: government\nreferrals:\n  - { id: refer, to: hospital/forensic-examination }\n---\n',
        'police.md': police().replace('    to: hospital/forensic-examination\n', ''),
      },
    },
    { name: 'an unknown agency is ref/unknown’s finding', docs: { ...BASE, 'police.md': police('clinic/forensic-examination'), 'hospital.md': hospital('accepts_from: [shelter]') } },
  ],
  invalid: [
    {
      name: 'the service lists other agencies only',
      docs: { ...BASE, 'police.md': police(), 'hospital.md': hospital('accepts_from: [shelter, national-police]') },
      errors: [
        {
          file: 'police.md',
          line: 11,
          column: 9,
          messageId: 'notAccepted',
          data: { to: 'hospital/forensic-examination', sender: 'police', file: 'hospital.md', list: '`shelter`, `national-police`' },
          related: [{ file: 'hospital.md', line: 10, column: 19 }],
        },
      ],
    },
    {
      name: 'a block list: related points at its first item, on the line after the key',
      docs: { ...BASE, 'police.md': police(), 'hospital.md': hospital('accepts_from:\n      - shelter') },
      errors: [{ file: 'police.md', line: 11, column: 9, endColumn: 38, related: [{ file: 'hospital.md', line: 11, column: 7 }] }],
    },
    {
      name: 'an empty list accepts no agency',
      docs: { ...BASE, 'police.md': police(), 'hospital.md': hospital('accepts_from: []') },
      errors: [{ file: 'police.md', line: 11, column: 9, message: 'lists no agency', related: [{ file: 'hospital.md', line: 10 }] }],
    },
  ],
});
