import { meetingContinuity } from '../../src/rules/meeting-continuity.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// BASE: coordinating body `ncc`, `members: [police, hospital]` on line 18 (police at column 13, hospital at 21)
const meeting = (date: string, attendees: [string, string?][], body = 'ncc') => `---
kind: meeting
id: ${body}-${date}
body: ${body}
date: ${date}
attendees:
${attendees.map(([agency, rep]) => `  - { agency: ${agency}${rep === undefined ? '' : `, representative: ${rep}`} }\n`).join('')}---
# Meeting
`;
const both: [string, string?][] = [['police', 'dvu-focal-point'], ['hospital', 'nurse-a']];
const policeOnly: [string, string?][] = [['police', 'dvu-focal-point']];
/** Meetings by file name (deliberately not in date order). */
const meetings = (...list: [string, [string, string?][]][]) => Object.fromEntries(list.map(([date, attendees], i) => [`meetings/${String.fromCharCode(122 - i)}.md`, meeting(date, attendees)]));
const related = [{ file: 'meetings/y.md', line: 7 }, { file: 'meetings/x.md', line: 7 }, { file: 'meetings/w.md', line: 7 }];

testRule(meetingContinuity, {
  valid: [
    { name: 'every member at every meeting, same people', docs: { ...BASE, ...meetings(['2026-01-10', both], ['2026-03-10', both], ['2026-06-10', both], ['2026-09-10', both]) } },
    { name: 'fewer than three meetings: not judged', docs: { ...BASE, ...meetings(['2026-01-10', policeOnly], ['2026-03-10', policeOnly]) } },
    {
      name: 'near miss: absent, present with the usual person, absent',
      docs: { ...BASE, ...meetings(['2026-01-10', both], ['2026-03-10', policeOnly], ['2026-06-10', both], ['2026-09-10', policeOnly]) },
    },
    {
      name: 'near miss: a new representative once, then the same one again',
      docs: { ...BASE, ...meetings(['2026-01-10', both], ['2026-03-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-b']]], ['2026-06-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-b']]], ['2026-09-10', policeOnly]) },
    },
    {
      name: 'an attendee without a representative counts as the same person',
      docs: { ...BASE, ...meetings(['2026-01-10', both], ['2026-03-10', [['police', 'dvu-focal-point'], ['hospital']]], ['2026-06-10', both]) },
    },
    {
      name: 'the usual representative with a different colleague each time',
      docs: {
        ...BASE,
        ...meetings(
          ['2026-01-10', both],
          ['2026-03-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-a'], ['hospital', 'nurse-b']]],
          ['2026-06-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-a'], ['hospital', 'nurse-c']]],
          ['2026-09-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-a'], ['hospital', 'nurse-d']]],
        ),
      },
    },
  ],
  invalid: [
    {
      name: 'a member absent from each of the last three meetings (file names out of date order)',
      docs: { ...BASE, ...meetings(['2026-01-10', both], ['2026-03-10', policeOnly], ['2026-06-10', policeOnly], ['2026-09-10', policeOnly]) },
      errors: [{ file: 'framework.md', line: 18, column: 21, messageId: 'absent', data: { agency: 'hospital', body: 'ncc', dates: '2026-03-10, 2026-06-10, 2026-09-10' }, related }],
    },
    {
      name: 'a member listed twice is reported once, at its first place',
      docs: { ...BASE, 'framework.md': (BASE['framework.md'] as string).replace('members: [police, hospital]', 'members: [police, hospital, hospital]'), ...meetings(['2026-03-10', policeOnly], ['2026-06-10', policeOnly], ['2026-09-10', policeOnly]) },
      errors: [{ file: 'framework.md', line: 18, column: 21, messageId: 'absent', data: { agency: 'hospital', body: 'ncc', dates: '2026-03-10, 2026-06-10, 2026-09-10' }, related: [{ file: 'meetings/z.md', line: 7 }, { file: 'meetings/y.md', line: 7 }, { file: 'meetings/x.md', line: 7 }] }],
    },
    {
      name: 'a different representative at each of the last three meetings',
      docs: {
        ...BASE,
        ...meetings(
          ['2026-01-10', both],
          ['2026-03-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-b']]],
          ['2026-06-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-c']]],
          ['2026-09-10', [['police', 'dvu-focal-point'], ['hospital', 'nurse-d']]],
        ),
      },
      errors: [{ file: 'framework.md', line: 18, column: 21, messageId: 'changing', data: { agency: 'hospital', body: 'ncc', dates: '2026-03-10, 2026-06-10, 2026-09-10' }, related }],
    },
    {
      name: 'a member of another body, never present',
      docs: {
        ...BASE,
        'framework.md': (BASE['framework.md'] as string).replace('legal_basis:', 'bodies:\n  - { id: district, name: District meeting, members: [police, shelter] }\nlegal_basis:'),
        'm1.md': meeting('2026-01-10', policeOnly, 'district'),
        'm2.md': meeting('2026-02-10', policeOnly, 'district'),
        'm3.md': meeting('2026-03-10', policeOnly, 'district'),
      },
      errors: [{ file: 'framework.md', line: 20, column: 63, messageId: 'absent', data: { agency: 'shelter', body: 'district', dates: '2026-01-10, 2026-02-10, 2026-03-10' }, related: [{ file: 'm1.md', line: 7 }, { file: 'm2.md', line: 7 }, { file: 'm3.md', line: 7 }] }],
    },
  ],
});
