import { parentPort } from 'node:worker_threads';
import type { Root } from 'mdast';
import { insideFolder, writeFileAtomic } from '../io/atomic-write.js';
import { stringifyMarkdown } from './to-mdast.js';

/** A Markdown handbook to write: its tree (from `markdownRoot`) and where. */
export interface MarkdownJob {
  id: number;
  /** The output folder; the file is written only inside it. */
  out: string;
  /** The file name inside `out`. */
  name: string;
  root: Root;
}

/** Done, or why not (`IoError` when the file could not be written). */
export type MarkdownReply = { id: number } | { id: number; error: { name: string; message: string; stack?: string } };

const port = parentPort;

if (port !== null) {
  port.on('message', (job: MarkdownJob) => {
    try {
      writeFileAtomic(insideFolder(job.out, job.name), stringifyMarkdown(job.root));
      port.postMessage({ id: job.id } satisfies MarkdownReply);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: job.id, error: { name: err.name, message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) } } satisfies MarkdownReply);
    }
  });
}
