import { parentPort, workerData } from 'node:worker_threads';
import type { FoundFile } from '../io/discover.js';
import type { ParsedFile } from '../model/document.js';
import type { Limits } from './limits.js';
import { parseFile } from './parse-file.js';
import { readBytes } from './read-file.js';
import { decodeText } from './text-decode.js';
import { parseForHandbooks } from './tree.js';

/** What the main thread sends a worker: a batch of files to read and parse (paths only, no bytes). */
export interface WorkerRequest {
  /** Index of the batch's first file in the sorted list of the set. */
  id: number;
  files: FoundFile[];
}

/** What a worker sends back: the parsed files of a batch, in the order asked, or why it failed. */
export type WorkerReply =
  | {
      id: number;
      files: ParsedFile[];
      /** Per file: whether `text` is the plain decoding of the bytes (the cache then need not store it). */
      plain?: boolean[];
    }
  | { id: number; error: { message: string; stack?: string } };

/** Set by the main thread when it starts the worker. */
export interface WorkerSetup {
  limits: Limits;
  /** Also say, per file, whether its text is the plain decoding of its bytes (for the cache). */
  plain: boolean;
  /** Also send the GFM tree of each body that handbooks read (`render`). */
  trees?: boolean;
  /** With `trees`: no rule reads the set (see `parseForHandbooks`). */
  noRules?: boolean;
}

const setup = workerData as WorkerSetup;
const port = parentPort;

if (port !== null) {
  port.on('message', (request: WorkerRequest) => {
    try {
      const files: ParsedFile[] = [];
      const plain: boolean[] = [];
      for (const found of request.files) {
        const bytes = readBytes(found, setup.limits);
        if (!(bytes instanceof Uint8Array)) {
          files.push(bytes);
          plain.push(false);
          continue;
        }
        // a tree only for render, and only for the bodies handbooks read
        const file = setup.trees === true ? parseForHandbooks(found.file, bytes, setup.limits, { noRules: setup.noRules === true }) : parseFile(found.file, bytes, { limits: setup.limits });
        files.push(file);
        if (setup.plain) plain.push(file.text === decodeText(bytes));
      }
      const reply: WorkerReply = setup.plain ? { id: request.id, files, plain } : { id: request.id, files };
      port.postMessage(reply);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      const reply: WorkerReply = { id: request.id, error: { message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) } };
      port.postMessage(reply);
    }
  });
}
