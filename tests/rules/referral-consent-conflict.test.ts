import { referralConsentConflict } from '../../src/rules/referral-consent-conflict.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// each referral's consent value is on line 10, column 14; a second referral's on line 13
const agency = (id: string, consent: string, second = '') => `---
kind: agency
id: ${id}
name: Agency ${id}
sector: police
type: government
referrals:
  - id: refer-forensic
    to: hospital/forensic-examination
    consent: ${consent}
${second}---
# Agency
`;
const hospital = `---
kind: agency
id: hospital
name: Central Hospital
sector: health
type: government
services:
  - { id: forensic-examination, name: Forensic examination, accepts_from: [any] }
  - { id: counselling, name: Counselling, accepts_from: [any] }
---
# Hospital
`;
const set = (agencies: Record<string, string>) => ({ ...BASE, 'hospital.md': hospital, ...agencies });

testRule(referralConsentConflict, {
  valid: [
    { name: 'agencies agree', docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'required'), 'c.md': agency('helpline', 'required') }) },
    {
      name: 'different services may have different consent rules',
      docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'not-required').replace('hospital/forensic-examination', 'hospital/counselling') }),
    },
    {
      name: 'one agency’s own referrals are not a conflict between agencies',
      docs: set({ 'a.md': agency('police', 'required', '  - id: refer-forensic-urgent\n    to: hospital/forensic-examination\n    consent: not-required\n') }),
    },
    { name: 'an agency without id (schema/shape’s finding) is not compared', docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'not-required').replace('id: shelter\n', '') }) },
    { name: 'a referral without consent is not compared', docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'required').replace('    consent: required\n', '') }) },
    {
      name: 'referrals to an unknown service are ref/unknown’s finding',
      docs: set({ 'a.md': agency('police', 'required').replace('forensic-examination', 'forensics'), 'b.md': agency('shelter', 'not-required').replace('forensic-examination', 'forensics') }),
    },
  ],
  invalid: [
    {
      name: 'two agencies disagree: the later one is reported',
      docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'not-required') }),
      errors: [
        {
          file: 'b.md',
          line: 10,
          column: 14,
          endColumn: 26,
          messageId: 'conflict',
          data: { to: 'hospital/forensic-examination', consent: 'not-required', other: 'police', file: 'a.md', first: 'required' },
          related: [{ file: 'a.md', line: 10, column: 14 }],
        },
      ],
    },
    {
      name: 'the first one differs from the rest: each later one is reported, in file order',
      docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'not-required'), 'c.md': agency('helpline', 'not-required') }),
      errors: [
        { file: 'b.md', line: 10, column: 14, related: [{ file: 'a.md', line: 10, column: 14 }] },
        { file: 'c.md', line: 10, column: 14, related: [{ file: 'a.md', line: 10, column: 14 }] },
      ],
    },
    {
      name: 'only the one that differs from the first',
      docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'required'), 'c.md': agency('helpline', 'mandatory-report') }),
      errors: [{ file: 'c.md', line: 10, column: 14, messageId: 'conflict', data: { to: 'hospital/forensic-examination', consent: 'mandatory-report', other: 'police', file: 'a.md', first: 'required' } }],
    },
    {
      name: 'a second referral of a later agency',
      docs: set({ 'a.md': agency('police', 'required'), 'b.md': agency('shelter', 'required', '  - id: refer-forensic-2\n    to: hospital/forensic-examination\n    consent: not-required\n') }),
      errors: [{ file: 'b.md', line: 13, column: 14, related: [{ file: 'a.md', line: 10 }] }],
    },
  ],
});
