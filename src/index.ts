/** protokit's public API: load, validate, check and report protocol sets. */
export { lint, exitCodeOf, resolveConfig, type LintOptions, type LintResult, type LintMode } from './lint.js';
export { loadSet, findFiles, type LoadOptions, type LoadedSet } from './load/load-set.js';
export { parseFile, type ParseOptions } from './load/parse-file.js';
export { runRules, type RunOptions } from './check/run-rules.js';
export { SetIndex } from './check/set-index.js';
export { RULES } from './rules/index.js';
export { REPORTERS } from './report/index.js';
export { STRATEGIES } from './coverage/strategies.js';
export { defineRule, type Rule, type RuleContext, type Report, type At } from './model/rule.js';
export type { Diagnostic, Range, Point, Path, Severity } from './model/diagnostic.js';
export type { ParsedFile, ProtocolDocument, Kind } from './model/document.js';
export { UsageError, ConfigError, IoError, InternalError } from './model/errors.js';
export { main } from './cli/main.js';
export { evaluateCoverage } from './coverage/evaluate.js';
export type { RenderOptions, RenderResult } from './render/render.js';

/** Renders per-profession handbooks (loads the handbook code only when called). */
export async function render(options: import('./render/render.js').RenderOptions): Promise<import('./render/render.js').RenderResult> {
  const { renderHandbooks } = await import('./render/render.js');
  return renderHandbooks(options);
}
