import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { findFrontmatter, parseMarkdown } from '../../src/load/markdown.js';
import { markdownFiles } from '../helpers/files.js';
import { useGeneratedSet } from '../helpers/generate.js';

/**
 * The check path finds the frontmatter itself and parses only the body with micromark; the tree
 * must be exactly the one that remark-parse + remark-frontmatter + remark-directive give.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const reference = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkDirective).freeze();
const referenceGfm = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkDirective).freeze();
const generated = useGeneratedSet({ agencies: 25, defects: 25, seed: 'markdown' });

function same(text: string): void {
  expect(JSON.stringify(parseMarkdown(text, { gfm: false }))).toBe(JSON.stringify(reference.parse(text)));
  // handbooks parse the body alone too, with GFM
  expect(JSON.stringify(parseMarkdown(text, { gfm: true }))).toBe(JSON.stringify(referenceGfm.parse(text)));
}


describe('parseMarkdown (body only, with and without GFM)', () => {
  it('gives the reference tree for every file of a generated set with defects, and of the fixtures', () => {
    const files = [...markdownFiles(generated()), ...markdownFiles(join(ROOT, 'tests/fixtures'))];
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) same(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  });

  const heads = ['---\nkind: x\n---', '---  \nkind: x\n---\t ', '---\n---', '---\n\n---', '---\r\nk: 1\r\n---', '---\rk: 1\r---', '---\nk: 1\n--- x\n---', '---\nk: 1\n----\n---', '---\nno close', '---x\n---', '--- \t\na:\n  - b\n---', '---\n\n\nk: 1\n\n---', '-- \n---', ''];
  const bodies = ['', '\n', '\n\n', 'x', '\nx', '\n\n# H\n', '\n---\n', '\n---\nfoo: 1\n---\n', '\n\ttab\n', '\r\ntext\r\n', '\rtext', '\n:::audience{professions="a b"}\nx :term[y]\n:::\n', '\n   \n', '\n\uFEFFbom\n', '\n> q\n', ' \n', '\n    code\n', '\n[a]: /url\n[a]\n'];
  it('gives the reference tree for odd fences, line endings and bodies', () => {
    for (const head of heads) for (const body of bodies) same(head + body);
  });

  it('gives the reference tree for random texts', () => {
    let seed = 42;
    const random = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const atoms = ['|', '| a | b |\n| - | - |\n', '~~', 'www.x.org', 'a@b.co', '[^1]', '[^1]: n', '- [ ] t', 'https://x.y', '-', '---', '\n', '\r\n', '\r', ' ', '\t', ':', ':::', '#', '>', '*', '`', '```', '[', ']', 'a', 'b ', '{', '}', '<!--', '-->', '<div>', '\\', '&amp;', '1.', '    ', '=', '_', ':term[x]', ':::audience{professions="a"}', '\uFEFF', '[a]: /u'];
    for (let k = 0; k < 3000; k++) {
      let text = random() < 0.8 ? '---' : '';
      const n = 1 + Math.floor(random() * 30);
      for (let i = 0; i < n; i++) text += atoms[Math.floor(random() * atoms.length)];
      if (random() < 0.5) text = `---\nk: 1\n---${text}`;
      same(text);
    }
  });

  it('finds the frontmatter as micromark does', () => {
    expect(findFrontmatter('---\na: 1\n---\nbody')).toMatchObject({ value: 'a: 1', fenceEnd: 12, endLine: 3, endColumn: 4, bodyStart: 13, bodyLine: 4 });
    expect(findFrontmatter('---\r\na: 1\r\n--- \r\n')).toMatchObject({ value: 'a: 1', bodyStart: 17, bodyLine: 4 });
    expect(findFrontmatter('---\n---')).toMatchObject({ value: '', fenceEnd: 7, bodyStart: 7, bodyLine: 2 });
    expect(findFrontmatter('---\na: 1\n')).toBeUndefined();
    expect(findFrontmatter('--- x\n---\n')).toBeUndefined();
    expect(findFrontmatter('# title\n')).toBeUndefined();
  });

  it('still parses GFM for handbooks', () => {
    const tree = parseMarkdown('---\na: 1\n---\n| a | b |\n| - | - |\n| 1 | 2 |\n');
    expect(tree.children.map((c) => c.type)).toEqual(['yaml', 'table']);
  });
});
