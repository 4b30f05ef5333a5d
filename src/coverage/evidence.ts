import type { Entry, SetIndex } from '../check/set-index.js';
import type { Path } from '../model/diagnostic.js';
import type { ProtocolDocument } from '../model/document.js';
import type { At } from '../model/rule.js';
import { missingBudgetFields } from '../util/budget.js';
import { asList, asRecord, itemsOf, own, str } from '../util/data.js';
import { HORIZONS, horizonOfTarget, periodOf } from '../util/horizons.js';
import { code, joinWords } from '../util/words.js';

/** One piece of evidence, not yet turned into a position (positions are resolved only for output). */
export interface Piece {
  doc: ProtocolDocument;
  at: At;
  what: string;
}

/** How far one part of a strategy's evidence goes. */
export interface PartOutcome {
  /** All there. */
  met: boolean;
  /** Some there, short of met (below a threshold, or not for every item). */
  some: boolean;
  evidence: Piece[];
  /** What is missing, when not met. */
  missing?: string;
}

/** Finds the structural evidence of one strategy: one outcome per part of its `parts`. */
export type Evaluator = (facts: Facts) => PartOutcome[];

/** What every evaluator reads, built once per evaluation. */
export interface Facts {
  index: SetIndex;
  /** `addresses:` pieces by strategy id. */
  addresses: Map<string, Piece[]>;
}

/** A part from its evidence: met when there is any. */
function any(evidence: Piece[], missing: string): PartOutcome {
  return evidence.length > 0 ? { met: true, some: true, evidence } : { met: false, some: false, evidence, missing };
}

/** A part that needs every item to pass: met when all do (and there is one), some when some do. */
function every(passing: Piece[], failing: readonly string[], total: number, none: string, what: string): PartOutcome {
  if (total === 0) return { met: false, some: false, evidence: [], missing: none };
  if (failing.length === 0) return { met: true, some: true, evidence: passing };
  return { met: false, some: passing.length > 0, evidence: passing, missing: `${what}: ${names(failing)}` };
}

/** A part that needs `threshold` distinct things. */
function atLeast(evidence: Piece[], count: number, threshold: number, missing: string): PartOutcome {
  if (count >= threshold) return { met: true, some: true, evidence };
  return { met: false, some: count > 0, evidence, missing };
}

/** Up to five names in backticks, then how many more. */
function names(list: readonly string[]): string {
  const shown = code(list.slice(0, 5));
  if (list.length > 5) shown.push(`${list.length - 5} more`);
  return joinWords(shown);
}

function piece(doc: ProtocolDocument, at: At, what: string): Piece {
  return { doc, at, what };
}

/** The coordinating body of the framework, with its path. */
function coordinatingBody(index: SetIndex): { doc: ProtocolDocument; body: Record<string, unknown> } | undefined {
  const doc = index.framework;
  const body = asRecord(own(doc?.data, 'coordinating_body'));
  return doc === undefined || body === undefined ? undefined : { doc, body };
}

/** The member ids of the coordinating body, with their index in `members`. */
function members(body: Record<string, unknown>): [string, number][] {
  const out: [string, number][] = [];
  asList(own(body, 'members')).forEach((m, i) => {
    if (typeof m === 'string' && !out.some(([id]) => id === m)) out.push([m, i]);
  });
  return out;
}

type Item = { doc: ProtocolDocument; item: Record<string, unknown>; path: Path };

/** The lists itemsOfKind made, per index: several evaluators read the same ones. */
const itemLists = new WeakMap<SetIndex, Map<string, readonly Item[]>>();

/** Items of a list in every document of a kind, with the document and the item's path (made once per index; not to be changed). */
function itemsOfKind(index: SetIndex, kind: ProtocolDocument['kind'], key: string): readonly Item[] {
  let lists = itemLists.get(index);
  if (lists === undefined) itemLists.set(index, (lists = new Map()));
  const name = `${kind}\u0000${key}`;
  let out = lists.get(name);
  if (out === undefined) {
    const made: Item[] = [];
    for (const doc of index.ofKind(kind)) for (const [item, i] of itemsOf(doc.data, key)) made.push({ doc, item, path: [key, i] });
    lists.set(name, (out = made));
  }
  return out;
}

