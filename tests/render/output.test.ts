import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNames } from '../../src/render/render.js';
import { loadCatalogue } from '../../src/render/i18n.js';
import { asRecord, own, str } from '../../src/util/data.js';
import { BASIC, SPANISH, VALDORIA, loadWithTrees, readAll, renderSet, tempDir } from './render-helpers.js';

describe('deterministic output', () => {
  it.each([
    ['the example set', VALDORIA],
    ['the render fixture', BASIC],
  ])('%s: rendering twice gives identical bytes', async (_name, dir) => {
    const first = await renderSet(dir);
    const second = await renderSet(dir);
    expect([...second.files.keys()]).toEqual([...first.files.keys()]);
    for (const [name, content] of first.files) expect(second.files.get(name) === content, name).toBe(true);
  });

  it('writes one handbook per profession, and an index', async () => {
    const { files } = await renderSet(BASIC);
    expect([...files.keys()]).toEqual(['health-worker.html', 'health-worker.md', 'index.html', 'police-officer.html', 'police-officer.md', 'shelter-worker.html', 'shelter-worker.md', 'teacher.html', 'teacher.md']);
    expect(files.get('index.html')).toContain('<a href="police-officer.html">Police officer</a>');
    const md = await renderSet(BASIC, { formats: ['md'], professions: ['teacher'] });
    expect([...md.files.keys()]).toEqual(['teacher.md']);
  });
});

describe('confidential locations', () => {
  it('never prints the address of a confidential agency of the example set, in any handbook or format', async () => {
    const addresses = loadWithTrees(VALDORIA)
      .filter((f) => f.kind === 'agency' && own(f.data, 'confidential_location') === true)
      .map((f) => str(asRecord(own(f.data, 'contact')), 'address'))
      .filter((a): a is string => a !== undefined);
    expect(addresses.length).toBeGreaterThan(0);
    const { files } = await renderSet(VALDORIA, { lang: 'en' });
    const es = await renderSet(VALDORIA, { lang: 'es', formats: ['md', 'html'] });
    for (const [name, content] of [...files, ...es.files]) {
      for (const address of addresses) {
        expect(content.includes(address), `${name} holds ${address}`).toBe(false);
        expect(content.includes(address.split(',')[0] ?? address), `${name} holds the street of ${address}`).toBe(false);
      }
    }
  });

  it('redacts the address wherever a document repeats it: prose (wrapped), notes, eligibility', async () => {
    const { files } = await renderSet(BASIC);
    for (const [name, content] of files) expect(/Hidden\s+Lane/.test(content), name).toBe(false);
    expect(files.get('shelter-worker.md')).toContain('The shelter is at \\[confidential address], which must stay secret.');
    expect(files.get('police-officer.md')).toContain('_Confidential location: the address is never printed_');
  });
});

