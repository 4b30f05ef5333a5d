import { proseRuns } from '../../src/model/document.js';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, postprocess, preprocess } from 'micromark';
import { directive } from 'micromark-extension-directive';
import { gfm } from 'micromark-extension-gfm';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import type { Event, ParseOptions } from 'micromark-util-types';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { audiencesFromFlow, bodyFactsFromEvents, factsOfEvents, KNOWN_TOKEN_TYPES } from '../../src/load/body-events.js';
import type { AudienceBlock } from '../../src/model/document.js';
import { generateSet } from '../helpers/generate.js';
import { findFrontmatter } from '../../src/load/markdown.js';
import { parseFile, type ParsedFileWithTree } from '../../src/load/parse-file.js';
import { markdownFiles } from '../helpers/files.js';

/**
 * The check path collects body facts from micromark's events (src/load/body-events.ts) instead of
 * walking the mdast tree; both must give exactly the same facts, and the tree must be used
 * whenever the events hold something the walk does not mirror.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));


const viaEvents = (path: string, bytes: Uint8Array): ParsedFileWithTree => parseFile(path, bytes);
const viaTree = (path: string, bytes: Uint8Array): ParsedFileWithTree => parseFile(path, bytes, { bodyFromTree: true });

/** Both ways give the same file, and the events way did not fall back to the tree. */
function same(text: string, name = 'random.md'): void {
  const bytes = Buffer.from(text, 'utf8');
  const events = viaEvents(name, bytes);
  const tree = viaTree(name, bytes);
  expect(events.body, JSON.stringify(text)).toEqual(tree.body);
  expect(events.suppressions, JSON.stringify(text)).toEqual(tree.suppressions);
  expect(events.isDocument, JSON.stringify(text)).toBe(tree.isDocument);
  // byte for byte, key order included (reports and the cache serialize these)
  expect(JSON.stringify(events), JSON.stringify(text)).toBe(JSON.stringify(tree));
  if (!tree.diagnostics.some((d) => d.ruleId === 'io/read')) expect(bodyFactsFromEvents(events), JSON.stringify(text)).toBeDefined();
}

/** A small deterministic random generator (LCG), so failures reproduce. */
function generator(seed: number): { int: (n: number) => number; pick: <T>(list: readonly T[]) => T; chance: (p: number) => boolean } {
  let state = seed >>> 0;
  const next = (): number => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32);
  return {
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)] as (typeof list)[number],
    chance: (p) => next() < p,
  };
}

