import { existsSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { ParsedFile } from '../model/document.js';
import { discover, type FoundFile } from '../io/discover.js';
import type { Limits } from './limits.js';
import { readFound, type GivenFile } from './read-file.js';
import { parseFile, type ParsedFileWithTree } from './parse-file.js';
import { parseForHandbooks } from './tree.js';

export type { GivenFile } from './read-file.js';

/** Where and how to load a set. */
export interface LoadOptions {
  /** Folders or files to read. */
  paths: readonly string[];
  /** Paths in findings are relative to this folder (default: the current directory). */
  base?: string;
  ignore?: readonly string[];
  /** The folder `ignore` globs are relative to (the config file's folder); default: each path given. */
  ignoreBase?: string;
  limits: Limits;
  /**
   * Load for handbooks: each file parsed once with GFM (the body facts come from that tree) and
   * the trees handbooks read kept (see `parseForHandbooks`).
   */
  keepTree?: boolean;
  /**
   * With `keepTree`: nothing but handbooks reads the set (`render --force`), so of documents
   * other than agencies' only the audience containers are read from their bodies, not what rules read.
   */
  noRules?: boolean;
  /**
   * A document's contents given instead of its file (`--stdin`: an editor's unsaved buffer): read
   * as the file at `absolute`, which joins the set when it is not on disk.
   */
  given?: GivenFile;
}

/** The loaded set: every Markdown file, parsed and validated, in a stable order. */
export interface LoadedSet {
  files: ParsedFileWithTree[];
}

/** Finds the Markdown files of the given paths, relative to `base`, without duplicates. */
export function findFiles(options: LoadOptions): FoundFile[] {
  const base = resolve(options.base ?? '.');
  const seen = new Set<string>();
  const out: FoundFile[] = [];
  for (const path of options.paths) {
    // the given document need not be on disk
    if (options.given !== undefined && resolve(path) === options.given.absolute && !existsSync(path)) continue;
    const found = discover(path, options.ignore ?? [], options.limits.maxFiles, options.ignoreBase);
    for (const file of found.files) {
      const rel = relative(base, file.absolute).split(sep).join('/');
      if (seen.has(rel)) continue;
      seen.add(rel);
      out.push({ ...file, file: rel });
    }
  }
  if (options.given !== undefined) {
    const rel = relative(base, options.given.absolute).split(sep).join('/');
    if (!seen.has(rel)) out.push({ file: rel, absolute: options.given.absolute });
  }
  return out.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Loads a set in this thread (the parallel loader spreads the same work over workers). */
export function loadSet(options: LoadOptions): LoadedSet {
  const files = findFiles(options).map((found) => {
    const bytes = readFound(found, options.limits, options.given);
    if (!(bytes instanceof Uint8Array)) return bytes;
    return options.keepTree === true ? parseForHandbooks(found.file, bytes, options.limits, { noRules: options.noRules === true }) : parseFile(found.file, bytes, { limits: options.limits });
  });
  return { files };
}

/** Only the Markdown files that are protocol documents. */
export function documentsOf(files: readonly ParsedFile[]): ParsedFile[] {
  return files.filter((f) => f.isDocument);
}
