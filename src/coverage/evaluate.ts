import { protocolDocuments, runRules } from '../check/run-rules.js';
import { resolveAt } from '../check/resolve-at.js';
import { SetIndex } from '../check/set-index.js';
import type { Diagnostic } from '../model/diagnostic.js';
import type { ParsedFile } from '../model/document.js';
import type { Rule } from '../model/rule.js';
import { registeredRule } from '../rules/lookup.js';
import { code, joinWords } from '../util/words.js';
import { addressesEvidence, EVALUATORS, type Facts, type PartOutcome, type Piece } from './evidence.js';
import { STRATEGIES, type FindingsEvidence, type Strategy } from './strategies.js';

/** How far a strategy, or one piece of its evidence, is covered. */
export type CoverageStatus = 'met' | 'partial' | 'missing';

/** One piece of a strategy's evidence and how far it goes. */
export interface PartResult {
  label: string;
  status: CoverageStatus;
  evidence: Piece[];
  /** What is missing, when not met. */
  missing?: string;
  /** A caveat, e.g. a rule that this build does not have. */
  note?: string;
}

/** A strategy's coverage: its status, and each piece of evidence. */
export interface StrategyResult {
  strategy: Strategy;
  status: CoverageStatus;
  parts: PartResult[];
}

/** What to evaluate: the files of a set, and its index when the caller already has one. */
export interface CoverageInput {
  files: readonly ParsedFile[];
  index?: SetIndex;
  /** The findings of the given rules when the caller has run them already (`check`); else they are run here. */
  ruleFindings?: (rules: readonly Rule[]) => Diagnostic[];
}

function statusOf(outcome: Pick<PartOutcome, 'met' | 'some'>): CoverageStatus {
  return outcome.met ? 'met' : outcome.some ? 'partial' : 'missing';
}

/** The rules that findings-based strategies depend on, looked up in the registry now (some are written later than this module). */
function dependentRules(): { rules: Rule[]; unavailable: Set<string> } {
  const rules: Rule[] = [];
  const unavailable = new Set<string>();
  const ids = new Set(STRATEGIES.flatMap((s) => s.findings?.rules ?? []));
  for (const id of ids) {
    const rule = registeredRule(id);
    if (rule === undefined) unavailable.add(id);
    else rules.push(rule);
  }
  return { rules, unavailable };
}

/** The findings part of a strategy: met when the rules are silent and the structural evidence is there at least in part. */
function findingsPart(findings: FindingsEvidence, parts: readonly PartResult[], diagnostics: readonly Diagnostic[], unavailable: ReadonlySet<string>): PartResult {
  const counted = diagnostics.filter((d) => findings.rules.includes(d.ruleId) && (findings.severity === 'warning' || d.severity === 'error'));
  const missingRules = findings.rules.filter((id) => unavailable.has(id));
  const note = missingRules.length > 0 ? { note: `not checked by this build: ${joinWords(code(missingRules))}` } : {};
  if (counted.length > 0) {
    const first = counted[0] as Diagnostic;
    const what = findings.severity === 'error' ? 'error' : 'finding';
    return {
      label: findings.label,
      status: 'missing',
      evidence: [],
      missing: `${counted.length} ${what}${counted.length === 1 ? '' : 's'} of ${joinWords(code([...new Set(counted.map((d) => d.ruleId))]))} (first: ${first.file}:${first.range.start.line}); run \`protokit check\``,
      ...note,
    };
  }
  if (!parts.some((p) => p.status !== 'missing')) return { label: findings.label, status: 'missing', evidence: [], missing: 'nothing to judge without the evidence above', ...note };
  return { label: findings.label, status: 'met', evidence: [], ...note };
}

/**
 * Scores a set against the 22 coordination strategies (FORMAT.md §4): for each, met, partial or
 * missing, with the evidence found and what is missing. Findings-based strategies run their rules
 * (at default severities, so that `check` and `coverage` agree whatever the config says).
 */
export function evaluateCoverage(input: CoverageInput): StrategyResult[] {
  const index = input.index ?? new SetIndex(protocolDocuments(input.files));
  const facts: Facts = { index, addresses: addressesEvidence(index) };
  const { rules, unavailable } = dependentRules();
  const ruleIds = new Set(rules.map((r) => r.id));
  const diagnostics = rules.length === 0 ? [] : (input.ruleFindings?.(rules) ?? runRules(input.files, { rules })).filter((d) => ruleIds.has(d.ruleId));
  return STRATEGIES.map((strategy) => {
    const evaluator = EVALUATORS[strategy.id];
    const outcomes: PartOutcome[] = evaluator !== undefined
      ? evaluator(facts)
      : strategy.parts.map(() => {
          const evidence = facts.addresses.get(strategy.id) ?? [];
          return evidence.length > 0 ? { met: true, some: true, evidence } : { met: false, some: false, evidence, missing: `nothing has \`addresses: [${strategy.id}]\`` };
        });
    const parts: PartResult[] = strategy.parts.map((label, i) => {
      const outcome = outcomes[i] ?? { met: false, some: false, evidence: [], missing: 'not evaluated' };
      return { label, status: statusOf(outcome), evidence: outcome.evidence, ...(outcome.met || outcome.missing === undefined ? {} : { missing: outcome.missing }) };
    });
    if (strategy.findings !== undefined) parts.push(findingsPart(strategy.findings, parts, diagnostics, unavailable));
    const status: CoverageStatus = parts.every((p) => p.status === 'met') ? 'met' : parts.some((p) => p.status !== 'missing') ? 'partial' : 'missing';
    return { strategy, status, parts };
  });
}

/** A piece of evidence at its place in the set. */
export interface EvidenceLocation {
  file: string;
  line: number;
  column: number;
  what: string;
}

/** A strategy's coverage as plain data (the JSON output of `protokit coverage`). */
export interface CoverageReportItem {
  id: string;
  title: string;
  status: CoverageStatus;
  /** The evidence that makes it met, in words. */
  expects: string;
  parts: { label: string; status: CoverageStatus; evidence: EvidenceLocation[]; missing?: string; note?: string }[];
  /** What is missing, one line per piece. */
  missing: string[];
}

/** The whole coverage report: one item per strategy and the counts. */
export interface CoverageReport {
  summary: { met: number; partial: number; missing: number; total: number };
  strategies: CoverageReportItem[];
}

/** Turns each piece of evidence into a file and line (parsing positions only now, for output). */
export function locateCoverage(results: readonly StrategyResult[]): CoverageReport {
  const strategies = results.map((r): CoverageReportItem => ({
    id: r.strategy.id,
    title: r.strategy.title,
    status: r.status,
    expects: r.strategy.evidence,
    parts: r.parts.map((p) => ({
      label: p.label,
      status: p.status,
      evidence: p.evidence.map((e) => {
        const range = resolveAt(e.doc, e.at);
        return { file: e.doc.file, line: range.start.line, column: range.start.column, what: e.what };
      }),
      ...(p.missing !== undefined ? { missing: p.missing } : {}),
      ...(p.note !== undefined ? { note: p.note } : {}),
    })),
    missing: r.parts.filter((p) => p.status !== 'met').map((p) => p.missing ?? p.label),
  }));
  const count = (status: CoverageStatus) => results.filter((r) => r.status === status).length;
  return { summary: { met: count('met'), partial: count('partial'), missing: count('missing'), total: results.length }, strategies };
}