/** Random Markdown rich in what the rules read: directives, comments, headings and prose. */
function randomDocument(seed: number): string {
  const r = generator(seed);
  const words = ['a', 'word', 'prose', 'x_y', 'foo*bar', '1.', '#', 'é', '\t', '  ', '-', ':', '::', 'a:b', '__proto__', '*', '_', '`', '=', '~', '|', '&', '<', '>', '"', "'", '!', '[', ']', '{', '}', '\\'];
  const escapes = ['\\*', '\\_', '\\[', '\\]', '\\\\', '\\:', '\\<', '\\&', '\\`', '\\#'];
  const references = ['&amp;', '&#35;', '&#x41;', '&nbsp;', '&bogus;', '&amp', '&#0;', '&#X2F;', '&lt;!--'];
  const attribute = (professions = false): string => {
    const parts: string[] = professions ? [`professions="${r.pick(['police, social-work', 'a b', 'health&amp;care', 'x'])}"`] : [];
    const n = r.int(professions ? 2 : 4);
    for (let i = 0; i < n; i++) {
      parts.push(
        r.pick([
          `professions="${r.pick(['a, b', 'police social-work', 'a&amp;b', 'a,&#32;b', ' x ', '', 'a\tb', 'p&quot;q', '&#x26;'])}"`,
          `professions='${r.pick(['a', 'b, c', "it&apos;s"])}'`,
          `professions=${r.pick(['a', 'b,c', 'x&amp;y'])}`,
          'professions',
          `#${r.pick(['id', 'x-1'])}`,
          `.${r.pick(['cls', 'c2'])}`,
          `key="${r.pick(['v &amp; w', 'v', ''])}"`,
          `k='x'`,
          'flag',
        ]),
      );
    }
    return `{${parts.join(r.pick([' ', '  ', '\t']))}}`;
  };
  const inline = (depth: number): string => {
    let out = '';
    const n = 1 + r.int(6);
    for (let i = 0; i < n; i++) {
      const k = r.int(depth > 2 ? 6 : 24);
      if (k < 4) out += r.pick(words) + r.pick([' ', '', '  ']);
      else if (k === 4) out += r.pick(escapes);
      else if (k === 5) out += r.pick(references);
      else if (k === 6) out += `:term[${inline(depth + 1)}]${r.chance(0.2) ? attribute() : ''}`;
      else if (k === 7) out += `:term[${r.pick(['__proto__', 'x', ' y ', '**b**', 'a\\]b', '&amp;', '`c`', '', 'a\nb', 'a  \nb', '<!-- c -->', '![i](u)', '[l](u)', ':term[n]'])}]`;
      else if (k === 8) out += `${r.pick(['*', '_', '**', '__'])}${inline(depth + 1)}${r.pick(['*', '_', '**', '__'])}`;
      else if (k === 9) out += `[${inline(depth + 1)}](${r.pick(['/u', '<a b>', '/u "t"', "/u 'x'", ''])})`;
      else if (k === 10) out += `![${inline(depth + 1)}](${r.pick(['/i.png', '/i "t"'])})`;
      else if (k === 11) out += r.pick(['<https://x.org/a>', '<a@b.co>', '<mailto:x@y.z>', '<https://x.org/&amp;>']);
      else if (k === 12) out += r.pick(['<!-- protokit-disable-next-line -->', '<!-- protokit-disable-next-line ref/unknown, term/undefined -->', '<!--x-->', '<span>', '</span>', '<br/>', '<!-- a\nb -->', '<a href="x">']);
      else if (k === 13) out += r.pick(['`code`', '``a ` b``', '` :term[x] `', '`a\nb`']);
      else if (k === 14) out += r.pick(['  \n', '\\\n', '\n', '   \n', '\t\n']);
      else if (k === 15) out += `[${inline(depth + 1)}]${r.pick(['[ref]', '[]', '', '[REF]'])}`;
      else if (k === 16) out += `:${r.pick(['x', 'term', 'abbr', 'term-x'])}${r.chance(0.5) ? `[${inline(depth + 1)}]` : ''}${r.chance(0.5) ? attribute() : ''}`;
      else if (k === 17) out += r.pick(['\t', ' \t ', '\t\t']);
      else out += r.pick(words) + ' ';
    }
    return out;
  };
  const block = (depth: number): string => {
    const k = r.int(depth > 3 ? 8 : 24);
    switch (k) {
      case 0:
      case 1:
      case 2:
        return inline(0);
      case 3:
      case 18:
      case 19:
        return `${'#'.repeat(1 + r.int(7))}${r.pick([' ', '\t', ''])}${inline(1)}${r.pick(['', ' #', ' ##  '])}`;
      case 4:
      case 20:
        return `${inline(1)}\n${r.pick(['===', '---', '  =', '- - -'])}`;
      case 5:
        return r.pick(['<!-- protokit-disable-next-line -->', '<!-- protokit-disable-next-line schema/shape -->', '<!--\nprotokit-disable-next-line a, b\n-->', '  <!-- protokit-disable-next-line -->', '<div>\n:term[x]\n</div>', '<!-- x -->', '<?php x ?>', '<!-- protokit-disable-next-line', '<div>\n\n*a*']);
      case 6:
        return `${r.pick(['```', '~~~', '````'])}${r.pick(['', 'js', 'md :term[x]', ' a b'])}\n${inline(1)}\n${r.pick(['```', '~~~', '', '````'])}`;
      case 7:
        return `    ${inline(1)}\n${r.pick(['', '\t', '    '])}more`;
      case 8:
      case 9: {
        const colons = ':'.repeat(3 + depth);
        const head = `${colons}${r.pick(['audience', 'audience', 'note', 'audience '])}${r.chance(0.3) ? `[${inline(2)}]` : ''}${r.chance(0.8) ? attribute(r.chance(0.6)) : ''}`;
        const inner: string[] = [];
        const n = r.int(3);
        for (let i = 0; i < n; i++) inner.push(block(depth + 1));
        return `${head}\n${inner.join(r.pick(['\n', '\n\n']))}\n${r.chance(0.9) ? colons : ''}`;
      }
      case 10:
        return `::${r.pick(['leaf', 'audience', 'term'])}${r.chance(0.5) ? `[${inline(2)}]` : ''}${r.chance(0.5) ? attribute() : ''}`;
      case 11:
      case 12: {
        const marker = r.pick(['- ', '* ', '1. ', '2) ', '-\t', '+ ']);
        const items: string[] = [];
        const n = 1 + r.int(3);
        for (let i = 0; i < n; i++) items.push(`${marker}${block(depth + 1).replace(/\n/g, '\n   ')}`);
        return items.join(r.pick(['\n', '\n\n']));
      }
      case 13:
      case 14:
        return block(depth + 1)
          .split('\n')
          .map((line) => `>${r.pick([' ', '', '\t'])}${line}`)
          .join('\n');
      case 15:
        return r.pick(['***', '---', '_ _ _', '* * *']);
      case 16:
        return `[${r.pick(['ref', 'REF', 'a b'])}]: ${r.pick(['/url', '<x y>', '/u "t"'])}`;
      case 17:
        return `${inline(0)}\n${inline(0)}`;
      default:
        return inline(0);
    }
  };
  const blocks: string[] = [];
  const n = r.int(8);
  for (let i = 0; i < n; i++) blocks.push(block(0));
  const body = blocks.join(r.pick(['\n\n', '\n', '\n\n\n']));
  const head = r.pick(['---\nkind: agency\nid: a\n---\n', '---\nkind: x\n---\n', '---\r\nk: 1\r\n---\r\n', '---\n---\n', '', '---\nno close\n', '---\nk: 1\n---\n\uFEFF', '---\nk: 1\n--- \t\n', '# No frontmatter\n']);
  let text = head + body;
  const eol = r.int(6);
  if (eol === 0) text = text.replace(/\n/g, '\r\n');
  else if (eol === 1) text = text.replace(/\n/g, '\r');
  else if (eol === 2) text = text.replace(/\n/g, () => r.pick(['\n', '\r\n', '\r']));
  if (r.chance(0.1)) text += r.pick(['\n', '\n\n', '  ', '\t']);
  return text;
}

