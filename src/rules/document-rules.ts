import { defineRule } from '../model/rule.js';

/** YAML that does not parse, duplicate keys, aliases past a safe count (reported while parsing). */
export const yamlSyntax = defineRule({
  id: 'yaml/syntax',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'Frontmatter that is not valid YAML: a syntax error, a key written twice, too many aliases (`*name`), or text that is not UTF-8',
  help: 'The frontmatter between the `---` lines must be valid YAML 1.2 in UTF-8, with each key once per mapping. Common causes are text holding `: ` without quotes (put it in double quotes), a tab used for indentation, and a key written twice. Fix the syntax at the position shown.',
  messages: {},
  examples: {
    invalid: `# agencies/safe-haven-shelter.md: a colon followed by a space starts a new key,
# so the eligibility text breaks the YAML
kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo
services:
  - id: emergency-accommodation
    name: Emergency accommodation
    eligibility: Women and their children: no referral or proof of address needed`,
    valid: `# text with a colon in it is quoted
kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo
services:
  - id: emergency-accommodation
    name: Emergency accommodation
    eligibility: "Women and their children: no referral or proof of address needed"`,
  },
});

/** Frontmatter with no `kind`, or an unknown one (reported while parsing). */
export const schemaKind = defineRule({
  id: 'schema/kind',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'Frontmatter with no `kind`, or an unknown one',
  help: 'Every protocol document starts with `kind:` (framework, definitions, agency, pathway, plan or meeting). Markdown without frontmatter is not a document and is skipped.',
  messages: {},
  examples: {
    invalid: `# agencies/safe-haven-shelter.md
kind: agencey
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo`,
    valid: `kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo`,
  },
});

/** A document that does not match its kind's JSON Schema (reported while parsing). */
export const schemaShape = defineRule({
  id: 'schema/shape',
  scope: 'document',
  defaultSeverity: 'error',
  description: "A document that does not match its kind's JSON Schema: an unknown or misspelt key, a missing required key, or a value of the wrong form",
  help: 'Each kind has a JSON Schema in `schemas/`. Unknown keys are errors (prefix extensions with `x-`); required keys must be present; values must have the right form.',
  messages: {},
  examples: {
    invalid: `# agencies/safe-haven-shelter.md: accept_from is not a key of a service, and type is missing
kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
confidential_location: true
services:
  - id: emergency-accommodation
    name: Emergency accommodation
    accept_from: [any]`,
    valid: `kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo
confidential_location: true
services:
  - id: emergency-accommodation
    name: Emergency accommodation
    accepts_from: [any]`,
  },
});

/** A file that cannot be read (reported while reading). */
export const ioRead = defineRule({
  id: 'io/read',
  scope: 'document',
  defaultSeverity: 'error',
  description: 'A file that cannot be read: unreadable, over the size limit, or a symbolic link that leaves the set or loops',
  help: 'Give protokit read permission, split very large files or raise `limits.maxFileSize`, and keep symbolic links inside the set.',
  messages: {},
  examples: {
    invalid: `# protokit.config.yaml
# annexes/prevalence-survey-2025.md holds 12 MB of survey tables, over the 5 MB
# default limit, and agencies/shelter.md is a symbolic link to a file outside the
# set: neither is read
limits: { maxFileSize: 5242880 }`,
    valid: `# protokit.config.yaml
# the survey tables are not a protocol document: leave them out of the set
# (agencies/shelter.md is now a copy inside the set, not a link out of it)
ignore: ['annexes/**']
# or, to read a large file, raise the limit (in bytes)
limits: { maxFileSize: 16777216 }`,
  },
});

/** An inline suppression that silences nothing (reported by the engine). */
export const suppressionUnused = defineRule({
  id: 'suppression/unused',
  scope: 'document',
  defaultSeverity: 'warning',
  description: 'A `protokit-disable-next-line` comment that silences no finding on the next line',
  help: 'Remove suppressions that are no longer needed, so that they do not hide a later problem.',
  messages: {},
  examples: {
    invalid: `---
kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo
---
# Admission

<!-- protokit-disable-next-line definitions/avoid -->
Every survivor is offered a safety plan on the day she arrives.`,
    valid: `---
kind: agency
id: safe-haven-shelter
name: Safe Haven Women's Shelter
sector: shelter
type: ngo
---
# Admission

Every survivor is offered a safety plan on the day she arrives.`,
  },
});
