import { meetingNoReason } from '../../src/rules/meeting-no-reason.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// the action's id is on line 7, its status on line 9 (column 13)
const meeting = (status: string, extra = '') => `---
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-12
actions:
  - id: a-2026-06-01
    action: Train all DVU officers on the revised risk assessment.
    status: ${status}
    follows: a-2026-03-04
${extra}---
# Meeting
`;

testRule(meetingNoReason, {
  valid: [
    { name: 'open and done actions need no reason', docs: { ...BASE, 'm.md': meeting('open') + '', 'n.md': meeting('done').replace('ncc-2026-06', 'ncc-2026-09').replace('a-2026-06-01', 'a-2026-09-01') } },
    { name: 'a dropped action with a reason', docs: { ...BASE, 'm.md': meeting('dropped', '    reason: Superseded by the national training plan.\n') } },
    {
      name: 'near miss: not-implemented, with reason, new approach and a follow-up',
      docs: {
        ...BASE,
        'm.md': meeting('not-implemented', '    reason: The training budget was frozen.\n    new_approach: Cascade training by focal points.\n'),
        'n.md': '---\nkind: meeting\nid: ncc-2026-09\nbody: ncc\ndate: 2026-09-12\nactions:\n  - { id: a-2026-09-01, action: Cascade training., status: open, due: 2026-12-31, follows: a-2026-06-01 }\n---\n',
      },
    },
  ],
  invalid: [
    {
      name: 'not-implemented without reason and new approach (position: the status)',
      docs: { ...BASE, 'm.md': meeting('not-implemented') },
      errors: [{ file: 'm.md', line: 9, column: 13, messageId: 'missing', data: { id: 'a-2026-06-01', status: '`not-implemented`', fields: '`reason` and `new_approach`', what: '`reason` (why) and `new_approach` (what will be done instead)' } }],
    },
    {
      name: 'not-implemented with a reason but no new approach',
      docs: { ...BASE, 'm.md': meeting('not-implemented', '    reason: The training budget was frozen.\n') },
      errors: [{ file: 'm.md', line: 9, column: 13, messageId: 'missing', data: { id: 'a-2026-06-01', status: '`not-implemented`', fields: '`new_approach`', what: '`new_approach` (what will be done instead)' } }],
    },
    {
      name: 'dropped with a blank reason',
      docs: { ...BASE, 'm.md': meeting('dropped', '    reason: "  "\n') },
      errors: [{ file: 'm.md', line: 9, column: 13, messageId: 'missing', data: { id: 'a-2026-06-01', status: '`dropped`', fields: '`reason`', what: '`reason` (why)' } }],
    },
  ],
});