describe('body facts from events', () => {
  it('are those of the tree for every Markdown file of the fixtures, protocols, robustness corpus and generated sets', () => {
    const folders = ['tests/fixtures', 'protocols', 'tests/robustness/corpus', '.bench/n25', '.bench/n250'].map((d) => join(ROOT, d)).filter((d) => existsSync(d));
    const files = folders.flatMap(markdownFiles);
    expect(files.length).toBeGreaterThan(60);
    for (const file of files) same(readFileSync(file, 'utf8'), file);
  }, 300_000);

  it('are those of the tree for random documents rich in directives, comments, headings and inline constructs', () => {
    const seen = { terms: 0, audiences: 0, professions: 0, suppressions: 0, prose: 0, sections: 0, documents: 0 };
    for (let seed = 1; seed <= 4000; seed++) {
      const text = randomDocument(seed);
      same(text);
      const file = viaEvents('random.md', Buffer.from(text));
      seen.terms += file.body.terms.length;
      seen.audiences += file.body.audiences.length;
      seen.professions += file.body.audiences.reduce((n, a) => n + a.professions.length, 0);
      seen.suppressions += file.suppressions.length;
      seen.prose += file.body.prose.length / 3;
      seen.sections += [...proseRuns(file.body.prose)].some((p) => p.section > 0) ? 1 : 0;
      seen.documents += file.isDocument ? 1 : 0;
    }
    // the grammar reaches what the rules read, in numbers
    for (const [what, count] of Object.entries(seen)) expect(count, what).toBeGreaterThan(300);
  }, 300_000);

  const heads = ['---\nkind: x\n---', '---  \nkind: x\n---\t ', '---\n---', '---\r\nk: 1\r\n---', '---\rk: 1\r---', '---\nk: 1\n--- x\n---', '---\nno close', '---x\n---', ''];
  const bodies = ['', '\n', '\n\n', 'x', '\nx', '\n\n# H\n', '\n---\n', '\n\ttab\n', '\r\ntext\r\n', '\rtext', '\n:::audience{professions="a b"}\nx :term[y]\n:::\n', '\n   \n', '\n\uFEFFbom\n', '\n> q\n', ' \n', '\n    code\n', '\n[a]: /url\n[a]\n', '\n:term[__proto__]\n', '\n:term[**b**]{.c}\n', '\n:term[]\n', '\n:term\n', '\n<!-- protokit-disable-next-line -->\n# T\n'];
  it('are those of the tree for odd fences, line endings and bodies (root with only a frontmatter included)', () => {
    for (const head of heads) for (const body of bodies) same(head + body);
  });

  it('are those of the tree for random token soup', () => {
    const r = generator(7);
    const atoms = ['-', '---', '\n', '\r\n', '\r', ' ', '  ', '\t', ':', '::', ':::', '::::', '#', '>', '*', '**', '`', '```', '~~~', '[', ']', '(', ')', '!', 'a', 'b ', '{', '}', '"', "'", '=', '.', '<!--', '-->', '<div>', '<', '>', '\\', '&amp;', '&#x41;', '1.', '    ', '_', '__', ':term[x]', ':term[', 'professions="a"', ':::audience{professions="a"}', '\uFEFF', '[a]: /u', '<https://x>', 'protokit-disable-next-line'];
    for (let k = 0; k < 3000; k++) {
      let text = r.chance(0.7) ? '---\nk: 1\n---\n' : '';
      const n = 1 + r.int(40);
      for (let i = 0; i < n; i++) text += r.pick(atoms);
      same(text);
    }
  });

  it('reads `professions` as mdast-util-directive decodes attributes', () => {
    const file = viaEvents('a.md', Buffer.from('---\nkind: x\n---\n:::audience{professions="a&amp;b, c&#32;d" professions=\'e\'}\n:::\n\n:::audience{professions="x&amp" class="y"}\n:::\n'));
    expect(file.body.audiences.map((a) => a.professions)).toEqual([['e'], ['x&']]);
    same('---\nkind: x\n---\n:::audience{professions="a&amp;b, c&#32;d"}\n:::\n');
  });
});

