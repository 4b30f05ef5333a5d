import type { Registry, SetIndex } from '../check/set-index.js';
import { defineRule } from '../model/rule.js';

/** The registries whose ids must be unique, with the word for what they hold. */
function uniqueRegistries(index: SetIndex): [string, Registry][] {
  const out: [string, Registry][] = [];
  for (const [kind, registry] of index.documentIds) out.push([`${kind} document`, registry]);
  out.push(
    ['role', index.roles],
    ['service', index.services],
    ['responsibility', index.responsibilities],
    ['referral', index.referrals],
    ['step', index.steps],
    ['shared term', index.terms],
    ['agency term', index.agencyTerms],
    ['legal instrument', index.legal],
    ['profession', index.professions],
    ['coordination body', index.bodies],
    ['intervention', index.interventions],
    ['indicator', index.indicators],
    ['target', index.targets],
    ['evaluation', index.evaluations],
    ['meeting action', index.actions],
    ['barrier', index.barriers],
  );
  return out;
}

/** An id defined twice where it must be unique. */
export const refDuplicateId = defineRule({
  id: 'ref/duplicate-id',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'An id defined twice where it must be unique',
  help: 'Ids are unique per kind in the set (roles, services and responsibilities within their agency, steps within their pathway). References cannot tell two definitions apart: rename one.',
  messages: {
    duplicate: 'The {{what}} id `{{id}}` is already defined in {{first}}: rename one of them',
  },
  examples: {
    invalid: `# agencies/central-hospital.md (excerpt): two roles with the id nurse
roles:
  - { id: nurse, title: Emergency department nurse, profession: health-worker }
  - { id: nurse, title: Sexual assault nurse examiner, profession: health-worker }`,
    valid: `roles:
  - { id: emergency-nurse, title: Emergency department nurse, profession: health-worker }
  - { id: sexual-assault-nurse, title: Sexual assault nurse examiner, profession: health-worker }`,
  },
  check({ index, report }) {
    for (const [what, registry] of uniqueRegistries(index)) {
      for (const { key, entry } of registry.duplicates) {
        const first = registry.get(key);
        if (first === undefined) continue;
        report({
          doc: entry.doc,
          at: idPath(entry.path),
          messageId: 'duplicate',
          data: { what, id: entry.id, first: first.doc.file },
          related: [{ doc: first.doc, at: idPath(first.path), message: 'First defined here' }],
        });
      }
    }
  },
});

/** The path of an entry's `id` value. */
function idPath(path: readonly (string | number)[]): readonly (string | number)[] {
  return path[path.length - 1] === 'id' ? path : [...path, 'id'];
}
