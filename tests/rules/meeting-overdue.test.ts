import { meetingOverdue } from '../../src/rules/meeting-overdue.js';
import { BASE, testRule } from '../helpers/test-rule.js';

const meeting = (id: string, date: string, actions: string[]) => `---
kind: meeting
id: ${id}
body: ncc
date: ${date}
actions:
${actions.map((a) => `  - ${a}\n`).join('')}---
# Meeting
`;

testRule(meetingOverdue, {
  valid: [
    { name: 'an open action due after the latest meeting', docs: { ...BASE, 'm.md': meeting('ncc-2026-06', '2026-06-12', ['{ id: a-1, action: Publish., status: open, due: 2026-09-30 }']) } },
    { name: 'near miss: due on the day of the latest meeting', docs: { ...BASE, 'm.md': meeting('ncc-2026-06', '2026-06-12', ['{ id: a-1, action: Publish., status: open, due: 2026-06-12 }']) } },
    { name: 'a done action past its due date', docs: { ...BASE, 'm.md': meeting('ncc-2026-06', '2026-06-12', ['{ id: a-1, action: Publish., status: done, due: 2026-01-31 }']) } },
    {
      name: 'an open action that a later action follows is no longer open',
      docs: {
        ...BASE,
        'm1.md': meeting('ncc-2026-03', '2026-03-12', ['{ id: a-1, action: Publish., status: open, due: 2026-04-30 }']),
        'm2.md': meeting('ncc-2026-06', '2026-06-12', ['{ id: a-2, action: Publish., status: open, due: 2026-09-30, follows: a-1 }']),
      },
    },
  ],
  invalid: [
    {
      name: 'an open action of the latest meeting due before it (position: the due)',
      docs: { ...BASE, 'm.md': meeting('ncc-2026-06', '2026-06-12', ['id: a-1\n    action: Publish the referral directory.\n    due: 2026-05-29\n    status: open']) },
      errors: [{ file: 'm.md', line: 9, column: 10, messageId: 'overdue', data: { id: 'a-1', due: '2026-05-29', latest: 'ncc-2026-06', date: '2026-06-12' } }],
    },
    {
      name: 'the last action of a chain, left open at an earlier meeting',
      docs: {
        ...BASE,
        'm1.md': meeting('ncc-2026-03', '2026-03-12', ['{ id: a-1, action: Publish., status: open, due: 2026-04-30 }']),
        'm2.md': meeting('ncc-2026-06', '2026-06-12', ['{ id: a-2, action: Other., status: done, due: 2026-09-30 }']),
      },
      errors: [{ file: 'm1.md', line: 7, column: 53, messageId: 'overdue', data: { id: 'a-1', due: '2026-04-30', latest: 'ncc-2026-06', date: '2026-06-12' }, related: [{ file: 'm2.md', line: 5 }] }],
    },
    {
      name: 'a meeting whose date is not a calendar date does not hide an overdue action',
      docs: {
        ...BASE,
        'm1.md': meeting('ncc-2026-03', '2026-03-12', ['{ id: a-1, action: Publish., status: open, due: 2026-04-30 }']),
        'm2.md': meeting('ncc-2026-06', '2026-06-12', ['{ id: a-2, action: Other., status: done, due: 2026-09-30 }']),
        'm3.md': meeting('ncc-undated', 'September 2026', ['{ id: a-3, action: Other., status: done, due: 2026-09-30 }']),
      },
      errors: [{ file: 'm1.md', line: 7, column: 53, messageId: 'overdue', data: { id: 'a-1', due: '2026-04-30', latest: 'ncc-2026-06', date: '2026-06-12' }, related: [{ file: 'm2.md', line: 5 }] }],
    },
  ],
});
