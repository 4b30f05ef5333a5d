import { definitionsRedefined } from '../../src/rules/definitions-redefined.js';
import { BASE, testRule } from '../helpers/test-rule.js';

const definitions = `---
kind: definitions
id: shared
terms:
  - id: survivor
    term: survivor
    definition: A woman who has experienced violence.
    avoid: [victim]
  - id: safe-accommodation
    term: safe accommodation
    definition: Temporary housing at a confidential address.
    aliases: [shelter, refuge]
  - { id: post-exposure-prophylaxis, term: post-exposure prophylaxis, definition: HIV medication., aliases: [PEP] }
  - { id: pep-bag, term: PEP, definition: A bag of medication., aliases: [42, "", pep bag] }
  - { id: no-term, definition: A term without its term (schema/shape's finding)., aliases: [Shelter] }
---
# Definitions
`;
// the agency term's id is on line 8 (column 9), its term on line 9 (column 11), its aliases on line 11
const agency = (id: string, term: string, aliases = '    notes: no aliases', more = '') => `---
kind: agency
id: police
name: Police
sector: police
type: government
terms:
  - id: ${id}
    term: ${term}
    definition: Something this agency means.
${aliases}
${more}---
# Police
`;
const set = (agencyText: string) => ({ ...BASE, 'definitions.md': definitions, 'police.md': agencyText });

testRule(definitionsRedefined, {
  valid: [
    { name: 'an agency term of its own', docs: set(agency('dvu', 'DVU', '    aliases: [domestic violence unit]')) },
    { name: 'a term that contains a shared term is another term', docs: set(agency('survivor-advocate', 'survivor advocate', '    aliases: [advocate for survivors]')) },
    { name: 'a word to avoid is not a shared term’s name', docs: set(agency('victim-legal', 'victim')) },
    { name: 'odd alias items and a term without `term` (schema/shape’s findings) are skipped', docs: set(agency('kit', 'kit', '    aliases: [42, ""]', '  - { id: unnamed, definition: Something. }\n')) },
    { name: 'no shared definitions: nothing to repeat', docs: { 'police.md': agency('survivor', 'survivor') } },
  ],
  invalid: [
    {
      name: 'same id (and term): reported once, at the id',
      docs: set(agency('survivor', 'survivor')),
      errors: [{ file: 'police.md', line: 8, column: 9, endColumn: 17, messageId: 'id', data: { value: 'survivor', shared: 'survivor', file: 'definitions.md' }, related: [{ file: 'definitions.md', line: 5, column: 9 }] }],
    },
    {
      name: 'the same term in other letter case',
      docs: set(agency('place-of-safety', 'Safe Accommodation')),
      errors: [{ file: 'police.md', line: 9, column: 11, messageId: 'name', data: { value: 'Safe Accommodation', what: 'the term', shared: 'safe-accommodation', file: 'definitions.md' }, related: [{ file: 'definitions.md', line: 10, column: 11 }] }],
    },
    {
      name: 'a term that is a shared alias',
      docs: set(agency('hiv-prophylaxis', 'PEP')),
      errors: [{ file: 'police.md', line: 9, column: 11, messageId: 'name', data: { value: 'PEP', what: 'an alias', shared: 'post-exposure-prophylaxis', file: 'definitions.md' }, related: [{ file: 'definitions.md', line: 13, column: 110 }] }],
    },
    {
      name: 'an alias that is a shared alias',
      docs: set(agency('refuge-place', 'refuge place', '    aliases: [refuge place, refuge]')),
      errors: [{ file: 'police.md', line: 11, column: 29, messageId: 'name', data: { value: 'refuge', what: 'an alias', shared: 'safe-accommodation', file: 'definitions.md' }, related: [{ file: 'definitions.md', line: 12, column: 24 }] }],
    },
    {
      name: 'an alias that is a shared term (block list)',
      docs: set(agency('pep-kit', 'PEP kit', '    aliases:\n      - Post-exposure prophylaxis')),
      errors: [{ file: 'police.md', line: 12, column: 9, messageId: 'name', data: { value: 'Post-exposure prophylaxis', what: 'the term', shared: 'post-exposure-prophylaxis', file: 'definitions.md' }, related: [{ file: 'definitions.md', line: 13, column: 44 }] }],
    },
    {
      name: 'a term without id (schema/shape’s finding) is still compared by its term',
      docs: set(agency('x', 'x', '    notes: none', '  - { term: PEP, definition: Medication. }\n')),
      errors: [{ file: 'police.md', line: 12, column: 13, messageId: 'name', data: { value: 'PEP', what: 'an alias', shared: 'post-exposure-prophylaxis', file: 'definitions.md' } }],
    },
    {
      name: 'two agency terms, each repeating a shared one',
      docs: set(agency('dvu', 'shelter', '    notes: first', '  - { id: survivor, term: person who survived, definition: Another meaning. }\n')),
      errors: [
        { file: 'police.md', line: 9, column: 11, messageId: 'name', data: { value: 'shelter', what: 'an alias', shared: 'safe-accommodation', file: 'definitions.md' } },
        { file: 'police.md', line: 12, column: 11, messageId: 'id', data: { value: 'survivor', shared: 'survivor', file: 'definitions.md' } },
      ],
    },
  ],
});
