import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { RULES } from '../../src/rules/index.js';
import { parseDocs } from '../helpers/test-rule.js';

/** A set whose ids are names of Object.prototype members: they must behave as ordinary ids. */
const SET = {
  'framework.md': `---
kind: framework
id: constructor
title: Test framework
jurisdiction: { name: Republic of Testland, level: national }
status: adopted
languages: [en]
principles: [constructor]
forms_of_violence: [constructor]
professions:
  - { id: constructor, title: Constructor }
coordinating_body:
  id: constructor
  name: National Coordination Committee
  chair: constructor
  mandate: constructor
  members: [constructor]
legal_basis:
  - { id: constructor, title: VAW Act, type: statute, provides: [coordination-mandate, information-sharing, funding] }
---
`,
  'definitions.md': `---
kind: definitions
id: constructor
terms:
  - { id: constructor, term: constructor, definition: A term named like a prototype member. }
---
Uses :term[constructor].
`,
  'agency.md': `---
kind: agency
id: constructor
name: Constructor Agency
sector: police
type: government
roles:
  - { id: constructor, title: Constructor, profession: constructor }
services:
  - { id: constructor, name: Constructor service, accepts_from: [constructor] }
responsibilities:
  - { id: constructor, role: constructor, action: Build., step: constructor/constructor }
referrals:
  - { id: constructor, to: constructor/constructor, from_role: constructor }
---

:::audience{professions="constructor"}
For constructors.
:::
`,
  'pathway.md': `---
kind: pathway
id: constructor
title: Constructor pathway
entry: constructor
steps:
  - { id: constructor, lead: constructor/constructor, action: Build. }
---
`,
};

describe('prototype member names as ids', () => {
  it('`constructor` works as agency, role, service, term, profession, step, pathway and body id', () => {
    const found = runRules(parseDocs(SET), { rules: RULES }).filter((d) => d.ruleId.startsWith('ref/') || d.ruleId.startsWith('schema/') || d.ruleId === 'set/framework');
    expect(found.map((d) => `${d.file}:${d.range.start.line} ${d.ruleId} ${d.message}`)).toEqual([]);
  });

  it('a reference to an undefined `constructor` is unknown, and two `constructor` agencies are a duplicate', () => {
    const docs = { ...SET, 'other.md': SET['agency.md'].replace('roles:\n  - { id: constructor,', 'roles:\n  - { id: builder,') };
    const found = runRules(parseDocs(docs), { rules: RULES }).filter((d) => d.ruleId.startsWith('ref/'));
    expect(found.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}`)).toEqual([
      'other.md:3:5 ref/duplicate-id',
      'other.md:10:11 ref/duplicate-id',
      'other.md:12:11 ref/duplicate-id',
      'other.md:14:11 ref/duplicate-id',
    ]);
    const unknownRole = runRules(parseDocs({ ...SET, 'pathway.md': SET['pathway.md'].replace('lead: constructor/constructor', 'lead: constructor/tostring') }), { rules: RULES }).filter((d) => d.ruleId === 'ref/unknown');
    expect(unknownRole.map((d) => d.message)).toEqual(['`constructor/tostring` is not a known role: use an id defined in the agency\'s `roles`; did you mean `constructor/constructor`?']);
  });
});
