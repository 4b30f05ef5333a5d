import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { loadSet } from '../../src/load/load-set.js';
import { DEFAULT_LIMITS } from '../../src/load/limits.js';
import type { ParsedFileWithTree } from '../../src/load/parse-file.js';
import { renderHandbooks, type RenderOptions } from '../../src/render/index.js';

/** The render fixture set: four professions, a confidential shelter, a hostile body. */
export const BASIC = fileURLToPath(new URL('../fixtures/render/basic/', import.meta.url));
/** A set written in Spanish, for the label-language test. */
export const SPANISH = fileURLToPath(new URL('../fixtures/render/es/', import.meta.url));
/** The built-in example set. */
export const VALDORIA = fileURLToPath(new URL('../../protocols/valdoria/', import.meta.url));

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function tempDir(prefix = 'protokit-render-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Loads a set as `protokit render` does (with trees). */
export function loadWithTrees(dir: string): ParsedFileWithTree[] {
  return loadSet({ paths: [dir], base: dir, limits: DEFAULT_LIMITS, keepTree: true }).files;
}

/** Every file of a folder, by name, as text (PDF as latin1). */
export function readAll(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) out.set(name, readFileSync(join(dir, name), name.endsWith('.pdf') ? 'latin1' : 'utf8'));
  return out;
}

/** Renders a set into a new temporary folder and returns the folder and its files. */
export async function renderSet(dir: string, options: Partial<RenderOptions> = {}): Promise<{ out: string; files: Map<string, string> }> {
  const out = options.out ?? tempDir();
  await renderHandbooks({ files: loadWithTrees(dir), out, formats: ['md', 'html'], ...options });
  return { out, files: readAll(out) };
}
