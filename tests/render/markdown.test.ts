import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { FootnoteDefinition, List, Nodes, Paragraph, Root, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { SetIndex } from '../../src/check/set-index.js';
import { protocolDocuments } from '../../src/check/run-rules.js';
import { HandbookBuilder, RenderIndex, translatorFor } from '../../src/render/index.js';
import { createMarkdownText } from '../../src/render/markdown-text.js';
import { createMarkdownRenderer, markdownJob } from '../../src/render/to-markdown.js';
import { generateSet } from '../helpers/generate.js';
import { BASIC, VALDORIA, loadWithTrees, renderSet, tempDir } from './render-helpers.js';

/**
 * The Markdown handbooks come from Handlebars templates (templates/markdown/) filled with values
 * that remark-stringify's own `safe` escaped (src/render/markdown-text.ts). What a user relies on:
 * the handbook reads back, with remark and GFM, as the structure the templates write, holding the
 * set's text unchanged.
 */

const parser = unified().use(remarkParse).use(remarkGfm);
const parse = (markdown: string): Root => parser.parse(markdown);
const md = createMarkdownText();

/** Text of phrasing nodes without their footnote references. */
function textOf(nodes: readonly Nodes[]): string {
  return nodes.filter((n) => n.type !== 'footnoteReference').map((n) => toString(n)).join('');
}

const pieces = ['a', 'word ', ' ', '  ', '\t', '\n', '*', '_', '__', '`', '~', '#', '# ', '+', '-', '- ', '1.', '2)', '!', '[', ']', '(', ')', '<', '>', '<b>', '&', '&amp;', '\\', '\\*', '|', ':', '@', 'www.x.org', 'https://x.y', '=', '"', "'", '^', '{', '}', '{{x}}', '\u00a0', 'é', '—', '[^1]', '---', '***', ':::'];
/** Values as a set may hold them: not empty, not only white space (templates print those only when present). */
const value = fc
  .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 10 })
  .map((p) => p.join(''))
  .filter((v) => v.trim() !== '');

describe('values in the Markdown templates', () => {
  it('read back unchanged in every place the built-in templates put them (fast-check)', () => {
    fc.assert(
      fc.property(value, (v) => {
        const x = md.text(v);
        const note = '\n\n[^1]: note\n';
        // a field of a list: "- **Label:** value"
        const list = parse(`- **Label:** ${x}[^1]${note}`);
        expect(list.children.map((n) => n.type)).toEqual(['list', 'footnoteDefinition']);
        const item = ((list.children[0] as List).children[0]?.children[0] as Paragraph).children;
        expect(item[0]?.type).toBe('strong');
        expect(item.at(-1)?.type).toBe('footnoteReference');
        expect(textOf(item.slice(1))).toBe(` ${v}`);
        // a table cell, strong, then a plain one
        const table = parse(`| A | B |\n| --- | --- |\n| **${x}**[^1] | ${x} |${note}`);
        expect(table.children.map((n) => n.type)).toEqual(['table', 'footnoteDefinition']);
        const row = (table.children[0] as Table).children[1]?.children ?? [];
        expect(row.length).toBe(2);
        expect(row[0]?.children[0]?.type).toBe('strong');
        expect(textOf(row[0]?.children ?? [])).toBe(v);
        expect(textOf(row[1]?.children ?? [])).toBe(v);
        // a heading with its source
        const heading = parse(`### ${x}[^1]${note}`);
        expect(heading.children[0]?.type).toBe('heading');
        expect(textOf((heading.children[0] as Paragraph).children)).toBe(v);
        // a checklist item: action, emphasised details, source
        const duty = parse(`- [ ] ${x} — **${x}** _(${x}, ${x})_[^1]${note}`);
        const dutyItem = (duty.children[0] as List).children[0];
        expect(dutyItem?.checked).toBe(false);
        const parts = (dutyItem?.children[0] as Paragraph).children;
        expect(parts.map((n) => n.type).slice(-3)).toEqual(['strong', 'text', 'emphasis', 'footnoteReference'].slice(-3));
        expect(textOf(parts)).toBe(`${v} — ${v} (${v}, ${v})`);
        // a footnote definition of the sources
        const source = parse(`x[^1]\n\n[^1]: ${x} — ${md.code('agencies/a.md')}, line 3\n`);
        const definition = source.children[1] as FootnoteDefinition;
        expect(definition.type).toBe('footnoteDefinition');
        expect(toString(definition)).toBe(`${v} — agencies/a.md, line 3`);
      }),
      { numRuns: 1500, seed: 7 },
    );
  });

  it('are escaped only where Markdown would read them, each the way remark-stringify does', () => {
    expect(md.text('Agree a safety plan with her')).toBe('Agree a safety plan with her');
    expect(md.text('*not emphasis* and | a cell')).toBe('\\*not emphasis\\* and \\| a cell');
    expect(md.text('1. not a list')).toBe('1\\. not a list');
    expect(md.text("<script>alert('x')</script>")).toBe("\\<script>alert('x')\\</script>");
    expect(md.text('ask for a review.')).toBe('ask for a review.');
    expect(md.text('Stop!')).toBe('Stop\\!');
    expect(md.text('\u00a0no-break spaces\u00a0')).toBe('&#xA0;no-break spaces&#xA0;');
    // a label's own no-break space (the French colon) stays as written: labels are never alone inside ** or _
    expect(md.label('\u00a0:')).toBe('\u00a0:');
    expect(md.label('*Step* {step}')).toBe('\\*Step\\* {step}');
    expect(md.email('intake@shelter.example')).toBe('<intake@shelter.example>');
    expect(md.email('by telephone only')).toBe('by telephone only');
    expect(md.code('agencies/a`b.md')).toBe('``agencies/a`b.md``');
    // what would end a table cell or row is never inline code or a link
    expect(md.code('agencies/a|b.md')).toBe('agencies/a\\|b.md');
    expect(md.email('a|b@shelter.example')).toBe('a\\|b\\@shelter.example');
  });
});

