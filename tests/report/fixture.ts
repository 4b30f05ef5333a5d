import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import type { ReportContext } from '../../src/report/reporter.js';

/** A message with every character some format must escape: % , : newline < & ]]> and backticks. */
export const TRICKY_MESSAGE = 'Step `triage,intake:1` refers to `<risk & safety>` (100% of cases)\nand to `x]]>y`: define it or fix the reference';

const DV_MESSAGE = 'Term `DV` is used but not defined: add it to the glossary';

/** The findings every reporter test renders: two files, errors and warnings, sorted as the core sorts them. */
export const diagnostics: readonly Diagnostic[] = [
  {
    ruleId: 'ref/duplicate-id',
    severity: 'error',
    message: 'Agency id `police` is also used by `agencies/shelter.md`: rename one of them',
    file: 'agencies/police.md',
    range: { start: { line: 3, column: 5 }, end: { line: 3, column: 11 } },
    path: ['id'],
    related: [
      {
        file: 'agencies/shelter.md',
        range: { start: { line: 3, column: 5 }, end: { line: 3, column: 11 } },
        message: 'The other agency with id `police`',
      },
    ],
  },
  {
    ruleId: 'terms/undefined',
    severity: 'warning',
    message: DV_MESSAGE,
    file: 'agencies/police.md',
    range: { start: { line: 7, column: 3 }, end: { line: 7, column: 20 } },
  },
  {
    ruleId: 'ref/unknown',
    severity: 'error',
    message: TRICKY_MESSAGE,
    file: 'pathways/first contact.md',
    range: { start: { line: 12, column: 9 }, end: { line: 13, column: 4 } },
    path: ['steps', 0, 'next'],
  },
  {
    ruleId: 'terms/undefined',
    severity: 'warning',
    message: DV_MESSAGE,
    file: 'pathways/first contact.md',
    range: { start: { line: 20, column: 1 }, end: { line: 20, column: 8 } },
  },
  {
    ruleId: 'terms/undefined',
    severity: 'warning',
    message: DV_MESSAGE,
    file: 'pathways/first contact.md',
    range: { start: { line: 24, column: 1 }, end: { line: 24, column: 8 } },
  },
];

/** The context of those findings; `agencies/shelter.md` is clean. */
export const context: ReportContext = {
  color: false,
  rules: [
    {
      id: 'ref/unknown',
      defaultSeverity: 'error',
      description: 'A reference to an id that no document of the set defines',
      help: 'Every reference must name an id defined in the set: fix the spelling or add the missing document',
    },
    { id: 'ref/duplicate-id', defaultSeverity: 'error', description: 'Two documents of the same kind share an id' },
    { id: 'terms/undefined', defaultSeverity: 'warning', description: 'A term used in prose but not defined in a glossary' },
  ],
  version: '9.8.7',
  cwd: '/work/set',
  files: ['agencies/police.md', 'agencies/shelter.md', 'pathways/first contact.md'],
};

/** The literal expected output of a reporter over the fixture, from `tests/report/expected/`. */
export function expected(name: string): string {
  return readFileSync(new URL(`./expected/${name}`, import.meta.url), 'utf8');
}
