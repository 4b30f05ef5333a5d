import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS, LOCALES_DIR, loadCatalogue, Translator } from '../../src/render/i18n.js';
import { TEMPLATES_DIR } from '../../src/render/templates.js';

const catalogues = Object.fromEntries(LANGS.map((lang) => [lang, loadCatalogue(lang)])) as Record<(typeof LANGS)[number], ReadonlyMap<string, string>>;
const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();

/** Keys that code builds from a prefix and a value (`sector.${sector}`). */
const DYNAMIC = /^(unit|level|status|raci|consent|sector|part|contact\.relation|prose\.kind|time\.within|count)\./;

function templateFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? templateFiles(join(dir, entry.name)) : entry.name.endsWith('.hbs') ? [join(dir, entry.name)] : []));
}

describe('message catalogues', () => {
  it('has one file per language, and nothing else', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(LANGS.map((l) => `${l}.json`).sort());
  });

  for (const lang of LANGS) {
    it(`${lang}: every key of every other language, none empty, same placeholders as English`, () => {
      const mine = catalogues[lang];
      for (const other of LANGS) {
        const missing = [...catalogues[other].keys()].filter((key) => !mine.has(key));
        expect(missing, `keys of ${other}.json missing from ${lang}.json`).toEqual([]);
      }
      for (const [key, value] of mine) {
        expect(value.trim(), `${lang}.json: ${key}`).not.toBe('');
        expect(placeholders(value), `${lang}.json: placeholders of ${key}`).toEqual(placeholders(catalogues.en.get(key) ?? ''));
      }
    });
  }

  it('has every label that the templates and the code ask for', () => {
    const used = new Set<string>();
    for (const file of templateFiles(TEMPLATES_DIR)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\{\{~?\s*(?:t|count)\s+"([^"]+)"/g)) used.add(m[1] ?? '');
    }
    const srcDir = join(TEMPLATES_DIR, '..', 'src', 'render');
    for (const name of readdirSync(srcDir)) {
      for (const m of readFileSync(join(srcDir, name), 'utf8').matchAll(/\bt\.(?:t|plural)\('([^']+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    for (const key of used) expect(catalogues.en.has(key) || catalogues.en.has(`${key}.other`), `label ${key}`).toBe(true);
    // and every label is used: by name, or through a prefix the code completes
    const unused = [...catalogues.en.keys()].filter((key) => !used.has(key) && !DYNAMIC.test(key));
    expect(unused).toEqual([]);
  });

  it('fails loudly on a missing label rather than printing its key', () => {
    const t = new Translator('en', new Map([['a', 'A']]));
    expect(t.t('a')).toBe('A');
    expect(() => t.t('b')).toThrow(/`b` is missing from locales\/en.json/);
  });

  it('fills placeholders, keeps unknown ones, and picks plural forms', () => {
    const t = new Translator('fr');
    expect(t.t('sources.line', { line: 12 })).toBe('ligne 12');
    expect(t.plural('unit.day', 1)).toBe('1 jour');
    expect(t.plural('unit.day', 3)).toBe('3 jours');
    expect(new Translator('en').t('sources.line')).toBe('line {line}');
    // several placeholders, repeated, at the ends, next to braces that are not placeholders, and
    // values that look like placeholders or replacement patterns are printed as given
    const labels = new Translator('en', new Map([['x', '{a}{b} and {a}, {c} {not a name} {}'], ['y', '$& {v}']]));
    expect(labels.t('x', { a: 'A', b: 2 })).toBe('A2 and A, {c} {not a name} {}');
    expect(labels.t('x', { a: '{b}', b: '$1' })).toBe('{b}$1 and {b}, {c} {not a name} {}');
    expect(labels.t('y', { v: '$&' })).toBe('$& $&');
  });

  it('gives the same lists and numbers the second time (they are kept), telling apart what only looks alike', () => {
    const t = new Translator('en');
    for (let round = 0; round < 2; round++) {
      expect(t.list(['a', 'b', 'c'])).toBe('a, b and c');
      expect(t.list(['a, b', 'c'])).toBe('a, b and c');
      expect(t.list(['a', 'b, c'])).toBe('a and b, c');
      expect(t.list(['1:a', 'b'])).toBe('1:a and b');
      expect(t.list(['1', 'a:b'])).toBe('1 and a:b');
      expect(t.number(0)).toBe('0');
      expect(t.number(1234.5)).toBe('1,234.5');
      expect(t.plural('unit.day', 1)).toBe('1 day');
      expect(t.plural('unit.day', 2)).toBe('2 days');
    }
  });

  it('writes dates and lists in the language', () => {
    expect(new Translator('en').date('2026-01-01')).toBe('1 January 2026');
    expect(new Translator('es').date('2026-01-01')).toBe('1 de enero de 2026');
    expect(new Translator('fr').date('2026-01-01')).toBe('1 janvier 2026');
    expect(new Translator('en').date('soon')).toBe('soon');
    expect(new Translator('es').list(['a', 'b', 'c'])).toBe('a, b y c');
  });
});
