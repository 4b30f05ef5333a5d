import { join } from 'node:path';
import { compareStrings, type Diagnostic } from '../model/diagnostic.js';
import type { Reporter } from './reporter.js';

/** ESLint's JSON formatter shape: one result per file with its messages and counts. */
export const json: Reporter = (diagnostics, context) => {
  const byFile = new Map<string, Diagnostic[]>();
  for (const file of context.files) byFile.set(file, []);
  for (const d of diagnostics) {
    let list = byFile.get(d.file);
    if (list === undefined) byFile.set(d.file, (list = []));
    list.push(d);
  }
  const results = [...byFile].sort(([a], [b]) => compareStrings(a, b)).map(([file, list]) => {
    const errorCount = list.filter((d) => d.severity === 'error').length;
    return {
      filePath: join(context.cwd, file),
      messages: list.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity === 'error' ? 2 : 1,
        message: d.message,
        line: d.range.start.line,
        column: d.range.start.column,
        endLine: d.range.end.line,
        endColumn: d.range.end.column,
        ...(d.fatal === true ? { fatal: true } : {}),
        ...(d.related !== undefined ? { related: d.related } : {}),
      })),
      suppressedMessages: [],
      errorCount,
      fatalErrorCount: list.filter((d) => d.fatal === true).length,
      warningCount: list.length - errorCount,
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      usedDeprecatedRules: [],
    };
  });
  return `${JSON.stringify(results, null, 2)}\n`;
};
