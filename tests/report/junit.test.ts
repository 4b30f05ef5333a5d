import { describe, expect, it } from 'vitest';
import { junit } from '../../src/report/junit.js';
import { context, diagnostics, expected } from './fixture.js';

describe('junit', () => {
  it('writes a test suite per file and a failing test case per finding', () => {
    expect(junit(diagnostics, context)).toBe(expected('junit.xml'));
  });

  it('writes fatal findings as errors, adds files missing from the context, and drops characters XML forbids', () => {
    const fatal = {
      ruleId: 'io/read',
      severity: 'error' as const,
      message: 'Bad byte \u0001 and tab\there\r',
      file: "a&b's.md",
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      fatal: true,
    };
    expect(junit([fatal], { ...context, files: [] })).toBe(
      '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n' +
        '<testsuite package="org.protokit" time="0" tests="1" errors="1" name="a&amp;b&apos;s.md">\n' +
        '<testcase time="0" name="org.protokit.io/read" classname="a&amp;b&apos;s">' +
        '<error message="Bad byte \uFFFD and tab&#9;here&#13;"><![CDATA[line 1, col 1, Error - Bad byte \uFFFD and tab\there\r (io/read)]]></error></testcase>\n' +
        '</testsuite>\n</testsuites>\n',
    );
  });

  it('writes an empty list of suites for nothing at all', () => {
    expect(junit([], { ...context, files: [] })).toBe('<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n</testsuites>\n');
  });
});
