import { describe, expect, it } from 'vitest';
import { stylish } from '../../src/report/stylish.js';
import { context, diagnostics, expected } from './fixture.js';

const E = '\u001b[';

describe('stylish', () => {
  it('groups findings by file, without colour', () => {
    expect(stylish(diagnostics, context)).toBe(expected('stylish.txt'));
  });

  it('paints file names, positions, severities and the summary with colour', () => {
    expect(stylish(diagnostics, { ...context, color: true })).toBe(
      [
        '',
        `${E}4magencies/police.md${E}0m`,
        `  ${E}2m3:5${E}0m  ${E}31merror  ${E}0m  Agency id \`police\` is also used by \`agencies/shelter.md\`: rename one of them  ${E}2mref/duplicate-id${E}0m`,
        `                ${E}2m↳ The other agency with id \`police\`: agencies/shelter.md:3:5${E}0m`,
        `  ${E}2m7:3${E}0m  ${E}33mwarning${E}0m  Term \`DV\` is used but not defined: add it to the glossary  ${E}2mterms/undefined${E}0m`,
        '',
        `${E}4mpathways/first contact.md${E}0m`,
        `  ${E}2m12:9${E}0m  ${E}31merror  ${E}0m  Step \`triage,intake:1\` refers to \`<risk & safety>\` (100% of cases)\nand to \`x]]>y\`: define it or fix the reference  ${E}2mref/unknown${E}0m`,
        `  ${E}2m20:1${E}0m  ${E}33mwarning${E}0m  Term \`DV\` is used but not defined: add it to the glossary  ${E}2mterms/undefined${E}0m`,
        `  ${E}2m24:1${E}0m  ${E}33mwarning${E}0m  Term \`DV\` is used but not defined: add it to the glossary  ${E}2mterms/undefined${E}0m`,
        '',
        `${E}31;1m✖ 5 problems (2 errors, 3 warnings)${E}0m`,
        '',
      ].join('\n'),
    );
  });

  it('writes a yellow summary with singular nouns when there is one warning only', () => {
    const warning = diagnostics.filter((d) => d.severity === 'warning').slice(0, 1);
    expect(stylish(warning, { ...context, color: true })).toBe(
      `\n${E}4magencies/police.md${E}0m\n  ${E}2m7:3${E}0m  ${E}33mwarning${E}0m  Term \`DV\` is used but not defined: add it to the glossary  ${E}2mterms/undefined${E}0m\n\n${E}33;1m✖ 1 problem (0 errors, 1 warning)${E}0m\n`,
    );
  });

  it('says "1 error" for a single error', () => {
    expect(stylish(diagnostics.slice(0, 1), context)).toBe(
      '\nagencies/police.md\n' +
        '  3:5  error  Agency id `police` is also used by `agencies/shelter.md`: rename one of them  ref/duplicate-id\n' +
        '              ↳ The other agency with id `police`: agencies/shelter.md:3:5\n' +
        '\n✖ 1 problem (1 error, 0 warnings)\n',
    );
  });

  it('writes nothing for a clean set', () => {
    expect(stylish([], context)).toBe('');
  });
});