describe('label language', () => {
  const en = loadCatalogue('en');
  const es = loadCatalogue('es');

  /** A label as a pattern: its words, any text where a placeholder is, on word boundaries. */
  function pattern(label: string): RegExp | undefined {
    const parts = label.split(/\{\w+\}/).map((p) => p.trim()).filter((p) => /\p{L}{3}/u.test(p));
    if (parts.length === 0) return undefined;
    const escaped = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
    return new RegExp(`(?<!\\p{L})${escaped.join('.*?')}(?!\\p{L})`, 'u');
  }

  it('--lang es: no English template label in the Spanish set’s handbooks', async () => {
    const { files } = await renderSet(SPANISH, { lang: 'es' });
    expect(files.size).toBe(5);
    // what a reader sees: text, tooltips and labels, not tag names, classes or the style sheet
    const visible = new Map<string, string>();
    for (const [name, content] of files) {
      if (!name.endsWith('.html')) visible.set(name, content);
      else {
        const attributes = [...content.matchAll(/\s(?:title|aria-label|alt)="([^"]*)"/g)].map((m) => m[1]);
        visible.set(name, [content.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, ' '), ...attributes].join('\n'));
      }
    }
    let checked = 0;
    for (const [key, value] of en) {
      if (es.get(key) === value) continue; // the same word in both languages (PDF, Markdown, Sector…)
      const re = pattern(value);
      if (re === undefined) continue;
      checked++;
      for (const [name, content] of visible) expect(re.test(content), `${name} holds the English label ${key}: “${value}”`).toBe(false);
    }
    expect(checked).toBeGreaterThan(120);
    const md = files.get('policia.md') ?? '';
    expect(md).toContain('## Sus responsabilidades');
    expect(md).toContain('**en 1 hora**');
    expect(md).toContain('notificación obligatoria');
    expect(files.get('policia.html')).toContain('<html lang="es">');
  });

  it('defaults to the framework’s first language', async () => {
    const { files } = await renderSet(SPANISH);
    expect(files.get('policia.md')).toContain('## Principios');
    const fr = await renderSet(BASIC, { lang: 'fr', professions: ['police-officer'] });
    expect(fr.files.get('police-officer.md')).toContain("dans un délai d'1 heure");
  });
});

describe('hostile document text', () => {
  it('no script, event handler, javascript: link, remote load or evaluated Handlebars reaches the HTML', async () => {
    const { files } = await renderSet(BASIC, { professions: ['police-officer'] });
    const html = files.get('police-officer.html') ?? '';
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son\w+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source|link\s+rel="stylesheet")\b/i);
    expect(html).not.toMatch(/\b(src|srcset)\s*=\s*"(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/i);
    expect(html).toContain("Handlebars in a body stays text: {{7*7}} {{constructor.constructor('return 1')()}} {{> style}} {{{raw}}}");
    expect(html).not.toContain('stays text: 49');
    expect(html).toContain('<a href="https://example.org/">web link</a>');
    expect(html).toContain('09:00-17:00');
    // the step text in the diagram and in the step table is escaped
    expect(html).toContain('Ensure safety &lt;script&gt;alert(&#x27;step&#x27;)&lt;/script&gt;');
    expect(html).toMatch(/Ensure safety &lt;script&gt;/);
    expect(html).toContain('default-src \'none\'');
  });

  it('keeps raw HTML out of the Markdown too', async () => {
    const { files } = await renderSet(BASIC, { professions: ['police-officer'], formats: ['md'] });
    const md = files.get('police-officer.md') ?? '';
    // document text may mention `<script>`, escaped so that it stays text
    expect(md).not.toMatch(/(^|[^\\])<(script|img|iframe|style)|onerror|javascript:/im);
    expect(md).toContain("Ensure safety \\<script>alert('step')\\</script>");
    expect(md).toContain('A click me link, a [web link](https://example.org/)');
    expect(md).toContain('{{7\\*7}}');
  });
});

describe('where files go', () => {
  it('turns profession ids into safe, unique file names', () => {
    expect([...fileNames(['../../escaped', '/etc/passwd', 'index', '%%%', 'police-officer', 'Police Officer']).values()]).toEqual(['escaped', 'etc-passwd', 'index-2', 'profession', 'police-officer', 'police-officer-2']);
  });

  it('writes nothing outside --out, and deletes nothing it did not write', async () => {
    const out = tempDir();
    writeFileSync(join(out, 'notes.txt'), 'mine');
    writeFileSync(join(out, 'escaped.md'), 'old');
    const fixture = join(BASIC, '..', 'traversal');
    await renderSet(fixture, { out });
    expect(readdirSync(out).sort()).toEqual(['escaped.html', 'escaped.md', 'etc-passwd.html', 'etc-passwd.md', 'index-2.html', 'index-2.md', 'index.html', 'notes.txt', 'profession.html', 'profession.md']);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, '..', '..', 'escaped.md'))).toBe(false);
    expect(readAll(out).get('escaped.md')).toContain('# Escaper: handbook');
  });
});