/** The containers not inside another one (what handbooks read), in order. */
function outermost(audiences: readonly AudienceBlock[]): AudienceBlock[] {
  const key = (p: { line: number; column: number }): number => p.line * 1e6 + p.column;
  return audiences.filter((a) => !audiences.some((b) => b !== a && key(b.range.start) <= key(a.range.start) && key(a.range.end) <= key(b.range.end)));
}

/**
 * `render --force` reads of a body other than an agency's only its audience containers: from the
 * flow events alone they are the outermost of the full facts, the rest of the file the same.
 * Returns whether the flow events were enough (else the full facts were taken).
 */
function sameAudiences(text: string, name = 'random.md'): boolean {
  const bytes = Buffer.from(text, 'utf8');
  const full = viaEvents(name, bytes);
  const only = parseFile(name, bytes, { audiencesOnly: true });
  const flow = audiencesFromFlow(full);
  if (flow === undefined) {
    expect(JSON.stringify(only), JSON.stringify(text)).toBe(JSON.stringify(full));
    return false;
  }
  expect(only.body, JSON.stringify(text)).toEqual({ terms: [], audiences: outermost(full.body.audiences), prose: [] });
  // only the frontmatter's own suppressions: the body's are not read
  const bodyLine = findFrontmatter(full.text)?.bodyLine ?? 1;
  expect(only.suppressions, JSON.stringify(text)).toEqual(full.suppressions.filter((x) => x.range.start.line < bodyLine));
  const { body: _a, suppressions: _b, ...rest } = only;
  const { body: _c, suppressions: _d, ...fullRest } = full;
  expect(JSON.stringify(rest), JSON.stringify(text)).toBe(JSON.stringify(fullRest));
  return true;
}

