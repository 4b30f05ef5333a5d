import { describe, expect, it } from 'vitest';
import { runRules, type SeverityMap } from '../../src/check/run-rules.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { suppressionUnused } from '../../src/rules/document-rules.js';
import { RULES, validateRules } from '../../src/rules/index.js';
import { BASE, parseDocs } from '../helpers/test-rule.js';

const police = (yamlComment: string, bodyComment: string) => `---
kind: agency
id: police
name: Police
sector: police
type: government
roles:
  - { id: first-responder, title: First responder, profession: police-officer }
services:
  - id: escort
    name: Escort to safety
${yamlComment}    accepts_from: [hospitl]
---
# Police

${bodyComment}
Officers treat every :term[survivr] with respect.
`;

const run = (docs: Record<string, string>, options: { mode?: 'check' | 'validate'; severities?: SeverityMap } = {}): Diagnostic[] =>
  runRules(parseDocs({ ...BASE, ...docs }), { rules: options.mode === 'validate' ? validateRules() : RULES, knownRuleIds: RULES.map((r) => r.id), ...(options.severities !== undefined ? { severities: options.severities } : {}) })
    .filter((d) => d.file === 'police.md');
const brief = (d: Diagnostic) => `${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.ruleId} ${d.message}`;

describe('inline suppressions', () => {
  it('without comments, both references are reported', () => {
    expect(run({ 'police.md': police('', '') }).map((d) => `${d.range.start.line} ${d.ruleId}`)).toEqual(['12 ref/unknown', '17 ref/unknown']);
  });

  it('a YAML comment `# protokit-disable-next-line ref/unknown` silences the next line', () => {
    expect(run({ 'police.md': police('    # protokit-disable-next-line ref/unknown\n', '') }).map((d) => `${d.range.start.line} ${d.ruleId}`)).toEqual(['18 ref/unknown']);
  });

  it('a Markdown comment `<!-- protokit-disable-next-line ref/unknown -->` silences the next line', () => {
    expect(run({ 'police.md': police('', '<!-- protokit-disable-next-line ref/unknown -->') }).map((d) => `${d.range.start.line} ${d.ruleId}`)).toEqual(['12 ref/unknown']);
  });

  it('both at once, with CRLF line endings', () => {
    const text = police('    # protokit-disable-next-line ref/unknown\n', '<!-- protokit-disable-next-line ref/unknown -->').replace(/\n/g, '\r\n');
    expect(run({ 'police.md': text })).toEqual([]);
  });

  it('a comment without rule ids silences every rule on the next line', () => {
    expect(run({ 'police.md': police('    # protokit-disable-next-line\n', '<!-- protokit-disable-next-line -->') })).toEqual([]);
  });

  it('several rule ids, separated by spaces or commas', () => {
    expect(run({ 'police.md': police('    # protokit-disable-next-line schema/shape, ref/unknown\n', '<!-- protokit-disable-next-line definitions/avoid ref/unknown -->') }).map(brief)).toEqual([]);
  });

  it('only the next line: a finding further down is still reported, and the suppression is unused', () => {
    const found = run({ 'police.md': police('', '<!-- protokit-disable-next-line ref/unknown -->\n') });
    expect(found.map(brief)).toEqual([
      '12:20 error ref/unknown `hospitl` is not a known agency: use an id defined in an agency document',
      '16:1 warning suppression/unused This suppression of `ref/unknown` silences nothing on the next line: remove it',
      '18:22 error ref/unknown `survivr` is not a known term: use an id defined in a definitions document; did you mean `survivor`?',
    ]);
  });

  it('a suppression of another rule silences nothing and is reported on the comment', () => {
    const found = run({ 'police.md': police('    # protokit-disable-next-line pathway/lead\n', '') });
    expect(found.map(brief)).toEqual([
      '12:5 warning suppression/unused This suppression of `pathway/lead` silences nothing on the next line: remove it',
      '13:20 error ref/unknown `hospitl` is not a known agency: use an id defined in an agency document',
      '18:22 error ref/unknown `survivr` is not a known term: use an id defined in a definitions document; did you mean `survivor`?',
    ]);
    expect(found[0]?.range).toEqual({ start: { line: 12, column: 5 }, end: { line: 12, column: 46 } });
  });

  it('an unused Markdown suppression is reported on the comment', () => {
    const text = police('', '').replace('Officers treat every :term[survivr]', '<!-- protokit-disable-next-line ref/unknown -->\n\nOfficers treat every :term[survivor]');
    const found = run({ 'police.md': text }).filter((d) => d.ruleId === 'suppression/unused');
    expect(found.map((d) => [d.range.start.line, d.range.start.column, d.range.end.line, d.range.end.column])).toEqual([[17, 1, 17, 48]]);
  });

  it('a misspelt rule id is reported with a did-you-mean', () => {
    const found = run({ 'police.md': police('    # protokit-disable-next-line ref/unknwn\n', '') }).filter((d) => d.ruleId === 'suppression/unused');
    expect(found.map(brief)).toEqual(['12:5 warning suppression/unused This suppression names `ref/unknwn`, which is not a rule: did you mean `ref/unknown`?']);
  });

  it('`validate` does not run ref/unknown, so it does not judge suppressions of it', () => {
    expect(run({ 'police.md': police('    # protokit-disable-next-line ref/unknown\n', '<!-- protokit-disable-next-line ref/unknown -->') }, { mode: 'validate' })).toEqual([]);
  });

  it('a suppression of a rule set to `off` is not judged', () => {
    const severities = new Map([['ref/unknown', 'off' as const]]);
    expect(run({ 'police.md': police('    # protokit-disable-next-line ref/unknown\n', '<!-- protokit-disable-next-line ref/unknown -->\n') }, { severities })).toEqual([]);
  });

  it('suppression/unused is a warning that config can turn off or raise', () => {
    expect(suppressionUnused).toMatchObject({ id: 'suppression/unused', defaultSeverity: 'warning' });
    const docs = { 'police.md': police('    # protokit-disable-next-line pathway/lead\n', '') };
    expect(run(docs, { severities: new Map([['suppression/unused', 'off']]) }).map((d) => d.ruleId)).toEqual(['ref/unknown', 'ref/unknown']);
    expect(run(docs, { severities: new Map([['suppression/unused', 'error']]) }).filter((d) => d.ruleId === 'suppression/unused').map((d) => d.severity)).toEqual(['error']);
  });

  it('a schema/shape finding can be silenced in YAML', () => {
    const text = police('', '').replace('type: government\n', '# protokit-disable-next-line schema/shape\ntype: goverment\n');
    expect(run({ 'police.md': text }).map((d) => d.ruleId)).toEqual(['ref/unknown', 'ref/unknown']);
  });

  it('the words inside a code block or a YAML string are not suppressions', () => {
    const text = police('', '```\n<!-- protokit-disable-next-line ref/unknown -->\n```').replace('name: Police', 'name: "Police # protokit-disable-next-line"');
    expect(run({ 'police.md': text }).map((d) => d.ruleId)).toEqual(['ref/unknown', 'ref/unknown']);
  });

  it('a YAML comment after a value is not a suppression (only a comment line of its own is)', () => {
    const text = police('', '').replace('    accepts_from: [hospitl]\n', '    x-note: 1 # protokit-disable-next-line ref/unknown\n    accepts_from: [hospitl]\n');
    expect(run({ 'police.md': text }).map((d) => d.ruleId)).toEqual(['ref/unknown', 'ref/unknown']);
  });
});
