import type { Root, RootContent } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { protocolDocuments } from '../../src/check/run-rules.js';
import { SetIndex } from '../../src/check/set-index.js';
import { BODY_SCHEMA, bodyToHtml, nodeHtml } from '../../src/render/body-html.js';
import { HandbookBuilder, RenderIndex, translatorFor } from '../../src/render/index.js';
import { useGeneratedSet } from '../helpers/generate.js';
import { BASIC, loadWithTrees, SPANISH, VALDORIA } from './render-helpers.js';

/**
 * Body HTML hands remark-rehype an empty root and puts the node in through its root handler, so
 * that mdast-util-to-hast does not walk each node for definitions that cleaned nodes never hold:
 * the HTML must be what the library's own pipeline gives for the node.
 */
const library = unified().use(remarkRehype).use(rehypeSanitize, BODY_SCHEMA).use(rehypeStringify).freeze();
const expected = (node: RootContent): string => library.stringify(library.runSync({ type: 'root', children: [node] } satisfies Root));

const generated = useGeneratedSet({ agencies: 10, seed: 'body-html' });

/** Every cleaned HTML node of every handbook of a set. */
function htmlNodes(dir: string): RootContent[] {
  const files = loadWithTrees(dir);
  const rindex = new RenderIndex(new SetIndex(protocolDocuments(files)), files);
  const builder = new HandbookBuilder(rindex, translatorFor('en'));
  return rindex.professions.flatMap((p) => builder.build(p.id).prose.flatMap((s) => s.blocks.flatMap((b) => b.htmlNodes)));
}

describe('bodyToHtml', () => {
  it('gives the library pipeline HTML for every body node of the example, fixture and generated sets', () => {
    const nodes = [...htmlNodes(VALDORIA), ...htmlNodes(BASIC), ...htmlNodes(SPANISH), ...htmlNodes(generated())];
    expect(nodes.length).toBeGreaterThan(200);
    const types = new Set<string>();
    for (const node of nodes) {
      types.add(node.type);
      expect(nodeHtml(node)).toBe(expected(node));
    }
    // headings, paragraphs, lists and tables at least, and glossary links inside them
    expect([...types].sort()).toEqual(expect.arrayContaining(['heading', 'list', 'paragraph', 'table']));
    expect(nodes.some((node) => nodeHtml(node).includes('class="term"'))).toBe(true);
  });

  it('gives the library pipeline HTML for hand-made nodes of every kind cleaning leaves', () => {
    const nodes: RootContent[] = [
      { type: 'paragraph', children: [{ type: 'text', value: 'a <b> & "c"' }, { type: 'emphasis', children: [{ type: 'text', value: 'e' }] }, { type: 'strong', children: [{ type: 'text', value: 's' }] }, { type: 'delete', children: [{ type: 'text', value: 'd' }] }, { type: 'inlineCode', value: 'x < y' }, { type: 'break' }] },
      { type: 'paragraph', children: [{ type: 'link', url: 'https://example.org/a?b=c&d', title: 'T', children: [{ type: 'text', value: 'l' }] }, { type: 'link', url: '#term-consent', title: null, children: [{ type: 'text', value: 'consent' }], data: { hProperties: { className: ['term'] } } }] },
      { type: 'code', lang: 'js', meta: null, value: 'let a = "<x>";' },
      { type: 'blockquote', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'q' }] }] },
      { type: 'list', ordered: true, start: 3, spread: false, children: [{ type: 'listItem', spread: false, checked: true, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'done' }] }] }, { type: 'listItem', spread: true, checked: null, children: [{ type: 'paragraph', children: [{ type: 'text', value: 'open' }] }] }] },
      { type: 'table', align: ['left', 'center', null], children: [{ type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: 'h' }] }, { type: 'tableCell', children: [] }, { type: 'tableCell', children: [{ type: 'text', value: '|' }] }] }, { type: 'tableRow', children: [{ type: 'tableCell', children: [{ type: 'text', value: '1' }] }] }] },
      { type: 'heading', depth: 4, children: [{ type: 'text', value: 'H' }] },
      { type: 'thematicBreak' },
      { type: 'paragraph', children: [] },
    ];
    for (const node of nodes) expect(nodeHtml(node)).toBe(expected(node));
    expect(bodyToHtml(nodes)).toBe(nodes.map((node) => expected(node)).filter((html) => html !== '').map((html) => `${html}\n`).join(''));
  });
});
