import type { Entry } from '../check/set-index.js';
import type { Path } from '../model/diagnostic.js';
import { defineRule } from '../model/rule.js';
import { asList, itemsOf, own, str } from '../util/data.js';

/** Where a shared term writes a name: its `term` or one of its `aliases`. */
interface SharedName {
  entry: Entry;
  path: Path;
}

/** An agency's own term that defines a shared term again (same id, term or alias). */
export const definitionsRedefined = defineRule({
  id: 'definitions/redefined',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'An agency document whose `terms` define again a term (same id, term or alias) of the shared definitions',
  help: "The shared definitions give every agency the same words for the same things. An agency may add terms of its own, but not give a shared term (its id, its term or one of its aliases) a meaning of its own: remove the agency's term and use the shared one, or rename it.",
  messages: {
    id: 'The agency term id `{{value}}` is the id of the shared term `{{shared}}` ({{file}}): remove this term and use the shared one, or give it another id',
    name: 'The agency term `{{value}}` repeats {{what}} of the shared term `{{shared}}` ({{file}}): remove this term and use the shared one, or rename it',
  },
  examples: {
    invalid: `# definitions/shared-definitions.md (excerpt)
terms:
  - { id: survivor, term: survivor, definition: A woman or girl who has experienced violence., avoid: [victim] }
---
# agencies/central-hospital.md (excerpt): survivor again, with a meaning of its own
terms:
  - { id: patient-survivor, term: survivor, definition: A patient who discloses violence at the emergency department. }`,
    valid: `# agencies/central-hospital.md (excerpt): the shared survivor is used as it is;
# the hospital defines only its own words
terms:
  - { id: sane, term: SANE, definition: Sexual assault nurse examiner. }`,
  },
  check({ index, report }) {
    // shared terms' names (term and aliases), case-insensitive, first definition wins
    const names = new Map<string, SharedName>();
    for (const entry of index.terms.values()) {
      const term = str(entry.value, 'term');
      if (term !== undefined && !names.has(term.toLowerCase())) names.set(term.toLowerCase(), { entry, path: [...entry.path, 'term'] });
      asList(own(entry.value, 'aliases')).forEach((alias, k) => {
        if (typeof alias === 'string' && alias !== '' && !names.has(alias.toLowerCase())) names.set(alias.toLowerCase(), { entry, path: [...entry.path, 'aliases', k] });
      });
    }
    if (index.terms.size === 0) return;
    for (const doc of index.ofKind('agency')) {
      for (const [term, i] of itemsOf(doc.data, 'terms')) {
        const base = ['terms', i];
        const id = str(term, 'id');
        const sameId = id === undefined ? undefined : index.terms.get(id);
        if (id !== undefined && sameId !== undefined) {
          report({ doc, at: [...base, 'id'], messageId: 'id', data: { value: id, shared: sameId.id, file: sameId.doc.file }, related: [{ doc: sameId.doc, at: [...sameId.path, 'id'], message: `The shared term \`${sameId.id}\`` }] });
          continue;
        }
        // the term, then each alias
        const candidates: [string, Path][] = [];
        const name = str(term, 'term');
        if (name !== undefined) candidates.push([name, [...base, 'term']]);
        asList(own(term, 'aliases')).forEach((alias, k) => {
          if (typeof alias === 'string' && alias !== '') candidates.push([alias, [...base, 'aliases', k]]);
        });
        for (const [value, path] of candidates) {
          const shared = names.get(value.toLowerCase());
          if (shared === undefined) continue;
          const what = shared.path[shared.path.length - 1] === 'term' ? 'the term' : 'an alias';
          report({ doc, at: path, messageId: 'name', data: { value, what, shared: shared.entry.id, file: shared.entry.doc.file }, related: [{ doc: shared.entry.doc, at: shared.path, message: `The shared term \`${shared.entry.id}\`` }] });
          break;
        }
      }
    }
  },
});
