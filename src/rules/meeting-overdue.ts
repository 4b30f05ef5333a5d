import { followedActionIds } from '../check/meeting-facts.js';
import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';
import { isoDate } from '../util/dates.js';

/** An `open` action whose `due` is before the latest meeting's date. */
export const meetingOverdue = defineRule({
  id: 'meeting/overdue',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: "An `open` action whose `due` is before the latest meeting's date",
  help:
    'An action that is still open after its due date, as of the latest meeting of its body, is overdue: review it (a later action ' +
    'with `follows:` its id, saying done, `not-implemented` with a reason, dropped, or carried over with a new `due`). An action that a ' +
    'later action follows is no longer open, so only the last action of each chain counts. The finding points at the `due`.',
  messages: {
    overdue: 'Open action `{{id}}` was due {{due}}, before the latest meeting `{{latest}}` ({{date}}): review it with a new action that `follows: {{id}}`',
  },
  examples: {
    invalid: `# meetings/ncc-2026-06.md: the latest meeting of the body
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-12
actions:
  - { id: a-2026-06-01, action: Publish the referral directory., due: 2026-05-31, status: open }`,
    valid: `kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-12
actions:
  - { id: a-2026-06-01, action: Publish the referral directory., due: 2026-09-30, status: open }`,
  },
  check({ index, report }) {
    let followed: Set<string> | undefined;
    for (const meetings of index.meetingsByBody.values()) {
      const latest = meetings[meetings.length - 1];
      const latestDate = latest === undefined ? undefined : isoDate(own(latest.data, 'date'));
      if (latest === undefined || latestDate === undefined) continue;
      for (const doc of meetings) {
        for (const [action, i] of itemsOf(doc.data, 'actions')) {
          if (own(action, 'status') !== 'open') continue;
          const due = isoDate(own(action, 'due'));
          if (due === undefined || due >= latestDate) continue;
          const id = str(action, 'id');
          followed ??= followedActionIds(index);
          if (id !== undefined && followed.has(id)) continue;
          report({
            doc,
            at: ['actions', i, 'due'],
            messageId: 'overdue',
            data: { id: id ?? `#${i + 1}`, due, latest: latest.id ?? latest.file, date: latestDate },
            ...(latest === doc ? {} : { related: [{ doc: latest, at: ['date'], message: 'The latest meeting of the body' }] }),
          });
        }
      }
    }
  },
});
