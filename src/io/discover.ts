import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { picomatch } from '../vendor/check-deps.js';
import { IoError } from '../model/errors.js';

/** A Markdown file found in a set, or one that could not be reached. */
export interface FoundFile {
  /** Set-relative path with `/` separators. */
  file: string;
  absolute: string;
  /** Why the file cannot be read, when it cannot. */
  problem?: string;
}

/** What discovery found. */
export interface Discovery {
  root: string;
  files: FoundFile[];
}

const ALWAYS_SKIPPED = new Set(['node_modules', '.git']);

/**
 * Lists the `*.md` files of a set in a stable order. Symbolic links are followed only when they
 * stay inside the set; a link that leaves it, or loops, is reported and not read.
 */
export function discover(root: string, ignore: readonly string[], maxFiles: number, ignoreBase?: string): Discovery {
  const absRoot = resolve(root);
  let realRoot: string;
  try {
    realRoot = realpathSync(absRoot);
  } catch (error) {
    throw new IoError(`Cannot read ${root}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`, { cause: error });
  }
  const isIgnored = ignore.length === 0 ? () => false : picomatch([...ignore], { dot: true });
  const files: FoundFile[] = [];
  const rootStat = statSync(absRoot);
  if (rootStat.isFile()) {
    return { root: resolve(absRoot, '..'), files: [{ file: toPosix(relative(resolve(absRoot, '..'), absRoot)), absolute: absRoot }] };
  }
  if (!rootStat.isDirectory()) {
    // a pipe or device named on the command line: never opened (a FIFO would block the run)
    return { root: resolve(absRoot, '..'), files: [{ file: toPosix(relative(resolve(absRoot, '..'), absRoot)), absolute: absRoot, problem: 'it is not a regular file (a pipe or device), so it is not read' }] };
  }
  const visitedDirs = new Set<string>([realRoot]);
  const walk = (dir: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      files.push({ file: toPosix(relative(absRoot, dir)) || '.', absolute: dir, problem: `the folder cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      const rel = toPosix(relative(absRoot, absolute));
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      // globs are relative to the config file's folder when there is one, else to the path given
      const ignoreRel = ignoreBase === undefined ? rel : toPosix(relative(ignoreBase, absolute));
      if (!ignoreRel.startsWith('../') && (isIgnored(ignoreRel) || (entry.isDirectory() && isIgnored(`${ignoreRel}/`)))) continue;
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(absolute);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (entry.name.endsWith('.md')) files.push({ file: rel, absolute, problem: code === 'ELOOP' ? 'the symbolic link loops' : 'the symbolic link points to nothing' });
          continue;
        }
        if (target !== realRoot && !target.startsWith(realRoot + sep)) {
          if (entry.name.endsWith('.md')) files.push({ file: rel, absolute, problem: 'the symbolic link points outside the protocol set, so it is not read' });
          continue;
        }
        const stat = statSync(target);
        if (stat.isDirectory()) {
          if (visitedDirs.has(target)) continue;
          visitedDirs.add(target);
          walk(absolute);
        } else if (stat.isFile() && entry.name.endsWith('.md')) {
          files.push({ file: rel, absolute });
        }
        continue;
      }
      if (entry.isDirectory()) {
        const real = realpathSync(absolute);
        if (visitedDirs.has(real)) continue;
        visitedDirs.add(real);
        walk(absolute);
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        files.push({ file: rel, absolute });
      }
      if (files.length > maxFiles) {
        throw new IoError(`The set holds more than ${maxFiles} Markdown files: point protokit at a smaller folder, add globs to \`ignore\`, or raise \`limits.maxFiles\` in protokit.config.yaml`);
      }
    }
  };
  walk(absRoot);
  return { root: absRoot, files };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
