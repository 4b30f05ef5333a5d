import { proseRuns } from '../../src/model/document.js';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import { loadSetParallel } from '../../src/load/parallel.js';
import { parseFile } from '../../src/load/parse-file.js';
import { audiencesOnly, parseForHandbooks, wantsTree, withoutPositions } from '../../src/load/tree.js';
import { generateSet } from '../helpers/generate.js';

/** Handbooks need the GFM trees of agency bodies and of bodies with audience containers, and no others. */

const load = (name: string, text: string) => parseForHandbooks(name, new TextEncoder().encode(text), DEFAULT_LIMITS);

describe('parseForHandbooks', () => {
  it('parses an agency once, with GFM: the whole tree kept, and the body facts from it', () => {
    const loaded = load('a.md', '---\nkind: agency\nid: a\n---\n# A\n\nText with :term[consent].\n\n| x | y |\n| - | - |\n| 1 | 2 |\n');
    expect(wantsTree(loaded)).toBe(true);
    expect(loaded.tree?.children.map((c) => c.type)).toEqual(['yaml', 'heading', 'paragraph', 'table']);
    expect(loaded.body.terms.map((t) => t.id)).toEqual(['consent']);
    // one prose run per table cell: the facts come from the GFM tree
    expect([...proseRuns(loaded.body.prose)].map((r) => loaded.text.slice(r.start, r.end))).toEqual(['A', 'Text with ', 'consent', '.', 'x', 'y', '1', '2']);
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

  it('reads of other bodies only their audience containers when no rule reads the set, and never so into a cache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'protokit-tree-'));
    try {
      writeFileSync(join(dir, 'm.md'), '---\nkind: meeting\nid: m\n---\n# Minutes\n\nAgreed :term[consent].\n\n:::audience{professions="nurse"}\nFor nurses.\n:::\n');
      const base = { paths: [dir], base: dir, limits: DEFAULT_LIMITS, keepTree: true, jobs: 1 } as const;
      const all = await loadSetParallel(base);
      const only = await loadSetParallel({ ...base, noRules: true });
      expect(all[0]?.body.terms.map((t) => t.id)).toEqual(['consent']);
      expect(only[0]?.body).toEqual({ terms: [], audiences: all[0]?.body.audiences, prose: [] });
      expect(only[0]?.tree).toEqual(all[0]?.tree);
      // a cache keeps what the rules read, whoever writes it
      const cached = await loadSetParallel({ ...base, noRules: true, cache: join(dir, 'cache') });
      expect(cached[0]?.body).toEqual(all[0]?.body);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
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

/** What handbooks read of a document that is not an agency's, from a parse of its whole body with GFM. */
function wholeBodyTree(name: string, bytes: Uint8Array): unknown {
  const file = parseFile(name, bytes, { limits: DEFAULT_LIMITS, keepTree: true });
  return file.tree === undefined || !wantsTree(file) ? undefined : withoutPositions(audiencesOnly(file.tree));
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path));
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

describe('the title and audience containers of other documents, parsed alone', () => {
  const root = fileURLToPath(new URL('../../', import.meta.url));

  it('give the tree of the whole body on the example sets, the fixtures, the robustness corpus and a generated set', () => {
    const generated = join(mkdtempSync(join(tmpdir(), 'protokit-tree-')), 'set');
    try {
      generateSet(generated, { agencies: 25, defects: 25, seed: 'audience-tree' });
      let compared = 0;
      for (const dir of [join(root, 'protocols'), join(root, 'tests/fixtures'), join(root, 'tests/robustness/corpus'), generated]) {
        for (const path of markdownFiles(dir)) {
          const bytes = readFileSync(path);
          const loaded = parseForHandbooks(path, bytes, DEFAULT_LIMITS);
          if (loaded.kind === 'agency') continue;
          expect(loaded.tree, path).toEqual(wholeBodyTree(path, bytes));
          // render --force: the containers found from the flow events alone
          expect(parseForHandbooks(path, bytes, DEFAULT_LIMITS, { noRules: true }).tree, path).toEqual(loaded.tree);
          if (loaded.tree !== undefined) compared++;
        }
      }
      expect(compared).toBeGreaterThan(20);
    } finally {
      rmSync(join(generated, '..'), { recursive: true, force: true });
    }
  });

  const blocks = [
    '# Title', 'Title\n=====', '## Section', 'Text with *care*, :term[consent] and https://example.org.', '- item\n- item two', '1. one\n2. two',
    '> quoted\n> text', '| a | b |\n| - | - |\n| 1 | 2 |', '```\n:::audience{professions="nurse"}\nnot a container\n```', '<div>\n:::\n</div>',
    ':::audience{professions="nurse"}\nFor nurses, with a | table | cell and [a link][ref].\n:::', ':::audience{professions="judge police-officer"}\n| x | y |\n| - | - |\n| 1 | 2 |\n:::',
    ':::audience{professions="nurse"}\n::::audience{professions="judge"}\nInner.\n::::\n:::', '- item\n\n  :::audience{professions="nurse"}\n  In a list.\n  :::',
    '```\ncode\n\nstill code\n```', '~~~\n\n~~~', '<!-- a note\n\nstill the note -->', ':::note\nA note.\n\nStill the note.\n:::', '> quoted\n>\n> more',
    '\tTabbed text', '# Title  \n', '[ref]: https://example.org', '[^1]: A footnote.', 'A footnote call[^1].', ':::note\nNot an audience.\n:::', '    indented code', '***', 'Lazy\n:::audience{professions="nurse"}\nAfter a paragraph line.\n:::',
  ];
  it('give the tree of the whole body for random bodies of headings, lists, quotes, code, tables, definitions and containers (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...blocks), { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom('\n', '\n\n', '\n\n\n'), { minLength: 8, maxLength: 8 }), (parts, gaps) => {
        const text = `---\nkind: meeting\nid: m\n---\n${parts.map((p, i) => p + (gaps[i] ?? '\n')).join('')}`;
        const bytes = new TextEncoder().encode(text);
        const whole = wholeBodyTree('m.md', bytes);
        expect(parseForHandbooks('m.md', bytes, DEFAULT_LIMITS).tree).toEqual(whole);
        expect(parseForHandbooks('m.md', bytes, DEFAULT_LIMITS, { noRules: true }).tree).toEqual(whole);
      }),
      { numRuns: 1500, seed: 5 },
    );
  });

  it('give the tree of the whole body with CRLF and CR line endings too (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...blocks), { minLength: 1, maxLength: 6 }), fc.constantFrom('\r\n', '\r'), (parts, eol) => {
        const text = `---\nkind: meeting\nid: m\n---\n${parts.join('\n\n')}\n`.replace(/\n/g, eol);
        const bytes = new TextEncoder().encode(text);
        expect(parseForHandbooks('m.md', bytes, DEFAULT_LIMITS).tree).toEqual(wholeBodyTree('m.md', bytes));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('give the tree of the whole body for random token soup with audience containers (fast-check)', () => {
    const atoms = ['\n', '\n\n', '\r\n', '\r', ' ', '   ', '\t', '#', '# T', '=', '-', '>', '*', '`', '```', '~~~', '    ', ':', ':::', '::::', '<!--', '-->', '<div>', '<', '|', '| - |', '| a |\n| - |\n', 'x | y\n--|--\n', '[^1]:', '\u00a0', 'a', 'b ', '1.', '[^1]', '[a]', ':term[x]', '\\', ':::audience{professions="a"}', '\n:::audience{professions="a"}\n', '\n:::\n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...atoms), { minLength: 1, maxLength: 40 }), (parts) => {
        const bytes = new TextEncoder().encode(`---\nkind: meeting\nid: m\n---\n${parts.join('')}`);
        const whole = wholeBodyTree('m.md', bytes);
        expect(parseForHandbooks('m.md', bytes, DEFAULT_LIMITS).tree).toEqual(whole);
        expect(parseForHandbooks('m.md', bytes, DEFAULT_LIMITS, { noRules: true }).tree).toEqual(whole);
      }),
      { numRuns: Number(process.env.SOUP_RUNS ?? 3000), seed: Number(process.env.SOUP_SEED ?? 11) },
    );
  });

  it('give the tree of the whole body when a container refers to a definition in a quote, a list or over two lines', () => {
    for (const definition of ['> [a]: https://example.org', '- [a]: https://example.org', '[a\nb]: https://example.org']) {
      const label = definition.startsWith('[a\n') ? 'a b' : 'a';
      const bytes = new TextEncoder().encode(`---\nkind: meeting\nid: m\n---\n# M\n\n${definition}\n\n:::audience{professions="nurse"}\nSee [the page][${label}].\n:::\n`);
      const tree = parseForHandbooks('m.md', bytes, DEFAULT_LIMITS).tree;
      expect(tree).toEqual(wholeBodyTree('m.md', bytes));
      expect(JSON.stringify(tree)).toContain('"type":"linkReference"');
    }
  });

  it('keep an audience container after a first code fence that holds a blank line', () => {
    const text = '---\nkind: meeting\nid: m\n---\n```\ncode\n\nmore\n```\n\n:::audience{professions="nurse"}\nFor nurses.\n:::\n';
    const tree = load('m.md', text).tree;
    expect(tree?.children.map((c) => [c.type, c.position?.start.line])).toEqual([['containerDirective', 11]]);
    expect(tree).toEqual(wholeBodyTree('m.md', new TextEncoder().encode(text)));
  });

  it('give the tree of the whole body where a title is indented by a tab or a no-break space, or a footnote holds a container', () => {
    for (const body of ['\t# Code, not a title\n\n:::audience{professions="a"}\nx\n:::\n', '\u00a0# Not a title\n\n:::audience{professions="a"}\nx\n:::\n', '# T\r\ra\n:::audience{professions="a"}\n\n', '[^1]: :::audience{professions="a"}\n']) {
      const bytes = new TextEncoder().encode(`---\nkind: meeting\nid: m\n---\n${body}`);
      const whole = wholeBodyTree('m.md', bytes);
      expect(whole, body).toBeDefined();
      expect(parseForHandbooks('m.md', bytes, DEFAULT_LIMITS).tree, body).toEqual(whole);
    }
  });

  it('keep the lines of the file where many lines between kept parts are left out', () => {
    const filler = Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1} of the minutes, left out.\n`).join('\n');
    for (const eol of ['\n', '\r\n', '\r']) {
      const text = `---\nkind: meeting\nid: m\n---\n# Minutes\n\n${filler}\n:::audience{professions="nurse"}\nOpen at 17:00.\n:::\n\n${filler}\n:::audience{professions="judge"}\nSecond.\n:::\n`.replace(/\n/g, eol);
      const tree = load('m.md', text).tree as Root;
      const lines = text.split(eol);
      const starts = tree.children.map((c) => c.position?.start.line);
      expect(starts).toEqual([5, lines.indexOf(':::audience{professions="nurse"}') + 1, lines.indexOf(':::audience{professions="judge"}') + 1]);
      expect(tree.children[2]?.position?.end.line).toBe(lines.length - 1);
      expect(tree.position?.end).toEqual({ line: lines.length, column: 1, offset: text.length });
      expect(tree).toEqual(wholeBodyTree('m.md', new TextEncoder().encode(text)));
    }
  });

  it('keep offsets of the file in the containers of a body parsed in part', () => {
    const text = '---\nkind: meeting\nid: m\n---\n# Minutes\n\nA long paragraph that is left out.\n\nMore left out.\n\n:::audience{professions="nurse"}\nOpen at 17:00.\n:::\n';
    const tree = load('m.md', text).tree as Root;
    const container = tree.children[1] as { position?: { start: { offset?: number } }; children: { children: { type: string; position?: { start: { offset?: number } } }[] }[] };
    expect(container.position?.start.offset).toBe(text.indexOf(':::audience'));
    const directive = container.children[0]?.children.find((c) => c.type === 'textDirective');
    expect(directive?.position?.start.offset).toBe(text.indexOf(':00'));
    expect(tree.position?.end.offset).toBe(text.length);
  });
});
