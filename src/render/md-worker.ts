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

/**
 * Pathway diagrams to lay out ahead of this run's HTML handbooks (render.ts), in the order they
 * will be needed: each is sent back as soon as it is laid out (`LayoutReply`).
 */
export interface LayoutRequest {
  layout: { dot: string; label: string }[];
}

/** A diagram of a `LayoutRequest`, by its index there: the SVG `createSvgRenderer` gives. */
export interface LayoutReply {
  laid: number;
  svg: string;
}

const port = parentPort;

if (port !== null) {
  let renderer: MarkdownRenderer | undefined;
  const write = (write: MarkdownWrite): void => {
    try {
      renderer ??= createMarkdownRenderer(workerData as MarkdownWorkerData);
      writeFileAtomic(insideFolder(write.out, write.name), renderer.handbook(write.job));
      port.postMessage({ id: write.id } satisfies MarkdownReply);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      port.postMessage({ id: write.id, error: { name: err.name, message: err.message, ...(err.stack !== undefined ? { stack: err.stack } : {}) } } satisfies MarkdownReply);
    }
  };
  // a diagram not sent back is laid out by the thread that needs it: a failure here (Graphviz
  // not loading) only leaves that work to it
  const layOut = async (request: LayoutRequest): Promise<void> => {
    const { createSvgRenderer } = await import('./diagram.js');
    const svg = await createSvgRenderer();
    request.layout.forEach(({ dot, label }, laid) => port.postMessage({ laid, svg: svg(dot, label) } satisfies LayoutReply));
  };
  // one message at a time, in the order sent (a layout loads Graphviz first, asynchronously)
  let queue = Promise.resolve();
  port.on('message', (message: MarkdownWrite | LayoutRequest) => {
    queue = queue.then(() => ('layout' in message ? layOut(message).catch(() => undefined) : write(message)));
  });
}
