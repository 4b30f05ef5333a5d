import { pathwayLead } from '../../src/rules/pathway-lead.js';
import { testRule } from '../helpers/test-rule.js';

// the second step starts on line 11; its `lead` (if any) is on line 12
const pathway = (lead: string) => ({
  'pathway.md': `---
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
${lead}    action: Treat.
---
# Pathway
`,
});

/** The pathway with one text replaced. */
const edit = (docs: { 'pathway.md': string }, from: string, to: string) => ({ 'pathway.md': docs['pathway.md'].replace(from, to) });

testRule(pathwayLead, {
  valid: [
    { name: 'one lead role', docs: pathway('    lead: hospital/doctor\n') },
    { name: 'a list with one lead role', docs: pathway('    lead: [hospital/doctor]\n') },
    { name: 'a block list with one lead role', docs: pathway('    lead:\n      - hospital/doctor\n    support: [police/first-responder]\n') },
  ],
  invalid: [
    {
      name: 'two lead roles: move the second to support',
      docs: pathway('    lead: [hospital/doctor, police/first-responder]\n'),
      errors: [{ file: 'pathway.md', line: 12, column: 11, messageId: 'many', data: { step: 'medical-care', count: 2, keep: 'hospital/doctor', others: '`police/first-responder`' } }],
    },
    {
      name: 'three lead roles as a block list: the line after the key',
      docs: pathway('    lead:\n      - hospital/doctor\n      - police/first-responder\n      - shelter/advocate\n'),
      errors: [{ file: 'pathway.md', line: 13, column: 7, messageId: 'many', data: { step: 'medical-care', count: 3, keep: 'hospital/doctor', others: '`police/first-responder`, `shelter/advocate`' } }],
    },
    {
      name: 'no lead: at the step id',
      docs: pathway(''),
      errors: [{ file: 'pathway.md', line: 11, column: 9, endColumn: 21, messageId: 'missing', data: { step: 'medical-care' } }],
    },
    {
      name: 'a step without id or lead (schema/shape reports the id): at the step',
      docs: edit(pathway(''), '  - id: medical-care\n', '  - notes: no id\n'),
      errors: [{ file: 'pathway.md', line: 11, column: 5, messageId: 'missing', data: { step: '#2' } }],
    },
    {
      name: 'an empty list: at the lead',
      docs: pathway('    lead: []\n'),
      errors: [{ file: 'pathway.md', line: 12, column: 11, messageId: 'missing', data: { step: 'medical-care' } }],
    },
  ],
});
