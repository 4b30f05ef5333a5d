import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type * as HandlebarsApi from 'handlebars';
import { describe, expect, it } from 'vitest';
import { HELPER_NAMES, HELPERS } from '../../src/render/helpers.js';
import { loadTemplates } from '../../src/render/templates.js';
import { tempDir } from './render-helpers.js';

const Handlebars = createRequire(import.meta.url)('handlebars') as typeof HandlebarsApi;

/** Compiles a template the way protokit does: own environment, strict, only protokit's helpers. */
function compile(source: string): (context: unknown) => string {
  const hb = Handlebars.create();
  for (const [name, helper] of Object.entries(HELPERS)) hb.registerHelper(name, helper as HandlebarsApi.HelperDelegate);
  const template = hb.compile(source, { strict: true, knownHelpersOnly: true, knownHelpers: Object.fromEntries(HELPER_NAMES.map((n) => [n, true])) });
  return (context) => template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

describe('template helpers', () => {
  it('t: a label of the root language, with placeholders, escaped', () => {
    expect(compile('{{t "chapter.glossary"}}')({ lang: 'en' })).toBe('Glossary');
    expect(compile('{{t "chapter.glossary"}}')({ lang: 'es' })).toBe('Glosario');
    expect(compile('{{t "sources.line" line=n}}')({ lang: 'fr', n: 7 })).toBe('ligne 7');
    expect(compile('{{t "duties.step" step=s}}')({ lang: 'en', s: '<b>x</b>' })).toBe('Step: &lt;b&gt;x&lt;/b&gt;');
    expect(compile('{{#each items}}{{t "chapter.sources"}}{{/each}}')({ lang: 'fr', items: [1] })).toBe('Sources');
  });

  it('count: the plural form for a number', () => {
    expect(compile('{{count "count.duties" n}}')({ lang: 'en', n: 1 })).toBe('responsibility');
    expect(compile('{{count "count.duties" n}}')({ lang: 'en', n: 2 })).toBe('responsibilities');
    expect(compile('{{count "unit.hour" n}}')({ lang: 'es', n: 3 })).toBe('3 horas');
  });

  it('join: a list in the language, escaped', () => {
    expect(compile('{{join xs}}')({ lang: 'en', xs: ['a', 'b', '<c>'] })).toBe('a, b and &lt;c&gt;');
    expect(compile('{{join xs}}')({ lang: 'fr', xs: ['a', 'b'] })).toBe('a et b');
    expect(compile('{{join xs}}')({ lang: 'en', xs: 'not a list' })).toBe('');
  });

  it('falls back to English for an unknown language', () => {
    expect(compile('{{t "toc.title"}}')({ lang: 'xx' })).toBe('Contents');
  });

  it('refuses helpers that are not protokit’s, and missing fields (strict)', () => {
    expect(() => compile('{{lookup this "x"}}{{unknownHelper x}}')({ x: 1 })).toThrow();
    expect(() => compile('{{missing}}')({})).toThrow(/"missing" not defined/);
  });

  it('never reads the prototype', () => {
    expect(() => compile('{{constructor.name}}')({})).toThrow();
    expect(compile('{{#with obj}}{{constructor}}{{/with}}')({ obj: {} })).toBe('');
  });

  it('prints document text as text, never as a template', () => {
    expect(compile('{{text}}')({ text: '{{7*7}} {{> style}} <script>' })).toBe('{{7*7}} {{&gt; style}} &lt;script&gt;');
  });
});

describe('template loading', () => {
  it('overrides a built-in partial by name and keeps the rest', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'cover.hbs'), '<header id="custom-cover">{{profession.title}}</header>');
    const templates = loadTemplates(dir);
    expect(typeof templates.handbook).toBe('function');
  });

  it('refuses raw output and unknown names, with the file and line', () => {
    const raw = tempDir();
    mkdirSync(join(raw, 'partials'));
    writeFileSync(join(raw, 'partials', 'cover.hbs'), 'x\n{{{profession.title}}}');
    expect(() => loadTemplates(raw)).toThrow(/cover\.hbs:2: templates may not print raw HTML/);
    const amp = tempDir();
    writeFileSync(join(amp, 'toc.hbs'), '{{& x}}');
    expect(() => loadTemplates(amp)).toThrow(/may not print raw HTML/);
    const unknown = tempDir();
    writeFileSync(join(unknown, 'covr.hbs'), 'x');
    expect(() => loadTemplates(unknown)).toThrow(/covr\.hbs overrides no built-in template: did you mean `cover\.hbs`\?/);
    const broken = tempDir();
    writeFileSync(join(broken, 'toc.hbs'), '{{#if x}}');
    expect(() => loadTemplates(broken)).toThrow(/toc\.hbs: the template is not valid Handlebars/);
    expect(() => loadTemplates(join(broken, 'nope'))).toThrow(/is not a folder/);
  });
});
