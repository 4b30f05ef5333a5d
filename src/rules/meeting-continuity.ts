import type { ProtocolDocument } from '../model/document.js';
import type { Path } from '../model/diagnostic.js';
import { defineRule } from '../model/rule.js';
import { itemsOf, own, str } from '../util/data.js';

/** How many of a body's latest meetings the rule looks at. */
const WINDOW = 3;

/** One agency's attendance at a meeting: its representative, or null when it sent someone unnamed. */
function attendance(meeting: ProtocolDocument): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const [attendee] of itemsOf(meeting.data, 'attendees')) {
    const agency = str(attendee, 'agency');
    if (agency === undefined || out.has(agency)) continue;
    const representative = str(attendee, 'representative');
    out.set(agency, representative === undefined ? null : representative.trim().toLowerCase());
  }
  return out;
}

/**
 * Whether a member kept continuity over the last meetings: at one of them at least, it was represented
 * by the person who represented it at its previous attended meeting of the body (an unnamed
 * representative gives the benefit of the doubt).
 */
function keptContinuity(member: string, attended: readonly Map<string, string | null>[], firstInWindow: number): boolean {
  let previous: string | null | undefined;
  for (const [k, meeting] of attended.entries()) {
    if (!meeting.has(member)) continue;
    const representative = meeting.get(member) ?? null;
    if (k >= firstInWindow && previous !== undefined && (representative === null || previous === null || representative === previous)) return true;
    previous = representative;
  }
  return false;
}

/** A member agency absent from, or represented by a different representative at, each of its body's last three meetings. */
export const meetingContinuity = defineRule({
  id: 'meeting/continuity',
  scope: 'set',
  defaultSeverity: 'warning',
  checkOnly: true,
  description: 'A member agency absent from, or represented by a different representative at, each of its last three meetings',
  help:
    'Coordination depends on regular participation by the same people. For every member of a body (the coordinating body\'s ' +
    '`members`, or `bodies[*].members`) whose body has met at least three times, protokit looks at the last three meetings by ' +
    'date: the member keeps continuity when, at one of them at least, it was represented by the same representative as at its ' +
    'previous attended meeting of the body (which may be before the three). It is reported when, at each of the three, it was ' +
    'absent or sent someone other than last time. An attendee without `representative` counts as the same person. The finding ' +
    'points at the member in the framework, with the three meetings as related locations.',
  messages: {
    absent: 'Member `{{agency}}` of `{{body}}` was absent from each of its last three meetings ({{dates}}): agree a focal point who attends regularly',
    changing: 'Member `{{agency}}` of `{{body}}` was absent or sent a different representative at each of its last three meetings ({{dates}}): agree a focal point who attends regularly',
  },
  examples: {
    invalid: `# framework.md (excerpt)
coordinating_body: { id: ncc, name: National Coordination Committee, members: [police, shelter] }
---
# the last three meetings of ncc: the shelter is absent from all three
kind: meeting
id: ncc-2026-03
body: ncc
date: 2026-03-10
attendees: [{ agency: police, representative: dvu-focal-point }]
---
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-10
attendees: [{ agency: police, representative: dvu-focal-point }]
---
kind: meeting
id: ncc-2026-09
body: ncc
date: 2026-09-10
attendees: [{ agency: police, representative: dvu-focal-point }]`,
    valid: `# the shelter misses one meeting, and sends the same coordinator to the others
kind: meeting
id: ncc-2026-03
body: ncc
date: 2026-03-10
attendees: [{ agency: police, representative: dvu-focal-point }, { agency: shelter, representative: coordinator }]
---
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-10
attendees: [{ agency: police, representative: dvu-focal-point }]
---
kind: meeting
id: ncc-2026-09
body: ncc
date: 2026-09-10
attendees: [{ agency: police, representative: dvu-focal-point }, { agency: shelter, representative: coordinator }]`,
  },
  check({ index, report }) {
    for (const entry of index.bodies.values()) {
      const meetings = index.meetingsByBody.get(entry.id) ?? [];
      if (meetings.length < WINDOW) continue;
      const attended = meetings.map(attendance);
      const lastThree = meetings.slice(-WINDOW);
      const firstInWindow = meetings.length - WINDOW;
      const dates = lastThree.map((m) => str(m.data, 'date') ?? m.file).join(', ');
      const seen = new Set<string>();
      const members = own(entry.value, 'members');
      if (!Array.isArray(members)) continue;
      members.forEach((member: unknown, i: number) => {
        if (typeof member !== 'string' || seen.has(member)) return;
        seen.add(member);
        if (keptContinuity(member, attended, firstInWindow)) return;
        const absent = attended.slice(firstInWindow).every((a) => !a.has(member));
        const at: Path = [...entry.path, 'members', i];
        report({
          doc: entry.doc,
          at,
          messageId: absent ? 'absent' : 'changing',
          data: { agency: member, body: entry.id, dates },
          related: lastThree.map((m) => ({ doc: m, at: own(m.data, 'attendees') !== undefined ? ['attendees'] : ['date'], message: `Meeting of ${str(m.data, 'date') ?? 'unknown date'}` })),
        });
      });
    }
  },
});
