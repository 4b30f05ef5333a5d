import { join } from 'node:path';
import type { Reporter } from './reporter.js';
import { groupByFile } from './group-by-file.js';

/** ESLint's JSON formatter shape: one result per file with its messages and counts. */
export const json: Reporter = (diagnostics, context) => {
  const groups = groupByFile(diagnostics, context.files);
  const results = groups.map(([file, list]) => {
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
