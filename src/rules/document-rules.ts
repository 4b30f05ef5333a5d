import { defineRule } from '../model/rule.js';

/** YAML that does not parse, duplicate keys, aliases past a safe count (reported while parsing). */
export const yamlSyntax = defineRule({
  id: 'yaml/syntax',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'YAML that does not parse, duplicate keys, aliases past a safe count, text that is not UTF-8',
  help: 'The frontmatter between the `---` lines must be valid YAML 1.2 in UTF-8, with each key once per mapping. Fix the syntax at the position shown.',
  messages: {},
});

/** Frontmatter with no `kind`, or an unknown one (reported while parsing). */
export const schemaKind = defineRule({
  id: 'schema/kind',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'Frontmatter with no `kind`, or an unknown one',
  help: 'Every protocol document starts with `kind:` (framework, definitions, agency, pathway, plan or meeting). Markdown without frontmatter is not a document and is skipped.',
  messages: {},
});

/** A document that does not match its kind's JSON Schema (reported while parsing). */
export const schemaShape = defineRule({
  id: 'schema/shape',
  scope: 'document',
  defaultSeverity: 'error',
  description: "A document that does not match its kind's JSON Schema",
  help: 'Each kind has a JSON Schema in `schemas/`. Unknown keys are errors (prefix extensions with `x-`); required keys must be present; values must have the right form.',
  messages: {},
});

/** A file that cannot be read (reported while reading). */
export const ioRead = defineRule({
  id: 'io/read',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'A file that cannot be read: unreadable, over the size limit, or a symbolic link that leaves the set or loops',
  help: 'Give protokit read permission, split very large files or raise `limits.maxFileSize`, and keep symbolic links inside the set.',
  messages: {},
});

/** An inline suppression that silences nothing (reported by the engine). */
export const suppressionUnused = defineRule({
  id: 'suppression/unused',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A `protokit-disable-next-line` comment that silences no finding on the next line',
  help: 'Remove suppressions that are no longer needed, so that they do not hide a later problem.',
  messages: {},
});
