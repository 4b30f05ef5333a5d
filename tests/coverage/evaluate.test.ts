import { describe, expect, it } from 'vitest';
import { evaluateCoverage, locateCoverage, type CoverageReport } from '../../src/coverage/evaluate.js';
import { EVALUATORS } from '../../src/coverage/evidence.js';
import { STRATEGIES } from '../../src/coverage/strategies.js';
import { runRules } from '../../src/check/run-rules.js';
import type { Severity } from '../../src/model/diagnostic.js';
import type { Rule } from '../../src/model/rule.js';
import { RULES, ruleById } from '../../src/rules/index.js';
import { parseDocs, type Docs } from '../helpers/test-rule.js';
import { FULL_SET, withChange } from './full-set.js';

const report = (docs: Docs): CoverageReport => locateCoverage(evaluateCoverage({ files: parseDocs(docs) }));
const item = (r: CoverageReport, id: string) => {
  const found = r.strategies.find((s) => s.id === id);
  if (found === undefined) throw new Error(`no strategy ${id}`);
  return found;
};
const statuses = (r: CoverageReport) => Object.fromEntries(r.strategies.filter((s) => s.status !== 'met').map((s) => [s.id, s.status]));

describe('strategies data', () => {
  it('lists the 22 strategies of FORMAT.md §4, each with parts and a way to find its evidence', () => {
    expect(STRATEGIES).toHaveLength(22);
    for (const s of STRATEGIES) {
      expect(s.parts.length, s.id).toBeGreaterThan(0);
      expect(s.source === 'addresses' || EVALUATORS[s.id] !== undefined, s.id).toBe(true);
      expect(s.source === 'findings', s.id).toBe(s.findings !== undefined);
    }
  });
  it('gives one outcome per part', () => {
    const r = report(FULL_SET);
    for (const s of STRATEGIES) expect(item(r, s.id).parts, s.id).toHaveLength(s.parts.length + (s.findings === undefined ? 0 : 1));
  });
});

