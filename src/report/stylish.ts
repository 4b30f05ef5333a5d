import type { Reporter } from './reporter.js';
import { groupByFile } from './group-by-file.js';

const paint = (on: boolean, code: string, text: string): string => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Human-readable output grouped by file, like ESLint's default formatter. */
export const stylish: Reporter = (diagnostics, context) => {
  if (diagnostics.length === 0) return '';
  const c = context.color;
  const groups = groupByFile(diagnostics);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const [file, list] of groups) {
    lines.push('', paint(c, '4', file));
    const rows = list.map((d) => [`${d.range.start.line}:${d.range.start.column}`, d.severity, d.message, d.ruleId, d.related ?? []] as const);
    const posWidth = Math.max(...rows.map((r) => r[0].length));
    const sevWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, severity, message, ruleId, relatedList] of rows) {
      if (severity === 'error') errors++;
      else warnings++;
      const sev = paint(c, severity === 'error' ? '31' : '33', severity.padEnd(sevWidth));
      lines.push(`  ${paint(c, '2', pos.padEnd(posWidth))}  ${sev}  ${message}  ${paint(c, '2', ruleId)}`);
      for (const related of relatedList) {
        lines.push(`  ${' '.repeat(posWidth)}  ${' '.repeat(sevWidth)}  ${paint(c, '2', `↳ ${related.message}: ${related.file}:${related.range.start.line}:${related.range.start.column}`)}`);
      }
    }
  }
  const total = errors + warnings;
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'})`;
  lines.push('', paint(c, errors > 0 ? '31;1' : '33;1', summary), '');
  return lines.join('\n');
};