describe('audience containers from flow events (render --force)', () => {
  it('are the outermost of the full facts for every Markdown file of the fixtures, protocols, robustness corpus and a generated set', () => {
    const generated = mkdtempSync(join(tmpdir(), 'protokit-flow-'));
    try {
      generateSet(join(generated, 'set'), { agencies: 25, defects: 25, seed: 'flow-audiences' });
      const folders = ['tests/fixtures', 'protocols', 'tests/robustness/corpus'].map((d) => join(ROOT, d)).concat(join(generated, 'set'));
      let taken = 0;
      let found = 0;
      for (const file of folders.flatMap(markdownFiles)) {
        const text = readFileSync(file, 'utf8');
        if (sameAudiences(text, file)) {
          taken++;
          found += parseFile(file, Buffer.from(text), { audiencesOnly: true }).body.audiences.length;
        }
      }
      expect(taken).toBeGreaterThan(60);
      expect(found).toBeGreaterThan(40);
    } finally {
      rmSync(generated, { recursive: true, force: true });
    }
  }, 300_000);

  it('are the outermost of the full facts for random documents and token soup', () => {
    let taken = 0;
    for (let seed = 1; seed <= 4000; seed++) if (sameAudiences(randomDocument(seed))) taken++;
    const r = generator(13);
    const atoms = ['-', '\n', '\r\n', '\r', ' ', '   ', '\t', ':', ':::', '::::', '#', '>', '*', '`', '```', '~~~', '[', ']', 'a', 'b ', '{', '}', '"', '=', '<!--', '-->', '<div>', '\\', '&amp;', '1.', '    ', ':term[x]', 'professions="a"', ':::audience{professions="a"}', '\n:::audience{professions="a b" #i .c professions=\'d&amp;e\'}\n', '\n:::\n', ':::note', '[^1]:', '\uFEFF'];
    for (let k = 0; k < 3000; k++) {
      let text = r.chance(0.8) ? '---\nk: 1\n---\n' : '';
      const n = 1 + r.int(40);
      for (let i = 0; i < n; i++) text += r.pick(atoms);
      if (sameAudiences(text)) taken++;
    }
    expect(taken).toBeGreaterThan(3000);
  }, 300_000);

  it('leave the full facts to be taken where a container could be missed: another container, a list, no frontmatter', () => {
    const file = (body: string, head = '---\nkind: meeting\nid: m\n---\n') => viaEvents('m.md', Buffer.from(head + body));
    expect(audiencesFromFlow(file(':::note\n:::audience{professions="nurse"}\nx\n:::\n:::\n'))).toBeUndefined();
    expect(audiencesFromFlow(file('- item\n\n  :::audience{professions="nurse"}\n  x\n  :::\n'))).toBeUndefined();
    expect(audiencesFromFlow(file(':::audience{professions="nurse"}\nx\n:::\n', ''))).toBeUndefined();
    const nested = file('# M\n\n::::audience{professions="nurse judge"}\n:::audience{professions="judge"}\nInner.\n:::\n::::\n\n:::audience{professions=\'a&amp;b\'}\n:::\n');
    expect(nested.body.audiences.map((a) => a.professions)).toEqual([['nurse', 'judge'], ['judge'], ['a&b']]);
    const flow = audiencesFromFlow(nested);
    expect(flow?.body.audiences.map((a) => [a.professions, a.range.start.line, a.range.end.line])).toEqual([
      [['nurse', 'judge'], 7, 11],
      [['a&b'], 13, 14],
    ]);
    expect(flow?.body.audiences).toEqual(outermost(nested.body.audiences));
  });
});

