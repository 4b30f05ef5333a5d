import { describe, expect, it } from 'vitest';
import { json } from '../../src/report/json.js';
import { context, diagnostics, expected } from './fixture.js';

describe('json', () => {
  it('writes one ESLint result per file, clean files included', () => {
    expect(json(diagnostics, context)).toBe(expected('json.json'));
  });

  it('lists files that only have findings and marks fatal ones', () => {
    const fatal = {
      ruleId: 'io/read',
      severity: 'error' as const,
      message: 'The file cannot be read (EACCES): check its permissions',
      file: 'broken.md',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      fatal: true,
    };
    expect(JSON.parse(json([fatal], { ...context, files: [] }))).toEqual([
      {
        filePath: '/work/set/broken.md',
        messages: [{ ruleId: 'io/read', severity: 2, message: fatal.message, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }],
        suppressedMessages: [],
        errorCount: 1,
        fatalErrorCount: 1,
        warningCount: 0,
        fixableErrorCount: 0,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
    ]);
  });
});
