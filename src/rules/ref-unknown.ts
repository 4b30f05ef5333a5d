import type { Registry, SetIndex } from '../check/set-index.js';
import { referenceKey, referencesOf, type Namespace } from '../check/references.js';
import { STRATEGY_IDS } from '../coverage/strategies.js';
import { termRange } from '../model/document.js';
import { defineRule } from '../model/rule.js';
import { nearest } from '../util/suggest.js';

const WORDS: Record<Namespace, string> = {
  agency: 'agency',
  role: 'role',
  service: 'service',
  step: 'pathway step',
  term: 'term',
  legal: 'legal instrument',
  profession: 'profession',
  body: 'coordination body',
  indicator: 'indicator',
  action: 'meeting action',
  strategy: 'coordination strategy',
  barrier: 'barrier',
};

const WHERE: Record<Namespace, string> = {
  agency: 'an agency document',
  role: "the agency's `roles`",
  service: "the agency's `services`",
  step: "the pathway's `steps`",
  term: 'a definitions document',
  legal: "the framework's `legal_basis`",
  profession: "the framework's `professions`",
  body: "the framework's `coordinating_body` or `bodies`",
  indicator: "the plan's `indicators`",
  action: "a meeting's `actions`",
  strategy: 'the coordination strategies (`protokit coverage` lists them)',
  barrier: "this meeting's `barriers`",
};

/** Candidate keys of a namespace, and whether the key exists. */
function lookup(index: SetIndex, namespace: Namespace): { has(key: string): boolean; keys(): Iterable<string> } {
  const registries: Partial<Record<Namespace, Registry>> = {
    agency: index.agencies,
    role: index.roles,
    service: index.services,
    step: index.steps,
    legal: index.legal,
    profession: index.professions,
    body: index.bodies,
    indicator: index.indicators,
    action: index.actions,
    barrier: index.barriers,
  };
  const registry = registries[namespace];
  if (registry !== undefined) return registry;
  if (namespace === 'strategy') return { has: (k) => STRATEGY_IDS.has(k), keys: () => STRATEGY_IDS };
  // terms: the shared glossary and the agencies' own terms
  const agencyTermIds = new Set<string>();
  for (const key of index.agencyTerms.keys()) agencyTermIds.add(key.slice(key.indexOf('/') + 1));
  return {
    has: (k) => index.terms.has(k) || agencyTermIds.has(k),
    keys: () => [...index.terms.keys(), ...agencyTermIds],
  };
}

/** For `a/b` references: suggest within the right parent when the parent exists. */
function suggestion(key: string, candidates: Iterable<string>, prefix: string | undefined): string | undefined {
  const slash = key.indexOf('/');
  if (slash !== -1) {
    const parent = key.slice(0, slash + 1);
    const siblings = [...candidates].filter((c) => c.startsWith(parent));
    if (siblings.length > 0) {
      const best = nearest(key, siblings);
      if (best !== undefined) return prefix === undefined ? best : best.slice(parent.length);
      return undefined;
    }
  }
  const best = nearest(key, candidates);
  if (best === undefined) return undefined;
  return prefix !== undefined && best.startsWith(`${prefix}/`) ? best.slice(prefix.length + 1) : best;
}

/** A reference that resolves to nothing. */
export const refUnknown = defineRule({
  id: 'ref/unknown',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A reference (agency, role, service, step, term, legal instrument, indicator, action, strategy, profession) that resolves to nothing',
  help: 'Every id that a document uses must be defined in the set. The message suggests the nearest existing id: fix the spelling, or add the missing definition.',
  messages: {
    unknown: '`{{value}}` is not a known {{what}}: use an id defined in {{where}}{{hint}}',
  },
  examples: {
    invalid: `# agencies/national-police.md (excerpt): central-hospital's service is forensic-examination
referrals:
  - id: refer-forensic
    to: central-hospital/forensic-exam
    from_role: first-responder
    consent: required`,
    valid: `referrals:
  - id: refer-forensic
    to: central-hospital/forensic-examination
    from_role: first-responder
    consent: required`,
  },
  check({ index, documents, report }) {
    const cache = new Map<Namespace, ReturnType<typeof lookup>>();
    const candidates = new Map<Namespace, string[]>();
    const table = (namespace: Namespace) => {
      let t = cache.get(namespace);
      if (t === undefined) cache.set(namespace, (t = lookup(index, namespace)));
      return t;
    };
    const hintFor = (namespace: Namespace, key: string, prefix: string | undefined): string => {
      let list = candidates.get(namespace);
      if (list === undefined) candidates.set(namespace, (list = [...table(namespace).keys()]));
      const best = suggestion(key, prefix === undefined ? list : list.filter((c) => c.startsWith(`${prefix}/`)), prefix);
      return best === undefined ? '' : `; did you mean \`${best}\`?`;
    };
    for (const doc of documents) {
      for (const reference of referencesOf(doc)) {
        if (reference.allow?.includes(reference.value) === true) continue;
        const key = referenceKey(reference);
        if (table(reference.namespace).has(key)) continue;
        report({
          doc,
          at: reference.path,
          messageId: 'unknown',
          data: { value: reference.value, what: WORDS[reference.namespace], where: WHERE[reference.namespace], hint: hintFor(reference.namespace, key, reference.prefix) },
        });
      }
      for (const use of doc.body.terms) {
        if (table('term').has(use.id)) continue;
        report({ doc, at: { range: termRange(use) }, messageId: 'unknown', data: { value: use.id, what: WORDS.term, where: WHERE.term, hint: hintFor('term', use.id, undefined) } });
      }
      for (const audience of doc.body.audiences) {
        for (const [i, profession] of audience.professions.entries()) {
          if (index.professions.has(profession)) continue;
          report({ doc, at: { range: audience.professionRanges[i] ?? audience.openRange }, messageId: 'unknown', data: { value: profession, what: WORDS.profession, where: WHERE.profession, hint: hintFor('profession', profession, undefined) } });
        }
      }
    }
  },
});
