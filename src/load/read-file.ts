import { closeSync, constants, openSync, readSync, fstatSync } from 'node:fs';
import type { ParsedFile } from '../model/document.js';
import type { FoundFile } from '../io/discover.js';
import type { Limits } from './limits.js';

/** A file that could not be read at all: one `io/read` finding, not a crash. */
export function unreadable(file: string, message: string): ParsedFile {
  return {
    file,
    hash: '',
    text: '',
    isDocument: true,
    body: { terms: [], audiences: [], prose: [] },
    suppressions: [],
    diagnostics: [{ ruleId: 'io/read', severity: 'error', message, file, range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } }, fatal: true }],
  };
}

/**
 * Reads a file, refusing one over the size limit before reading it into memory (the size is
 * checked on the open descriptor, so a file that grows meanwhile is still cut at the limit).
 */
export function readBytes(found: FoundFile, limits: Limits): Uint8Array | ParsedFile {
  if (found.problem !== undefined) return unreadable(found.file, `Cannot read this file: ${found.problem}`);
  let fd: number;
  try {
    // non-blocking: a FIFO swapped in after discovery must not hang the run on open
    fd = openSync(found.absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return unreadable(found.file, `Cannot read this file (${code ?? 'error'}): ${code === 'EACCES' ? 'give protokit read permission, or add it to `ignore`' : 'check that it exists and is a regular file'}`);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return unreadable(found.file, 'Cannot read this file: it is not a regular file (a folder, pipe or device), so it is not read');
    const size = stat.size;
    if (size > limits.maxFileSize) {
      return tooLarge(found.file, 'file', size, limits);
    }
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } catch (error) {
    return unreadable(found.file, `Cannot read this file (${(error as NodeJS.ErrnoException).code ?? 'error'}): it may be a folder or a device`);
  } finally {
    closeSync(fd);
  }
}

/** A document's contents given instead of its file (`--stdin`), and the path it is read as. */
export interface GivenFile {
  absolute: string;
  bytes: Uint8Array;
}

/** The finding for a file (or a given document) over `limits.maxFileSize`. */
function tooLarge(file: string, what: 'file' | 'document', size: number, limits: Limits): ParsedFile {
  return unreadable(file, `This ${what} is ${size} bytes, over the ${limits.maxFileSize}-byte limit: split it, or raise \`limits.maxFileSize\` in protokit.config.yaml`);
}

/**
 * The bytes of a found file: those given for it (`--stdin`), held to the same size limit, or
 * else read from disk (`readBytes`).
 */
export function readFound(found: FoundFile, limits: Limits, given: GivenFile | undefined): Uint8Array | ParsedFile {
  if (given === undefined || found.absolute !== given.absolute) return readBytes(found, limits);
  if (given.bytes.byteLength > limits.maxFileSize) return tooLarge(found.file, 'document', given.bytes.byteLength, limits);
  return given.bytes;
}