/** Every intervention of every plan. */
function interventions(index: SetIndex): readonly Item[] {
  return itemsOfKind(index, 'plan', 'interventions');
}

/** Responsibilities of every agency document. */
function responsibilities(index: SetIndex): readonly Item[] {
  return itemsOfKind(index, 'agency', 'responsibilities');
}

/** Values of a string-or-list field with their paths. */
function listValues(item: Record<string, unknown>, path: Path, key: string): [string, Path][] {
  const value = own(item, key);
  if (typeof value === 'string') return [[value, [...path, key]]];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i): [string, Path][] => (typeof v === 'string' ? [[v, [...path, key, i]]] : []));
}

const idOf = (item: Record<string, unknown>, path: Path): string => str(item, 'id') ?? path.join('.');

/** The structural evaluators, by strategy id (strategies with `source: 'addresses'` need none). */
export const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  'multisectoral-plan': ({ index }) => {
    const plans = index.ofKind('plan');
    const all = interventions(index);
    const lead = all.filter(({ item }) => str(item, 'lead') !== undefined);
    const budgeted = all.filter(({ item }) => own(item, 'budget') !== undefined && missingBudgetFields(own(item, 'budget')).length === 0);
    const [hasLead, hasBudget] = [new Set(lead), new Set(budgeted)];
    return [
      any(plans.map((doc) => piece(doc, ['id'], `plan \`${doc.id ?? doc.file}\``)), 'no plan document'),
      every(lead.map(({ doc, item, path }) => piece(doc, [...path, 'lead'], `\`${idOf(item, path)}\` led by \`${str(item, 'lead') ?? ''}\``)),
        all.filter((x) => !hasLead.has(x)).map(({ item, path }) => idOf(item, path)), all.length, 'no interventions', 'interventions without `lead`'),
      every(budgeted.map(({ doc, item, path }) => piece(doc, [...path, 'budget'], `\`${idOf(item, path)}\` budgeted`)),
        all.filter((x) => !hasBudget.has(x)).map(({ item, path }) => idOf(item, path)), all.length, 'no interventions', 'interventions without a complete budget'),
    ];
  },
  'professional-protocols': ({ index }) =>
    ['police', 'justice', 'health'].map((sector) => {
      const agencies = index.ofKind('agency').filter((doc) => str(doc.data, 'sector') === sector && itemsOf(doc.data, 'responsibilities').length > 0);
      return any(agencies.map((doc) => piece(doc, { path: ['responsibilities'], target: 'key' }, `\`${doc.id ?? doc.file}\` (${sector})`)), `no agency of sector \`${sector}\` with responsibilities`);
    }),
  'legislative-basis': ({ index }) =>
    ['coordination-mandate', 'information-sharing', 'funding'].map((provides) => {
      const evidence: Piece[] = [];
      for (const entry of index.legal.values()) {
        for (const [value, path] of listValues(entry.value, entry.path, 'provides')) {
          if (value === provides) evidence.push(piece(entry.doc, path, `\`${entry.id}\` provides \`${provides}\``));
        }
      }
      return any(evidence, `no legal instrument with \`provides: [${provides}]\``);
    }),
  'national-leadership': ({ index }) => {
    const cb = coordinatingBody(index);
    if (cb === undefined) return [0, 1, 2].map(() => ({ met: false, some: false, evidence: [], missing: 'no coordinating body in the framework' }));
    const field = (key: string) => {
      const value = str(cb.body, key);
      return any(value === undefined ? [] : [piece(cb.doc, ['coordinating_body', key], `${key} \`${value}\``)], `the coordinating body has no \`${key}\``);
    };
    const bySector = new Map<string, Piece>();
    for (const [member, i] of members(cb.body)) {
      const sector = str(index.agencies.get(member)?.value, 'sector');
      if (sector !== undefined && !bySector.has(sector)) bySector.set(sector, piece(cb.doc, ['coordinating_body', 'members', i], `\`${member}\` (${sector})`));
    }
    const sectors = [...bySector.keys()];
    return [field('chair'), field('mandate'), atLeast([...bySector.values()], sectors.length, 3, `members from ${sectors.length === 0 ? 'no known sector' : `only ${names(sectors)}`}: members from at least 3 sectors are needed`)];
  },
  'horizontal-integration': ({ index }) => {
    const doc = index.framework;
    const areas = doc === undefined ? [] : listValues(doc.data, [], 'policy_areas');
    const distinct = new Set(areas.map(([a]) => a));
    return [atLeast(doc === undefined ? [] : areas.map(([a, path]) => piece(doc, path, `\`${a}\``)), distinct.size, 3, `${distinct.size} of at least 3 \`policy_areas\``)];
  },
  'womens-machinery': ({ index }) => {
    const offices = index.ofKind('agency').filter((doc) => str(doc.data, 'sector') === 'gender-equality');
    const government = offices.filter((doc) => str(doc.data, 'type') === 'government');
    return [
      any(offices.map((doc) => piece(doc, ['sector'], `\`${doc.id ?? doc.file}\``)), 'no agency of sector `gender-equality`'),
      any(government.map((doc) => piece(doc, ['type'], `\`${doc.id ?? doc.file}\` (government)`)), 'no `gender-equality` agency of type `government`'),
    ];
  },
  'evidence-and-evaluation': ({ index }) => {
    const indicators = itemsOfKind(index, 'plan', 'indicators');
    const has = (item: Record<string, unknown>, key: string) => { const v = own(item, key); return v !== undefined && v !== null && v !== ''; };
    const complete = indicators.filter(({ item }) => has(item, 'baseline') && has(item, 'source'));
    const isComplete = new Set(complete);
    const evaluations = itemsOfKind(index, 'plan', 'evaluations');
    return [
      every(complete.map(({ doc, item, path }) => piece(doc, [...path, 'id'], `indicator \`${idOf(item, path)}\``)),
        indicators.filter((x) => !isComplete.has(x)).map(({ item, path }) => idOf(item, path)), indicators.length, 'no indicators', 'indicators without baseline or source'),
      any(evaluations.map(({ doc, item, path }) => piece(doc, [...path, 'id'], `evaluation \`${idOf(item, path)}\``)), 'no evaluation in a plan'),
    ];
  },
  'shared-definitions': ({ index }) => {
    const doc = index.framework;
    const principle = doc === undefined ? [] : listValues(doc.data, [], 'principles').filter(([p]) => p === 'survivor-centred');
    return [
      any(index.ofKind('definitions').map((d) => piece(d, ['id'], `definitions \`${d.id ?? d.file}\``)), 'no definitions document'),
      any(doc === undefined ? [] : principle.map(([, path]) => piece(doc, path, '`survivor-centred`')), '`survivor-centred` is not among the framework\'s principles'),
    ];
  },
  'realistic-targets': ({ index }) => {
    const byHorizon = new Map(HORIZONS.map((h) => [h, [] as Piece[]]));
    for (const doc of index.ofKind('plan')) {
      const period = periodOf(doc.data);
      for (const [intervention, i] of itemsOf(doc.data, 'interventions')) {
        for (const [target, j] of itemsOf(intervention, 'targets')) {
          const horizon = horizonOfTarget(target, period);
          const path = ['interventions', i, 'targets', j];
          if (horizon !== undefined) byHorizon.get(horizon)?.push(piece(doc, [...path, own(target, 'horizon') === undefined ? 'due' : 'horizon'], `target \`${idOf(target, path)}\``));
        }
      }
    }
    return HORIZONS.map((h) => any(byHorizon.get(h) ?? [], `no ${h}-term target`));
  },
  'committed-participants': ({ index }) => {
    const cb = coordinatingBody(index);
    if (cb === undefined) return [{ met: false, some: false, evidence: [], missing: 'no coordinating body in the framework' }];
    const attends = new Map<string, Piece>();
    for (const meeting of index.meetingsByBody.get(str(cb.body, 'id') ?? '') ?? []) {
      for (const [attendee, k] of itemsOf(meeting.data, 'attendees')) {
        const agency = str(attendee, 'agency');
        if (agency !== undefined && !attends.has(agency)) attends.set(agency, piece(meeting, ['attendees', k, 'agency'], `\`${agency}\` attends`));
      }
    }
    const leads = new Map<string, Piece>();
    for (const { doc, item, path } of interventions(index)) {
      const lead = str(item, 'lead');
      if (lead !== undefined && !leads.has(lead)) leads.set(lead, piece(doc, [...path, 'lead'], `\`${lead}\` leads \`${idOf(item, path)}\``));
    }
    const list = members(cb.body);
    const evidence = list.flatMap(([m]) => { const p = attends.get(m) ?? leads.get(m); return p === undefined ? [] : [p]; });
    const idle = list.filter(([m]) => !attends.has(m) && !leads.has(m)).map(([m]) => m);
    return [every(evidence, idle, list.length, 'the coordinating body has no members', 'members that neither attend nor lead an intervention')];
  },
  continuity: ({ index }) => {
    const evidence: Piece[] = [];
    let some = false;
    for (const entry of index.bodies.values()) {
      const meetings = index.meetingsByBody.get(entry.id) ?? [];
      if (meetings.length > 0) some = true;
      if (meetings.length >= 3) evidence.push(piece(entry.doc, [...entry.path, 'id'], `\`${entry.id}\`: ${meetings.length} meetings`));
    }
    return [evidence.length > 0 ? { met: true, some: true, evidence } : { met: false, some, evidence, missing: 'no coordination body has met three times' }];
  },
  'action-follow-up': ({ index }) => {
    const withActions = index.ofKind('meeting').filter((doc) => itemsOf(doc.data, 'actions').length > 0);
    return [any(withActions.map((doc) => piece(doc, { path: ['actions'], target: 'key' }, `meeting \`${doc.id ?? doc.file}\``)), 'no meeting with actions')];
  },
  barriers: ({ index }) => {
    const all = itemsOfKind(index, 'meeting', 'barriers');
    return ['system', 'practice'].map((level) =>
      any(all.filter(({ item }) => own(item, 'level') === level).map(({ doc, item, path }) => piece(doc, [...path, 'level'], `barrier \`${idOf(item, path)}\``)), `no barrier at \`${level}\` level`));
  },
  'case-studies': ({ index }) => {
    const all = itemsOfKind(index, 'meeting', 'case_reviews');
    return ['worked', 'did-not-work'].map((outcome) =>
      any(all.filter(({ item }) => own(item, 'outcome') === outcome).map(({ doc, item, path }) => piece(doc, [...path, 'outcome'], `case review \`${idOf(item, path)}\``)), `no case review with outcome \`${outcome}\``));
  },
  'survivors-and-perpetrators': ({ index }) => {
    const all = responsibilities(index);
    return ['survivor', 'perpetrator'].map((focus) =>
      any(all.filter(({ item }) => own(item, 'focus') === focus || own(item, 'focus') === 'both').map(({ doc, item, path }) => piece(doc, [...path, 'focus'], `\`${doc.id ?? doc.file}/${idOf(item, path)}\``)), `no responsibility with focus \`${focus}\``));
  },
  'all-forms-combined': ({ index }) => {
    const byForm = new Map<string, Piece>();
    for (const doc of index.ofKind('pathway')) {
      for (const [form, path] of listValues(doc.data, [], 'forms_of_violence')) if (!byForm.has(form)) byForm.set(form, piece(doc, path, `\`${form}\`: pathway \`${doc.id ?? doc.file}\``));
    }
    for (const { doc, item, path } of responsibilities(index)) {
      // most responsibilities name forms already seen: paths are made only for a new one
      const forms = own(item, 'forms_of_violence');
      if (typeof forms === 'string' ? byForm.has(forms) : Array.isArray(forms) && forms.every((f) => typeof f !== 'string' || byForm.has(f))) continue;
      for (const [form, p] of listValues(item, path, 'forms_of_violence')) if (!byForm.has(form)) byForm.set(form, piece(doc, p, `\`${form}\`: responsibility \`${doc.id ?? doc.file}/${idOf(item, path)}\``));
    }
    const declared = index.framework === undefined ? [] : listValues(index.framework.data, [], 'forms_of_violence').map(([f]) => f);
    const uncovered = declared.filter((f) => !byForm.has(f));
    const note = uncovered.length > 0 ? `; without a pathway or responsibility: ${names(uncovered)}` : '';
    return [atLeast([...byForm.values()], byForm.size, 3, `${byForm.size} of at least 3 forms of violence with a pathway or responsibility${note}`)];
  },
  'referral-networks': ({ index }) => {
    const involved = new Set<string>();
    const evidence: Piece[] = [];
    for (const entry of index.referrals.values()) {
      const from = entry.doc.id;
      const to = str(entry.value, 'to')?.split('/')[0];
      if (from === undefined || to === undefined || to === from || !index.agencies.has(to)) continue;
      if (!involved.has(from) || !involved.has(to)) evidence.push(piece(entry.doc, [...entry.path, 'to'], `\`${from}\` → \`${to}\``));
      involved.add(from);
      involved.add(to);
    }
    return [atLeast(evidence, involved.size, 3, `referrals between ${involved.size} of at least 3 agencies`)];
  },
  'non-ipv-voices': ({ index }) => {
    const memberIds = new Set<string>();
    for (const entry of index.bodies.values()) for (const m of asList(own(entry.value, 'members'))) if (typeof m === 'string') memberIds.add(m);
    const civil: Entry[] = [...memberIds].flatMap((m) => {
      const entry = index.agencies.get(m);
      const type = str(entry?.value, 'type');
      return entry !== undefined && (type === 'ngo' || type === 'community') ? [entry] : [];
    });
    const covering: Piece[] = [];
    for (const entry of civil) {
      const found = itemsOf(entry.doc.data, 'responsibilities').flatMap(([item, i]) =>
        listValues(item, ['responsibilities', i], 'forms_of_violence').filter(([f]) => f !== 'intimate-partner-violence'));
      const first = found[0];
      if (first !== undefined) covering.push(piece(entry.doc, first[1], `\`${entry.id}\`: \`${first[0]}\``));
    }
    return [
      any(civil.map((e) => piece(e.doc, ['type'], `\`${e.id}\` (${str(e.value, 'type') ?? ''})`)), 'no member agency of type `ngo` or `community`'),
      any(covering, civil.length === 0 ? 'no member agency of type `ngo` or `community`' : `no responsibility of ${names(civil.map((e) => e.id))} for a form other than \`intimate-partner-violence\``),
    ];
  },
  'ngo-expertise': ({ index }) => {
    const cb = coordinatingBody(index);
    const evidence = cb === undefined ? [] : members(cb.body).flatMap(([m, i]) => (str(index.agencies.get(m)?.value, 'type') === 'ngo' ? [piece(cb.doc, ['coordinating_body', 'members', i], `\`${m}\``)] : []));
    return [any(evidence, "no agency of type `ngo` among the coordinating body's members")];
  },
  'evaluate-coordination': ({ index }) => {
    const evaluations = itemsOfKind(index, 'plan', 'evaluations');
    const voiced = evaluations.filter(({ item }) => own(item, 'includes_survivor_voice') === true);
    if (voiced.length > 0) return [{ met: true, some: true, evidence: voiced.map(({ doc, item, path }) => piece(doc, [...path, 'includes_survivor_voice'], `evaluation \`${idOf(item, path)}\``)) }];
    return [{ met: false, some: evaluations.length > 0, evidence: [], missing: evaluations.length > 0 ? 'no evaluation with `includes_survivor_voice: true`' : 'no evaluation in a plan' }];
  },
};

/** `addresses:` pieces of interventions, responsibilities and meeting actions, by strategy id. */
export function addressesEvidence(index: SetIndex): Map<string, Piece[]> {
  const out = new Map<string, Piece[]>();
  // `what` is worded only for items that address something (most do not)
  const add = (doc: ProtocolDocument, item: Record<string, unknown>, path: Path, what: () => string) => {
    if (own(item, 'addresses') === undefined) return;
    const words = what();
    for (const [id, p] of listValues(item, path, 'addresses')) {
      let list = out.get(id);
      if (list === undefined) out.set(id, (list = []));
      list.push(piece(doc, p, words));
    }
  };
  for (const { doc, item, path } of interventions(index)) add(doc, item, path, () => `intervention \`${idOf(item, path)}\``);
  for (const { doc, item, path } of responsibilities(index)) add(doc, item, path, () => `responsibility \`${doc.id ?? doc.file}/${idOf(item, path)}\``);
  for (const { doc, item, path } of itemsOfKind(index, 'meeting', 'actions')) add(doc, item, path, () => `action \`${idOf(item, path)}\``);
  return out;
}
