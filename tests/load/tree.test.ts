import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { loadSetParallel } from '../../src/load/parallel.js';
import { parseForHandbooks, wantsTree } from '../../src/load/tree.js';

/** Handbooks need the GFM trees of agency bodies and of bodies with audience containers, and no others. */

const load = (name: string, text: string) => parseForHandbooks(name, new TextEncoder().encode(text), DEFAULT_LIMITS);

describe('parseForHandbooks', () => {
  it('parses an agency once, with GFM: the whole tree kept, and the body facts from it', () => {
    const loaded = load('a.md', '---\nkind: agency\nid: a\n---\n# A\n\nText with :term[consent].\n\n| x | y |\n| - | - |\n| 1 | 2 |\n');
    expect(wantsTree(loaded)).toBe(true);
    expect(loaded.tree?.children.map((c) => c.type)).toEqual(['yaml', 'heading', 'paragraph', 'table']);
    expect(loaded.body.terms.map((t) => t.id)).toEqual(['consent']);
    // one prose run per table cell: the facts come from the GFM tree
    expect(loaded.body.prose.map((r) => loaded.text.slice(r.start, r.end))).toEqual(['A', 'Text with ', 'consent', '.', 'x', 'y', '1', '2']);
  });

  it('keeps of any other document with an audience container its title and outermost containers only', () => {
    const text = '---\nkind: meeting\nid: m\n---\n# Minutes\n\nSaid.\n\n- item\n\n  :::audience{professions="nurse"}\n  For nurses.\n\n  ::::audience{professions="judge"}\n  Inner.\n  ::::\n  :::\n\n:::audience{professions="judge"}\nFor judges.\n:::\n';
    const loaded = load('m.md', text);
    expect(loaded.body.audiences).toHaveLength(3);
    expect(loaded.tree?.children.map((c) => c.type)).toEqual(['heading', 'containerDirective', 'containerDirective']);
    expect(loaded.tree?.children.map((c) => c.position?.start.line)).toEqual([5, 11, 19]);
  });

  it('keeps only the positions handbooks read: top-level nodes, audience containers and text directives', () => {
    const loaded = load('a.md', '---\nkind: agency\nid: a\n---\n# A\n\nOpen at 17:00 with *care* and :term[consent].\n\n- item\n\n  :::audience{professions="nurse"}\n  For **nurses**.\n  :::\n');
    const tree = loaded.tree;
    expect(tree?.children.map((c) => c.position?.start.line)).toEqual([1, 5, 7, 9]);
    const paragraph = tree?.children[2] as { children: { type: string; position?: { start: { offset?: number } } }[] };
    expect(paragraph.children.map((c) => [c.type, c.position?.start.offset])).toEqual([
      ['text', undefined],
      ['textDirective', 42],
      ['text', undefined],
      ['emphasis', undefined],
      ['text', undefined],
      ['textDirective', 62],
      ['text', undefined],
    ]);
    // the offsets of text directives are the file's: `:00` is printed as written from them
    expect(loaded.text.slice(42, 45)).toBe(':00');
    expect(loaded.text.slice(62, 67)).toBe(':term');
    const container = (tree?.children[3] as { children: { children: { type: string; position?: { start: { line: number } }; children: { position?: unknown }[] }[] }[] }).children[0]?.children[1];
    expect(container?.type).toBe('containerDirective');
    expect(container?.position?.start.line).toBe(11);
    expect(container?.children[0]?.position).toBeUndefined();
  });

  it('keeps no tree of other bodies', () => {
    const meeting = load('m.md', '---\nkind: meeting\nid: m\n---\n# Minutes\n\nNothing for handbooks.\n');
    expect(wantsTree(meeting)).toBe(false);
    expect(meeting.tree).toBeUndefined();
    expect(meeting.body.prose.length).toBeGreaterThan(0);
    expect(load('README.md', '# Notes\n').tree).toBeUndefined();
  });

  it('is never mixed with the cache of the check path (its facts come from GFM trees)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokit-tree-'));
    try {
      writeFileSync(join(dir, 'a.md'), '---\nkind: agency\nid: a\n---\n| x | y |\n| - | - |\n| 1 | 2 |\n');
      const cache = join(dir, 'cache');
      const parsed: string[] = [];
      const onParse = (file: string): number => parsed.push(file);
      const files = await loadSetParallel({ paths: [dir], base: dir, limits: DEFAULT_LIMITS, keepTree: true, cache, jobs: 1, onParse });
      expect(files[0]?.tree?.children.map((c) => c.type)).toEqual(['yaml', 'table']);
      expect(existsSync(cache)).toBe(true);
      // check does not take render's entry (nor render check's): each parses once, then both are warm
      const checked = await loadSetParallel({ paths: [dir], base: dir, limits: DEFAULT_LIMITS, cache, jobs: 1, onParse });
      expect(checked[0]?.tree).toBeUndefined();
      expect(parsed).toEqual(['a.md', 'a.md']);
      const again = await loadSetParallel({ paths: [dir], base: dir, limits: DEFAULT_LIMITS, keepTree: true, cache, jobs: 1, onParse });
      await loadSetParallel({ paths: [dir], base: dir, limits: DEFAULT_LIMITS, cache, jobs: 1, onParse });
      expect(parsed).toEqual(['a.md', 'a.md']);
      expect(again).toEqual(files);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
