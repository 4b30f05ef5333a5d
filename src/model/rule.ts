import type { Diagnostic, Path, Range, Severity } from './diagnostic.js';
import type { ParsedFile, ProtocolDocument } from './document.js';
import type { SetIndex } from '../check/set-index.js';

/** Where a finding is: a frontmatter path (value or key), or a range in the file's text. */
export type At = Path | { range: Range } | { offsets: [number, number] } | { path: Path; target: 'key' | 'value' };

/** Another place a finding concerns. */
export interface RelatedReport {
  doc: ParsedFile;
  at: At;
  message: string;
}

/** What a rule reports: the document, the place, a message id and its data. */
export interface Report<MessageId extends string> {
  doc: ParsedFile;
  at: At;
  messageId: MessageId;
  data?: Record<string, string | number>;
  related?: readonly RelatedReport[];
}

/** What a rule's `check` receives. */
export interface RuleContext<MessageId extends string> {
  index: SetIndex;
  documents: readonly ProtocolDocument[];
  /** Every Markdown file read, documents or not. */
  files: readonly ParsedFile[];
  report(report: Report<MessageId>): void;
  /**
   * The findings of other set rules on this set, at their default severities, after inline
   * suppressions, sorted (each rule runs once per run, whether or not the config turns it off).
   * Absent where a rule is run on its own.
   */
  ruleFindings?(rules: readonly Rule[]): Diagnostic[];
}

/**
 * A rule: metadata plus a check over the whole set's index. Rules with `scope: 'document'` are
 * reported by the per-document stage (parse and schema) and have no `check`.
 */
export interface Rule<MessageId extends string = string> {
  id: string;
  scope: 'set' | 'document';
  defaultSeverity: Severity;
  /** One line: what the rule finds. */
  description: string;
  /** Longer help: why it matters and how to fix it (SARIF `help`, `protokit rules`). */
  help?: string;
  /** Message templates with `{{name}}` placeholders. */
  messages: Record<MessageId, string>;
  /** Only `check` runs it (not `validate`). */
  checkOnly?: boolean;
  /** A failing and a fixed example (frontmatter or Markdown), rendered in docs/rules.md. */
  examples?: { invalid: string; valid: string };
  check?(context: RuleContext<MessageId>): void;
}

/** Declares a rule; only gives it its types (`messageId` must be a key of `messages`). */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}

/** Fills `{{name}}` placeholders of a message template. */
export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (Object.hasOwn(data, name) ? String(data[name]) : whole));
}
