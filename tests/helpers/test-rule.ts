import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/check/run-rules.js';
import { parseFile } from '../../src/load/parse-file.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ParsedFile } from '../../src/model/document.js';
import { formatMessage, type Rule } from '../../src/model/rule.js';

/** In-memory documents: set-relative path → file text. */
export type Docs = Record<string, string>;

/** An expected finding: rule id is the tested rule's; message, related optional. */
export interface ExpectedError {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  data?: Record<string, string | number>;
  /** A substring the message must contain (when no messageId). */
  message?: string;
  related?: { file: string; line: number; column?: number }[];
}

/** Parses in-memory documents as the loader would. */
export function parseDocs(docs: Docs): ParsedFile[] {
  return Object.keys(docs)
    .sort()
    .map((file) => parseFile(file, Buffer.from(docs[file] as string, 'utf8')));
}

/** Runs one rule (plus the per-document stage) over in-memory documents, or documents already parsed. */
export function runRule(rule: Rule, docs: Docs | readonly ParsedFile[]): Diagnostic[] {
  return runRules(Array.isArray(docs) ? docs : parseDocs(docs as Docs), { rules: [rule] }).filter((d) => d.ruleId === rule.id);
}

/** The per-document findings that mean a fixture is broken rather than tested: it does not parse, or has no known kind. */
const PARSE_ERRORS: ReadonlySet<string> = new Set(['yaml/syntax', 'schema/kind']);

/** A valid case: the rule finds nothing. */
export interface ValidCase {
  name: string;
  docs: Docs;
  /** The fixtures may hold `yaml/syntax` or `schema/kind` findings on purpose (default: such a finding fails the case). */
  allowParseErrors?: boolean;
}

/** An invalid case: the rule finds exactly `errors`. */
export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
}

/**
 * Parses a case's documents and fails it when one of them does not parse or has no known kind,
 * unless the case allows it (or the rule under test is the one that reports it): a rule tested on
 * a broken fixture sees no frontmatter, so a valid case would pass for the wrong reason.
 */
export function parseCase(rule: Rule, c: ValidCase): ParsedFile[] {
  const files = parseDocs(c.docs);
  if (c.allowParseErrors === true || PARSE_ERRORS.has(rule.id)) return files;
  const broken = files.flatMap((f) => f.diagnostics.filter((d) => PARSE_ERRORS.has(d.ruleId)).map((d) => `  ${d.file}:${d.range.start.line}:${d.range.start.column} ${d.ruleId}: ${d.message}`));
  if (broken.length > 0) {
    expect.fail(`The fixture documents of case "${c.name}" are broken, so \`${rule.id}\` does not see their frontmatter:\n${broken.join('\n')}\nFix the fixture, or set \`allowParseErrors: true\` on the case if it tests broken documents on purpose`);
  }
  return files;
}

/** Strips positions from parsed files, as if a tree had none, to prove rules do not rely on them. */
function withoutPositions(files: ParsedFile[]): ParsedFile[] {
  return files.map((f) => ({ ...f, yaml: undefined, text: '' }) as unknown as ParsedFile);
}

/**
 * ESLint RuleTester on vitest: valid cases give no finding of the rule; invalid cases give exactly
 * the expected findings (rule id, file, line, column, message). A case whose documents give a
 * `yaml/syntax` or `schema/kind` finding fails, unless it sets `allowParseErrors: true`. Every case
 * also runs on documents without positions and must not throw.
 */
export function testRule(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        expect(runRule(rule, parseCase(rule, c)).map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const found = runRule(rule, parseCase(rule, c));
        expect(found.length, found.map((d) => `${d.file}:${d.range.start.line}:${d.range.start.column} ${d.message}`).join('\n')).toBe(c.errors.length);
        c.errors.forEach((e, i) => {
          const d = found[i] as Diagnostic;
          expect({ file: d.file, line: d.range.start.line, column: d.range.start.column }).toEqual({ file: e.file, line: e.line, column: e.column });
          if (e.endLine !== undefined) expect(d.range.end.line).toBe(e.endLine);
          if (e.endColumn !== undefined) expect(d.range.end.column).toBe(e.endColumn);
          if (e.messageId !== undefined) {
            const template = (rule.messages as Record<string, string>)[e.messageId];
            expect(template, `messageId ${e.messageId}`).toBeDefined();
            expect(d.message).toBe(formatMessage(template as string, e.data));
          }
          if (e.message !== undefined) expect(d.message).toContain(e.message);
          if (e.related !== undefined) {
            expect((d.related ?? []).map((r) => ({ file: r.file, line: r.range.start.line, ...(e.related?.[0]?.column !== undefined ? { column: r.range.start.column } : {}) }))).toEqual(e.related);
          }
        });
      });
    }
    it('does not throw on documents without positions', () => {
      for (const c of [...cases.valid, ...cases.invalid]) {
        expect(() => runRules(withoutPositions(parseDocs(c.docs)), { rules: [rule] })).not.toThrow();
      }
    });
  });
}

/** A minimal valid framework + definitions, to build test sets on. */
export const BASE: Docs = {
  'framework.md': `---
kind: framework
id: test-framework
title: Test framework
jurisdiction: { name: Republic of Testland, level: national }
status: adopted
languages: [en]
principles: [survivor-centred]
forms_of_violence: [sexual-violence]
professions:
  - { id: police-officer, title: Police officer }
  - { id: health-worker, title: Health worker }
coordinating_body:
  id: ncc
  name: National Coordination Committee
  chair: police
  mandate: vaw-act
  members: [police, hospital]
legal_basis:
  - { id: vaw-act, title: VAW Act, type: statute, provides: [coordination-mandate, information-sharing, funding, mandatory-reporting] }
---
# Framework
`,
  'definitions.md': `---
kind: definitions
id: shared
terms:
  - { id: survivor-centred, term: survivor-centred, definition: Putting the rights of survivors first. }
  - { id: sexual-violence, term: sexual violence, definition: Any sexual act without consent. }
  - { id: survivor, term: survivor, definition: A woman who has experienced violence., avoid: [victim], avoid_except: [justice] }
---
# Definitions
`,
};
