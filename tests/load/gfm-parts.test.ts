import fc from 'fast-check';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findFrontmatter, gfmMask, parseMarkdown, tableIslands } from '../../src/load/markdown.js';
import { useGeneratedSet } from '../helpers/generate.js';

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
  /** Random texts of `atoms`, with a frontmatter before them or not, give remark-gfm's tree. */
  const sameForRandomTexts = (atoms: readonly string[], maxLength: number, seed: number): void => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength }), fc.boolean(), (parts, frontmatter) => {
        same((frontmatter ? '---\nk: 1\n---\n' : '') + parts.join(''));
      }),
      { numRuns: 4000, seed },
    );
  };
  it('gives remark-gfm tree for random texts of table pieces, containers and line endings (fast-check)', () => {
    sameForRandomTexts(tableAtoms, 50, 11);
  });

  it('gives remark-gfm tree for tables in lists, quotes and after paragraphs', () => {
    for (const text of ['para\n| a | b |\n| - | - |\n| 1 | 2 |\n', '- a | b\n  - | -\n  c | d\n', '> a | b\n> --|--\n> c\n', '> a | b\n--|--\n', 'a | b\n- | -\n', 'a\n\n| x |\n|:-:|\r\n| y |\r\n', '1. | a |\n   | - |\n2. b\n', 'a | b\r--|--\rc | d']) same(text);
  });

  // tables are parsed only where one can be: in a paragraph or heading that the parse without
  // tables reads from a possible delimiter row (markdown.ts `tableIslands`); elsewhere, or when
  // the part parsed again could go on past that paragraph, the whole text is parsed with tables
  it('gives remark-gfm tree where the table ends and something else goes on past its paragraph', () => {
    for (const text of [
      '| a |\n| - |\n2. foo\n\n   bar\n',
      '| a |\n| - |\n    code\n\n    more\n',
      '| a |\n| - |\n===\n',
      '| a |\n| - |\n---\n',
      '| a |\n| - |\n***\n| b |\n| - |\n',
      'x\n| a |\n| - |\n| 1 |\n\ny',
      '| a |\n| - |\n<div>\n\nz',
      '| a |\n| - |\n> q\nlazy',
      '| a |\n| - |\n- i\n\n  j',
      'a | b\n--|--\nc  \n',
      'a | b\n--|--\nc\\\n',
      '| [x] |\n| - |\n\n[x]: /u',
      '# T\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n\n- one\n- two\n',
      ':::audience{professions="a"}\n| a |\n| - |\n:::\n',
      '```\n| a |\n| - |\n```\n',
      '| [a\\]b] |\n| - |\n\n> - [a\\]b]: /u\n',
      '| [a b] |\n| - |\n\n[a\nb]: /u\n',
      // read alone, `   -` is an empty list item; after indented code, micromark reads it as a paragraph
      '    | a | b |\n\n   -\r\n| a | b |',
      // after a frontmatter that is not one, micromark reads `>` as part of the paragraph
      '---\nk: 1\n------[| a | b |\n| - | - |\n>\r\nb -}:',
      'x\n| - | - |\n>\nb',
    ]) {
      same(text);
      // a body after a frontmatter is parsed alone, and its tables where they can be
      same(`---\nk: 1\n---\n${text}`);
    }
  });

  const islandAtoms = [...tableAtoms, '2. ', '***', '~~~', '<!-- x -->', '[x]', '[x]: /u', '*a*', '<http://a.b>', '\n\n   ', '\n    '];
  it('gives remark-gfm tree for random texts of table pieces next to every kind of block (fast-check)', () => {
    sameForRandomTexts(islandAtoms, 60, 23);
  });
});

describe('tableIslands', () => {
  const generated = useGeneratedSet({ agencies: 12, seed: 'islands' });
  const bodies = (dir: string): string[] => {
    const out: string[] = [];
    for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!name.endsWith('.md')) continue;
      const text = readFileSync(join(dir, name), 'utf8');
      const matter = findFrontmatter(text);
      out.push(matter === undefined ? text : text.slice(matter.bodyStart));
    }
    return out;
  };

  it('parses the tables of the example and generated sets where they are, with the tree remark-gfm gives', () => {
    const root = join(import.meta.dirname, '../../protocols');
    const withTables = [...bodies(root), ...bodies(generated())].filter((body) => (gfmMask(body) & TABLE) !== 0 && (gfmMask(body) & FOOTNOTE) === 0);
    let tables = 0;
    for (const body of withTables) {
      const tree = tableIslands(body, gfmMask(body));
      expect(tree).toBeDefined();
      expect(JSON.stringify(tree)).toBe(JSON.stringify(reference.parse(body)));
      tables += tree?.children.filter((node) => node.type === 'table').length ?? 0;
    }
    // every agency of the generated set holds a table of its services
    expect(tables).toBeGreaterThanOrEqual(12);
  });

  it('gives up where a table could be inside another block, or a cell could use a link definition', () => {
    // a quote after the table's paragraph is left as it is
    expect(tableIslands('x\n| - | - |\n> q\n', TABLE)?.children.map((n) => n.type)).toEqual(['paragraph', 'blockquote']);
    expect(tableIslands('- a | b\n  --|--\n', TABLE)).toBeUndefined();
    expect(tableIslands('> a | b\n> --|--\n', TABLE)).toBeUndefined();
    expect(tableIslands('| [x] |\n| - |\n\n[x]: /u\n', TABLE)).toBeUndefined();
    expect(tableIslands('| [a\\]b] |\n| - |\n\n> - [a\\]b]: /u\n', TABLE)).toBeUndefined();
    expect(tableIslands('| [a b] |\n| - |\n\n[a\nb]: /u\n', TABLE)).toBeUndefined();
    // (`:term[x]:` in prose is not one)
    expect(tableIslands('- :term[x]: y\n\n| a |\n| - |\n', TABLE)?.children.map((n) => n.type)).toEqual(['list', 'table']);
    // the first line read alone is not what it is after indented code
    expect(tableIslands('    | a | b |\n\n   -\r\n| a | b |', TABLE)).toBeUndefined();
    // a list after the table could take in what follows the paragraph
    expect(tableIslands('| a |\n| - |\n2. foo\n\n   bar\n', TABLE)).toBeUndefined();
    expect(tableIslands('| a |\n| - |\n| 1 |\n\ntext\n', TABLE)?.children.map((n) => n.type)).toEqual(['table', 'paragraph']);
  });
});

