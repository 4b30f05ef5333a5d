import type { Nodes, Root, RootContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/load/markdown.js';
import { withoutPositions } from '../../src/load/tree.js';
import { renderHandbooks } from '../../src/render/index.js';
import { cleanNodes, type CleanOptions } from '../../src/render/prose.js';
import { BASIC, loadWithTrees, readAll, tempDir, VALDORIA } from './render-helpers.js';

/** Cleaning for a handbook (src/render/prose.ts `cleanNodes`) copies only what it changes. */

const OPTIONS: CleanOptions = {
  target: 'md',
  shift: 2,
  minDepth: 4,
  term: (id) => (id === 'survivor' ? { text: 'survivor', anchor: 'term-survivor' } : undefined),
  redact: (text) => text.replaceAll('12 Hidden Lane', '[confidential address]'),
  original: () => undefined,
};

/** A body as handbooks keep it: positions on top-level nodes only. */
function body(markdown: string): RootContent[] {
  return withoutPositions(parseMarkdown(markdown, { gfm: true })).children;
}

function walk(nodes: readonly Nodes[], visit: (node: Nodes) => void): void {
  for (const node of nodes) {
    visit(node);
    if ('children' in node) walk(node.children as Nodes[], visit);
  }
}

describe('cleanNodes', () => {
  it('keeps the nodes nothing changes, and copies every node on the way to a change', () => {
    const [first, second] = body('Plain *words* and a list:\n\n- one\n- two at 12 Hidden Lane\n');
    const [paragraph, list] = cleanNodes([first as RootContent, second as RootContent], OPTIONS) as [Nodes, Nodes];
    // a top-level node keeps a position in the tree: it is copied, its unchanged children are not
    expect(paragraph).not.toBe(first);
    expect(paragraph.position).toBeUndefined();
    expect((paragraph as { children: Nodes[] }).children).toEqual((first as { children: Nodes[] }).children);
    (paragraph as { children: Nodes[] }).children.forEach((child, i) => expect(child).toBe((first as { children: Nodes[] }).children[i]));
    // the first item has nothing to redact; the second is copied down to its text
    const items = (list as { children: Nodes[] }).children;
    const original = (second as { children: Nodes[] }).children;
    expect(items[0]).toBe(original[0]);
    expect(items[1]).not.toBe(original[1]);
    expect(JSON.stringify(items[1])).toContain('two at [confidential address]');
    expect(JSON.stringify(original[1])).toContain('two at 12 Hidden Lane');
  });

  it('copies a node with data, a shifted heading, a term use and an unsafe link, and leaves no position in what it gives', () => {
    const nodes = body('# Title\n\nA :term[survivor] and [a link](javascript:alert(1)) here.\n\n> quoted text\n');
    const withData = { type: 'paragraph', data: { hName: 'aside' }, children: [{ type: 'text', value: 'x' }] } as RootContent;
    const cleaned = cleanNodes([...nodes, withData], OPTIONS);
    expect(cleaned[0]).toEqual({ type: 'heading', depth: 4, children: [{ type: 'text', value: 'Title' }] });
    expect(cleaned[1]).toEqual({ type: 'paragraph', children: [{ type: 'text', value: 'A ' }, { type: 'text', value: 'survivor' }, { type: 'text', value: ' and ' }, { type: 'text', value: 'a link' }, { type: 'text', value: ' here.' }] });
    expect(cleaned[3]).toEqual({ type: 'paragraph', children: [{ type: 'text', value: 'x' }] });
    walk(cleaned as Nodes[], (node) => {
      expect(node.position).toBeUndefined();
      expect((node as { data?: unknown }).data).toBeUndefined();
    });
  });
});

describe('rendering', () => {
  it('changes none of the trees it reads (cleaned handbooks share their unchanged nodes)', async () => {
    for (const set of [VALDORIA, BASIC]) {
      const files = loadWithTrees(set);
      const before = files.map((file) => structuredClone(file.tree) as Root | undefined);
      expect(before.filter((tree) => tree !== undefined).length).toBeGreaterThan(0);
      const first = tempDir();
      await renderHandbooks({ files, out: first, formats: ['md', 'html'] });
      expect(files.map((file) => file.tree)).toEqual(before);
      // a second render from the same trees writes the same handbooks as the first
      const second = tempDir();
      await renderHandbooks({ files, out: second, formats: ['md', 'html'] });
      expect(readAll(second)).toEqual(readAll(first));
    }
  });
});
