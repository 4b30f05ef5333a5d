import { definitionsAvoid } from '../../src/rules/definitions-avoid.js';
import { BASE, testRule } from '../helpers/test-rule.js';

// the `avoid` items: victim on line 9, abuser on line 14, domestic dispute on line 18 (column 13)
const definitions = `---
kind: definitions
id: shared
terms:
  - id: survivor
    term: survivor
    definition: A woman who has experienced violence.
    aliases: [victim/survivor]
    avoid: [victim]
    avoid_except: [justice]
  - id: perpetrator
    term: perpetrator
    definition: A person who has used violence.
    avoid: [abuser]
  - id: intimate-partner-violence
    term: intimate partner violence
    definition: Violence by a current or former partner.
    avoid: [domestic dispute]
  - id: offender
    term: offender
    definition: A person convicted of an offence.
    avoid: [Abuser]
---
# Definitions

The words of the protocol.
`;
const framework = (BASE['framework.md'] as string).replace(
  /(  - \{ id: vaw-act,.*\n)/,
  '$1  - { id: victims-act, title: Victims of Crime Act, type: statute, provides: [information-sharing] }\n  - { id: untitled-act, type: statute }\n',
);
const victimSupport = `---
kind: agency
id: victim-support
name: Victim Support Service
sector: civil-society
type: ngo
---
# Protocol
`;
const noName = `---
kind: agency
id: no-name
sector: civil-society
type: ngo
---
# Protocol
`;
// the body starts on line 10
const agency = (sector: string, body: string) => `---
kind: agency
id: agency-${sector}
name: Agency of sector ${sector}
sector: ${sector}
type: government
---
# Protocol

${body}
`;
const pathway = (body: string) => `---
kind: pathway
id: sv
title: Sexual violence
entry: first-contact
steps:
  - { id: first-contact, lead: police/first-responder, action: Respond. }
---
# Pathway

${body}
`;
const set = (docs: Record<string, string>) => ({ ...BASE, 'framework.md': framework, 'definitions.md': definitions, 'victim-support.md': victimSupport, 'no-name.md': noName, ...docs });
const survivorExcept = ' (it is accepted only in agencies of sector `justice`)';

testRule(definitionsAvoid, {
  valid: [
    { name: 'the shared terms themselves', docs: set({ 'health.md': agency('health', 'Every survivor is offered care; no perpetrator is told where she stays.') }) },
    { name: 'a sector where the word is the legal term', docs: set({ 'justice.md': agency('justice', 'The victim may give evidence by video link.') }) },
    { name: 'inside an inline code span', docs: set({ 'health.md': agency('health', 'Do not write `victim` in the referral form.') }) },
    { name: 'inside a code block', docs: set({ 'health.md': agency('health', '```text\nvictim\n```') }) },
    { name: 'in a link target', docs: set({ 'health.md': agency('health', 'See [the rights of survivors](https://example.org/victim-rights).') }) },
    { name: 'in an autolink and a bare web address', docs: set({ 'health.md': agency('health', 'See <https://example.org/victims> and https://example.org/abuser-programmes for more.') }) },
    { name: 'inside an agency name, every time', docs: set({ 'health.md': agency('health', 'Refer her to the Victim Support Service if she wishes.\n\nThe Victim Support Service calls back.') }) },
    { name: 'inside a legal instrument’s title', docs: set({ 'health.md': agency('health', 'Information is shared under the Victims of Crime Act.') }) },
    { name: 'inside an alias of a shared term', docs: set({ 'health.md': agency('health', 'Each victim/survivor is heard.') }) },
    { name: 'longer words that contain it', docs: set({ 'health.md': agency('health', 'Secondary victimisation and victimhood are discussed in training.') }) },
    { name: 'in the label of a text directive (an id, not prose)', docs: set({ 'health.md': agency('health', 'Each :term[survivor] is heard; :term[victim] is an unknown term.') }) },
    { name: 'in an HTML comment', docs: set({ 'health.md': agency('health', '<!-- victim: to be replaced -->\nText.') }) },
  ],
  invalid: [
    {
      name: 'a word to avoid in an agency’s prose',
      docs: set({ 'health.md': agency('health', 'Every victim is offered care.') }),
      errors: [
        {
          file: 'health.md',
          line: 10,
          column: 7,
          endColumn: 13,
          messageId: 'avoid',
          data: { word: 'victim', term: 'survivor', id: 'survivor', file: 'definitions.md', avoid: 'victim', except: survivorExcept },
          related: [{ file: 'definitions.md', line: 9, column: 13 }],
        },
      ],
    },
    {
      name: 'plural and capitalised',
      docs: set({ 'health.md': agency('health', 'Victims are heard.') }),
      errors: [{ file: 'health.md', line: 10, column: 1, endColumn: 8, messageId: 'avoid', data: { word: 'Victims', term: 'survivor', id: 'survivor', file: 'definitions.md', avoid: 'victim', except: survivorExcept } }],
    },
    {
      name: 'a phrase across a line break',
      docs: set({ 'health.md': agency('health', 'It was not a domestic\ndispute but violence.') }),
      errors: [{ file: 'health.md', line: 10, column: 14, endLine: 11, endColumn: 8, messageId: 'avoid', data: { word: 'domestic dispute', term: 'intimate partner violence', id: 'intimate-partner-violence', file: 'definitions.md', avoid: 'domestic dispute', except: '' }, related: [{ file: 'definitions.md', line: 18, column: 13 }] }],
    },
    {
      name: 'only the words whose exception covers the sector are allowed',
      docs: set({ 'justice.md': agency('justice', 'The victim is protected from the abuser.') }),
      errors: [{ file: 'justice.md', line: 10, column: 34, messageId: 'avoid', data: { word: 'abuser', term: 'perpetrator', id: 'perpetrator', file: 'definitions.md', avoid: 'abuser', except: '' }, related: [{ file: 'definitions.md', line: 14, column: 13 }] }],
    },
    {
      name: 'a shared term without `term` (schema/shape’s finding) is offered by its id; odd `avoid` items are skipped',
      docs: {
        ...set({ 'health.md': agency('health', 'Never call it a crime of passion.') }),
        'definitions.md': '---\nkind: definitions\nid: shared\nterms:\n  - { id: femicide, definition: Killing., avoid: [crime of passion, 42, " "] }\n---\n',
      },
      errors: [{ file: 'health.md', line: 10, column: 17, endColumn: 33, messageId: 'avoid', data: { word: 'crime of passion', term: 'femicide', id: 'femicide', file: 'definitions.md', avoid: 'crime of passion', except: '' } }],
    },
    {
      name: 'any document’s prose, link text and headings',
      docs: set({ 'pathway.md': pathway('## When the abuser calls\n\nRead [the victim’s rights](https://example.org/rights) to her.') }),
      errors: [
        { file: 'pathway.md', line: 11, column: 13, message: 'Replace `abuser` with `perpetrator`' },
        { file: 'pathway.md', line: 13, column: 11, message: 'Replace `victim` with `survivor`' },
      ],
    },
  ],
});
