import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';
import { code, joinWords } from '../util/words.js';

/** Whether a text field is written (not absent, not blank). */
function written(record: Record<string, unknown>, key: string): boolean {
  const value = own(record, key);
  return typeof value === 'string' ? value.trim() !== '' : value !== undefined && value !== null;
}

/** A `not-implemented` or `dropped` action without `reason` (and `new_approach` for `not-implemented`). */
export const meetingNoReason = defineRule({
  id: 'meeting/no-reason',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A `not-implemented` or `dropped` action without `reason` (and `new_approach` for `not-implemented`)',
  help:
    'Coordination learns from what did not happen. An action marked `dropped` says why (`reason`); an action marked ' +
    '`not-implemented` says why and what will be done instead (`new_approach`). The finding points at the action\'s `status`.',
  messages: {
    missing: 'Action `{{id}}` is {{status}} without {{fields}}: add {{what}}',
  },
  examples: {
    invalid: `kind: meeting
id: ncc-2026-06
body: national-coordination-committee
date: 2026-06-12
actions:
  - id: a-2026-06-01
    action: Train all DVU officers on the revised risk assessment.
    status: not-implemented
    follows: a-2026-03-04`,
    valid: `kind: meeting
id: ncc-2026-06
body: national-coordination-committee
date: 2026-06-12
actions:
  - id: a-2026-06-01
    action: Train all DVU officers on the revised risk assessment.
    status: not-implemented
    follows: a-2026-03-04
    reason: The training budget was frozen until the next fiscal year.
    new_approach: Cascade training by the DVU focal points, funded by the ministry.`,
  },
  check({ index, report }) {
    for (const doc of index.ofKind('meeting')) {
      for (const [action, i] of itemsOf(doc.data, 'actions')) {
        const status = own(action, 'status');
        if (status !== 'not-implemented' && status !== 'dropped') continue;
        const needed = status === 'not-implemented' ? ['reason', 'new_approach'] : ['reason'];
        const missing = needed.filter((key) => !written(action, key));
        if (missing.length === 0) continue;
        const what = missing.map((key) => (key === 'reason' ? '`reason` (why)' : '`new_approach` (what will be done instead)'));
        report({
          doc,
          at: ['actions', i, 'status'],
          messageId: 'missing',
          data: { id: str(action, 'id') ?? `#${i + 1}`, status: `\`${status}\``, fields: joinWords(code(missing)), what: joinWords(what) },
        });
      }
    }
  },
});
