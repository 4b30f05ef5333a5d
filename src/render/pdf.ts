import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { IoError } from '../model/errors.js';

/** Names under which a Chromium or Chrome is usually installed, in the order they are tried on PATH. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome'] as const;

/** Chromium's flags for printing: headless, no sandbox (containers), and no network of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** How to install a browser, for error messages. */
export const INSTALL_HINT = 'install one (Debian/Ubuntu: `apt-get install chromium`), or give its path with --chromium PATH or PROTOKIT_CHROMIUM';

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The Chromium to print with: `explicit` (--chromium or PROTOKIT_CHROMIUM) when given, else the
 * first of CHROMIUM_NAMES found on `path`. Throws an IoError (exit 2) that says how to install one.
 */
export function findChromium(explicit: string | undefined, path: string | undefined, cwd: string): string {
  if (explicit !== undefined && explicit !== '') {
    const file = isAbsolute(explicit) ? explicit : join(cwd, explicit);
    if (isExecutable(file)) return file;
    throw new IoError(`No Chromium at ${explicit} for --format pdf: it does not exist or is not executable; ${INSTALL_HINT}`);
  }
  for (const dir of (path ?? '').split(delimiter)) {
    if (dir === '') continue;
    for (const name of CHROMIUM_NAMES) {
      const file = join(dir, name);
      if (isExecutable(file)) return file;
    }
  }
  throw new IoError(`No Chromium found for --format pdf (looked for ${CHROMIUM_NAMES.join(', ')} on PATH): ${INSTALL_HINT}`);
}

/**
 * Chromium stamps each PDF with the time it was printed. The digits are replaced in place (the
 * same length, so the file's cross-reference offsets stay valid) by a fixed date, so that the same
 * handbook gives the same bytes.
 */
export function fixPdfDates(pdf: Uint8Array, date = '20000101000000'): Buffer {
  const buffer = Buffer.from(pdf);
  const text = buffer.toString('latin1');
  const pattern = /\/(?:CreationDate|ModDate)\s*\(D:(\d{14})/g;
  for (const match of text.matchAll(pattern)) {
    const at = (match.index ?? 0) + match[0].length - 14;
    buffer.write(date.slice(0, 14).padEnd(14, '0'), at, 'latin1');
  }
  return buffer;
}

/** A running headless Chromium that prints HTML to A4 PDF. */
export interface PdfPrinter {
  print(html: string): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Starts Chromium through playwright-core with a fresh profile in a temporary folder (removed on
 * close), offline, and with every request other than the page itself refused.
 */
export async function openPdfPrinter(executablePath: string): Promise<PdfPrinter> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'protokit-chromium-'));
  let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      offline: true,
      javaScriptEnabled: false,
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    const first = (error as Error).message.split('\n').find((line) => line.trim() !== '') ?? '';
    throw new IoError(`Chromium at ${executablePath} could not start (${first.trim()}): ${INSTALL_HINT}`, { cause: error });
  }
  await context.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
  return {
    async print(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
        return fixPdfDates(pdf);
      } finally {
        await page.close();
      }
    },
    async close() {
      try {
        await context.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
