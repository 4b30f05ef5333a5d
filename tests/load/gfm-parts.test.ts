import fc from 'fast-check';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { gfmMask, parseMarkdown } from '../../src/load/markdown.js';

/**
 * Handbooks parse each body with only the GFM constructs it can hold (`gfmMask`); the tree must be
 * the one remark-gfm (every construct) gives.
 */
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();

const AUTOLINK = 1;
const FOOTNOTE = 2;
const STRIKE = 4;
const TABLE = 8;
const TASK = 16;

describe('gfmMask', () => {
  it('finds nothing GFM in plain prose with directives', () => {
    expect(gfmMask('# Police\n\nStaff use :term[survivor] and :::audience{professions="a"}\ntext\n:::\n\n- one\n- two\n')).toBe(0);
  });

  it('sees each construct from the characters it needs, in any case', () => {
    expect(gfmMask('see WWW.example.org')).toBe(AUTOLINK);
    expect(gfmMask('see Https://example.org')).toBe(AUTOLINK);
    expect(gfmMask('write to a@b.example')).toBe(AUTOLINK);
    expect(gfmMask('a note[^1]')).toBe(FOOTNOTE);
    expect(gfmMask('~~old~~')).toBe(STRIKE);
    expect(gfmMask('| a |\n| - |')).toBe(TABLE);
    // a one-column table needs no pipe: a colon next to the dashes is enough
    expect(gfmMask('a\n:--')).toBe(TABLE);
    expect(gfmMask('a\n-- :')).toBe(TABLE);
    expect(gfmMask('- [ ] tick')).toBe(TASK);
    expect(gfmMask('- [X] tick')).toBe(TASK);
    expect(gfmMask('- [\t] tick')).toBe(TASK);
    expect(gfmMask('> 1. - [x] nested')).toBe(TASK);
    expect(gfmMask('-\n  [ ] on the next line')).toBe(TASK);
    expect(gfmMask('\uFEFF- [ ] after a byte order mark')).toBe(TASK);
    // (its `: -` could also start a table's delimiter row)
    expect(gfmMask('[^1]: - [ ] in a footnote definition')).toBe(FOOTNOTE | TABLE | TASK);
    expect(gfmMask('[^1]:\n    - [ ] in a footnote definition')).toBe(FOOTNOTE | TASK);
  });

  it('is not fooled by the characters of directives and ordinary punctuation', () => {
    expect(gfmMask(':::audience{professions="a"}\n:term[x] at 17:00 - 18:00, (note) [link](#x)')).toBe(0);
  });
});

describe('parseMarkdown with the GFM constructs a text can hold', () => {
  // the tree as JSON, or the error (the test run loads micromark's development builds, whose
  // assertions reject a few texts that GFM's task list items make of `*\n[ ] - [x]`)
  const outcome = (parse: () => unknown): string => {
    try {
      return JSON.stringify(parse());
    } catch (error) {
      return `error: ${String(error)}`;
    }
  };
  const same = (text: string): void => {
    const expected = outcome(() => reference.parse(text));
    expect(outcome(() => parseMarkdown(text))).toBe(expected);
    expect(outcome(() => parseMarkdown(text, { allGfm: true }))).toBe(expected);
  };

  it('gives remark-gfm tree for one-column tables without pipes, and near misses of every construct', () => {
    for (const text of ['a\n:--\nb', 'a\n--:\n', 'a\n:-:\n', 'a\n---\n', 'a\n- :\n', '[ ]', '- [x]', '- [\n] x', 'www', 'www.', 'http:/x', 'https://', '@', 'a@b', '~x~', '[^]', '[^x]: y\n\n[^x]', '---\nk: 1\n---\na\n:--', '\uFEFF- [ ] t', '[^1]: - [ ] t\n\n[^1]', '[^1]:\n    - [x] t']) same(text);
  });

  const atoms = ['\uFEFF', '[^1]: ', '- [x] ', '* [ ]', '\n[ ] ', '|', ':', '-', ':-', '-:', ' ', '\t', '\n', 'a', 'W', 'w', 'www.', 'WWW.', 'h', 'http://', 'HTTPS://', 'x.org', '@', 'b.co', '~', '~~', '[', ']', '^', '[^1]', '[^1]: n', '[ ]', '[x]', '[X]', '- ', '1. ', '> ', '`', '*', '_', '\\', ':term[x]', ':::audience{professions="a"}', ':::', '#', '<b>', '&amp;'];
  it('gives remark-gfm tree for random texts of GFM-ish pieces (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength: 40 }), fc.boolean(), (parts, frontmatter) => {
        same((frontmatter ? '---\nk: 1\n---\n' : '') + parts.join(''));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  // the table construct gives up early when the next line cannot be a delimiter row (markdown.ts
  // `quickTable`): rows, delimiter rows and near misses, in containers, lazy and not, any line ending
  const tableAtoms = ['| a | b |', 'a | b', '|', '| - |', '|---|---|', '--|--', '- | -', ':-: | -:', '-', ':', ' ', '   ', '    ', '\t', '\n', '\r\n', '\r', '\n\n', '> ', '>', '- ', '* ', '1. ', '2) ', '[^1]: ', 'a', 'b c', '\\|', '`|`', '---', '===', '#', '```', ':::audience{professions="a"}', ':::', ':term[x]', '<div>', '\u2028'];
  it('gives remark-gfm tree for random texts of table pieces, containers and line endings (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tableAtoms), { minLength: 1, maxLength: 50 }), fc.boolean(), (parts, frontmatter) => {
        same((frontmatter ? '---\nk: 1\n---\n' : '') + parts.join(''));
      }),
      { numRuns: 4000, seed: 11 },
    );
  });

  it('gives remark-gfm tree for tables in lists, quotes and after paragraphs', () => {
    for (const text of ['para\n| a | b |\n| - | - |\n| 1 | 2 |\n', '- a | b\n  - | -\n  c | d\n', '> a | b\n> --|--\n> c\n', '> a | b\n--|--\n', 'a | b\n- | -\n', 'a\n\n| x |\n|:-:|\r\n| y |\r\n', '1. | a |\n   | - |\n2. b\n', 'a | b\r--|--\rc | d']) same(text);
  });
});
