/** A 1-based line and column, as in unist, ESLint, SARIF and GitHub annotations. */
export interface Point {
  line: number;
  column: number;
}

/** A span of source text: start inclusive, end exclusive (the column after the last character). */
export interface Range {
  start: Point;
  end: Point;
}

/** A frontmatter path: keys and list indexes from the document root. */
export type Path = readonly (string | number)[];

/** How much a finding matters; `off` only exists in configuration. */
export type Severity = 'error' | 'warning';

/** Another place that a finding concerns (the other side of a conflict). */
export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

/** One finding: what is wrong, where, and what to do. */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  /** Set-relative path with `/` separators. */
  file: string;
  range: Range;
  path?: Path;
  related?: readonly RelatedLocation[];
  /** True for findings that stop a document from being read at all (unreadable file, YAML syntax). */
  fatal?: boolean;
}

/** Orders diagnostics by file, line, column, rule id and message so that output is byte-identical. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareStrings(a.ruleId, b.ruleId) ||
    a.range.end.line - b.range.end.line ||
    a.range.end.column - b.range.end.column ||
    compareStrings(a.message, b.message)
  );
}

/** Code-unit string order, independent of the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The range of the first line, used only when nothing better is known. */
export const startOfFile: Range = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };
