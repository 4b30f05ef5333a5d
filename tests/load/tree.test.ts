import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/load/parse-file.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { parseForHandbooks, wantsTree, withTree } from '../../src/load/tree.js';

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

  it('keeps of any other document with an audience container its title and outermost containers only', () => {
    const text = '---\nkind: meeting\nid: m\n---\n# Minutes\n\nSaid.\n\n- item\n\n  :::audience{professions="nurse"}\n  For nurses.\n\n  ::::audience{professions="judge"}\n  Inner.\n  ::::\n  :::\n\n:::audience{professions="judge"}\nFor judges.\n:::\n';
    const file = parse('m.md', text);
    expect(file.body.audiences).toHaveLength(3);
    const tree = withTree(file).tree;
    expect(tree?.children.map((c) => c.type)).toEqual(['heading', 'containerDirective', 'containerDirective']);
    expect(tree?.children.map((c) => c.position?.start.line)).toEqual([5, 11, 19]);
    const loaded = parseForHandbooks('m.md', new TextEncoder().encode(text), DEFAULT_LIMITS);
    expect(JSON.stringify(loaded.tree)).toBe(JSON.stringify(tree));
    expect(loaded.body.audiences).toHaveLength(3);
  });

  it('parses an agency once for render, the whole tree kept', () => {
    const text = '---\nkind: agency\nid: a\n---\n# A\n\nText with :term[consent].\n';
    const loaded = parseForHandbooks('a.md', new TextEncoder().encode(text), DEFAULT_LIMITS);
    expect(loaded.tree?.children.map((c) => c.type)).toEqual(['yaml', 'heading', 'paragraph']);
    expect(loaded.body.terms.map((t) => t.id)).toEqual(['consent']);
  });

  it('leaves other bodies without a tree', () => {
    const meeting = parse('m.md', '---\nkind: meeting\nid: m\n---\n# Minutes\n\nNothing for handbooks.\n');
    const notes = parse('README.md', '# Notes\n');
    expect(wantsTree(meeting)).toBe(false);
    expect(withTree(meeting).tree).toBeUndefined();
    expect(parseForHandbooks('m.md', new TextEncoder().encode(meeting.text), DEFAULT_LIMITS).tree).toBeUndefined();
    expect(withTree(notes).tree).toBeUndefined();
  });
});
