import type { CoverageReport, CoverageReportItem } from './evaluate.js';

/** The output formats of `protokit coverage`. */
export const COVERAGE_FORMATS = ['table', 'json', 'markdown'] as const;

/** One of the output formats. */
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** How many places the table and Markdown show per strategy (JSON lists every one). */
const SHOWN = 3;

/** The first place of each part's evidence, grouped by file (`framework.md:47,50`), then how many more there are. */
function places(item: CoverageReportItem): string {
  const total = item.parts.reduce((n, p) => n + p.evidence.length, 0);
  const byFile = new Map<string, number[]>();
  let shown = 0;
  for (const part of item.parts) {
    const first = part.evidence[0];
    if (first === undefined) continue;
    let lines = byFile.get(first.file);
    if (lines === undefined) {
      if (byFile.size === SHOWN) continue;
      byFile.set(first.file, (lines = []));
    }
    if (!lines.includes(first.line)) lines.push(first.line);
    shown++;
  }
  if (byFile.size === 0) return '—';
  const text = [...byFile].map(([file, lines]) => `${file}:${lines.join(',')}`).join(' ');
  return total > shown ? `${text} (+${total - shown} more)` : text;
}

function summaryLine(report: CoverageReport): string {
  const { met, partial, missing, total } = report.summary;
  return `${met} met, ${partial} partial, ${missing} missing (of ${total} coordination strategies)`;
}

/** A readable, aligned table: one line per strategy, then what is missing and any notes under it. */
export function formatTable(report: CoverageReport, notes: readonly string[] = []): string {
  const idWidth = Math.max('STRATEGY'.length, ...report.strategies.map((s) => s.id.length));
  const statusWidth = 'partial'.length;
  const indent = ' '.repeat(statusWidth + 2);
  const lines = [`${'STATUS'.padEnd(statusWidth)}  ${'STRATEGY'.padEnd(idWidth)}  EVIDENCE`];
  for (const item of report.strategies) {
    lines.push(`${item.status.padEnd(statusWidth)}  ${item.id.padEnd(idWidth)}  ${places(item)}`);
    for (const missing of item.missing) lines.push(`${indent}└ missing: ${missing}`);
    for (const part of item.parts) if (part.note !== undefined) lines.push(`${indent}└ note: ${part.note}`);
  }
  lines.push('', summaryLine(report));
  for (const note of notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}

/** Machine-readable: the whole report, every piece of evidence with file, line and column. */
export function formatJson(report: CoverageReport, notes: readonly string[] = []): string {
  return `${JSON.stringify(notes.length > 0 ? { ...report, notes } : report, null, 2)}\n`;
}

/** Pipes and line breaks would break a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table for reports and pull requests. */
export function formatMarkdown(report: CoverageReport, notes: readonly string[] = []): string {
  const lines = ['# Coordination strategies', '', summaryLine(report), '', '| Status | Strategy | Evidence | Missing |', '| --- | --- | --- | --- |'];
  for (const item of report.strategies) {
    const missing = item.missing.length === 0 ? '' : item.missing.join('; ');
    lines.push(`| ${item.status} | \`${item.id}\`: ${cell(item.title)} | ${cell(places(item))} | ${cell(missing)} |`);
  }
  if (notes.length > 0) lines.push('', ...notes.map((n) => `> ${n}`));
  return `${lines.join('\n')}\n`;
}

/** Renders a coverage report in one of the formats. */
export function formatCoverage(report: CoverageReport, format: CoverageFormat, notes: readonly string[] = []): string {
  if (format === 'json') return formatJson(report, notes);
  if (format === 'markdown') return formatMarkdown(report, notes);
  return formatTable(report, notes);
}
