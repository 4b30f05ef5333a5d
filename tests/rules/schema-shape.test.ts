import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/load/parse-file.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { schemaShape } from '../../src/rules/document-rules.js';
import { RULES } from '../../src/rules/index.js';
import { BASE, parseDocs, runRule } from '../helpers/test-rule.js';

const shape = (text: string) => parseFile('doc.md', Buffer.from(text, 'utf8')).diagnostics;
const brief = (d: Diagnostic) => ({ ruleId: d.ruleId, line: d.range.start.line, column: d.range.start.column, message: d.message });
const at = (line: number, column: number, message: string) => ({ ruleId: 'schema/shape', line, column, message });

const FRAMEWORK = `---
kind: framework
id: testland
title: Testland protocol
jurisdiction: { name: Testland, level: national }
status: adopted
languages: [en]
coordinating_body:
  id: ncc
  name: National Coordination Committee
---
# Framework
`;
const AGENCY = `---
kind: agency
id: police
name: Police
sector: police
type: government
---
# Police
`;
const PATHWAY = (steps: string) => `---
kind: pathway
id: sexual-violence
title: Sexual violence
entry: first-contact
steps:
${steps}---
# Pathway
`;

describe('schema/shape', () => {
  it('is registered as an error rule of the per-document stage', () => {
    expect(schemaShape).toMatchObject({ id: 'schema/shape', scope: 'document', defaultSeverity: 'error' });
    expect(RULES).toContain(schemaShape);
  });

  it('valid documents of every kind give no finding', () => {
    expect(runRule(schemaShape, BASE)).toEqual([]);
    expect(shape(FRAMEWORK)).toEqual([]);
    expect(shape(AGENCY)).toEqual([]);
    expect(shape(PATHWAY('  - { id: first-contact, action: Ensure safety., lead: police/first-responder, within: PT1H }\n'))).toEqual([]);
    expect(shape('---\nkind: plan\nid: nap\nperiod: { start: 2026-01-01, end: 2030-12-31 }\n---\n')).toEqual([]);
    expect(shape('---\nkind: meeting\nid: m1\nbody: ncc\ndate: 2026-06-12\n---\n')).toEqual([]);
  });

  describe('a missing required key is reported on the key of the mapping that lacks it, never on line 1', () => {
    it('a step without `action`: on the step\'s first key', () => {
      expect(shape(PATHWAY('  - id: first-contact\n    lead: police/first-responder\n  - id: medical-care\n    action: Treat.\n')).map(brief)).toEqual([
        at(7, 5, 'Missing required key `action` in `steps` item `first-contact`: add it'),
      ]);
    });

    it('a step in flow style without `action`', () => {
      expect(shape(PATHWAY('  - { lead: police/first-responder, id: first-contact }\n')).map(brief)).toEqual([
        at(7, 7, 'Missing required key `action` in `steps` item `first-contact`: add it'),
      ]);
    });

    it('a list item without `id` is named by its position', () => {
      expect(shape(PATHWAY('  - id: a\n    action: A.\n  - action: B.\n')).map(brief)).toEqual([at(9, 5, 'Missing required key `id` in item 2 of `steps`: add it')]);
    });

    it('`coordinating_body` without `name`: on the `coordinating_body` key', () => {
      expect(shape(FRAMEWORK.replace('  name: National Coordination Committee\n', '')).map(brief)).toEqual([
        at(8, 1, 'Missing required key `name` in `coordinating_body`: add it'),
      ]);
    });

    it('a document without `id`: on the first key, not line 1 column 1', () => {
      expect(shape(AGENCY.replace('id: police\n', '')).map(brief)).toEqual([at(2, 1, 'Missing required key `id`: add `id:` to the frontmatter')]);
    });

    it('after comments and blank lines, still on the first key', () => {
      expect(shape('---\n\n# The police document\nkind: agency\nname: Police\nsector: police\ntype: government\n---\n').map(brief)).toEqual([
        at(4, 1, 'Missing required key `id`: add `id:` to the frontmatter'),
      ]);
    });

    it('a mapping written empty (`coordinating_body:` with nothing): on its key', () => {
      const found = shape(FRAMEWORK.replace('coordinating_body:\n  id: ncc\n  name: National Coordination Committee\n', 'coordinating_body:\n'));
      expect(found.map(brief)).toEqual([at(8, 1, 'An empty value in `coordinating_body` should be a mapping of keys to values')]);
    });

    it('every missing key of a term, each on the term', () => {
      const found = shape('---\nkind: definitions\nid: shared\nterms:\n  - id: survivor\n  - { term: victim }\n---\n');
      expect(found.map(brief)).toEqual([
        at(5, 5, 'Missing required key `term` in `terms` item `survivor`: add it'),
        at(5, 5, 'Missing required key `definition` in `terms` item `survivor`: add it'),
        at(6, 7, 'Missing required key `id` in item 2 of `terms`: add it'),
        at(6, 7, 'Missing required key `definition` in item 2 of `terms`: add it'),
      ]);
    });
  });

  describe('unknown keys', () => {
    it('on the key, suggesting a near key and `x-`', () => {
      expect(shape(AGENCY.replace('type: government\n', 'type: government\ncontcat: { urgent: "112" }\n')).map(brief)).toEqual([
        at(7, 1, 'Unknown key `contcat`: did you mean `contact`? Otherwise remove it, or rename it `x-contcat` to keep it as an extension'),
      ]);
    });

    it('nested: names the mapping', () => {
      expect(shape(FRAMEWORK.replace('  id: ncc\n', '  id: ncc\n  chairperson: police\n')).map(brief)).toEqual([
        at(10, 3, 'Unknown key `chairperson` in `coordinating_body`: remove it, or rename it `x-chairperson` to keep it as an extension'),
      ]);
    });

    it('a misspelt required key gives one finding, not also "missing"', () => {
      expect(shape(PATHWAY('  - id: first-contact\n    actoin: Ensure safety.\n')).map(brief)).toEqual([
        at(8, 5, 'Unknown key `actoin` in `steps` item `first-contact`: did you mean `action`? Otherwise remove it, or rename it `x-actoin` to keep it as an extension'),
      ]);
    });

    it('`x-` keys are accepted at any level, and `notes` everywhere', () => {
      const text = FRAMEWORK.replace('  id: ncc\n', '  id: ncc\n  x-budget-line: 42\n  notes: Meets in the capital.\n').replace('status: adopted\n', 'status: adopted\nx-internal: { owner: secretariat, tags: [a, b] }\nnotes: Draft two.\n');
      expect(shape(text)).toEqual([]);
      expect(shape(PATHWAY('  - { id: a, action: A., x-colour: red, notes: Call first. }\n'))).toEqual([]);
    });
  });

  describe('values', () => {
    it('a bad duration: on the value, saying how to write one', () => {
      expect(shape(PATHWAY('  - id: first-contact\n    action: Ensure safety.\n    within: 1 hour\n  - id: b\n    action: B.\n    within: soon\n')).map(brief)).toEqual([
        at(9, 13, '`1 hour` is not a duration: write `PT1H` (ISO 8601)'),
        at(12, 13, '`soon` is not a duration: write an ISO 8601 duration such as `PT1H` (1 hour), `PT72H` (72 hours), `P3D` (3 days), `P2W` (2 weeks) or `P3M` (3 months), or `immediate`'),
      ]);
    });

    it('a bad enum: lists the allowed values and suggests the nearest', () => {
      expect(shape(AGENCY.replace('sector: police', 'sector: polise')).map(brief)).toEqual([
        at(5, 9, '`polise` is not allowed in `sector`: did you mean `police`? Use one of `police`, `justice`, `prosecution`, `corrections`, `health`, `mental-health`, `social-services`, `shelter`, `helpline`, `education`, `child-protection`, `legal-aid`, `housing`, `employment`, `gender-equality`, `coordination`, `civil-society`, `other`'),
      ]);
      expect(shape(FRAMEWORK.replace('status: adopted', 'status: Adopted')).map(brief)).toEqual([
        at(6, 9, '`Adopted` is not allowed in `status`: did you mean `adopted`? Use one of `draft`, `consultation`, `adopted`, `superseded`'),
      ]);
    });

    it('an enum value far from any: only the list', () => {
      expect(shape(AGENCY.replace('type: government', 'type: foundation')).map(brief)).toEqual([
        at(6, 7, '`foundation` is not allowed in `type`: use one of `government`, `ngo`, `community`, `international`, `private`'),
      ]);
    });

    it('an id that is not kebab-case: suggests one', () => {
      expect(shape(AGENCY.replace('id: police', 'id: National Police')).map(brief)).toEqual([
        at(3, 5, '`National Police` is not an id: write `national-police` (lowercase letters and digits joined by single hyphens)'),
      ]);
    });

    it('a reference of the wrong form', () => {
      expect(shape(PATHWAY('  - { id: first-contact, action: A., lead: police }\n')).map(brief)).toEqual([
        at(7, 44, '`police` is not a role reference: write `agency-id/role-id`, such as `national-police/first-responder`'),
      ]);
    });

    it('a single value where a list is expected: one finding that shows the list', () => {
      expect(shape(FRAMEWORK.replace('languages: [en]', 'languages: en')).map(brief)).toEqual([at(7, 12, '`en` in `languages` should be a list: write `[en]`')]);
    });

    it('a list item of the wrong form is reported on the item, once', () => {
      const text = AGENCY.replace('type: government\n', 'type: government\nresponsibilities:\n  - { id: r, role: x, action: A., step: [sexual-violence/first-contact, first-contact] }\n');
      expect(shape(text).map(brief)).toEqual([at(8, 73, '`first-contact` is not a step reference: write `pathway-id/step-id`, such as `adult-sexual-violence/medical-care`')]);
    });

    it('an outside party with a misspelt key', () => {
      const text = '---\nkind: plan\nid: nap\nperiod: { start: 2026-01-01, end: 2030-12-31 }\ninterventions:\n  - { id: i, title: I, partners: [police, { externl: Bar Association }] }\n---\n';
      expect(shape(text).map(brief)).toEqual([
        at(6, 45, 'Unknown key `externl` in item 2 of `partners`: did you mean `external`? Otherwise remove it, or rename it `x-externl` to keep it as an extension'),
      ]);
    });

    it('dates, money and numbers', () => {
      const text = '---\nkind: plan\nid: nap\nperiod: { start: 1st January 2026, end: 2030-12-31 }\ninterventions:\n  - { id: i, title: I, budget: { amount: -5, currency: usd } }\n---\n';
      expect(shape(text).map(brief)).toEqual([
        at(4, 18, '`1st January 2026` is not a date: write it as `YYYY-MM-DD`, such as `2027-06-30`'),
        at(6, 42, '`-5` is too small in `amount`: use a number >= 0'),
        at(6, 56, '`usd` is not a currency code: write `USD`'),
      ]);
    });

    it('a number where text is expected', () => {
      expect(shape(FRAMEWORK.replace('title: Testland protocol', 'title: 2026')).map(brief)).toEqual([at(4, 8, '`2026` in `title` should be text: write `"2026"` in quotes')]);
    });

    it('an empty list where one item is needed', () => {
      expect(shape(FRAMEWORK.replace('languages: [en]', 'languages: []')).map(brief)).toEqual([at(7, 12, '`languages` needs at least 1 item')]);
    });
  });

  it('findings carry the frontmatter path', () => {
    const [finding] = shape(PATHWAY('  - id: first-contact\n    action: A.\n    within: 1 hour\n'));
    expect(finding?.path).toEqual(['steps', 0, 'within']);
  });

  it('schema findings do not stop the set rules from reading the rest of the document', () => {
    const files = parseDocs({ 'a.md': AGENCY.replace('sector: police', 'sector: polise') });
    expect(files[0]?.kind).toBe('agency');
    expect(files[0]?.data?.['id']).toBe('police');
  });
});
