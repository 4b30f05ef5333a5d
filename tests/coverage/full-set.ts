import type { Docs } from '../helpers/test-rule.js';

/** An agency document: `extra` is appended to its frontmatter. */
const agency = (id: string, sector: string, type: string, extra: string) => `---
kind: agency
id: ${id}
name: ${id}
sector: ${sector}
type: ${type}
roles:
  - { id: focal-point, title: Focal point }
services:
  - { id: support, name: Support, accepts_from: [any] }
${extra}---
# ${id}
`;

const responsibility = (id: string, focus: string, forms: string) => `  - { id: ${id}, role: focal-point, action: Act., focus: ${focus}, forms_of_violence: [${forms}] }\n`;

const attendees = `attendees:
  - { agency: police, representative: dvu-focal-point }
  - { agency: court, representative: registrar }
  - { agency: hospital, representative: nurse-a }
  - { agency: ministry, representative: gender-focal-point }
  - { agency: shelter, representative: coordinator }
`;

/** A small set that meets all 22 coordination strategies (FORMAT.md §4). */
export const FULL_SET: Docs = {
  'framework.md': `---
kind: framework
id: test-framework
title: Test framework
jurisdiction: { name: Republic of Testland, level: national }
status: adopted
languages: [en]
principles: [survivor-centred]
forms_of_violence: [intimate-partner-violence, sexual-violence, trafficking]
coordinating_body:
  id: ncc
  name: National Coordination Committee
  chair: ministry
  mandate: vaw-act
  members: [police, court, hospital, ministry, shelter]
legal_basis:
  - { id: vaw-act, title: VAW Act, type: statute, provides: [coordination-mandate, information-sharing, funding] }
policy_areas: [justice, health, education]
---
# Framework
`,
  'definitions.md': `---
kind: definitions
id: shared
terms:
  - { id: survivor-centred, term: survivor-centred, definition: Rights first. }
  - { id: intimate-partner-violence, term: intimate partner violence, definition: Violence by a partner. }
  - { id: sexual-violence, term: sexual violence, definition: Any sexual act without consent. }
  - { id: trafficking, term: trafficking, definition: Trafficking in women. }
---
# Definitions
`,
  'agencies/police.md': agency('police', 'police', 'government', `responsibilities:\n${responsibility('attend', 'survivor', 'intimate-partner-violence')}${responsibility('arrest', 'perpetrator', 'intimate-partner-violence')}referrals:\n  - { id: refer-hospital, to: hospital/support, consent: required }\n`),
  'agencies/court.md': agency('court', 'justice', 'government', `responsibilities:\n${responsibility('hear', 'both', 'trafficking')}referrals:\n  - { id: refer-shelter, to: shelter/support, consent: required }\n`),
  'agencies/hospital.md': agency('hospital', 'health', 'government', `responsibilities:\n${responsibility('treat', 'survivor', 'sexual-violence')}`),
  'agencies/ministry.md': agency('ministry', 'gender-equality', 'government', `responsibilities:\n${responsibility('coordinate', 'system', 'intimate-partner-violence')}`),
  'agencies/shelter.md': agency('shelter', 'shelter', 'ngo', `responsibilities:\n${responsibility('house', 'survivor', 'sexual-violence')}`),
  'plan.md': `---
kind: plan
id: nap
period: { start: 2026-01-01, end: 2030-12-31 }
interventions:
  - id: sart-rollout
    title: Sexual assault response teams
    lead: hospital
    budget: { amount: 2500000, currency: USD, funded_by: ministry }
    addresses: [men-as-allies, serial-perpetrators-multiple-forms]
    targets:
      - { id: sart-25, horizon: short, due: 2026-12-31, indicator: sart-coverage }
      - { id: sart-50, horizon: medium, due: 2028-06-30, indicator: sart-coverage }
      - { id: sart-90, horizon: long, due: 2030-12-31, indicator: sart-coverage }
indicators:
  - { id: sart-coverage, definition: "% of provinces with a SART", baseline: 10, source: MoH records }
evaluations:
  - { id: midterm, due: 2028-06-30, includes_survivor_voice: true }
---
# Plan
`,
  'meetings/ncc-2026-03.md': `---
kind: meeting
id: ncc-2026-03
body: ncc
date: 2026-03-10
${attendees}actions:
  - { id: a-2026-03-01, owner: police, action: Draft the referral form., due: 2026-05-31, status: open }
barriers:
  - { id: b-1, level: system, description: No funding for interpreters. }
case_reviews:
  - { id: cr-1, outcome: worked, facilitators: [shared risk assessment] }
---
# Meeting
`,
  'meetings/ncc-2026-06.md': `---
kind: meeting
id: ncc-2026-06
body: ncc
date: 2026-06-10
${attendees}actions:
  - { id: a-2026-06-01, owner: police, action: Draft the referral form., due: 2026-09-30, status: open, follows: a-2026-03-01 }
barriers:
  - { id: b-1, level: practice, description: Referrals sent to the wrong unit. }
case_reviews:
  - { id: cr-1, outcome: did-not-work, barriers: [b-1] }
---
# Meeting
`,
  'meetings/ncc-2026-09.md': `---
kind: meeting
id: ncc-2026-09
body: ncc
date: 2026-09-10
${attendees}actions:
  - { id: a-2026-09-01, owner: police, action: Draft the referral form., due: 2026-09-30, status: done, follows: a-2026-06-01 }
---
# Meeting
`,
};

/** The full set with one document's text changed. */
export function withChange(file: string, change: (text: string) => string): Docs {
  return { ...FULL_SET, [file]: change(FULL_SET[file] as string) };
}
