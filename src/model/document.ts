import type { Diagnostic, Range } from './diagnostic.js';

/** The document kinds of the format (FORMAT.md §2). */
export const KINDS = ['framework', 'definitions', 'agency', 'pathway', 'plan', 'meeting'] as const;

/** One of the document kinds. */
export type Kind = (typeof KINDS)[number];

/** True when `value` names a document kind. */
export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

/**
 * A `:term[id]` text directive in a body, with its range as four numbers (a set has tens of
 * thousands of uses: five objects each as a `Range`); `termRange` gives the `Range`.
 */
export interface TermUse {
  id: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A term use from its id and range. */
export function termUse(id: string, range: Range): TermUse {
  return { id, line: range.start.line, column: range.start.column, endLine: range.end.line, endColumn: range.end.column };
}

/** The range of a term use. */
export function termRange(use: TermUse): Range {
  return { start: { line: use.line, column: use.column }, end: { line: use.endLine, column: use.endColumn } };
}

/** A `:::audience{professions="…"}` container in a body. */
export interface AudienceBlock {
  professions: string[];
  /** Range of the whole container. */
  range: Range;
  /** Range of the opening line (where the attribute is written). */
  openRange: Range;
  /** Range of each profession id inside the opening line (same order as `professions`). */
  professionRanges: Range[];
}

/** A run of prose (an mdast `text` node), by offsets into the document's text. */
export interface ProseRun {
  start: number;
  end: number;
  /** Index of the body section (top-level heading) the run is in; -1 before the first heading. */
  section: number;
}

/** An inline `protokit-disable-next-line` comment. */
export interface Suppression {
  /** Rule ids it silences; empty means all rules. */
  rules: string[];
  /** The line it applies to. */
  targetLine: number;
  /** Where the comment itself is, for the unused-suppression finding. */
  range: Range;
}

/** What the body of a document offers to the rules, without the full tree. */
export interface BodyFacts {
  terms: TermUse[];
  audiences: AudienceBlock[];
  /**
   * The runs of prose, three numbers per run (`start`, `end`, `section` of a `ProseRun`): flat,
   * because a large set has hundreds of thousands of runs, and as objects they took a third of the
   * time a warm run spends reading its cache. Read them with `proseRuns`.
   */
  prose: number[];
}

/** The runs of prose of a body (see `BodyFacts.prose`), one `ProseRun` at a time. */
export function* proseRuns(prose: readonly number[]): Generator<ProseRun> {
  for (let i = 0; i + 2 < prose.length; i += 3) yield { start: prose[i] as number, end: prose[i + 1] as number, section: prose[i + 2] as number };
}

/** Runs of prose as `BodyFacts.prose` holds them. */
export function packProse(runs: readonly ProseRun[]): number[] {
  const out = new Array<number>(runs.length * 3);
  runs.forEach((run, i) => {
    out[3 * i] = run.start;
    out[3 * i + 1] = run.end;
    out[3 * i + 2] = run.section;
  });
  return out;
}

/**
 * One Markdown file after per-document work (read, parse, validate): plain data, so it can cross
 * worker threads and be cached.
 */
export interface ParsedFile {
  /** Set-relative path with `/` separators. */
  file: string;
  /** SHA-256 of the file's bytes. */
  hash: string;
  /** The text as parsed (UTF-8, without BOM); empty when the file could not be read. */
  text: string;
  /** False for Markdown without frontmatter (not a protocol document). */
  isDocument: boolean;
  /** The kind, when it is a known kind. */
  kind?: Kind;
  /** The frontmatter as plain data (undefined when it did not parse). */
  data?: Record<string, unknown>;
  /** Offset in `text` where the YAML of the frontmatter starts, and its first line. */
  yaml?: { offset: number; line: number; length: number };
  /**
   * For `render`: where each collection of `data` starts and ends in the YAML text, as pairs of
   * offsets in the order `encodeSpans` (yaml-lines.ts) walks them (plain numbers, so they cross
   * threads and the cache); the source lines of handbook items are read from them.
   */
  yamlSpans?: number[];
  body: BodyFacts;
  suppressions: Suppression[];
  /** Per-document findings: yaml/syntax, schema/kind, schema/shape and I/O problems. */
  diagnostics: Diagnostic[];
}

/** A protocol document of a known kind, as rules see it. */
export interface ProtocolDocument extends ParsedFile {
  kind: Kind;
  data: Record<string, unknown>;
  /** The document's id, when it is a string. */
  id: string | undefined;
}