describe('evaluateCoverage', () => {
  it('meets every strategy of a complete set, with file and line for each piece of evidence', () => {
    const r = report(FULL_SET);
    expect(r.summary).toEqual({ met: 22, partial: 0, missing: 0, total: 22 });
    expect(item(r, 'multisectoral-plan').parts[0]?.evidence).toEqual([{ file: 'plan.md', line: 3, column: 5, what: 'plan `nap`' }]);
    expect(item(r, 'men-as-allies').parts[0]?.evidence).toEqual([{ file: 'plan.md', line: 10, column: 17, what: 'intervention `sart-rollout`' }]);
    expect(item(r, 'ngo-expertise').parts[0]?.evidence).toEqual([{ file: 'framework.md', line: 15, column: 48, what: '`shelter`' }]);
    expect(item(r, 'barriers').parts.map((p) => p.evidence.map((e) => `${e.file}:${e.line}`))).toEqual([['meetings/ncc-2026-03.md:15'], ['meetings/ncc-2026-06.md:15']]);
  });

  it('is partial when only some evidence is there, and says what is missing', () => {
    const r = report(withChange('plan.md', (t) => t.replace(', funded_by: ministry', '').replace('baseline: 10, ', '')));
    expect(statuses(r)).toEqual({ 'multisectoral-plan': 'partial', 'evidence-and-evaluation': 'partial' });
    expect(item(r, 'multisectoral-plan').missing).toEqual(['interventions without a complete budget: `sart-rollout`']);
    expect(item(r, 'evidence-and-evaluation').missing).toEqual(['indicators without baseline or source: `sart-coverage`']);
  });

  it('counts thresholds: fewer than 3 policy areas or sectors is partial, none is missing', () => {
    const r = report(withChange('framework.md', (t) => t.replace('policy_areas: [justice, health, education]', 'policy_areas: [justice]').replace('members: [police, court, hospital, ministry, shelter]', 'members: [police]')));
    expect(item(r, 'horizontal-integration').status).toBe('partial');
    expect(item(r, 'national-leadership').status).toBe('partial');
    expect(item(r, 'national-leadership').missing).toEqual(['members from only `police`: members from at least 3 sectors are needed']);
    expect(item(r, 'ngo-expertise').status).toBe('missing');
    expect(item(r, 'horizontal-integration').parts[0]?.evidence).toHaveLength(1);
  });

  it('reads the horizon of targets, and the focus `both` for survivors and perpetrators', () => {
    const r = report(withChange('plan.md', (t) => t.replace(/ {6}- \{ id: sart-(50|90).*\n/g, '')));
    expect(item(r, 'realistic-targets').status).toBe('partial');
    expect(item(r, 'realistic-targets').missing).toEqual(['no medium-term target', 'no long-term target']);
    const noPerpetrator = report(withChange('agencies/police.md', (t) => t.replace('focus: perpetrator', 'focus: survivor')));
    expect(item(noPerpetrator, 'survivors-and-perpetrators').status).toBe('met'); // the court's `both`
  });

  it('takes the findings of meeting/continuity into account', () => {
    const absent = (t: string) => t.replace('  - { agency: shelter, representative: coordinator }\n', '');
    const docs = { ...FULL_SET };
    for (const f of ['meetings/ncc-2026-03.md', 'meetings/ncc-2026-06.md', 'meetings/ncc-2026-09.md']) docs[f] = absent(docs[f] as string);
    const r = report(docs);
    expect(item(r, 'continuity').status).toBe('partial');
    expect(item(r, 'continuity').missing[0]).toBe('1 finding of `meeting/continuity` (first: framework.md:15); run `protokit check`');
    expect(item(r, 'action-follow-up').status).toBe('met'); // a warning, not a meeting/* error
  });

  it('takes meeting/* errors into account for action follow-up, but not meeting/* warnings', () => {
    const r = report(withChange('meetings/ncc-2026-09.md', (t) => t.replace('status: done', 'status: dropped')));
    expect(item(r, 'action-follow-up').status).toBe('partial');
    const warned = report(withChange('meetings/ncc-2026-09.md', (t) => t.replace('due: 2026-09-30, status: done', 'due: 2026-08-31, status: open')));
    expect(item(warned, 'action-follow-up').status).toBe('met');
  });

  it.skipIf(ruleById('referral/not-accepted') === undefined)('takes referral/* errors into account', () => {
    const r = report(withChange('agencies/hospital.md', (t) => t.replace('accepts_from: [any]', 'accepts_from: [court]')));
    expect(item(r, 'referral-networks').status).toBe('partial');
  });

  it('judges nothing on findings without structural evidence: no meetings is missing, not met', () => {
    const docs = Object.fromEntries(Object.entries(FULL_SET).filter(([f]) => !f.startsWith('meetings/')));
    const r = report(docs);
    expect(item(r, 'continuity').status).toBe('missing');
    expect(item(r, 'action-follow-up').status).toBe('missing');
    expect(item(r, 'committed-participants').status).toBe('partial'); // only the hospital leads an intervention
  });

  it('does not throw on an empty set or data of the wrong shape', () => {
    expect(report({}).summary).toEqual({ met: 0, partial: 0, missing: 22, total: 22 });
    const odd: Docs = {
      'framework.md': '---\nkind: framework\nid: f\ncoordinating_body: 3\npolicy_areas: nope\nforms_of_violence: {}\n---\n',
      'plan.md': '---\nkind: plan\nid: p\ninterventions: [1, { targets: 2, budget: x }]\nindicators: {}\nevaluations: [null]\n---\n',
      'm.md': '---\nkind: meeting\nid: m\nbody: [1]\nactions: 3\nbarriers: [{ level: 1 }]\n---\n',
    };
    expect(() => report(odd)).not.toThrow();
  });
});

describe('coverage inside check', () => {
  // the dropped action without a reason (meeting/no-reason, an error) and an overdue one
  const docs = withChange('meetings/ncc-2026-09.md', (t) => t.replace('status: done', 'status: dropped'));

  it('reads the findings check already has: the same result as running the rules again, whatever the config turns off', () => {
    const files = parseDocs(docs);
    const standalone = locateCoverage(evaluateCoverage({ files }));
    expect(item(standalone, 'action-follow-up').parts.at(-1)?.missing).toMatch(/meeting\/no-reason/);
    let runs = 0;
    const counting = RULES.map((r) => (r.id === 'meeting/no-reason' && r.check !== undefined ? { ...r, check: (ctx: Parameters<NonNullable<typeof r.check>>[0]) => (runs++, r.check?.(ctx)) } : r)) as Rule[];
    // check runs it for its own findings, coverage/strategy reads them: once
    const all = runRules(files, { rules: counting });
    expect(runs).toBe(1);
    expect(all.some((d) => d.ruleId === 'meeting/no-reason')).toBe(true);
    // turned off: not reported, still counted by coverage
    const severities = new Map<string, Severity | 'off'>([['meeting/no-reason', 'off'], ['meeting/continuity', 'off']]);
    const diagnostics = runRules(files, { rules: counting, severities });
    expect(diagnostics.some((d) => d.ruleId === 'meeting/no-reason')).toBe(false);
    expect(diagnostics.filter((d) => d.ruleId === 'coverage/strategy')).toEqual(all.filter((d) => d.ruleId === 'coverage/strategy'));
    let seen: CoverageReport | undefined;
    const probe: Rule = { id: 'test/probe', scope: 'set', defaultSeverity: 'warning', description: 'probe', messages: {}, check: ({ files: all, ruleFindings }) => void (seen = locateCoverage(evaluateCoverage({ files: all, ...(ruleFindings !== undefined ? { ruleFindings } : {}) }))) };
    runRules(files, { rules: [...counting, probe], severities });
    expect(seen).toEqual(standalone);
  });
});