describe('the safety valve', () => {
  const micromarkEvents = (text: string, options: ParseOptions): Event[] => postprocess(parse(options).document().write(preprocess()(text, undefined, true)));
  const stub = (text: string): ParsedFileWithTree => ({ file: 'a.md', hash: '', text, isDocument: false, body: { terms: [], audiences: [], prose: [] }, suppressions: [], diagnostics: [] });

  it('gives up on token types it does not mirror (GFM tables, strikethrough, literal autolinks)', () => {
    for (const text of ['| a | b |\n| - | - |\n| 1 | 2 |\n', '~~gone~~\n', 'see www.example.org\n', '- [x] done\n', 'a[^1]\n\n[^1]: note\n']) {
      const events = micromarkEvents(text, { extensions: [gfm(), directive()] });
      expect(factsOfEvents(stub(text), events, 0, 0, undefined)).toBeUndefined();
      // the same text without GFM is understood
      expect(factsOfEvents(stub(text), micromarkEvents(text, { extensions: [directive()] }), 0, 0, undefined)).toBeDefined();
    }
  });

  it('gives up on events out of order or left open', () => {
    const text = 'a *b* :term[c]\n\n> d\n';
    const events = micromarkEvents(text, { extensions: [directive()] });
    expect(factsOfEvents(stub(text), events, 0, 0, undefined)).toBeDefined();
    expect(factsOfEvents(stub(text), events.slice(0, -3), 0, 0, undefined)).toBeUndefined();
    // the emphasis closed after its paragraph
    const moved = [...events];
    const [close] = moved.splice(moved.findIndex((e) => e[0] === 'exit' && e[1].type === 'emphasis'), 1);
    moved.splice(moved.findIndex((e) => e[0] === 'exit' && e[1].type === 'paragraph') + 1, 0, close as Event);
    expect(factsOfEvents(stub(text), moved, 0, 0, undefined)).toBeUndefined();
    // a node entered while a text node is open
    const inside = [...events];
    const data = inside.findIndex((e) => e[0] === 'enter' && e[1].type === 'data');
    inside.splice(data + 1, 0, ['enter', { ...(inside[data] as Event)[1], type: 'strong' }, (inside[data] as Event)[2]]);
    expect(factsOfEvents(stub(text), inside, 0, 0, undefined)).toBeUndefined();
  });

  it('knows every token type that has a handler in the tree compiler (core, directive, frontmatter)', () => {
    const source = readFileSync(join(ROOT, 'node_modules/mdast-util-from-markdown/lib/index.js'), 'utf8');
    const config = source.slice(source.indexOf('enter: {'), source.indexOf('configure(config'));
    const core = [...config.matchAll(/^\s+(\w+): /gm)].map((m) => m[1] as string).filter((t) => t !== 'enter' && t !== 'exit');
    expect(core.length).toBeGreaterThan(80);
    const directiveTypes = Object.keys({ ...directiveFromMarkdown().enter, ...directiveFromMarkdown().exit });
    const yamlTypes = Object.keys({ ...frontmatterFromMarkdown(['yaml']).enter, ...frontmatterFromMarkdown(['yaml']).exit });
    // `listItem` is made by compile itself (its list preparation), never by micromark
    const missing = [...core, ...directiveTypes, ...yamlTypes].filter((t) => t !== 'listItem' && !KNOWN_TOKEN_TYPES.has(t));
    expect(missing).toEqual([]);
    expect(KNOWN_TOKEN_TYPES.has('listItem')).toBe(false);
  });

  describe('in parseFile', () => {
    afterEach(() => {
      vi.doUnmock('../../src/load/body-events.js');
      vi.resetModules();
    });
    const text = '---\nkind: x\n---\n# T\n\n<!-- protokit-disable-next-line -->\n:::audience{professions="a"}\n:term[b] c\n:::\n';

    it('takes the tree when the events are not understood, or their walk throws', async () => {
      for (const replacement of [() => undefined, () => { throw new RangeError('Maximum call stack size exceeded'); }]) {
        vi.resetModules();
        const spy = vi.fn(replacement);
        vi.doMock('../../src/load/body-events.js', async (original) => ({ ...(await original<typeof import('../../src/load/body-events.js')>()), bodyFactsFromEvents: spy }));
        const { parseFile: parseWithFallback } = await import('../../src/load/parse-file.js');
        const file = parseWithFallback('a.md', Buffer.from(text));
        expect(spy).toHaveBeenCalledTimes(1);
        expect(JSON.stringify(file)).toBe(JSON.stringify(viaTree('a.md', Buffer.from(text))));
        expect(file.body.terms.map((t) => t.id)).toEqual(['b']);
        expect(file.suppressions).toHaveLength(1);
      }
    });

    it('never asks the events for a tree that is kept (render)', async () => {
      vi.resetModules();
      const spy = vi.fn(() => undefined);
      vi.doMock('../../src/load/body-events.js', async (original) => ({ ...(await original<typeof import('../../src/load/body-events.js')>()), bodyFactsFromEvents: spy }));
      const { parseFile: parse2 } = await import('../../src/load/parse-file.js');
      const file = parse2('a.md', Buffer.from(text), { keepTree: true });
      expect(spy).not.toHaveBeenCalled();
      expect(file.tree?.type).toBe('root');
    });
  });
});
