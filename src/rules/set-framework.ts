import { compareStrings } from '../model/diagnostic.js';
import { defineRule } from '../model/rule.js';
import { primaryFramework } from '../check/set-index.js';
import { str } from '../util/data.js';

export { primaryFramework };

/** A set holds exactly one framework. */
export const setFramework = defineRule({
  id: 'set/framework',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'A set with no framework document, or with more than one',
  help: 'The framework ties the agencies together (professions, coordinating body, legal basis). A set holds exactly one; when it holds several, the adopted one (else the first by path) is kept and the others are reported: merge them into it or remove them.',
  messages: {
    missing: 'The set has no `framework` document: add one (kind: framework) that names the coordinating body, professions and legal basis',
    extra: 'A second `framework` document: a set holds exactly one, so merge it into {{first}}{{why}} or remove it',
  },
  examples: {
    invalid: `# framework.md (excerpt)
kind: framework
id: national-protocol-2026
title: National Protocol for a Coordinated Response to Violence against Women
status: adopted
---
# framework-2028-draft.md (excerpt): a second framework in the same set
kind: framework
id: national-protocol-2028
title: National Protocol (revision draft)
status: draft`,
    valid: `# framework.md (excerpt): the only framework of the set; the 2028 revision is drafted
# in another folder (or one listed under ignore in protokit.config.yaml)
kind: framework
id: national-protocol-2026
title: National Protocol for a Coordinated Response to Violence against Women
status: adopted`,
  },
  check({ index, documents, report }) {
    const frameworks = index.frameworks;
    if (frameworks.length === 0) {
      const first = documents[0];
      if (first !== undefined) report({ doc: first, at: ['kind'], messageId: 'missing' });
      return;
    }
    const kept = primaryFramework(frameworks);
    if (kept === undefined) return;
    const adopted = str(kept.data, 'status') === 'adopted';
    for (const doc of [...frameworks].sort((a, b) => compareStrings(a.file, b.file))) {
      if (doc === kept) continue;
      report({
        doc,
        at: ['kind'],
        messageId: 'extra',
        data: { first: kept.file, why: adopted ? ' (the adopted one)' : '' },
        related: [{ doc: kept, at: ['kind'], message: adopted ? 'The adopted framework, kept' : 'The first framework, kept' }],
      });
    }
  },
});
