import { parentPort, workerData } from 'node:worker_threads';
import { insideFolder, writeFileAtomic } from '../io/atomic-write.js';
import { createMarkdownRenderer, type MarkdownJob, type MarkdownRenderer } from './to-markdown.js';

/** A Markdown handbook to write: its job (from `markdownJob`) and where. */
export interface MarkdownWrite {
  id: number;
  /** The output folder; the file is written only inside it. */
  out: string;
  /** The file name inside `out`. */
  name: string;
  job: MarkdownJob;
}

/** What a worker is started with: the user's templates folder, if any. */
export interface MarkdownWorkerData {
  templatesDir?: string;
}

/** Done, or why not (`IoError` when the file could not be written). */
export type MarkdownReply = { id: number } | { id: number; error: { name: string; message: string; stack?: string } };

const port = parentPort;

if (port !== null) {
  let renderer: MarkdownRenderer | undefined;
  port.on('message', (write: MarkdownWrite) => {
    try {
      renderer ??= createMarkdownRenderer(workerData as MarkdownWorkerData);
      writeFileAtomic(insideFolder(write.out, write.name), renderer.handbook(write.job));
      port.postMessage({ id: write.id } satisfies MarkdownReply);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: write.id, error: { name: err.name, message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) } } satisfies MarkdownReply);
    }
  });
}
