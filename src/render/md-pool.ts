import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { YOUNG_GENERATION_MB } from '../load/parallel.js';
import { InternalError, IoError, UsageError } from '../model/errors.js';
import type { LayoutReply, LayoutRequest, MarkdownReply, MarkdownWorkerData, MarkdownWrite } from './md-worker.js';
import type { MemoNode } from './prose-markdown.js';
import type { MarkdownJob } from './to-markdown.js';

/**
 * Jobs a worker may have queued before this thread writes a Markdown handbook itself. Writing the
 * Markdown costs about what this thread's share (models, HTML) costs, so a worker keeps up with
 * a short queue; a shared body node written in one thread is written again in the other, so
 * this thread takes Markdown only when the workers fall well behind. With 2 (before) this thread
 * wrote a few handbooks itself and the writing part of a 1,000-agency render took ~10 % longer
 * (docs/benchmarks.md).
 */
export const QUEUE_DEPTH = 8;

// from this folder's parent, so that the CLI's bundle (dist/bundle/) finds it too
const WORKER_URL = new URL('../render/md-worker.js', import.meta.url);

/** Whether the compiled worker exists next to this module (it does not when running from sources). */
export function markdownWorkerAvailable(): boolean {
  return WORKER_URL.protocol === 'file:' && existsSync(fileURLToPath(WORKER_URL));
}

/**
 * Worker threads that write Markdown handbooks while this thread writes their HTML: this thread
 * sends a handbook's job (its model, with its body prose as trees) to the least loaded worker
 * and goes on with the next handbook, or writes it itself when every worker has `QUEUE_DEPTH`
 * jobs queued. What is written does not depend on which thread writes it.
 */
export class MarkdownPool {
  private readonly workers: Worker[] = [];
  /** Jobs sent to each worker and not yet done. */
  private readonly load = new Map<Worker, number>();
  /** Keys of the shared nodes each worker has been sent (it keeps their text). */
  private readonly sent = new Map<Worker, Set<number>>();
  private readonly waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private next = 0;
  private failure: Error | undefined;
  /** The diagrams each worker was asked to lay out, and where their SVGs go. */
  private readonly layouts = new Map<Worker, LayoutRequest['layout']>();
  private onLaidOut: ((dot: string, label: string, svg: string) => void) | undefined;

  constructor(size: number, data: MarkdownWorkerData = {}) {
    for (let i = 0; i < size; i++) {
      // a larger young generation, as for the parse workers of `render` (fewer scavenges of the models it is sent)
      const worker = new Worker(WORKER_URL, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      worker.on('message', (reply: MarkdownReply | LayoutReply) => {
        if ('laid' in reply) {
          const request = this.layouts.get(worker)?.[reply.laid];
          if (request !== undefined) this.onLaidOut?.(request.dot, request.label, reply.svg);
          return;
        }
        this.load.set(worker, (this.load.get(worker) ?? 1) - 1);
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
      this.load.set(worker, 0);
      this.sent.set(worker, new Set());
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const done of this.waiting.values()) done.reject(this.failure);
    this.waiting.clear();
  }

  /**
   * The least loaded worker that has fewer than `depth` jobs waiting or running, if any (a
   * handbook's tree waits in the worker's queue, so the depth bounds the memory it takes).
   */
  available(depth = QUEUE_DEPTH): Worker | undefined {
    if (this.failure !== undefined) return undefined;
    let best: Worker | undefined;
    for (const worker of this.workers) {
      const n = this.load.get(worker) ?? 0;
      if (n < depth && (best === undefined || n < (this.load.get(best) ?? 0))) best = worker;
    }
    return best;
  }

  /** Has `worker` write `job` as `out/name`; settles when the file is written. */
  write(worker: Worker, out: string, name: string, job: MarkdownJob): Promise<void> {
    const id = this.next++;
    this.load.set(worker, (this.load.get(worker) ?? 0) + 1);
    // a shared body node the worker was sent before (it wrote it in an earlier job: jobs run in
    // order) goes as its key alone
    const sent = this.sent.get(worker) ?? new Set<number>();
    const prose = job.model.prose.map((section) => ({
      ...section,
      root: {
        ...section.root,
        children: section.root.children.map((child) => {
          const memo = child as unknown as MemoNode;
          if (memo.type !== 'protokitMemo') return child;
          if (sent.has(memo.key)) return { type: 'protokitMemo', key: memo.key } as unknown as typeof child;
          sent.add(memo.key);
          return child;
        }),
      },
    }));
    const message: MarkdownWrite = { id, out, name, job: { model: { ...job.model, prose } } };
    const done = new Promise<void>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    worker.postMessage(message);
    return done;
  }

  /**
   * Has the workers lay out `diagrams` (Graphviz DOT and the SVG's label) before the handbooks
   * they are sent next, each worker a share in the order given; `onLaidOut` gets each SVG as it
   * comes back (when this thread takes the workers' messages). Call it once, before `write`.
   */
  layout(diagrams: LayoutRequest['layout'], onLaidOut: (dot: string, label: string, svg: string) => void): void {
    this.onLaidOut = onLaidOut;
    this.workers.forEach((worker, w) => {
      const share = diagrams.filter((_, i) => i % this.workers.length === w);
      if (share.length === 0) return;
      this.layouts.set(worker, share);
      worker.postMessage({ layout: share } satisfies LayoutRequest);
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
