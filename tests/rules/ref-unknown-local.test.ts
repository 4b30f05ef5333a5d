import { refUnknown } from '../../src/rules/ref-unknown.js';
import { BASE, testRule, type Docs } from '../helpers/test-rule.js';

// ref/unknown on references written without their document's id (roles, steps, barriers), on
// coordination strategies and on terms an agency defines for itself

interface Police { role?: string; fromRole?: string; to?: string; strategy?: string; term?: string }
// line 13: the responsibility (role, addresses); line 15: the referral (to, from_role); line 19: the body
const police = ({ role = 'first-responder', fromRole = 'dvu-investigator', to = 'hospital/forensic-examination', strategy = 'men-as-allies', term = 'dvu' }: Police = {}) => `---
kind: agency
id: police
name: Police
sector: police
type: government
roles:
  - { id: first-responder, title: First responder, profession: police-officer }
  - { id: dvu-investigator, title: DVU investigator, profession: police-officer }
terms:
  - { id: dvu, term: DVU, definition: Domestic Violence Unit of the police. }
responsibilities:
  - { id: attend-call, role: ${role}, action: Attend every call within the hour., addresses: [${strategy}] }
referrals:
  - { id: refer-forensic, to: ${to}, from_role: ${fromRole} }
---
# Police

The :term[${term}] takes over from the first responder.
`;
const hospital = `---
kind: agency
id: hospital
name: Hospital
sector: health
type: government
services:
  - { id: forensic-examination, name: Forensic examination, accepts_from: [any] }
---
# Hospital
`;
const helpline = `---
kind: agency
id: helpline
name: Helpline
sector: helpline
type: ngo
services:
  - { id: counselling, name: Counselling, accepts_from: [any] }
---
# Helpline
`;
interface Pathway { entry?: string; next?: string; after?: string; window?: string }
// line 5: entry; line 7: next; line 8: after; line 10: the window's step
const pathway = ({ entry = 'first-contact', next = 'medical-care', after = 'first-contact', window = 'medical-care' }: Pathway = {}) => `---
kind: pathway
id: asv
title: Adult survivor of sexual violence
entry: ${entry}
steps:
  - { id: first-contact, lead: police/first-responder, action: Ensure immediate safety., next: [${next}] }
  - { id: medical-care, lead: police/first-responder, action: Escort her to the hospital if she wishes., after: ${after} }
windows:
  - { id: pep, step: ${window}, within: PT72H }
---
# Pathway
`;
// line 9: the case review's barriers; line 11: the action's strategies
const meeting = (barriers = 'b-1', strategy = 'referral-networks') => `---
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-12
barriers:
  - { id: b-1, level: practice, description: Out-of-hours referrals fail. }
case_reviews:
  - { id: cr-1, outcome: did-not-work, barriers: [${barriers}] }
actions:
  - { id: a-1, action: Publish the referral directory., status: open, addresses: [${strategy}] }
---
# Meeting
`;
// line 6: the intervention's strategies
const plan = (strategy = 'men-as-allies') => `---
kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - { id: allies-campaign, title: Men as allies campaign, lead: police, addresses: [${strategy}] }
---
# Plan
`;
const set = (over: { police?: Police; pathway?: Pathway; barriers?: string; meetingStrategy?: string; planStrategy?: string } = {}): Docs => ({
  ...BASE,
  'agencies/police.md': police(over.police),
  'agencies/hospital.md': hospital,
  'agencies/helpline.md': helpline,
  'pathway.md': pathway(over.pathway),
  'meeting.md': meeting(over.barriers, over.meetingStrategy),
  'plan.md': plan(over.planStrategy),
});
const WHERE = {
  role: "the agency's `roles`",
  step: "the pathway's `steps`",
  barrier: "this meeting's `barriers`",
  strategy: 'the coordination strategies (`protokit coverage` lists them)',
};

