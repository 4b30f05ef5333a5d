import { meetingUnreviewedAction } from '../../src/rules/meeting-unreviewed-action.js';
import { BASE, testRule } from '../helpers/test-rule.js';

const meeting = (id: string, date: string, actions: string[], body = 'ncc') => `---
kind: meeting
id: ${id}
body: ${body}
date: ${date}
actions:
${actions.map((a) => `  - ${a}\n`).join('')}---
# Meeting
`;
// the first meeting's open action: id on line 7, status on line 9 (column 13)
const first = meeting('ncc-2026-03', '2026-03-10', ['id: a-2026-03-01\n    action: Draft the referral form.\n    status: open\n    due: 2026-09-30']);

testRule(meetingUnreviewedAction, {
  valid: [
    {
      name: 'the next meeting follows the open action (file names in another order than dates)',
      docs: { ...BASE, 'meetings/b.md': first, 'meetings/a.md': meeting('ncc-2026-06', '2026-06-10', ['{ id: a-2026-06-01, action: Draft the form., status: open, due: 2026-09-30, follows: a-2026-03-01 }']) },
    },
    { name: 'the last meeting of a body has no next meeting', docs: { ...BASE, 'm.md': first } },
    {
      name: 'a meeting of another body in between does not count',
      docs: {
        ...BASE,
        'm1.md': first,
        'm2.md': meeting('district-2026-04', '2026-04-01', ['{ id: d-1, action: Something else., status: done }'], 'district'),
        'm3.md': meeting('ncc-2026-06', '2026-06-10', ['{ id: a-2026-06-01, action: Done., status: done, follows: a-2026-03-01 }']),
      },
    },
  ],
  invalid: [
    {
      name: 'the next meeting does not follow it; a later one does, too late (position: its status)',
      docs: {
        ...BASE,
        'm1.md': first,
        'm2.md': meeting('ncc-2026-06', '2026-06-10', ['{ id: a-2026-06-01, action: Other., status: done }']),
        'm3.md': meeting('ncc-2026-09', '2026-09-10', ['{ id: a-2026-09-01, action: Done., status: done, follows: a-2026-03-01 }']),
      },
      errors: [{ file: 'm1.md', line: 9, column: 13, messageId: 'unreviewed', data: { id: 'a-2026-03-01', next: 'ncc-2026-06', date: '2026-06-10' }, related: [{ file: 'm2.md', line: 5, column: 7 }] }],
    },
    {
      name: 'a carried-over action that stays open must be followed again',
      docs: {
        ...BASE,
        'm1.md': first,
        'm2.md': meeting('ncc-2026-06', '2026-06-10', ['{ id: a-2026-06-01, action: Draft., status: open, due: 2026-12-31, follows: a-2026-03-01 }']),
        'm3.md': meeting('ncc-2026-09', '2026-09-10', ['{ id: a-2026-09-01, action: New., status: done }']),
      },
      errors: [{ file: 'm2.md', line: 7, column: 49, messageId: 'unreviewed', data: { id: 'a-2026-06-01', next: 'ncc-2026-09', date: '2026-09-10' }, related: [{ file: 'm3.md', line: 5 }] }],
    },
  ],
});
