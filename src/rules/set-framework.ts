import { defineRule } from '../model/rule.js';

/** A set holds exactly one framework. */
export const setFramework = defineRule({
  id: 'set/framework',
  scope: 'set',
  defaultSeverity: 'error',
  checkOnly: true,
  description: 'Not exactly one framework in the set',
  help: 'The framework ties the agencies together (professions, coordinating body, legal basis). A set holds exactly one; merge or remove the others.',
  messages: {
    missing: 'The set has no `framework` document: add one (kind: framework) that names the coordinating body, professions and legal basis',
    extra: 'A second `framework` document: a set holds exactly one, so merge it into {{first}} or remove it',
  },
  check({ index, documents, report }) {
    const frameworks = index.frameworks;
    if (frameworks.length === 0) {
      const first = documents[0];
      if (first !== undefined) report({ doc: first, at: ['kind'], messageId: 'missing' });
      return;
    }
    const [first, ...rest] = frameworks;
    if (first === undefined) return;
    for (const doc of rest) {
      report({ doc, at: ['kind'], messageId: 'extra', data: { first: first.file }, related: [{ doc: first, at: ['kind'], message: 'The first framework' }] });
    }
  },
});
