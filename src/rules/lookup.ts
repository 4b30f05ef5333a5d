import type { Rule } from '../model/rule.js';

let registered: readonly Rule[] = [];

/**
 * Called by the registry (rules/index.ts) once its list is built, so that a rule can run other
 * rules by id (coverage/strategy runs meeting/* and referral/*) without importing the registry,
 * which imports it: an import cycle that breaks whichever module loads first.
 */
export function registerRules(rules: readonly Rule[]): void {
  registered = rules;
}

/** A registered rule by id, looked up at call time; undefined when it is not (yet) registered. */
export function registeredRule(id: string): Rule | undefined {
  return registered.find((rule) => rule.id === id);
}
