import { privacyPersonalData } from '../../src/rules/privacy-personal-data.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// barriers[0].description on line 10 (value from column 18); case_reviews[0].facilitators[0] on line 14 (column 20); body from line 17
const meeting = (description: string, facilitator: string, body: string) => `---
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-12
barriers:
  - id: b-2026-06-12-1
    level: practice
    action: a-2026-06-12-01
    description: ${description}
case_reviews:
  - id: cr-2026-06-12-1
    outcome: worked
    facilitators: [${facilitator}]
---

${body}
`;
const harmless = meeting(
  '"Budget line MoH 04-112 was frozen on 2026-06-12 (12/06/2026) under Act No. 12 of 2024; USD 2,500,000 and 2 500 000 pending."',
  'referral within PT72H',
  'The action plan 2026-2030 runs from 08:00-17:00 on weekdays. Actions a-2026-06-12-01 and b-2026-06-12-1 are due within 72 hours.',
);

testRule(privacyPersonalData, {
  valid: [
    { name: 'near misses: dates, budget lines, citations, amounts, durations, ids, in YAML and body', docs: { ...BASE, 'm.md': harmless } },
    {
      name: 'contact details outside meetings are not this rule’s business',
      docs: { ...BASE, 'a.md': '---\nkind: agency\nid: police\nname: Police\nsector: police\ntype: government\ncontact: { urgent: "+000 111 2222", email: dvu@police.example }\n---\nCall +000 111 2222.\n' },
    },
  ],
  invalid: [
    {
      name: 'a phone number in a barrier, repeated in the body (one finding, the body as related)',
      docs: { ...BASE, 'm.md': meeting('"Call the duty officer on +000 555 0199 for details."', 'shared case file', 'Practice level: call the duty officer on +000 555 0199 for details.') },
      errors: [{ file: 'm.md', line: 10, column: 18, messageId: 'found', data: { what: 'a phone number', text: '+000 555 0199' }, related: [{ file: 'm.md', line: 17, column: 42 }] }],
    },
    {
      name: 'an e-mail address in a case review list item',
      docs: { ...BASE, 'm.md': meeting('Late referrals', 'the survivor wrote from jane.doe@mail.example', 'Nothing else.') },
      errors: [{ file: 'm.md', line: 14, column: 20, messageId: 'found', data: { what: 'an e-mail address', text: 'jane.doe@mail.example' } }],
    },
    {
      name: 'an e-mail address and a phone number in one barrier: one finding for that text, naming the first',
      docs: { ...BASE, 'm.md': meeting('"Write to jane.doe@mail.example or call +000 555 0199."', 'shared case file', 'Nothing else.') },
      errors: [{ file: 'm.md', line: 10, column: 18, messageId: 'found', data: { what: 'an e-mail address', text: 'jane.doe@mail.example' } }],
    },
    {
      name: 'an identity number in the body only (position: the matched text)',
      docs: { ...BASE, 'm.md': meeting('Late referrals', 'shared case file', 'The survivor, ID 850101-1234567, was referred twice.') },
      errors: [{ file: 'm.md', line: 17, column: 18, endColumn: 32, messageId: 'found', data: { what: 'an identity number', text: '850101-1234567' } }],
    },
  ],
});
