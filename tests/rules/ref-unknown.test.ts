import { refUnknown } from '../../src/rules/ref-unknown.js';
import { BASE, testRule } from '../helpers/test-rule.js';

const police = (to: string) => `---
kind: agency
id: police
name: Police
sector: police
type: government
roles:
  - { id: first-responder, title: First responder, profession: police-officer }
referrals:
  - id: refer-medical
    to: ${to}
    from_role: first-responder
---
# Police
`;
const hospital = `---
kind: agency
id: hospital
name: Hospital
sector: health
type: government
services:
  - { id: forensic-examination, name: Forensic examination, accepts_from: [any] }
---
Body with :term[survivor] and :term[survivr].

:::audience{professions="police-officer helth-worker"}
For police officers.
:::
`;

testRule(refUnknown, {
  valid: [{ name: 'every reference resolves', docs: { ...BASE, 'police.md': police('hospital/forensic-examination'), 'hospital.md': hospital.replace(':term[survivr]', ':term[survivor]').replace(' helth-worker', ' health-worker') } }],
  invalid: [
    {
      name: 'a service reference with a typo, a term and a profession',
      docs: { ...BASE, 'police.md': police('hospital/forensic-examinaton'), 'hospital.md': hospital },
      errors: [
        { file: 'hospital.md', line: 10, column: 31, message: '`survivr` is not a known term' },
        { file: 'hospital.md', line: 12, column: 41, endColumn: 53, message: 'did you mean `health-worker`?' },
        {
          file: 'police.md',
          line: 11,
          column: 9,
          messageId: 'unknown',
          data: { value: 'hospital/forensic-examinaton', what: 'service', where: "the agency's `services`", hint: '; did you mean `hospital/forensic-examination`?' },
        },
      ],
    },
    {
      name: 'prototype names never resolve through Object.prototype',
      docs: { ...BASE, 'police.md': police('__proto__/toString'), 'hospital.md': hospital.replace(':term[survivr]', ':term[constructor]').replace(' helth-worker', ' toString') },
      errors: [
        { file: 'hospital.md', line: 10, column: 31, message: '`constructor` is not a known term' },
        { file: 'hospital.md', line: 12, column: 41, message: '`toString` is not a known profession' },
        { file: 'police.md', line: 11, column: 9, message: '`__proto__/toString` is not a known service' },
      ],
    },
  ],
});
