/** Which findings of other rules count against a strategy, and from which severity. */
export interface FindingsEvidence {
  /** Rule ids, looked up in the registry when coverage is evaluated (a rule not registered counts as silent). */
  rules: readonly string[];
  /** `error`: only errors count against the strategy; `warning`: any finding does. */
  severity: 'error' | 'warning';
  /** The piece of evidence in words, e.g. ``no `meeting/*` errors``. */
  label: string;
}

/** A national coordination strategy of FORMAT.md §4 (UN Women guidance on coordinated responses). */
export interface Strategy {
  id: string;
  title: string;
  /** The evidence that makes it met, in words (printed by `protokit coverage`). */
  evidence: string;
  /**
   * Where the evidence comes from: the set's structure, `addresses: [id]` on interventions,
   * responsibilities and meeting actions (only where the structure cannot tell), or structure plus
   * the absence of other rules' findings.
   */
  source: 'structure' | 'addresses' | 'findings';
  /** The pieces of evidence, in order: met when all are there, partial when some are, missing when none is. */
  parts: readonly string[];
  /** For `source: 'findings'`: the rules whose findings count against it (one more piece, after `parts`). */
  findings?: FindingsEvidence;
}

/** The 22 coordination strategies, in the order of FORMAT.md §4: the one list the rule and the command read. */
export const STRATEGIES: readonly Strategy[] = [
  {
    id: 'multisectoral-plan', title: 'Multi-sectoral plan, delineated roles, fully budgeted', evidence: 'a plan; every intervention with lead and budget',
    source: 'structure', parts: ['a plan', 'every intervention with a lead', 'every intervention with a complete budget'],
  },
  {
    id: 'professional-protocols', title: 'Protocols for police, judges, health and other professionals', evidence: 'agency documents with responsibilities for sectors police, justice and health',
    source: 'structure', parts: ['a police agency with responsibilities', 'a justice agency with responsibilities', 'a health agency with responsibilities'],
  },
  {
    id: 'legislative-basis', title: 'Legal basis for coordination, information sharing and funding', evidence: 'legal instruments that provide all three',
    source: 'structure', parts: ['a legal instrument that provides `coordination-mandate`', 'a legal instrument that provides `information-sharing`', 'a legal instrument that provides `funding`'],
  },
  {
    id: 'national-leadership', title: 'Resourced national leadership with convening authority', evidence: 'a coordinating body with chair, mandate and members from at least 3 sectors',
    source: 'structure', parts: ['a coordinating body with a chair', 'a coordinating body with a mandate', 'coordinating body members from at least 3 sectors'],
  },
  {
    id: 'horizontal-integration', title: 'VAW integrated across policy areas', evidence: 'at least 3 `policy_areas`',
    source: 'structure', parts: ['at least 3 `policy_areas` in the framework'],
  },
  {
    id: 'womens-machinery', title: 'Government office for the advancement of women', evidence: 'an agency of sector `gender-equality` and type `government`',
    source: 'structure', parts: ['an agency of sector `gender-equality`', 'a `gender-equality` agency of type `government`'],
  },
  {
    id: 'evidence-and-evaluation', title: 'Research, monitoring and evaluation', evidence: 'indicators with baseline and source; at least one evaluation',
    source: 'structure', parts: ['indicators, each with baseline and source', 'at least one evaluation'],
  },
  {
    id: 'shared-definitions', title: "Shared definitions prioritising survivors' rights", evidence: 'a definitions document; `survivor-centred` among principles',
    source: 'structure', parts: ['a definitions document', '`survivor-centred` among the framework\'s principles'],
  },
  {
    id: 'realistic-targets', title: 'Short, medium and long-term targets', evidence: 'targets on all three horizons',
    source: 'structure', parts: ['a short-term target', 'a medium-term target', 'a long-term target'],
  },
  {
    id: 'committed-participants', title: 'Engaged agencies that dedicate resources', evidence: 'every member of the coordinating body attends or leads an intervention',
    source: 'structure', parts: ['every member of the coordinating body attends its meetings or leads an intervention'],
  },
  {
    id: 'continuity', title: 'Regular participation by the same people', evidence: 'no `meeting/continuity` finding',
    source: 'findings', parts: ['a coordination body with at least three meetings'],
    findings: { rules: ['meeting/continuity'], severity: 'warning', label: 'no `meeting/continuity` finding' },
  },
  {
    id: 'action-follow-up', title: 'Actions followed up, non-implementation explained', evidence: 'meetings with actions; no `meeting/*` errors',
    source: 'findings', parts: ['meetings with actions'],
    findings: { rules: ['meeting/unreviewed-action', 'meeting/no-reason', 'meeting/overdue', 'meeting/continuity'], severity: 'error', label: 'no `meeting/*` errors' },
  },
  {
    id: 'barriers', title: 'Barriers identified at system and practice level', evidence: 'barriers of both levels',
    source: 'structure', parts: ['a barrier at `system` level', 'a barrier at `practice` level'],
  },
  {
    id: 'case-studies', title: 'Case studies of where coordination did and did not work', evidence: 'case reviews with both outcomes',
    source: 'structure', parts: ['a case review with outcome `worked`', 'a case review with outcome `did-not-work`'],
  },
  {
    id: 'survivors-and-perpetrators', title: 'Interventions for survivors and perpetrators', evidence: 'responsibilities with focus `survivor` and `perpetrator`',
    source: 'structure', parts: ['a responsibility with focus `survivor` (or `both`)', 'a responsibility with focus `perpetrator` (or `both`)'],
  },
  {
    id: 'serial-perpetrators-multiple-forms', title: 'Serial perpetrators, multiple forms of violence', evidence: '`addresses:` evidence',
    source: 'addresses', parts: ['an intervention, responsibility or meeting action with `addresses: [serial-perpetrators-multiple-forms]`'],
  },
  {
    id: 'men-as-allies', title: 'Men as allies', evidence: '`addresses:` evidence',
    source: 'addresses', parts: ['an intervention, responsibility or meeting action with `addresses: [men-as-allies]`'],
  },
  {
    id: 'all-forms-combined', title: 'All forms addressed together and specifically', evidence: 'at least 3 forms of violence, each with a pathway or responsibility',
    source: 'structure', parts: ['at least 3 forms of violence, each with a pathway or responsibility'],
  },
  {
    id: 'referral-networks', title: 'Referral networks on shared principles', evidence: 'referrals between at least 3 agencies, no `referral/*` errors',
    source: 'findings', parts: ['referrals between at least 3 agencies'],
    findings: { rules: ['referral/not-accepted', 'referral/no-legal-basis', 'referral/consent-conflict'], severity: 'error', label: 'no `referral/*` errors' },
  },
  {
    id: 'non-ipv-voices', title: 'Groups working on forms other than IPV included', evidence: 'a member agency of type `ngo` or `community` whose responsibilities cover a form other than intimate-partner-violence',
    source: 'structure', parts: ['a member agency of type `ngo` or `community`', 'such a member with a responsibility for a form other than `intimate-partner-violence`'],
  },
  {
    id: 'ngo-expertise', title: 'NGO expertise used', evidence: "an NGO among the coordinating body's members",
    source: 'structure', parts: ["an agency of type `ngo` among the coordinating body's members"],
  },
  {
    id: 'evaluate-coordination', title: "Coordination itself evaluated, with survivors' voices", evidence: 'an evaluation with `includes_survivor_voice: true`',
    source: 'structure', parts: ['an evaluation with `includes_survivor_voice: true`'],
  },
];

/** The strategy ids, for references (`addresses:`). */
export const STRATEGY_IDS: ReadonlySet<string> = new Set(STRATEGIES.map((s) => s.id));

/** A strategy by id. */
export function strategyById(id: string): Strategy | undefined {
  return STRATEGIES.find((s) => s.id === id);
}
