import { randomBytes } from 'node:crypto';
import { closeSync, constants, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { IoError } from '../model/errors.js';

/**
 * Writes a file atomically: the content goes to a temporary file beside it, which is then renamed
 * over the target, so a reader (or an interrupted run) never sees half a file. Content in parts
 * (the parse cache's entries) is written part after part, without joining it into one buffer.
 */
export function writeFileAtomic(file: string, content: string | Uint8Array | readonly Uint8Array[]): void {
  let existing;
  try {
    // the path itself, never what a symbolic link points to: a link planted in an output folder
    // is replaced by the rename below, never written through
    existing = lstatSync(file);
  } catch {
    existing = undefined;
  }
  if (existing?.isDirectory() === true) throw new IoError(`Cannot write ${file}: it is a folder`);
  if (existing?.isBlockDevice() === true || existing?.isSocket() === true) throw new IoError(`Cannot write ${file}: it is a device or socket, not a file`);
  if (existing?.isCharacterDevice() === true || existing?.isFIFO() === true) {
    // /dev/null, /dev/full, a named pipe: written in place; a rename would replace the device node
    // itself (as root, /dev/null would become a regular file)
    writeInPlace(file, Array.isArray(content) ? Buffer.concat(content) : (content as string | Uint8Array), existing.isFIFO());
    return;
  }
  // a fresh name, created exclusively: a file or symbolic link planted at a guessable temporary
  // name (a pull request can add one to an output folder in the repository) is never written through
  const tmp = `${file}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    if (Array.isArray(content)) writeParts(tmp, content);
    else writeFileSync(tmp, content as string | Uint8Array, { flag: 'wx' });
    renameSync(tmp, file);
  } catch (error) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // the temporary file could not be created in the first place
    }
    throw writeError(file, error);
  }
}

/** Writes parts one after the other to a new file (`wx`: never through a planted file or link). */
function writeParts(file: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(file, 'wx');
  try {
    for (const part of parts) {
      for (let at = 0; at < part.length; ) at += writeSync(fd, part, at, part.length - at);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a device or pipe in place. A pipe is opened without blocking, so one that nothing reads
 * fails at once (ENXIO) instead of hanging the run, and written as its reader takes the bytes.
 */
function writeInPlace(file: string, content: string | Uint8Array, pipe: boolean): void {
  try {
    if (!pipe) {
      writeFileSync(file, content);
      return;
    }
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    const fd = openSync(file, constants.O_WRONLY | (constants.O_NONBLOCK ?? 0));
    const pause = new Int32Array(new SharedArrayBuffer(4));
    try {
      for (let at = 0; at < bytes.length; ) {
        try {
          at += writeSync(fd, bytes, at, bytes.length - at);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
          Atomics.wait(pause, 0, 0, 5);
        }
      }
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw writeError(file, error);
  }
}

/**
 * Writes the file a user named (`check --output FILE`): through symbolic links (`/dev/stdout`), in
 * place for a device or pipe, atomically for a regular file. Output folders use writeFileAtomic,
 * which never follows a link.
 */
export function writeOutputFile(file: string, content: string | Uint8Array): void {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    stat = undefined;
  }
  if (stat !== undefined && (stat.isCharacterDevice() || stat.isFIFO())) {
    writeInPlace(file, content, stat.isFIFO());
    return;
  }
  let target = file;
  try {
    target = realpathSync(file);
  } catch {
    // a new file: written where it is named
  }
  writeFileAtomic(target, content);
}

/** A failed write as a one-line tool error. */
function writeError(file: string, error: unknown): IoError {
  const { code, syscall } = error as NodeJS.ErrnoException;
  const why =
    code === 'ENOSPC' ? 'the disk is full'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'the folder is not writable'
    : code === 'ENOTDIR' || (code === 'EEXIST' && syscall === 'mkdir') ? 'a part of the path is a file, not a folder'
    : code === 'EISDIR' ? 'it is a folder'
    : code === 'ENXIO' ? 'it is a pipe that nothing reads from'
    : (error as Error).message;
  return new IoError(`Cannot write ${file}: ${why}`, { cause: error });
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
