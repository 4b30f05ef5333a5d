import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { protocolDocuments } from '../../src/check/run-rules.js';
import { SetIndex } from '../../src/check/set-index.js';
import { HandbookBuilder, RenderIndex, translatorFor } from '../../src/render/index.js';
import { createMarkdownRenderer, markdownJob, type MarkdownJob } from '../../src/render/to-markdown.js';
import { createSvgRenderer } from '../../src/render/diagram.js';
import { BASIC, loadWithTrees, tempDir, VALDORIA } from '../render/render-helpers.js';

/**
 * The Markdown worker pool of `render`: how many handbooks a worker may have queued before this
 * thread writes one itself, and that a worker writes what this thread would.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Pool {
  available(depth?: number): object | undefined;
  layout(diagrams: { dot: string; label: string }[], onLaidOut: (dot: string, label: string, svg: string) => void): void;
  write(worker: object, out: string, name: string, job: MarkdownJob): Promise<void>;
  close(): Promise<void>;
}
let pool: { MarkdownPool: new (size: number) => Pool; QUEUE_DEPTH: number };

beforeAll(async () => {
  // the worker thread runs the compiled module: build it when it is not there
  if (!existsSync(join(ROOT, 'dist/render/md-worker.js')) || !existsSync(join(ROOT, 'dist/render/md-pool.js'))) {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'pipe' });
  }
  pool = (await import(pathToFileURL(join(ROOT, 'dist/render/md-pool.js')).href)) as typeof pool;
}, 120_000);

function advocateJob(): MarkdownJob {
  const files = loadWithTrees(BASIC);
  const builder = new HandbookBuilder(new RenderIndex(new SetIndex(protocolDocuments(files)), files), translatorFor('en'));
  return markdownJob(builder.build('advocate'), builder.t);
}

describe('MarkdownPool', () => {
  it('queues up to QUEUE_DEPTH (8) handbooks per worker, then says none is available', async () => {
    expect(pool.QUEUE_DEPTH).toBe(8);
    const job = advocateJob();
    const out = tempDir('protokit-md-pool-');
    const markdown = new pool.MarkdownPool(1);
    try {
      const worker = markdown.available();
      expect(worker).toBeDefined();
      const writes: Promise<void>[] = [];
      for (let i = 0; i < pool.QUEUE_DEPTH; i++) {
        expect(markdown.available()).toBe(worker);
        writes.push(markdown.write(worker as object, out, `advocate-${i}.md`, job));
      }
      // full: this thread writes the next handbook itself
      expect(markdown.available()).toBeUndefined();
      await writes[0];
      expect(markdown.available()).toBe(worker);
      await Promise.all(writes);
      // the worker writes what this thread writes, for the first job and for later ones (which
      // send the body nodes the worker has already written as keys only)
      const expected = createMarkdownRenderer().handbook(job);
      expect(expected).toContain('# ');
      for (let i = 0; i < pool.QUEUE_DEPTH; i++) expect(readFileSync(join(out, `advocate-${i}.md`), 'utf8')).toBe(expected);
    } finally {
      await markdown.close();
    }
  }, 60_000);

  it('lays out diagrams ahead in the workers, each share in order, as this thread would, and writes Markdown after', async () => {
    const files = loadWithTrees(VALDORIA);
    const rindex = new RenderIndex(new SetIndex(protocolDocuments(files)), files);
    const builder = new HandbookBuilder(rindex, translatorFor('en'));
    const diagrams = builder.diagramsFor(rindex.professions.map((p) => p.id)).map((d) => ({ dot: d.dot, label: d.title }));
    expect(diagrams.length).toBeGreaterThan(2);
    const svg = await createSvgRenderer();
    const markdown = new pool.MarkdownPool(2);
    try {
      const laid: { dot: string; label: string; svg: string }[] = [];
      const all = new Promise<void>((resolve) => {
        markdown.layout(diagrams, (dot, label, text) => {
          laid.push({ dot, label, svg: text });
          if (laid.length === diagrams.length) resolve();
        });
      });
      // a handbook sent after the layout is written too, by a worker that laid diagrams out first
      const job = advocateJob();
      const out = tempDir('protokit-md-pool-');
      const worker = markdown.available();
      expect(worker).toBeDefined();
      await Promise.all([all, markdown.write(worker as object, out, 'advocate.md', job)]);
      expect(readFileSync(join(out, 'advocate.md'), 'utf8')).toBe(createMarkdownRenderer().handbook(job));
      // every diagram once, each worker's share (every second one) in the order given
      expect(laid.map((d) => d.dot).sort()).toEqual(diagrams.map((d) => d.dot).sort());
      for (const share of [0, 1]) {
        const mine = diagrams.filter((_, i) => i % 2 === share).map((d) => d.dot);
        expect(laid.map((d) => d.dot).filter((dot) => mine.includes(dot))).toEqual(mine);
      }
      for (const d of laid) {
        expect(d.svg).toMatch(/^<svg class="pathway-svg" role="img"/);
        expect(d.svg).toBe(svg(d.dot, d.label));
      }
    } finally {
      await markdown.close();
    }
  }, 60_000);
});
