import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, TREE_PACKAGES } from '../../src/load/markdown.js';
import { modules } from '../../src/vendor/tree-deps.js';
import { generateSet } from '../helpers/generate.js';

/**
 * The build bundles the libraries that parse bodies into trees (src/vendor/tree-deps.ts) into
 * dist/vendor/tree-deps.cjs, which the built markdown.ts loads instead of the packages, with the
 * performance patch of scripts/vendor-patches.mjs applied: the trees must be the packages' own.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE = join(ROOT, 'dist/vendor/tree-deps.cjs');

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? markdownFiles(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : []));
}

/** Bodies with every GFM construct, directives, a frontmatter, and what tables read around them. */
const TEXTS = [
  '---\nkind: agency\nid: a\n---\n\n# Police\n\n| step | lead |\n| :- | -: |\n| call | duty officer |\n\nSee www.example.org or help@example.org[^1].\n\n[^1]: ~~old~~ new\n\n- [ ] tick\n- [x] done\n',
  ':::audience{professions="police-officer"}\nText with :term[survivor] and ::leaf\n:::\n\npara\n| a |\n| - |\n',
  '> | quoted |\n> | --- |\n> | cell |\n\n1. one\n   | in | list |\n   | -- | ---- |\n',
  // what the handlers read with `sliceSerialize`, each from a different tokenizer: directive
  // names and attributes (quoted, unquoted, with references, #id and .class), autolinks,
  // footnote labels, code fences' info, references and entities
  '::::audience{#a .b professions="police-officer nurse" note=x&amp;y}\n:::audience{professions=\'judge\'}\n::leaf[label *em*]{k="v &copy;"}\n:::\n::::\n\nA :term[survivor]{lang=en} at 17:00, <https://example.org> and https://www.example.org/x?y=1.\n\n```js title="x"\ncode\n```\n\n[ref][Label] and ![img](a.png "t") &amp; &#35; [^note]\n\n[label]: https://example.org "title"\n[^note]: A *note* with `code`.\n\n* a\n\n  b\n* c\n\n1) one\n2) two\n\nSetext\n===\n\n> quote\nlazy\n',
];

describe('the tree libraries bundle', () => {
  it('holds each package markdown.ts loads, by its name', () => {
    expect(Object.keys(modules).sort()).toEqual([...TREE_PACKAGES].sort());
    for (const name of TREE_PACKAGES) expect(Object.keys(modules[name] ?? {}).length, name).toBeGreaterThan(0);
  });

  it('is what the built markdown.ts parses with, and gives the trees the packages give', async () => {
    // (npm test builds first)
    expect(existsSync(BUNDLE)).toBe(true);
    const built = (await import(new URL('../../dist/load/markdown.js', import.meta.url).href)) as typeof import('../../src/load/markdown.js');
    const texts = [...markdownFiles(join(ROOT, 'protocols')).map((file) => readFileSync(file, 'utf8')), ...TEXTS];
    expect(texts.length).toBeGreaterThan(TEXTS.length);
    for (const text of texts) {
      expect(built.parseMarkdown(text, { gfm: true }), text.slice(0, 60)).toEqual(parseMarkdown(text, { gfm: true }));
      expect(built.parseMarkdown(text, { gfm: true, allGfm: true }), text.slice(0, 60)).toEqual(parseMarkdown(text, { gfm: true, allGfm: true }));
      expect(built.parseMarkdown(text, { gfm: false }), text.slice(0, 60)).toEqual(parseMarkdown(text, { gfm: false }));
    }
    expect(Object.keys(createRequire(import.meta.url).cache)).toContain(BUNDLE);
  });

  it("holds the patches, and gives the packages' trees on a generated set", async () => {
    // the patches are there (else the comparisons here compare the libraries with themselves)
    const bundle = readFileSync(BUNDLE, 'utf8');
    expect(bundle).toContain('handler[events[index][1].type].call(handlerContext, events[index][1])');
    expect(bundle).not.toMatch(/handler\[events\[index\]\[1\]\.type\]\.call\(\{/);
    expect(bundle).toContain('while (jumps.has(index)) index = jumps.get(index);');
    expect(bundle).not.toContain('index in jumps');
    const built = (await import(new URL('../../dist/load/markdown.js', import.meta.url).href)) as typeof import('../../src/load/markdown.js');
    const generated = join(mkdtempSync(join(tmpdir(), 'protokit-bundle-')), 'set');
    try {
      generateSet(generated, { agencies: 25, defects: 25, seed: 'tree-bundle' });
      const files = markdownFiles(generated);
      expect(files.length).toBeGreaterThan(40);
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        expect(built.parseMarkdown(text, { gfm: true }), file).toEqual(parseMarkdown(text, { gfm: true }));
      }
    } finally {
      rmSync(join(generated, '..'), { recursive: true, force: true });
    }
  });
});
