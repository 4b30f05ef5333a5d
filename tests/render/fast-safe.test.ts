import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import { afterEach, describe, expect, it } from 'vitest';
import { HandbookBuilder, RenderIndex, translatorFor } from '../../src/render/index.js';
import { SetIndex } from '../../src/check/set-index.js';
import { protocolDocuments } from '../../src/check/run-rules.js';
import { keptResults, setMaxKept } from '../../src/render/fast-safe.js';
import { proseRoot, setFastSafe, stringifyMarkdown } from '../../src/render/prose-markdown.js';
import { BASIC, SPANISH, VALDORIA, loadWithTrees, tempDir } from './render-helpers.js';
import { generateSet } from '../helpers/generate.js';

/**
 * The Markdown handbooks are written with a faster `safe` (src/render/fast-safe.ts) that must give
 * exactly the text of mdast-util-to-markdown's own.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

afterEach(() => setFastSafe(true));

/** The tree written with the library's `safe`, then with the fast one. */
function both(root: Root): [string, string] {
  setFastSafe(false);
  const library = stringifyMarkdown(root);
  setFastSafe(true);
  return [library, stringifyMarkdown(root)];
}

describe('the fast safe of the Markdown writer', () => {
  it('writes the body prose of every handbook of the example sets and of a generated set exactly as the library does', () => {
    const generated = join(tempDir('protokit-fast-safe-'), 'set');
    generateSet(generated, { agencies: 25, defects: 25, seed: 'fast-safe' });
    let handbooks = 0;
    for (const dir of [BASIC, SPANISH, VALDORIA, join(ROOT, 'protocols/draft'), generated]) {
      const files = loadWithTrees(dir);
      const rindex = new RenderIndex(new SetIndex(protocolDocuments(files)), files);
      const builder = new HandbookBuilder(rindex, translatorFor('en'));
      for (const profession of rindex.professions) {
        for (const section of builder.build(profession.id).prose) {
          const [library, fast] = both(proseRoot(section, builder.t));
          expect(fast).toBe(library);
        }
        handbooks++;
      }
    }
    expect(handbooks).toBeGreaterThan(20);
  });

  const pieces = ['a', 'word ', ' ', '  ', '\t', '\n', '\r\n', '*', '_', '__', '`', '~', '#', '# ', '+', '-', '- ', '1.', '2)', '!', '[', ']', '(', ')', '<', '>', '&', '&amp;', '\\', '\\*', '|', ':', '@', 'www.x.org', 'https://x.y', '=', '"', "'", '^', '{', '}', '\u0000', '\u001f', '\u00a0', 'é', '—'];
  const textArb = fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 12 }).map((p) => p.join(''));
  const phrasing: fc.Arbitrary<PhrasingContent> = fc.oneof(
    textArb.map((value): PhrasingContent => ({ type: 'text', value })),
    textArb.map((value): PhrasingContent => ({ type: 'strong', children: [{ type: 'text', value }] })),
    textArb.map((value): PhrasingContent => ({ type: 'emphasis', children: [{ type: 'text', value }] })),
    textArb.map((value): PhrasingContent => ({ type: 'inlineCode', value })),
    fc.tuple(textArb, textArb).map(([value, url]): PhrasingContent => ({ type: 'link', url, title: null, children: [{ type: 'text', value }] })),
    fc.constantFrom(1, 2, 12).map((n): PhrasingContent => ({ type: 'footnoteReference', identifier: String(n), label: String(n) })),
  );
  const inline = fc.array(phrasing, { minLength: 1, maxLength: 6 });
  const block: fc.Arbitrary<RootContent> = fc.oneof(
    inline.map((children): RootContent => ({ type: 'paragraph', children })),
    fc.tuple(fc.constantFrom(1, 2, 3, 4, 5, 6) as fc.Arbitrary<1 | 2 | 3 | 4 | 5 | 6>, inline).map(([depth, children]): RootContent => ({ type: 'heading', depth, children })),
    fc.array(inline, { minLength: 1, maxLength: 3 }).map((items): RootContent => ({ type: 'list', ordered: false, spread: false, children: items.map((children) => ({ type: 'listItem', spread: false, checked: false, children: [{ type: 'paragraph', children }] })) })),
    fc.array(inline, { minLength: 2, maxLength: 4 }).map((cells): RootContent => ({ type: 'table', align: cells.map(() => null), children: [{ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }, { type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) }] })),
    inline.map((children): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children }] })),
    inline.map((children): RootContent => ({ type: 'footnoteDefinition', identifier: '1', label: '1', children: [{ type: 'paragraph', children }] })),
  );

  it('writes random trees of Markdown-special text in every construct exactly as the library does (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 5 }), (children) => {
        const [library, fast] = both({ type: 'root', children });
        expect(fast).toBe(library);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  it('keeps at most its bound of results, then starts again, and still writes what the library writes', () => {
    const { max } = keptResults();
    setMaxKept(40);
    try {
      // 150 distinct texts (each in two contexts), written twice: the bound is reached several times
      const root: Root = {
        type: 'root',
        children: Array.from({ length: 150 }, (_, i): RootContent => ({ type: 'paragraph', children: [{ type: 'text', value: `${i}. item ${i} *` }, { type: 'strong', children: [{ type: 'text', value: `#${i}_` }] }] })),
      };
      const [library, fast] = both(root);
      expect(fast).toBe(library);
      expect(fast).toContain('149\\. item 149 \\*');
      expect(keptResults().kept).toBeLessThanOrEqual(40);
      expect(keptResults().kept).toBeGreaterThan(0);
      expect(stringifyMarkdown(root)).toBe(library);
      expect(keptResults().kept).toBeLessThanOrEqual(40);
    } finally {
      setMaxKept(max);
    }
  });

  it('still escapes what would read as Markdown', () => {
    const [, fast] = both({ type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: '*not emphasis* and 1. not a list | a \\ back' }] }] });
    expect(fast).toBe('\\*not emphasis\\* and 1. not a list | a \\ back\n');
  });
});