testRule(refUnknown, {
  valid: [{ name: 'local roles, steps and barriers, strategies and an agency’s own term all resolve', docs: set() }],
  invalid: [
    {
      name: 'a misspelt role of the agency itself: the suggestion is the local id, without the agency',
      docs: set({ police: { role: 'first-responer', fromRole: 'investigator' } }),
      errors: [
        { file: 'agencies/police.md', line: 13, column: 30, endColumn: 44, messageId: 'unknown', data: { value: 'first-responer', what: 'role', where: WHERE.role, hint: '; did you mean `first-responder`?' } },
        { file: 'agencies/police.md', line: 15, column: 73, messageId: 'unknown', data: { value: 'investigator', what: 'role', where: WHERE.role, hint: '; did you mean `dvu-investigator`?' } },
      ],
    },
    {
      name: 'a role that exists only in another agency is unknown here',
      docs: { ...set(), 'agencies/hospital.md': hospital.replace('services:', 'roles:\n  - { id: nurse, title: Nurse }\nservices:'), 'agencies/police.md': police({ role: 'nurse' }) },
      errors: [{ file: 'agencies/police.md', line: 13, column: 30, messageId: 'unknown', data: { value: 'nurse', what: 'role', where: WHERE.role, hint: '' } }],
    },
    {
      name: 'misspelt steps in entry, next, after and a window: suggestions from the same pathway',
      docs: set({ pathway: { entry: 'first-contct', next: 'medical-cre', after: 'first-contat', window: 'medical-car' } }),
      errors: [
        { file: 'pathway.md', line: 5, column: 8, messageId: 'unknown', data: { value: 'first-contct', what: 'pathway step', where: WHERE.step, hint: '; did you mean `first-contact`?' } },
        { file: 'pathway.md', line: 7, column: 97, messageId: 'unknown', data: { value: 'medical-cre', what: 'pathway step', where: WHERE.step, hint: '; did you mean `medical-care`?' } },
        { file: 'pathway.md', line: 8, column: 113, messageId: 'unknown', data: { value: 'first-contat', what: 'pathway step', where: WHERE.step, hint: '; did you mean `first-contact`?' } },
        { file: 'pathway.md', line: 10, column: 22, messageId: 'unknown', data: { value: 'medical-car', what: 'pathway step', where: WHERE.step, hint: '; did you mean `medical-care`?' } },
      ],
    },
    {
      name: 'a step of another pathway is not a step of this one',
      docs: { ...set({ pathway: { next: 'follow-up' } }), 'other.md': pathway().replace('id: asv', 'id: other').replaceAll('medical-care', 'follow-up') },
      errors: [{ file: 'pathway.md', line: 7, column: 97, messageId: 'unknown', data: { value: 'follow-up', what: 'pathway step', where: WHERE.step, hint: '' } }],
    },
    {
      name: 'case review barriers resolve in their own meeting; one far from every barrier gets no suggestion',
      docs: set({ barriers: 'b-2, out-of-hours' }),
      errors: [
        { file: 'meeting.md', line: 9, column: 51, messageId: 'unknown', data: { value: 'b-2', what: 'barrier', where: WHERE.barrier, hint: '; did you mean `b-1`?' } },
        { file: 'meeting.md', line: 9, column: 56, messageId: 'unknown', data: { value: 'out-of-hours', what: 'barrier', where: WHERE.barrier, hint: '' } },
      ],
    },
    {
      name: 'misspelt coordination strategies in a responsibility, a meeting action and a plan intervention',
      docs: set({ police: { strategy: 'men-as-allys' }, meetingStrategy: 'referal-networks', planStrategy: 'multi-sectoral-plan' }),
      errors: [
        { file: 'agencies/police.md', line: 13, column: 103, messageId: 'unknown', data: { value: 'men-as-allys', what: 'coordination strategy', where: WHERE.strategy, hint: '; did you mean `men-as-allies`?' } },
        { file: 'meeting.md', line: 11, column: 83, messageId: 'unknown', data: { value: 'referal-networks', what: 'coordination strategy', where: WHERE.strategy, hint: '; did you mean `referral-networks`?' } },
        { file: 'plan.md', line: 6, column: 85, messageId: 'unknown', data: { value: 'multi-sectoral-plan', what: 'coordination strategy', where: WHERE.strategy, hint: '; did you mean `multisectoral-plan`?' } },
      ],
    },
    {
      name: 'a misspelt agency term in a body is suggested by its id',
      docs: set({ police: { term: 'dvv' } }),
      errors: [{ file: 'agencies/police.md', line: 19, column: 5, message: '`dvv` is not a known term: use an id defined in a definitions document; did you mean `dvu`?' }],
    },
    {
      name: 'a service missing from an agency that has other services: no suggestion from another agency',
      docs: set({ police: { to: 'hospital/counselling' } }),
      errors: [{ file: 'agencies/police.md', line: 15, column: 31, messageId: 'unknown', data: { value: 'hospital/counselling', what: 'service', where: "the agency's `services`", hint: '' } }],
    },
  ],
});
