import type { Rule } from '../model/rule.js';
import { ioRead, schemaKind, schemaShape, suppressionUnused, yamlSyntax } from './document-rules.js';
import { refDuplicateId } from './ref-duplicate-id.js';
import { refUnknown } from './ref-unknown.js';
import { setFramework } from './set-framework.js';

/** Every rule of protokit, in the order of FORMAT.md §3 (the registry). */
export const RULES: readonly Rule[] = [
  yamlSyntax,
  schemaKind,
  schemaShape,
  setFramework,
  refUnknown,
  refDuplicateId,
  // consistency rules (FORMAT.md §3) are registered below
  ioRead,
  suppressionUnused,
] as readonly Rule[];

/** The rules that `validate` runs: those of the per-document stage. */
export function validateRules(rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((rule) => rule.checkOnly !== true);
}

/** A rule by id. */
export function ruleById(id: string): Rule | undefined {
  return RULES.find((rule) => rule.id === id);
}