describe('Markdown handbooks', () => {
  it('read back, on the example sets and a generated set with defects, as the model: every source, duty and contact', () => {
    const generated = join(tempDir('protokit-md-'), 'set');
    generateSet(generated, { agencies: 25, defects: 25, seed: 'markdown-read-back' });
    let handbooks = 0;
    for (const dir of [BASIC, VALDORIA, generated]) {
      const files = loadWithTrees(dir);
      const rindex = new RenderIndex(new SetIndex(protocolDocuments(files)), files);
      const builder = new HandbookBuilder(rindex, translatorFor('en'));
      const renderer = createMarkdownRenderer();
      for (const profession of rindex.professions) {
        const model = builder.build(profession.id);
        const tree = parse(renderer.handbook(markdownJob(model, builder.t)));
        const definitions = tree.children.filter((n): n is FootnoteDefinition => n.type === 'footnoteDefinition');
        expect(definitions.map((d) => toString(d))).toEqual(model.sources.map((s) => `${s.label} — ${s.file}, line ${s.line}`));
        expect(definitions.map((d) => d.identifier)).toEqual(model.sources.map((s) => String(s.n)));
        // the checklist of part 3 (bodies may hold task lists too)
        const chapters = tree.children.flatMap((n, i) => (n.type === 'heading' && n.depth === 2 ? [i] : []));
        const part3 = tree.children.slice(chapters[1], chapters[2]);
        const checklist = part3.filter((n): n is List => n.type === 'list');
        const duties = model.duties.flatMap((g) => g.steps.flatMap((s) => s.items));
        expect(checklist.flatMap((l) => l.children).map((i) => textOf((i.children[0] as Paragraph).children))).toEqual(
          duties.map((d) => `${d.action}${d.within === '' ? '' : ` — ${d.within}`} (${[d.role, d.agency, d.raci].filter((x) => x !== '').join(', ')})`),
        );
        const chapter = (key: string): Nodes[] => {
          const start = tree.children.findIndex((n) => n.type === 'heading' && n.depth === 2 && toString(n) === builder.t.t(key));
          const end = tree.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth === 2);
          return tree.children.slice(start, end);
        };
        expect(chapter('chapter.pathways').filter((n) => n.type === 'table').length).toBe(model.pathways.length);
        const contacts = chapter('chapter.contacts').find((n): n is Table => n.type === 'table');
        expect(contacts?.children.slice(1).map((row) => textOf(row.children[0]?.children ?? [])) ?? []).toEqual(model.contacts.map((c) => c.name));
        expect(contacts?.children.slice(1).map((row) => row.children.length) ?? []).toEqual(model.contacts.map(() => 6));
        handbooks++;
      }
    }
    expect(handbooks).toBeGreaterThan(20);
  });

  it('follow the Markdown templates of --templates (markdown/ and markdown/partials/), and name an override that matches none', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'markdown', 'partials'), { recursive: true });
    writeFileSync(join(dir, 'markdown', 'partials', 'cover.hbs'), '# CUSTOM {{profession.title}} ({{t "chapter.sources"}})\n\n');
    const { files } = await renderSet(BASIC, { templatesDir: dir, professions: ['teacher'] });
    expect(files.get('teacher.md')?.split('\n')[0]).toBe('# CUSTOM Teacher (Sources)');
    expect(files.get('teacher.md')).toContain('\n## Principles\n');
    expect(files.get('teacher.html')).not.toContain('CUSTOM');
    const bad = tempDir();
    mkdirSync(join(bad, 'markdown'));
    writeFileSync(join(bad, 'markdown', 'handbok.hbs'), 'x');
    await expect(renderSet(BASIC, { templatesDir: bad, professions: ['teacher'] })).rejects.toThrow(/handbok\.hbs overrides no built-in template: did you mean `handbook\.hbs`\?/);
    // a file named markdown is not a folder of Markdown templates: the built-in ones are used
    const plain = tempDir();
    writeFileSync(join(plain, 'markdown'), 'notes');
    const withFile = await renderSet(BASIC, { templatesDir: plain, professions: ['teacher'] });
    expect(withFile.files.get('teacher.md')?.split('\n')[0]).toBe('# Teacher: handbook');
    const raw = tempDir();
    mkdirSync(join(raw, 'markdown', 'partials'), { recursive: true });
    writeFileSync(join(raw, 'markdown', 'partials', 'sources.hbs'), '## Sources\n\n{{{x}}}\n');
    await expect(renderSet(BASIC, { templatesDir: raw, professions: ['teacher'] })).rejects.toThrow(/sources\.hbs:3: Markdown templates may not use `\{\{\{…\}\}\}`/);
  });
});
