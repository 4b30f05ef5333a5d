import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { sarif } from '../../src/report/sarif.js';
import { context, diagnostics, expected } from './fixture.js';

interface SarifResult {
  ruleIndex?: number;
  relatedLocations?: unknown;
  locations: { physicalLocation: { region: Record<string, number> } }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  runs: { originalUriBaseIds: Record<string, { uri: string }>; results: SarifResult[] }[];
}

/** The vendored SARIF 2.1.0 schema (draft-04) compiled by ajv's draft-07 engine, which reads it the same way. */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(new URL('../fixtures/sarif/sarif-2.1.0.schema.json', import.meta.url), 'utf8')) as Record<string, unknown>;
  // draft-04 spells `$id` as `id` and ajv 8 has no draft-04 meta-schema; every $ref is local (#/definitions/...).
  delete schema['$schema'];
  delete schema['id'];
  // unicodeRegExp off: the schema's `language` pattern has a stray `]`, legal only outside the u flag.
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'http://base.invalid/') && !/[\s\\]/.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i);
  return ajv.compile(schema);
}

const validate = sarifValidator();
const parse = (text: string): SarifLog => JSON.parse(text) as SarifLog;
const fingerprintOf = (result: SarifResult | undefined): string | undefined => result?.partialFingerprints['protokitFingerprint/v1'];

describe('sarif', () => {
  it('writes the SARIF log of the fixture', () => {
    expect(sarif(diagnostics, context)).toBe(expected('sarif.json'));
  });

  it('is valid against the SARIF 2.1.0 schema', () => {
    const log: unknown = JSON.parse(sarif(diagnostics, context));
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(validate(JSON.parse(sarif([], context)))).toBe(true);
  });

  it('uses a validator that rejects invalid logs', () => {
    const log = parse(sarif(diagnostics, context));
    const region = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.region;
    if (region === undefined) throw new Error('no region');
    region['startLine'] = 0;
    expect(validate(log)).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'protokit' } }, results: [{ message: {}, level: 'fatal' }] }] })).toBe(false);
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'protokit', informationUri: 'not a uri' } } }] })).toBe(false);
    const unencoded = { physicalLocation: { artifactLocation: { uri: 'pathways/first contact.md' } } };
    expect(validate({ version: '2.1.0', runs: [{ tool: { driver: { name: 'protokit' } }, results: [{ message: { text: 'x' }, locations: [unencoded] }] }] })).toBe(false);
  });

  it('keeps fingerprints when a finding moves to another line', () => {
    const moved = diagnostics.map((d) => ({ ...d, range: { start: { line: d.range.start.line + 40, column: 2 }, end: { line: d.range.end.line + 41, column: 9 } } }));
    const before = parse(sarif(diagnostics, context)).runs[0]?.results.map(fingerprintOf);
    const after = parse(sarif(moved, context)).runs[0]?.results.map(fingerprintOf);
    expect(after).toEqual(before);
  });

  it('gives identical messages in one file different fingerprints', () => {
    const results = parse(sarif(diagnostics, context)).runs[0]?.results ?? [];
    // The fixture's last two findings are the same rule, file and message.
    expect(fingerprintOf(results[3])).toMatch(/^[0-9a-f]{64}$/);
    expect(fingerprintOf(results[3])).not.toBe(fingerprintOf(results[4]));
    expect(new Set(results.map(fingerprintOf)).size).toBe(results.length);
  });

  it('leaves out the rule index of an unknown rule and empty related locations, and clamps missing positions', () => {
    const d: Diagnostic = {
      ruleId: 'internal/crash',
      severity: 'error',
      message: 'Rule `x` failed: report this bug',
      file: 'dir/ü#1.md',
      range: { start: { line: 0, column: 0 }, end: { line: 0, column: 0 } },
      related: [],
    };
    const text = sarif([d], { ...context, cwd: '/' });
    const log = parse(text);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.runs[0]?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///' } });
    const result = log.runs[0]?.results[0];
    expect(result).not.toHaveProperty('ruleIndex');
    expect(result).not.toHaveProperty('relatedLocations');
    expect(result?.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'dir/%C3%BC%231.md', uriBaseId: '%SRCROOT%' },
        region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 },
      },
    });
  });
});
