/**
 * Handbook safety: the injection set (tests/robustness/corpus/injection) puts script, event
 * handlers, `javascript:` and `data:` URLs, SVG with script, CSS `url()`, remote images, Markdown
 * link and image tricks and Handlebars expressions into bodies, titles, terms, contacts, services,
 * responsibilities and pathway steps. Its handbooks are opened in headless Chromium with
 * JavaScript on: nothing may run (no `window.__pwned`, no changed title, no dialog) and nothing may
 * be fetched (the only request is the file itself).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Nodes, Root } from 'mdast';
import { chromium, type Browser } from 'playwright-core';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CHROMIUM_ARGS, findChromium } from '../../src/render/pdf.js';
import { CORPUS, hasStackTrace, removeTemps, tempDir } from './helpers.js';

const SET = join(CORPUS, 'injection');
let out: string;
let browser: Browser;

function chromiumPath(): string {
  try {
    return findChromium(process.env['PROTOKIT_CHROMIUM'], process.env['PATH'], process.cwd());
  } catch {
    throw new Error("The handbook-safety tests need a Chromium: apt-get update && apt-get install -y chromium, or set PROTOKIT_CHROMIUM");
  }
}

async function run(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env: {}, cwd: process.cwd() });
  return { code, stdout, stderr };
}

beforeAll(async () => {
  out = join(tempDir(), 'out');
  const result = await run(['render', SET, '--out', out, '--format', 'md,html']);
  expect(result, 'the injection set renders without --force').toEqual({ code: 0, stdout: '', stderr: '' });
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...CHROMIUM_ARGS] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  removeTemps();
});

const htmlFiles = (): string[] => readdirSync(out).filter((f) => f.endsWith('.html')).sort();

describe('the injection set', () => {
  it('gives a handbook per profession and an index', () => {
    expect(readdirSync(out).sort()).toEqual(['health-worker.html', 'health-worker.md', 'index.html', 'police-officer.html', 'police-officer.md']);
  });

  it('every payload reaches the police handbook, as text', () => {
    const html = readFileSync(join(out, 'police-officer.html'), 'utf8');
    // present, so the browser test below proves something: escaped or reduced to text
    for (const seen of ['framework-title', 'agency-name', 'urgent', 'hours', 'role', 'service', 'eligibility', 'action', 'pathway-title', 'term', 'alias', 'avoid', 'md javascript', 'md entity', 'md data', 'autolink', 'title trick']) {
      expect(html, seen).toContain(seen);
    }
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<(img|iframe|object|embed|video|audio|source|base|form|input|math)\b/i);
    expect(html).not.toMatch(/(href|src|action|poster)\s*=\s*["']?\s*(javascript|vbscript|data:text)/i);
  });

  it('Handlebars expressions in document text are printed as text, never evaluated', () => {
    const html = readFileSync(join(out, 'police-officer.html'), 'utf8');
    const md = readFileSync(join(out, 'police-officer.md'), 'utf8');
    expect(html).toContain('{{constructor.constructor(&#x27;window.__pwned&#x3D;1&#x27;)()}}');
    expect(html).toContain('{{#each this}}{{this}}{{/each}}');
    expect(html).toContain('{{&gt; handbook}}');
    expect(md).toContain("{{constructor.constructor('window.\\_\\_pwned=1')()}}");
    expect(md).toContain('{{> handbook}}');
  });

  it('the Markdown handbooks hold no raw HTML, image or unsafe link (a viewer that allows HTML runs nothing)', () => {
    for (const name of ['police-officer.md', 'health-worker.md']) {
      const tree = unified().use(remarkParse).use(remarkGfm).parse(readFileSync(join(out, name), 'utf8')) as Root;
      const bad: string[] = [];
      const stack: Nodes[] = [tree];
      while (stack.length > 0) {
        const node = stack.pop() as Nodes;
        if (node.type === 'html') bad.push(`html: ${node.value}`);
        if (node.type === 'image' || node.type === 'imageReference') bad.push(`image: ${node.type}`);
        if ((node.type === 'link' || node.type === 'definition') && !/^(https?:|mailto:|tel:|#|[^:]*$)/i.test(node.url)) bad.push(`link: ${node.url}`);
        if ('children' in node) stack.push(...(node.children as Nodes[]));
      }
      expect(bad, name).toEqual([]);
    }
  });
});

describe('in Chromium, with JavaScript on', () => {
  // with the page's Content-Security-Policy, and without it: sanitising alone must be enough
  it.each([
    ...['police-officer.html', 'health-worker.html', 'index.html'].map((name) => [name, 'with its CSP', false] as const),
    ...['police-officer.html', 'health-worker.html', 'index.html'].map((name) => [name, 'with CSP bypassed', true] as const),
  ])('%s (%s): nothing runs, nothing is fetched', async (name, _how, bypassCSP) => {
    expect(htmlFiles()).toContain(name);
    const context = await browser.newContext({ bypassCSP });
    const page = await context.newPage();
    const url = pathToFileURL(join(out, name)).href;
    const requests: string[] = [];
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => errors.push(error.message));
    try {
      await page.goto(url, { waitUntil: 'load' });
      const title = await page.title();
      // every element hovered, focused and every <details> toggled: inline handlers would fire now
      await page.evaluate(() => {
        for (const element of Array.from(document.querySelectorAll('*'))) {
          for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'toggle', 'animationstart']) {
            if (type === 'click' && element.tagName === 'A') continue;
            element.dispatchEvent(new Event(type, { bubbles: true }));
          }
        }
      });
      await page.emulateMedia({ media: 'print' });
      await page.waitForTimeout(300);
      const state = await page.evaluate(() => {
        const onAttributes: string[] = [];
        const hrefs: string[] = [];
        const styles: string[] = [];
        for (const element of Array.from(document.querySelectorAll('*'))) {
          for (const attribute of Array.from(element.attributes)) {
            if (/^on/i.test(attribute.name)) onAttributes.push(`${element.tagName} ${attribute.name}`);
            if (['href', 'src', 'action', 'formaction', 'poster', 'data', 'xlink:href', 'srcdoc'].includes(attribute.name.toLowerCase())) hrefs.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
            if (attribute.name === 'style') styles.push(attribute.value);
          }
        }
        for (const style of Array.from(document.querySelectorAll('style'))) styles.push(style.textContent ?? '');
        return {
          pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
          title: document.title,
          scripts: document.scripts.length,
          loaders: Array.from(document.querySelectorAll('iframe, frame, object, embed, img, image, video, audio, source, track, base, form, input, link:not([rel="icon"]), meta[http-equiv]:not([http-equiv="Content-Security-Policy"])')).map((e) => e.outerHTML.slice(0, 80)),
          onAttributes,
          unsafeLinks: hrefs.filter((h) => !/=(https?:|mailto:|tel:|#|data:,$|[a-z0-9-]+\.(html|md|pdf)$)/i.test(h)),
          cssUrls: styles.filter((s) => /url\s*\(|@import/i.test(s)),
        };
      });
      expect(state.pwned).toBeNull();
      expect(state.title).toBe(title);
      expect(state.title).not.toBe('pwned');
      expect(state.scripts).toBe(0);
      expect(state.loaders).toEqual([]);
      expect(state.onAttributes).toEqual([]);
      expect(state.unsafeLinks).toEqual([]);
      expect(state.cssUrls).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(errors).toEqual([]);
      expect(requests).toEqual([url]);
    } finally {
      await context.close();
    }
  });
});

describe('Handlebars runs strict, escaping, without prototype access', () => {
  async function renderWith(template: string): Promise<{ code: number; stdout: string; stderr: string; out: string }> {
    const dir = tempDir();
    const templates = join(dir, 'templates');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(templates);
    writeFileSync(join(templates, 'handbook.hbs'), template);
    const target = join(dir, 'out');
    return { ...(await run(['render', SET, '--out', target, '--format', 'html', '--profession', 'police-officer', '--templates', templates])), out: target };
  }

  it('a template that prints raw HTML (`{{{…}}}`) is refused: exit 2, one line', async () => {
    const result = await renderWith('<p>{{{profession.title}}}</p>');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^protokit: .*handbook\.hbs:1: templates may not print raw HTML with `\{\{\{…\}\}\}`.*\n$/);
    expect(hasStackTrace(result.stderr)).toBe(false);
  });

  it('a template that reaches for a prototype member fails in strict mode: exit 2, one line', async () => {
    const result = await renderWith('<p>{{constructor.constructor}}</p>');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^protokit: The template .*handbook\.hbs failed: .*constructor.*\n$/);
  });

  it('`lookup` and block params cannot reach prototypes either; document text stays escaped', async () => {
    const result = await renderWith('<p>[{{lookup this "constructor"}}][{{#with "s" as |string|}}{{string.sub}}{{/with}}]</p><p>{{profession.title}}</p>');
    expect(result.code).toBe(0);
    const html = readFileSync(join(result.out, 'police-officer.html'), 'utf8');
    expect(html).toBe('<p>[][]</p><p>Police officer &lt;svg onload&#x3D;&quot;window.__pwned&#x3D;&#x27;profession&#x27;&quot;&gt;&lt;/svg&gt;</p>');
  });
});
