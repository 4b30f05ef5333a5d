import type { Diagnostic } from '../model/diagnostic.js';
import type { Rule } from '../model/rule.js';

/** What a reporter may know besides the findings; it never reads the clock or the terminal itself. */
export interface ReportContext {
  /** Colour output (the CLI decides: TTY, `--no-color`, `NO_COLOR`). */
  color: boolean;
  /** Metadata of the rules that ran (SARIF's tool driver). */
  rules: readonly Pick<Rule, 'id' | 'defaultSeverity' | 'description' | 'help'>[];
  /** protokit's version. */
  version: string;
  /** Absolute folder that finding paths are relative to. */
  cwd: string;
  /** Every file checked, set-relative (so clean files can appear in formats that list them). */
  files: readonly string[];
}

/** Turns sorted diagnostics into text; pure: no writes, no clock. */
export type Reporter = (diagnostics: readonly Diagnostic[], context: ReportContext) => string;

/** The output formats of `validate` and `check`. */
export const REPORTER_NAMES = ['stylish', 'json', 'sarif', 'github', 'junit', 'gitlab'] as const;

/** One of the output formats. */
export type ReporterName = (typeof REPORTER_NAMES)[number];
