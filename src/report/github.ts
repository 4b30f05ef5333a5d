import type { Reporter } from './reporter.js';

/** Escapes a workflow command's message, as `@actions/core` does. */
function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** Escapes a workflow command's property value, as `@actions/core` does. */
function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** GitHub Actions workflow commands: one `::error` or `::warning` annotation per finding. */
export const github: Reporter = (diagnostics) =>
  diagnostics
    .map((d) => {
      const properties = [
        `file=${escapeProperty(d.file)}`,
        `line=${d.range.start.line}`,
        `col=${d.range.start.column}`,
        `endLine=${d.range.end.line}`,
        `endColumn=${d.range.end.column}`,
        `title=${escapeProperty(d.ruleId)}`,
      ];
      return `::${d.severity} ${properties.join(',')}::${escapeData(d.message)}\n`;
    })
    .join('');
