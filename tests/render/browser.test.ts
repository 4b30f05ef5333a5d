import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { CHROMIUM_ARGS, findChromium, openPdfPrinter } from '../../src/render/pdf.js';
import { BASIC, VALDORIA, readAll, renderSet, tempDir } from './render-helpers.js';

/**
 * Opens rendered handbooks in a real headless Chromium. Nothing here is skipped: without a
 * Chromium the tests fail, saying how to install one (CI installs Debian's `chromium`).
 */
function chromiumPath(): string {
  try {
    return findChromium(process.env['PROTOKIT_CHROMIUM'], process.env['PATH'], process.cwd());
  } catch (error) {
    const why = (error as Error).message.replace(/ for --format pdf/, '').replace(/: install one.*$/, '');
    throw new Error(`The browser tests need a Chromium and found none (${why}). Install Debian's: apt-get update && apt-get install -y chromium, or set PROTOKIT_CHROMIUM to a Chromium or Chrome executable`);
  }
}

/** Pages of a PDF: its `/Type /Page` objects (not `/Pages`). */
function pageCount(pdf: Uint8Array): number {
  return [...Buffer.from(pdf).toString('latin1').matchAll(/\/Type\s*\/Page(?![a-zA-Z])/g)].length;
}

interface Opened {
  page: Page;
  url: string;
  errors: string[];
  requests: string[];
}

let browser: Browser;
const executable = chromiumPath();

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: executable, args: [...CHROMIUM_ARGS] });
});

afterAll(async () => {
  await browser?.close();
});

async function open(file: string): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const url = pathToFileURL(file).href;
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, errors, requests };
}

describe.each([
  ['the render fixture (hostile body)', BASIC, 'police-officer'],
  ['the example set', VALDORIA, 'police-officer'],
])('%s: the HTML handbook in Chromium', (_name, dir, profession) => {
  let opened: Opened;
  let file: string;

  beforeAll(async () => {
    const { out } = await renderSet(dir, { professions: [profession], formats: ['html'] });
    file = join(out, `${profession}.html`);
    opened = await open(file);
  });

  afterAll(async () => {
    await opened?.page.context().close();
  });

  it('loads without console errors and without any network request', async () => {
    await opened.page.waitForTimeout(300);
    expect(opened.errors).toEqual([]);
    expect(opened.requests.filter((url) => url !== opened.url && !url.startsWith('data:'))).toEqual([]);
  });

  it('every link of the table of contents lands on its heading', async () => {
    const { page } = opened;
    const links = await page.locator('nav.toc a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.length).toBeGreaterThanOrEqual(11);
    for (const href of links) {
      expect(href, 'an in-page link').toMatch(/^#./);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.locator(`nav.toc a[href="${href}"]`).click();
      const landed = await page.evaluate((id) => {
        const target = document.getElementById(id);
        if (target === null) return { found: false, heading: false, inView: false, hash: location.hash };
        const box = target.getBoundingClientRect();
        return { found: true, heading: /^H[1-6]$/.test(target.tagName), inView: box.top >= -1 && box.top < window.innerHeight, hash: location.hash };
      }, href.slice(1));
      expect(landed, href).toEqual({ found: true, heading: true, inView: true, hash: href });
    }
  });

  it('shows each pathway as a visible SVG diagram', async () => {
    const svg = opened.page.locator('figure.diagram svg.pathway-svg').first();
    await svg.scrollIntoViewIfNeeded();
    expect(await svg.isVisible()).toBe(true);
    const box = await svg.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(100);
    expect(box?.height ?? 0).toBeGreaterThan(100);
    const steps = await opened.page.locator('figure.diagram svg.pathway-svg').first().locator('g.node').count();
    expect(steps).toBeGreaterThanOrEqual(3);
    const highlighted = await opened.page.locator('figure.diagram svg.pathway-svg g.node path').evaluateAll((paths) => paths.filter((p) => getComputedStyle(p).fill === 'rgb(253, 233, 201)').length);
    expect(highlighted).toBeGreaterThanOrEqual(1);
  });

  it('runs nothing that a document body carries', async () => {
    const state = await opened.page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      title: document.title,
      scripts: document.scripts.length,
      images: document.images.length,
      frames: document.querySelectorAll('iframe, object, embed').length,
      handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
    }));
    expect(state).toEqual({ pwned: null, title: 'Police officer: handbook', scripts: 0, images: 0, frames: 0, handlers: 0 });
    if (dir === BASIC) {
      const html = readFileSync(file, 'utf8');
      expect(html).toContain('Hostile section');
      // clicking what was a javascript: link runs nothing either
      await opened.page.getByText('click me').first().click();
      expect(await opened.page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned ?? null)).toBeNull();
    }
  });

  it('prints to an A4 PDF of more than one page', async () => {
    const pdf = await opened.page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(pageCount(pdf)).toBeGreaterThan(1);
  });
});

describe('PDF output', () => {
  it('prints every handbook with the installed Chromium, the same bytes each time', async () => {
    const printer = await openPdfPrinter(executable);
    try {
      const html = readAll((await renderSet(BASIC, { professions: ['teacher'], formats: ['html'] })).out).get('teacher.html') ?? '';
      const first = await printer.print(html);
      const second = await printer.print(html);
      expect(pageCount(first)).toBeGreaterThan(1);
      expect(Buffer.compare(first, second)).toBe(0);
      expect(first.toString('latin1')).toMatch(/\/CreationDate \(D:20000101000000/);
    } finally {
      await printer.close();
    }
  });

  it('protokit render --format md,html,pdf writes all three, with --chromium', async () => {
    const out = tempDir();
    let stderr = '';
    const code = await main(['render', BASIC, '--out', out, '--format', 'md,html,pdf', '--profession', 'shelter-worker', '--chromium', executable], {
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      cwd: process.cwd(),
    });
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const files = readAll(out);
    expect([...files.keys()]).toEqual(['index.html', 'shelter-worker.html', 'shelter-worker.md', 'shelter-worker.pdf']);
    expect(pageCount(Buffer.from(files.get('shelter-worker.pdf') ?? '', 'latin1'))).toBeGreaterThan(1);
    expect(files.get('index.html')).toContain('href="shelter-worker.pdf"');
  });
});
