import { followsOf } from '../check/meeting-facts.js';
import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';

/** An action still `open` at one meeting that the next meeting of the same body does not follow. */
export const meetingUnreviewedAction = defineRule({
  id: 'meeting/unreviewed-action',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: 'An action still `open` at one meeting that the next meeting of the same body does not follow',
  help:
    'Every open action is reviewed at the next meeting of the same body (the next one by `date`, whatever the file names): ' +
    'record an action there with `follows:` its id, saying whether it is done, still open (carried over), `not-implemented` or dropped. ' +
    'The finding points at the open action\'s `status`, with the next meeting as related location. A review at a later meeting ' +
    'does not make up for the skipped one; the last meeting of a body has no next meeting, so its open actions are not reported here ' +
    '(see `meeting/overdue`).',
  messages: {
    unreviewed: 'Open action `{{id}}` is not followed up at the next meeting `{{next}}` ({{date}}): add an action there with `follows: {{id}}`',
  },
  examples: {
    invalid: `# meetings/ncc-2026-03.md
kind: meeting
id: ncc-2026-03
body: ncc
date: 2026-03-10
actions:
  - { id: a-2026-03-01, action: Draft the referral form., status: open, due: 2026-09-30 }
---
# meetings/ncc-2026-06.md: the next meeting, without an action that follows a-2026-03-01
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-10
actions:
  - { id: a-2026-06-01, action: Publish the referral directory., status: open, due: 2026-12-31 }`,
    valid: `# meetings/ncc-2026-06.md
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-10
actions:
  - { id: a-2026-06-01, action: Publish the referral directory., status: open, due: 2026-12-31 }
  - { id: a-2026-06-02, action: Draft the referral form., status: done, follows: a-2026-03-01 }`,
  },
  check({ index, report }) {
    for (const meetings of index.meetingsByBody.values()) {
      for (let k = 0; k + 1 < meetings.length; k++) {
        const [doc, next] = [meetings[k], meetings[k + 1]];
        if (doc === undefined || next === undefined) continue;
        let followed: Set<string> | undefined;
        for (const [action, i] of itemsOf(doc.data, 'actions')) {
          const id = str(action, 'id');
          if (own(action, 'status') !== 'open' || id === undefined) continue;
          followed ??= followsOf(next);
          if (followed.has(id)) continue;
          const nextId = next.id ?? next.file;
          report({
            doc,
            at: ['actions', i, 'status'],
            messageId: 'unreviewed',
            data: { id, next: nextId, date: str(next.data, 'date') ?? 'undated' },
            related: [{ doc: next, at: ['date'], message: `The next meeting, which has no action with \`follows: ${id}\`` }],
          });
        }
      }
    }
  },
});
