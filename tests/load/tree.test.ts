import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/load/parse-file.js';
import { wantsTree, withTree } from '../../src/load/tree.js';

/** Handbooks need the GFM trees of agency bodies and of bodies with audience containers, and no others. */

const parse = (name: string, text: string) => parseFile(name, new TextEncoder().encode(text));

describe('withTree', () => {
  it('adds the GFM tree of an agency body, and keeps the facts of the check path', () => {
    const file = parse('a.md', '---\nkind: agency\nid: a\n---\n# A\n\n| x | y |\n| - | - |\n| 1 | 2 |\n');
    expect(wantsTree(file)).toBe(true);
    const tree = withTree(file).tree;
    expect(tree?.children.map((c) => c.type)).toEqual(['yaml', 'heading', 'table']);
    expect(withTree(file).body).toBe(file.body);
  });

  it('adds a tree to any document with an audience container', () => {
    const file = parse('m.md', '---\nkind: meeting\nid: m\n---\n:::audience{professions="nurse"}\nFor nurses.\n:::\n');
    expect(file.body.audiences).toHaveLength(1);
    expect(withTree(file).tree?.children.map((c) => c.type)).toEqual(['yaml', 'containerDirective']);
  });

  it('leaves other bodies without a tree', () => {
    const meeting = parse('m.md', '---\nkind: meeting\nid: m\n---\n# Minutes\n\nNothing for handbooks.\n');
    const notes = parse('README.md', '# Notes\n');
    expect(wantsTree(meeting)).toBe(false);
    expect(withTree(meeting).tree).toBeUndefined();
    expect(withTree(notes).tree).toBeUndefined();
  });
});
