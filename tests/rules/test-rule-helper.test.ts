import { describe, expect, it } from 'vitest';
import { schemaKind, yamlSyntax } from '../../src/rules/document-rules.js';
import { pathwayLead } from '../../src/rules/pathway-lead.js';
import { BASE, parseCase } from '../helpers/test-rule.js';

// a pathway whose only step has no lead: pathway/lead reports it when the YAML parses
const pathway = (extra = '') => `---\nkind: pathway\nid: p\ntitle: Test\nentry: a\nsteps:\n  - { id: a, action: Meet the survivor. }\n${extra}---\n# P\n`;

describe('testRule fixtures', () => {
  it('accepts fixtures that parse', () => {
    expect(parseCase(pathwayLead, { name: 'ok', docs: { ...BASE, 'p.md': pathway() } }).map((f) => f.file)).toEqual(['definitions.md', 'framework.md', 'p.md']);
  });

  it('fails a case whose YAML does not parse, naming the file, position and finding', () => {
    expect(() => parseCase(pathwayLead, { name: 'broken', docs: { ...BASE, 'p.md': pathway('title: again\n') } })).toThrow(/case "broken" are broken[\s\S]*p\.md:8:1 yaml\/syntax: [\s\S]*allowParseErrors: true/);
  });

  it('fails a case with an unknown kind', () => {
    expect(() => parseCase(pathwayLead, { name: 'kind', docs: { ...BASE, 'p.md': pathway().replace('kind: pathway', 'kind: pathwya') } })).toThrow(/p\.md:2:7 schema\/kind: /);
  });

  it('lets a case allow parse errors, and the rules that report them test broken documents', () => {
    const broken = { ...BASE, 'p.md': pathway('title: again\n') };
    expect(() => parseCase(pathwayLead, { name: 'allowed', allowParseErrors: true, docs: broken })).not.toThrow();
    expect(() => parseCase(yamlSyntax, { name: 'yaml', docs: broken })).not.toThrow();
    expect(() => parseCase(schemaKind, { name: 'kind', docs: { 'p.md': '---\nkind: nope\n---\n' } })).not.toThrow();
  });
});
