import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { IoError } from '../model/errors.js';

/**
 * Writes a file atomically: the content goes to a temporary file beside it, which is then renamed
 * over the target, so a reader (or an interrupted run) never sees half a file.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, content);
    renameSync(tmp, file);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the temporary file could not be created in the first place
    }
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOSPC' ? 'the disk is full' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'the folder is not writable' : (error as Error).message;
    throw new IoError(`Cannot write ${file}: ${why}`, { cause: error });
  }
}

/** Resolves `name` inside `folder`, refusing any path that would leave it (`../x`, absolute paths). */
export function insideFolder(folder: string, name: string): string {
  const root = resolve(folder);
  const target = resolve(root, name);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    throw new IoError(`Refusing to write ${name}: it is outside the output folder ${folder}`);
  }
  return target;
}
