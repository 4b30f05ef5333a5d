import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Root } from 'mdast';
import { InternalError, IoError, UsageError } from '../model/errors.js';
import type { MarkdownJob, MarkdownReply } from './md-worker.js';

const WORKER_URL = new URL('./md-worker.js', import.meta.url);

/** Whether the compiled worker exists next to this module (it does not when running from sources). */
export function markdownWorkerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Worker threads that write Markdown handbooks (remark-stringify is the most costly step of a
 * render): this thread sends a handbook's tree to an idle worker and goes on with the next
 * handbook, or writes it itself when every worker is busy. What is written does not depend on
 * which thread writes it.
 */
export class MarkdownPool {
  private readonly workers: Worker[] = [];
  private readonly busy = new Set<Worker>();
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_URL);
      worker.on('message', (reply: MarkdownReply) => {
        this.busy.delete(worker);
        const done = this.waiting.get(reply.id);
        this.waiting.delete(reply.id);
        if ('error' in reply) {
          const error = reply.error.name === 'IoError' ? new IoError(reply.error.message) : reply.error.name === 'UsageError' ? new UsageError(reply.error.message) : new InternalError(`Writing a Markdown handbook failed in a worker thread: ${reply.error.message}`);
          if (reply.error.stack !== undefined && error instanceof InternalError) error.stack = reply.error.stack;
          done?.reject(error);
        } else done?.resolve();
      });
      worker.on('error', (error) => this.fail(error instanceof Error ? error : new Error(String(error))));
      worker.on('exit', (code) => {
        if (this.waiting.size > 0) this.fail(new InternalError(`A worker thread stopped early (exit code ${code})`));
      });
      this.workers.push(worker);
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const done of this.waiting.values()) done.reject(this.failure);
    this.waiting.clear();
  }

  /** A worker with nothing to do, if any. */
  idle(): Worker | undefined {
    return this.failure === undefined ? this.workers.find((w) => !this.busy.has(w)) : undefined;
  }

  /** Has `worker` write `root` as `out/name`; settles when the file is written. */
  write(worker: Worker, out: string, name: string, root: Root): Promise<void> {
    const id = this.next++;
    this.busy.add(worker);
    const job: MarkdownJob = { id, out, name, root };
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    worker.postMessage(job);
    return done;
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
