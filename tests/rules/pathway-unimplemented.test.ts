import { pathwayUnimplemented } from '../../src/rules/pathway-unimplemented.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// the second step's lead value is on line 12, column 11
const pathway = (lead = 'hospital/doctor') => `---
kind: pathway
id: sv
title: Sexual violence
entry: first-contact
steps:
  - id: first-contact
    lead: police/first-responder
    action: Respond.
    next: [medical-care]
  - id: medical-care
    lead: ${lead}
    action: Treat.
---
# Pathway
`;
const police = (steps = 'sv/first-contact') => `---
kind: agency
id: police
name: Police
sector: police
type: government
roles:
  - { id: first-responder, title: First responder }
responsibilities:
  - { id: attend, role: first-responder, action: Attend., step: ${steps} }
---
# Police
`;
// `responsibilities:` (when written) is on line 9
const hospital = (responsibilities: string) => `---
kind: agency
id: hospital
name: Hospital
sector: health
type: government
roles:
  - { id: doctor, title: Doctor }
${responsibilities}---
# Hospital
`;
const implementing = 'responsibilities:\n  - { id: treat, role: doctor, action: Treat., step: sv/medical-care }\n';
const set = (pathwayText: string, hospitalText: string, policeText = police()) => ({ ...BASE, 'pathway.md': pathwayText, 'police.md': policeText, 'hospital.md': hospitalText });

testRule(pathwayUnimplemented, {
  valid: [
    { name: 'each lead agency implements its step', docs: set(pathway(), hospital(implementing)) },
    { name: 'a responsibility that implements several steps (a list)', docs: set(pathway(), hospital('responsibilities:\n  - { id: treat, role: doctor, action: Treat., step: [other/step, sv/medical-care] }\n')) },
    { name: 'a one-item lead list', docs: set(pathway('[hospital/doctor]'), hospital(implementing)) },
    { name: 'a step list with an item that is not a reference (schema/shape’s finding)', docs: set(pathway(), hospital(implementing), police('[42, sv/first-contact]')) },
    { name: 'several leads are pathway/lead’s finding', docs: set(pathway('[hospital/doctor, police/first-responder]'), hospital('')) },
    {
      name: 'shapes that schema/shape reports: an agency or pathway without id, a lead that is not a role reference',
      docs: { ...set(pathway('hospital'), hospital('')), 'no-id.md': police('[42]').replace('id: police\n', ''), 'pathway-2.md': pathway().replace('id: sv\n', '') },
    },
    { name: 'an unknown lead agency is ref/unknown’s finding', docs: set(pathway('clinic/doctor'), hospital('')) },
  ],
  invalid: [
    {
      name: 'the lead agency implements another step only',
      docs: set(pathway(), hospital('responsibilities:\n  - { id: treat, role: doctor, action: Treat., step: sv/first-contact }\n')),
      errors: [
        {
          file: 'pathway.md',
          line: 12,
          column: 11,
          endColumn: 26,
          messageId: 'unimplemented',
          data: { agency: 'hospital', step: 'sv/medical-care', file: 'hospital.md' },
          related: [{ file: 'hospital.md', line: 9, column: 1 }],
        },
      ],
    },
    {
      name: 'a supporting agency implements it, the lead agency does not',
      docs: set(pathway(), hospital(''), police('[sv/first-contact, sv/medical-care]')),
      errors: [{ file: 'pathway.md', line: 12, column: 11, messageId: 'unimplemented', data: { agency: 'hospital', step: 'sv/medical-care', file: 'hospital.md' }, related: [{ file: 'hospital.md', line: 3, column: 5 }] }],
    },
    {
      name: 'a one-item lead list, with no responsibility for the step',
      docs: set(pathway('[hospital/doctor]'), hospital('responsibilities:\n  - { id: treat, role: doctor, action: Treat., step: sv/medical-car }\n')),
      errors: [{ file: 'pathway.md', line: 12, column: 11, messageId: 'unimplemented', data: { agency: 'hospital', step: 'sv/medical-care', file: 'hospital.md' } }],
    },
  ],
});
