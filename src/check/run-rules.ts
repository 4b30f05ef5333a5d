import { compareDiagnostics, type Diagnostic, type Severity } from '../model/diagnostic.js';
import type { ParsedFile, ProtocolDocument } from '../model/document.js';
import { formatMessage, type Report, type Rule } from '../model/rule.js';
import { str } from '../util/data.js';
import { nearest } from '../util/suggest.js';
import { pathOf, resolveAt } from './resolve-at.js';
import { SetIndex } from './set-index.js';

/** A severity per rule id, from defaults, config and `--rule`; `off` disables a rule. */
export type SeverityMap = ReadonlyMap<string, Severity | 'off'>;

/** What to run and how. */
export interface RunOptions {
  rules: readonly Rule[];
  severities?: SeverityMap;
  /** Every rule id protokit has (default: those of `rules`), to tell a misspelt suppression from one of a rule that did not run. */
  knownRuleIds?: readonly string[];
}

/** The documents of known kind, as rules see them. */
export function protocolDocuments(files: readonly ParsedFile[]): ProtocolDocument[] {
  const out: ProtocolDocument[] = [];
  for (const file of files) {
    if (file.kind === undefined || file.data === undefined) continue;
    out.push({ ...file, kind: file.kind, data: file.data, id: str(file.data, 'id') } as ProtocolDocument);
  }
  return out;
}

/** The severity a rule runs at, or `off`. */
export function severityOf(rule: Pick<Rule, 'id' | 'defaultSeverity'>, severities: SeverityMap | undefined): Severity | 'off' {
  return severities?.get(rule.id) ?? rule.defaultSeverity;
}

/**
 * Runs the set rules over an index built once, merges them with the per-document findings, applies
 * severities and inline suppressions, and sorts the result.
 */
export function runRules(files: readonly ParsedFile[], options: RunOptions): Diagnostic[] {
  const documents = protocolDocuments(files);
  const index = new SetIndex(documents);
  const known = new Map(options.rules.map((rule) => [rule.id, rule]));
  const raw: Diagnostic[] = [];
  for (const file of files) {
    for (const d of file.diagnostics) {
      const rule = known.get(d.ruleId);
      const severity = rule === undefined ? d.severity : severityOf(rule, options.severities);
      if (severity !== 'off') raw.push({ ...d, severity });
    }
  }
  // each set rule runs at most once per run: its findings (at its default severity) serve both
  // the report and the rules that read other rules' findings (coverage/strategy)
  const ran = new Map<string, Diagnostic[]>();
  const findingsOf = (rule: Rule): Diagnostic[] => {
    let list = ran.get(rule.id);
    if (list !== undefined) return list;
    const found: Diagnostic[] = [];
    ran.set(rule.id, found);
    list = found;
    const report = (r: Report<string>): void => {
      const template = rule.messages[r.messageId] ?? r.messageId;
      const path = pathOf(r.at);
      found.push({
        ruleId: rule.id,
        severity: rule.defaultSeverity,
        message: formatMessage(template, r.data),
        file: r.doc.file,
        range: resolveAt(r.doc, r.at),
        ...(path !== undefined ? { path } : {}),
        ...(r.related !== undefined && r.related.length > 0
          ? { related: r.related.map((rel) => ({ file: rel.doc.file, range: resolveAt(rel.doc, rel.at), message: rel.message })) }
          : {}),
      });
    };
    const ruleFindings = (rules: readonly Rule[]): Diagnostic[] => {
      const own = rules.filter((r) => r.scope === 'set' && r.check !== undefined && r.id !== rule.id).flatMap((r) => findingsOf(r));
      return applySuppressions(files, own, { rules }).sort(compareDiagnostics);
    };
    try {
      rule.check?.({ index, documents, files, report, ruleFindings });
    } catch (error) {
      const first = documents[0] ?? files[0];
      if (first !== undefined) {
        found.push({ ruleId: rule.id, severity: 'error', message: `The rule failed on this set (${(error as Error).message}): please report this to the protokit maintainers`, file: first.file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, fatal: true });
      }
    }
    return list;
  };
  for (const rule of options.rules) {
    if (rule.scope !== 'set' || rule.check === undefined) continue;
    const severity = severityOf(rule, options.severities);
    if (severity === 'off') continue;
    // a rule that failed is an error whatever its severity
    for (const d of findingsOf(rule)) raw.push(d.fatal === true ? d : { ...d, severity });
  }
  return applySuppressions(files, raw, options).sort(compareDiagnostics);
}

/** The rule id of the unused-suppression finding. */
export const UNUSED_SUPPRESSION = 'suppression/unused';

/**
 * Drops suppressed findings and reports the suppressions that silenced nothing. A suppression is
 * judged only when every rule it names ran (`validate` does not run `ref/unknown`, and a rule set
 * to `off` may be turned on again); one that names no rule at all is reported with a did-you-mean.
 */
function applySuppressions(files: readonly ParsedFile[], diagnostics: Diagnostic[], options: RunOptions): Diagnostic[] {
  const withSuppressions = files.filter((f) => f.suppressions.length > 0);
  if (withSuppressions.length === 0) return diagnostics;
  const byFileLine = new Map<string, { rules: string[]; used: boolean; file: string; range: Diagnostic['range'] }[]>();
  for (const file of withSuppressions) {
    for (const s of file.suppressions) {
      const key = `${file.file}\u0000${s.targetLine}`;
      let list = byFileLine.get(key);
      if (list === undefined) byFileLine.set(key, (list = []));
      list.push({ rules: s.rules, used: false, file: file.file, range: s.range });
    }
  }
  const kept = diagnostics.filter((d) => {
    const list = byFileLine.get(`${d.file}\u0000${d.range.start.line}`);
    if (list === undefined) return true;
    const match = list.find((s) => s.rules.length === 0 || s.rules.includes(d.ruleId));
    if (match === undefined) return true;
    match.used = true;
    return false;
  });
  const unusedRule = options.rules.find((r) => r.id === UNUSED_SUPPRESSION);
  const severity = unusedRule === undefined ? 'off' : severityOf(unusedRule, options.severities);
  if (severity === 'off') return kept;
  const known = options.knownRuleIds ?? options.rules.map((r) => r.id);
  const ran = new Set(options.rules.filter((r) => severityOf(r, options.severities) !== 'off').map((r) => r.id));
  for (const list of byFileLine.values()) {
    for (const s of list) {
      if (s.used) continue;
      const unknown = s.rules.find((id) => !known.includes(id));
      if (unknown !== undefined) {
        const hint = nearest(unknown, known);
        kept.push({ ruleId: UNUSED_SUPPRESSION, severity, message: `This suppression names \`${unknown}\`, which is not a rule${hint === undefined ? ': `protokit rules` lists them' : `: did you mean \`${hint}\`?`}`, file: s.file, range: s.range });
        continue;
      }
      if (!s.rules.every((id) => ran.has(id))) continue;
      const what = s.rules.length === 0 ? 'any finding' : s.rules.map((r) => `\`${r}\``).join(', ');
      kept.push({ ruleId: UNUSED_SUPPRESSION, severity, message: `This suppression of ${what} silences nothing on the next line: remove it`, file: s.file, range: s.range });
    }
  }
  return kept;
}
